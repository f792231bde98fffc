package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

class FileNameRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a.txt", "Cong_van-12.PDF", "bao.cao.2025.docx", "x.jpeg", "scan_01.TIFF", "bang.ods",
      "a.rtf", "a.doc", "a.odt", "a.csv", "a.xls", "a.xlsx", "a.png", "a.jpg", "a.tif"})
  void acceptsPlainAsciiNamesWithAnAcceptedExtension(String name) {
    assertThatCode(() -> FileNameRules.validate(name)).doesNotThrowAnyException();
  }

  @Test
  void exactlyFiftyCharactersIsAllowed() {
    String name = "a".repeat(46) + ".pdf";
    assertThat(name).hasSize(50);
    assertThat(FileNameRules.validate(name)).isEqualTo("pdf");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Công văn số 12.pdf | Cong_van_so_12.pdf",
      "Đề án.docx         | De_an.docx",
      "ĐỀ ÁN đô thị.DOCX  | DE_AN_do_thi.DOCX",
      "\u00D0e an.odt     | De_an.odt",
      "my file.pdf        | my_file.pdf",
      "a  &  b!!.xlsx     | a_b.xlsx",
      "(bản nháp).txt     | ban_nhap.txt",
      "Báo cáo quý III/2025.pdf | Bao_cao_quy_III_2025.pdf",
      "tiếng việt.jpg     | tieng_viet.jpg",
      "???.png            | tep.png"})
  void refusesDiacriticsSpacesAndSymbolsWithASuggestion(String name, String suggestion) {
    UserError e = catchThrowableOfType(() -> FileNameRules.validate(name), UserError.class);
    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(e.code()).isEqualTo("file-name-invalid");
    assertThat(e.extra()).containsEntry("suggestedName", suggestion);
    assertThat(e.messageVi()).contains("không dấu");
    assertThatCode(() -> FileNameRules.validate(suggestion)).doesNotThrowAnyException();
  }

  @Test
  void refusesFiftyOneCharactersAndSuggestsFiftyKeepingTheExtension() {
    String name = "a".repeat(47) + ".pdf";
    assertThat(name).hasSize(51);
    UserError e = catchThrowableOfType(() -> FileNameRules.validate(name), UserError.class);
    assertThat(e.code()).isEqualTo("file-name-too-long");
    String suggested = (String) e.extra().get("suggestedName");
    assertThat(suggested).hasSize(50).endsWith(".pdf").isEqualTo("a".repeat(46) + ".pdf");
  }

  @Test
  void longVietnameseNameIsTransliteratedThenTrimmed() {
    String name = "Quyết định về việc ban hành quy chế quản lý văn bản điện tử tỉnh.docx";
    String suggested = FileNameRules.suggest(name).orElseThrow();
    assertThat(suggested).hasSizeLessThanOrEqualTo(50).endsWith(".docx").startsWith("Quyet_dinh_ve_viec_ban_hanh");
    assertThat(suggested).doesNotContain("_.docx");
    assertThatCode(() -> FileNameRules.validate(suggested)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"virus.exe", "script.sh", "noextension", "archive.zip", "page.html", "a.pdf.exe"})
  void refusesOtherExtensionsWithoutASuggestion(String name) {
    UserError e = catchThrowableOfType(() -> FileNameRules.validate(name), UserError.class);
    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(e.code()).isEqualTo("file-extension-not-allowed");
    assertThat(e.extra()).doesNotContainKey("suggestedName");
  }

  @Test
  void refusesAnEmptyBaseName() {
    UserError e = catchThrowableOfType(() -> FileNameRules.validate(".pdf"), UserError.class);
    assertThat(e.code()).isEqualTo("file-name-invalid");
    assertThat(e.extra()).containsEntry("suggestedName", "tep.pdf");
  }

  @Test
  void refusesAMissingName() {
    UserError e = catchThrowableOfType(() -> FileNameRules.validate("  "), UserError.class);
    assertThat(e.code()).isEqualTo("file-name-missing");
  }

  @Test
  void transliterationMapsDStrokeExplicitly() {
    assertThat(FileNameRules.transliterate("Nguyễn Văn Đức đi Đà Lạt")).isEqualTo("Nguyen Van Duc di Da Lat");
  }
}
