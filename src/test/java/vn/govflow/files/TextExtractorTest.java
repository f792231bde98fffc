package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {
  @TempDir
  Path dir;

  final TextExtractor extractor = new TextExtractor(FilesFixture.TIKA, 5_000_000, Duration.ofSeconds(60));

  @AfterEach
  void close() {
    extractor.close();
  }

  @Test
  void tikaSecureContentHandlerRefusesABombEvenWithoutOurZipGuard() throws Exception {
    // A media type that does not trigger ZipBombGuard leaves only Tika's protections. 30 MB of text from
    // a ~30 KB file passes the 100:1 ratio long before the 5 million character write limit.
    Path bomb = Samples.docxBomb(dir, 30);
    assertThatThrownBy(() -> extractor.extract(bomb, "application/octet-stream"))
        .isInstanceOf(DecompressionBombException.class)
        .hasMessageContaining("Suspected zip bomb");
  }

  @Test
  void zipGuardRefusesOutOfProportionInflationAndAcceptsNormalPackages() throws Exception {
    Path bomb = Samples.docxBomb(dir, 100);
    assertThatThrownBy(() -> ZipBombGuard.check(bomb)).isInstanceOf(DecompressionBombException.class)
        .hasMessageContaining("word/document.xml");

    Path docx = Files.write(dir.resolve("ok.docx"), Samples.docx("binh thuong"));
    Path ods = Files.write(dir.resolve("ok.ods"), Samples.ods("binh thuong"));
    assertThatCode(() -> ZipBombGuard.check(docx)).doesNotThrowAnyException();
    assertThatCode(() -> ZipBombGuard.check(ods)).doesNotThrowAnyException();
  }

  @Test
  void aSmallPackageUnderTheGraceAllowanceIsStillCaughtByTika() throws Exception {
    // 10 MB of one letter in ~11 KB passes our guard (20 MB grace) but not SecureContentHandler (100:1).
    Path small = Samples.docxBomb(dir, 10);
    assertThatCode(() -> ZipBombGuard.check(small)).doesNotThrowAnyException();
    assertThatThrownBy(() -> extractor.extract(small,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        .isInstanceOf(DecompressionBombException.class);
  }

  @Test
  void aLongOrdinaryDocxIsExtractedInFull() throws Exception {
    // Varied text compresses far less than 100:1, so a long document is not mistaken for a bomb.
    StringBuilder text = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    while (text.length() < 1_500_000) {
      text.append(Long.toString(random.nextLong(), 36)).append(' ');
    }
    Path docx = Files.write(dir.resolve("long.docx"), Samples.docx(text.toString()));
    TextExtractor.Result r = extractor.extract(docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(r.status()).isEqualTo(TextStatus.EXTRACTED);
    assertThat(r.text()).hasSizeGreaterThan(1_500_000);
  }
}
