package vn.govflow.files.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.config.TikaConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;
import vn.govflow.files.ContentTypeCheck;
import vn.govflow.files.FilesProperties;

/**
 * DOCX and ODT to PDF through the real LibreOffice of the machine (Debian's libreoffice-writer-nogui). Without
 * it the conversions skip loudly, except under CI=true where they fail; the refusals are decided before the
 * office runs and are tested everywhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficeProcessConversionTest {
  static final Path OFFICE_HOME = Path.of("/usr/lib/libreoffice");
  static final long MAX_BYTES = FilesProperties.MAX_BYTES;

  @TempDir
  static Path shared;
  static ContentTypeCheck types;
  /** One converter (so one office profile, set up once) for the conversions of the class. */
  static OfficeProcessConversion converter;

  @BeforeAll
  static void setUp() {
    types = new ContentTypeCheck(TikaConfig.getDefaultConfig().getDetector());
    converter = converter(OFFICE_HOME, shared.resolve("convert"), Duration.ofSeconds(120));
  }

  static OfficeProcessConversion converter(Path officeHome, Path workDir, Duration timeout) {
    return new OfficeProcessConversion(new ConvertProperties(officeHome, workDir, timeout, 1, Duration.ofMinutes(3)),
        workDir, new OfficeDocumentCheck(types), MAX_BYTES);
  }

  static void requireOffice() {
    if (!converter.available()) {
      String message = "PDF CONVERSION TESTS NEED Debian's LibreOffice at " + OFFICE_HOME
          + ": apt-get install --no-install-recommends libreoffice-writer-nogui";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message + " — required under CI");
      }
      System.err.println("\n*** SKIPPED: " + message + " ***\n");
      Assumptions.abort(message);
    }
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isPositive();
      return new PDFTextStripper().getText(doc);
    }
  }

  /**
   * The fonts of the first page. Times New Roman (Decree 30/2020 Appendix I) is replaced by its metric twin
   * Liberation Serif; only version 2 (Debian's fonts-liberation2) has the Vietnamese letters, otherwise each
   * accented letter falls back to another font and the text no longer reads as words.
   */
  static Set<String> fonts(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Set<String> names = new java.util.TreeSet<>();
      var resources = doc.getPage(0).getResources();
      for (var name : resources.getFontNames()) {
        names.add(resources.getFont(name).getName());
      }
      return names;
    }
  }

  @Test
  void aDocxBecomesAPdfWithItsVietnameseText() throws Exception {
    requireOffice();
    byte[] pdf = converter.toPdf(OfficeSamples.docx(OfficeSamples.TITLE, "Điều 1. Giao Sở Thông tin và Truyền thông"
        + " chủ trì thực hiện."), "du-thao.docx");

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(text(pdf)).contains("Quyết định về việc phê duyệt", "Đắk Lắk", "Điều 1. Giao Sở Thông tin");
    assertThat(fonts(pdf)).isNotEmpty().allMatch(f -> f.contains("LiberationSerif"));
    assertThat(shared.resolve("convert/jobs")).isEmptyDirectory();
    // The office kept the locked-down settings it was given (it rewrites its profile on exit).
    assertThat(shared.resolve("convert/profiles/worker-1/user/registrymodifications.xcu")).content()
        .contains("<prop oor:name=\"DisableMacrosExecution\" oor:op=\"fuse\"><value>true</value>",
            "<prop oor:name=\"BlockUntrustedRefererLinks\" oor:op=\"fuse\"><value>true</value>",
            "<prop oor:name=\"ooInetHTTPProxyPort\" oor:op=\"fuse\"><value>9</value>");
  }

  @Test
  void anOdtBecomesAPdfAndItsHyperlinksAreKept() throws Exception {
    requireOffice();
    byte[] odt = OfficeSamples.odt("<text:p text:style-name=\"P1\">" + OfficeSamples.TITLE
        + "</text:p><text:p text:style-name=\"P1\">Xem "
        + "<text:a xlink:type=\"simple\" xlink:href=\"https://daklak.gov.vn/\">Cổng thông tin</text:a>.</text:p>");

    byte[] pdf = converter.toPdf(odt, "du-thao.odt");

    assertThat(text(pdf)).contains("Quyết định về việc phê duyệt", "Đắk Lắk", "Cổng thông tin");
    assertThat(fonts(pdf)).isNotEmpty().allMatch(f -> f.contains("LiberationSerif"));
  }

  @Test
  void aFileThatIsNotDocxOrOdtIsRefusedWhateverItsName() {
    UserError e = catchThrowableOfType(UserError.class, () -> converter.toPdf(
        "Quyết định về việc ... Đắk Lắk".getBytes(StandardCharsets.UTF_8), "quyet-dinh.docx"));

    assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(e.code()).isEqualTo("convert-type");
    assertThat(e.messageVi()).startsWith("Chỉ chuyển được sang PDF tệp văn bản DOCX hoặc ODT").contains("text/plain");
    assertThat(e.messageEn()).startsWith("Only DOCX or ODT documents can be converted");
  }

  @Test
  void macrosAreRefused() throws Exception {
    byte[] docm = OfficeSamples.docxWithVba(true);
    byte[] docxWithVba = OfficeSamples.docxWithVba(false);
    byte[] odtWithBasic = OfficeSamples.odt("<text:p>" + OfficeSamples.TITLE + "</text:p>",
        Map.of("Basic/Standard/Module1.xml", "<script:module xmlns:script=\"http://openoffice.org/2000/script\""
            + " script:name=\"Module1\" script:language=\"StarBasic\">Sub Main\nShell(\"id\")\nEnd Sub</script:module>"));
    byte[] odtEventBound = OfficeSamples.odt("<text:p><draw:frame><draw:image xlink:href=\"Pictures/a.png\"/>"
        + "<office:event-listeners><script:event-listener script:language=\"ooo:script\" script:event-name=\"dom:load\""
        + " xlink:href=\"vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document\"/>"
        + "</office:event-listeners></draw:frame></text:p>");

    for (byte[] document : new byte[][] {docm, docxWithVba, odtWithBasic, odtEventBound}) {
      UserError e = catchThrowableOfType(UserError.class, () -> converter.toPdf(document, "co-macro"));
      assertThat(e.code()).isEqualTo("convert-macros");
      assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
      assertThat(e.messageVi()).contains("có chứa macro");
    }
  }

  @Test
  void anEncryptedDocumentIsRefused() throws Exception {
    UserError e = catchThrowableOfType(UserError.class,
        () -> converter.toPdf(OfficeSamples.encryptedDocx(OfficeSamples.TITLE), "mat-khau.docx"));

    assertThat(e.code()).isEqualTo("convert-encrypted");
    assertThat(e.messageVi()).contains("được đặt mật khẩu");
  }

  @Test
  void contentLinkedFromOutsideTheFileIsRefused() throws Exception {
    byte[] docxWebPicture = OfficeSamples.docxWithLinkedPicture("http://169.254.169.254/latest/meta-data/");
    byte[] docxLocalFile = OfficeSamples.docxWithLinkedPicture("file:///etc/passwd");
    byte[] docxIncludeField = OfficeSamples.withEntries(OfficeSamples.docx("x"), Map.of("word/document.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>
        <w:fldSimple w:instr=" INCLUDETEXT &quot;/etc/passwd&quot; "><w:r><w:t>x</w:t></w:r></w:fldSimple>
        </w:p></w:body></w:document>
        """));
    byte[] odtWebPicture = OfficeSamples.odt("<text:p><draw:frame svg:width=\"2cm\" svg:height=\"2cm\">"
        + "<draw:image xlink:type=\"simple\" xlink:href=\"https://example.org/a.png\"/></draw:frame></text:p>");
    // A colon written as a character reference still makes an address: the check reads decoded XML.
    byte[] odtEncodedScheme = OfficeSamples.odt("<text:p><draw:frame><draw:image"
        + " xlink:href=\"file&#58;///etc/passwd\"/></draw:frame></text:p>");
    byte[] odtLinkedSection = OfficeSamples.odt("<text:section text:name=\"S\"><text:section-source"
        + " xlink:href=\"../../secret.odt\"/></text:section>");

    for (byte[] document : new byte[][] {docxWebPicture, docxLocalFile, docxIncludeField, odtWebPicture,
        odtEncodedScheme, odtLinkedSection}) {
      UserError e = catchThrowableOfType(UserError.class, () -> converter.toPdf(document, "lien-ket"));
      assertThat(e).as("refused").isNotNull();
      assertThat(e.code()).isEqualTo("convert-external-content");
      assertThat(e.messageVi()).contains("lấy nội dung từ bên ngoài tệp");
    }
  }

  @Test
  void withoutLibreOfficeTheHandlerIsToldToUploadThePdf(@TempDir Path dir) throws Exception {
    OfficeProcessConversion missing = converter(dir.resolve("no-office-here"), dir, Duration.ofSeconds(60));

    assertThat(missing.available()).isFalse();
    UserError e = catchThrowableOfType(UserError.class,
        () -> missing.toPdf(OfficeSamples.docx(OfficeSamples.TITLE), "du-thao.docx"));
    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(e.code()).isEqualTo("convert-unavailable");
    assertThat(e.messageVi()).isEqualTo("Máy chủ chưa cài LibreOffice nên không chuyển được \"du-thao.docx\" sang"
        + " PDF; hãy tải lên bản PDF của văn bản.");
    assertThat(e.messageEn()).contains("LibreOffice is not installed", "upload the PDF");
  }

  /**
   * Runs first, on the class's work directory: the conversions after it use the profile of the office killed
   * here, so they also show that a killed office leaves its worker usable.
   */
  @Test
  @Order(1)
  void aConversionPastTheTimeoutIsKilledWithItsProcesses() throws Exception {
    requireOffice();
    Path workDir = shared.resolve("convert");
    OfficeProcessConversion impatient = converter(OFFICE_HOME, workDir, Duration.ofSeconds(2));
    String[] pages = new String[1000];
    java.util.Arrays.fill(pages, OfficeSamples.TITLE + ". " + "Nội dung dài để dàn trang lâu. ".repeat(20));
    byte[] longDocx = OfficeSamples.docx(pages);

    // Every office process of this work directory seen while the conversion runs.
    Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> {
      while (watching.get()) {
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(workDir.toString())).orElse(false))
            .forEach(seen::add);
        Thread.onSpinWait();
      }
    });
    watcher.start();
    UserError e;
    try {
      e = catchThrowableOfType(UserError.class, () -> impatient.toPdf(longDocx, "rat-dai.docx"));
    } finally {
      watching.set(false);
      watcher.join();
    }

    assertThat(e).as("the conversion is stopped").isNotNull();
    assertThat(e.code()).isEqualTo("convert-timeout");
    assertThat(e.messageVi()).startsWith("Chuyển \"rat-dai.docx\" sang PDF quá 2 giây nên đã bị dừng.");
    assertThat(seen).as("the office was running when the time ran out").isNotEmpty();
    assertThat(seen).as("no office process outlives the timeout").noneMatch(ProcessHandle::isAlive);
    assertThat(workDir.resolve("jobs")).isEmptyDirectory();
  }

  @Test
  void theSettingsBindAndTheConverterIsABean(@TempDir Path dir) {
    new ApplicationContextRunner()
        .withUserConfiguration(FilesBeans.class, ConvertConfig.class)
        .withPropertyValues("govflow.convert.office-home=" + dir.resolve("missing"), "govflow.data-dir=" + dir,
            "govflow.convert.timeout=5s", "govflow.convert.max-concurrent=2")
        .run(context -> {
          assertThat(context.getBean(ConvertProperties.class).timeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(context.getBean(ConvertProperties.class).maxConcurrent()).isEqualTo(2);
          PdfConversion conversion = context.getBean(PdfConversion.class);
          assertThat(conversion.available()).isFalse();
          assertThatThrownBy(() -> conversion.toPdf(OfficeSamples.docx("x"), "x.docx"))
              .isInstanceOfSatisfying(UserError.class, u -> assertThat(u.code()).isEqualTo("convert-unavailable"));
        });
    assertThat(Files.exists(dir.resolve("convert/jobs"))).as("scratch under the data directory").isTrue();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(FilesProperties.class)
  static class FilesBeans {
    @Bean
    ContentTypeCheck contentTypeCheck() {
      return new ContentTypeCheck(TikaConfig.getDefaultConfig().getDetector());
    }
  }
}
