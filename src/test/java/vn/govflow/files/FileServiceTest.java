package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

class FileServiceTest {
  @TempDir
  Path root;
  @TempDir
  Path work;

  FilesFixture fx;

  @BeforeEach
  void setUp() {
    fx = new FilesFixture(root);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private StoredFile store(String name, byte[] content) {
    return fx.service.store(name, new ByteArrayInputStream(content), FilesFixture.CLERK_A);
  }

  private UserError refused(String name, byte[] content) {
    return refused(name, new ByteArrayInputStream(content));
  }

  /** Refusal must leave nothing: no row, no blob, no temporary file. */
  private UserError refused(String name, InputStream content) {
    try {
      long rowsBefore = fx.mapper.count();
      java.util.List<Path> filesBefore = fx.filesOnDisk();
      int auditBefore = fx.audit.size();
      UserError e = catchThrowableOfType(() -> fx.service.store(name, content, FilesFixture.CLERK_A),
          UserError.class);
      assertThat(e).as("refusal of " + name).isNotNull();
      assertThat(fx.mapper.count()).isEqualTo(rowsBefore);
      assertThat(fx.filesOnDisk()).as("files under the storage root").isEqualTo(filesBefore);
      assertThat(fx.audit).hasSize(auditBefore);
      return e;
    } catch (java.io.IOException io) {
      throw new AssertionError(io);
    }
  }

  // --- accepted formats -------------------------------------------------------------------------

  @Test
  void storesADocxWithItsTextMetadataBlobAndAudit() throws Exception {
    byte[] content = Samples.docx("Công văn số 12 về lịch làm việc");
    StoredFile f = store("Cong_van_so_12.docx", content);

    assertThat(f.id()).hasSize(36);
    assertThat(f.agencyCode()).isEqualTo("000.00.00.H41");
    assertThat(f.extension()).isEqualTo("docx");
    assertThat(f.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(f.sizeBytes()).isEqualTo(content.length);
    assertThat(f.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(f.uploadedBy()).isEqualTo("vanthu.a");
    assertThat(f.textStatus()).isEqualTo(TextStatus.EXTRACTED);
    assertThat(fx.service.extractedText(f)).contains("Công văn số 12 về lịch làm việc");

    Path blob = root.resolve(f.sha256().substring(0, 2)).resolve(f.sha256().substring(2, 4)).resolve(f.sha256());
    assertThat(blob).exists().hasBinaryContent(content);
    try (InputStream in = fx.service.open(f)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(fx.service.find(f.id(), FilesFixture.HANDLER_A)).contains(f);
    assertThat(fx.audit).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo("file.upload");
      assertThat(a.objectType()).isEqualTo("file");
      assertThat(a.objectId()).isEqualTo(f.id());
      assertThat(a.detail()).contains("Cong_van_so_12.docx");
    });
    assertThat(fx.filesOnDisk()).containsExactly(blob);
  }

  @Test
  void acceptsEveryFormatOfTheRegulation() throws Exception {
    record Case(String name, byte[] content, String mediaType, TextStatus status, String text) {}
    Case[] cases = {
        new Case("a.txt", Samples.txt("Lịch làm việc tuần 27"), "text/plain", TextStatus.EXTRACTED, "tuần 27"),
        new Case("a.csv", Samples.csv(), "text/csv", TextStatus.EXTRACTED, "Bao cao quy"),
        new Case("a.rtf", Samples.rtf(), "application/rtf", TextStatus.EXTRACTED, "Cong van so 12"),
        new Case("a.xlsx", Samples.xlsx("Bảng kê xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TextStatus.EXTRACTED, "Bảng kê xlsx"),
        new Case("a.xls", Samples.xls("Bang ke xls"), "application/vnd.ms-excel", TextStatus.EXTRACTED, "Bang ke xls"),
        new Case("a.PDF", Samples.pdf("Quyet dinh so 4"), "application/pdf", TextStatus.EXTRACTED, "Quyet dinh so 4"),
        new Case("a.odt", Samples.odt("Văn bản odt"), "application/vnd.oasis.opendocument.text",
            TextStatus.EXTRACTED, "Văn bản odt"),
        new Case("a.ods", Samples.ods("Bảng tính ods"), "application/vnd.oasis.opendocument.spreadsheet",
            TextStatus.EXTRACTED, "Bảng tính ods"),
        new Case("a.png", Samples.image("png"), "image/png", TextStatus.EMPTY, null),
        new Case("a.jpg", Samples.image("jpeg"), "image/jpeg", TextStatus.EMPTY, null),
        new Case("a.jpeg", Samples.image("jpeg"), "image/jpeg", TextStatus.EMPTY, null),
        new Case("a.tif", Samples.image("tiff"), "image/tiff", TextStatus.EMPTY, null),
        new Case("a.tiff", Samples.image("tiff"), "image/tiff", TextStatus.EMPTY, null),
    };
    for (Case c : cases) {
      StoredFile f = store(c.name(), c.content());
      assertThat(f.mediaType()).as(c.name()).isEqualTo(c.mediaType());
      assertThat(f.textStatus()).as(c.name() + " " + f.textNote()).isEqualTo(c.status());
      if (c.text() != null) {
        assertThat(fx.service.extractedText(f)).as(c.name()).contains(c.text());
      } else {
        assertThat(fx.service.extractedText(f)).as(c.name()).isNull();
      }
    }
  }

  @Test
  void sameContentTwiceIsOneBlobAndTwoRows() throws Exception {
    byte[] content = Samples.pdf("Ban sao");
    StoredFile first = store("a.pdf", content);
    StoredFile second = fx.service.store("b.pdf", new ByteArrayInputStream(content), FilesFixture.CLERK_B);

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(fx.mapper.count()).isEqualTo(2);
    assertThat(fx.filesOnDisk()).hasSize(1);
  }

  @Test
  void erasedFilesLoseTheirRowAtOnceAndTheirBytesAtTheSweepUnlessStillUsed() throws Exception {
    byte[] shared = Samples.pdf("Dung chung");
    byte[] own = Samples.pdf("Giay to tuy than");
    StoredFile kept = store("a.pdf", shared);
    StoredFile sameBytes = store("b.pdf", shared);
    StoredFile personal = store("cccd.pdf", own);
    int auditBefore = fx.audit.size();

    fx.service.erase(sameBytes.id(), "test");
    fx.service.erase(personal.id(), "test");
    assertThat(fx.mapper.findById(personal.id())).isNull();
    assertThat(fx.mapper.findText(personal.id())).isNull();
    assertThat(fx.audit).hasSize(auditBefore + 2);
    assertThat(fx.filesOnDisk()).hasSize(2);

    // Young blobs stay (an upload of the same bytes may be on its way); old unreferenced ones go.
    assertThat(fx.service.sweep(java.time.Duration.ofHours(1))).isZero();
    for (Path p : fx.filesOnDisk()) {
      java.nio.file.Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(
          java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
    }
    assertThat(fx.service.sweep(java.time.Duration.ofHours(1))).isEqualTo(1);
    assertThat(fx.filesOnDisk()).hasSize(1);
    assertThat(fx.service.open(kept).readAllBytes()).isEqualTo(shared);

    // Uploading erased bytes again makes the blob young and referenced: the sweep leaves it.
    StoredFile again = store("cccd2.pdf", own);
    fx.service.erase(again.id(), "test");
    StoredFile third = store("cccd3.pdf", own);
    assertThat(fx.service.sweep(java.time.Duration.ZERO)).isZero();
    assertThat(fx.service.open(third).readAllBytes()).isEqualTo(own);
  }

  // --- name, size ----------------------------------------------------------------------------------

  @Test
  void refusesADiacriticNameBeforeReadingTheContent() throws Exception {
    UserError e = refused("Công văn số 12.pdf", Samples.pdf("x"));
    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(e.extra()).containsEntry("suggestedName", "Cong_van_so_12.pdf");
    assertThat(refused("Đề án.docx", Samples.docx("x")).extra()).containsEntry("suggestedName", "De_an.docx");
    assertThat(refused("ke hoach.pdf", Samples.pdf("x")).extra()).containsEntry("suggestedName", "ke_hoach.pdf");
    assertThat(refused("b".repeat(47) + ".pdf", Samples.pdf("x")).code()).isEqualTo("file-name-too-long");
  }

  @Test
  void refusesAnEmptyFile() {
    UserError e = refused("empty.pdf", new byte[0]);
    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(e.code()).isEqualTo("file-empty");
  }

  @Test
  void refusesFiftyMegabytesAndOneByteWhileStreaming() {
    UserError e = refused("big.pdf", Samples.generated(FilesProperties.MAX_BYTES + 1));
    assertThat(e.status().value()).isEqualTo(413);
    assertThat(e.code()).isEqualTo("file-too-large");
    assertThat(e.messageVi()).contains("50 MB");
  }

  @Test
  void acceptsExactlyFiftyMegabytes() throws Exception {
    StoredFile f = fx.service.store("limit.txt", Samples.generated(FilesProperties.MAX_BYTES),
        FilesFixture.CLERK_A);
    assertThat(f.sizeBytes()).isEqualTo(52_428_800L);
    assertThat(f.textStatus()).isEqualTo(TextStatus.TRUNCATED);
    assertThat(fx.service.extractedText(f)).hasSize(5_000_000);
    assertThat(fx.filesOnDisk()).hasSize(1);
  }

  // --- content type ------------------------------------------------------------------------------

  @Test
  void refusesAnExecutableNamedPdf() throws Exception {
    UserError e = refused("hoso.pdf", Samples.executable());
    assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(e.code()).isEqualTo("file-type-mismatch");
    assertThat(e.messageEn()).contains("application/x-").contains("application/pdf");
    assertThat(e.extra()).containsEntry("extensionType", "application/pdf");
  }

  @Test
  void refusesOtherMismatches() throws Exception {
    assertThat(refused("script.pdf", Samples.shellScript()).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    UserError png = refused("anh.docx", Samples.image("png"));
    assertThat(png.extra()).containsEntry("detectedType", "image/png");
    // Container-aware detection: an xls is not a doc, an odt is not a docx, a pdf is not text.
    assertThat(refused("bang.doc", Samples.xls("x")).extra()).containsEntry("detectedType", "application/vnd.ms-excel");
    assertThat(refused("vanban.docx", Samples.odt("x")).extra())
        .containsEntry("detectedType", "application/vnd.oasis.opendocument.text");
    assertThat(refused("bang.xlsx", Samples.docx("x")).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(refused("a.txt", Samples.pdf("x")).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(refused("plain.docx", plainZip()).extra()).containsEntry("detectedType", "application/zip");
  }

  private static byte[] plainZip() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
      zip.write("hello".getBytes());
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  // --- extraction outcomes -----------------------------------------------------------------------

  @Test
  void storesAPasswordProtectedPdfFlaggedEncrypted() throws Exception {
    StoredFile f = store("mat.pdf", Samples.pdf("Noi dung mat", "user-secret"));
    assertThat(f.textStatus()).as(f.textNote()).isEqualTo(TextStatus.ENCRYPTED);
    assertThat(fx.service.extractedText(f)).isNull();
    assertThat(fx.filesOnDisk()).hasSize(1);
  }

  @Test
  void storesAPasswordProtectedDocxFlaggedEncrypted() throws Exception {
    StoredFile f = store("mat.docx", Samples.encryptedDocx("Noi dung mat"));
    assertThat(f.textStatus()).as(f.textNote()).isEqualTo(TextStatus.ENCRYPTED);
    assertThat(f.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }

  @Test
  void storesACorruptPdfFlaggedCorrupt() throws Exception {
    StoredFile f = store("hong.pdf", Samples.corruptPdf());
    assertThat(f.textStatus()).isEqualTo(TextStatus.CORRUPT);
    assertThat(f.textNote()).isNotBlank();
    assertThat(fx.filesOnDisk()).hasSize(1);
  }

  @Test
  void keepsTheBeginningWhenTheWriteLimitIsReached() throws Exception {
    try (FilesFixture small = new FilesFixture(work, 100, Duration.ofSeconds(60))) {
      StoredFile f = small.service.store("dai.txt", new ByteArrayInputStream(Samples.txt("0123456789".repeat(50))),
          FilesFixture.CLERK_A);
      assertThat(f.textStatus()).isEqualTo(TextStatus.TRUNCATED);
      assertThat(small.service.extractedText(f)).hasSize(100).startsWith("0123456789");
    }
  }

  @Test
  void flagsATimeoutAndStillStoresTheFile() throws Exception {
    try (FilesFixture slow = new FilesFixture(work, 5_000_000, Duration.ofNanos(1))) {
      StoredFile f = slow.service.store("a.pdf", new ByteArrayInputStream(Samples.pdf("x")), FilesFixture.CLERK_A);
      assertThat(f.textStatus()).isEqualTo(TextStatus.TIMEOUT);
      assertThat(slow.filesOnDisk()).hasSize(1);
    }
  }

  @Test
  void refusesADocxDecompressionBombAndLeavesNothing() throws Exception {
    Path bomb = Samples.docxBomb(work, 300);
    assertThat(Files.size(bomb)).isLessThan(2_000_000);
    try (InputStream in = Files.newInputStream(bomb)) {
      UserError e = refused("bomb.docx", in);
      assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
      assertThat(e.code()).isEqualTo("file-decompression-bomb");
    }
  }

  @Test
  void refusalsAfterAStoredFileLeaveOnlyThatFile() throws Exception {
    StoredFile kept = store("a.pdf", Samples.pdf("giu lai"));
    refused("hoso.pdf", Samples.executable());
    refused("rong.pdf", new byte[0]);
    refused("to.pdf", Samples.generated(FilesProperties.MAX_BYTES + 1));
    try (InputStream in = Files.newInputStream(Samples.docxBomb(work, 200))) {
      refused("bomb.docx", in);
    }
    assertThat(fx.filesOnDisk()).containsExactly(fx.blobs.pathOf(kept.sha256()));
    assertThat(fx.mapper.count()).isEqualTo(1);
  }

  // --- access -------------------------------------------------------------------------------------

  @Test
  void anotherAgencyCannotFindTheFile() throws Exception {
    StoredFile f = store("a.pdf", Samples.pdf("x"));
    assertThat(fx.service.find(f.id(), FilesFixture.CLERK_B)).isEmpty();
    assertThat(fx.service.find(f.id(), FilesFixture.HANDLER_A)).isPresent();
    assertThat(fx.service.find("not-a-uuid", FilesFixture.CLERK_A)).isEmpty();
    assertThat(fx.service.find("00000000-0000-0000-0000-000000000000", FilesFixture.CLERK_A)).isEmpty();
  }
}
