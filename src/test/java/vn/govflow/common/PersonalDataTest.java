package vn.govflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How erasure recognises a person's values inside other texts, and where it deliberately does not. */
class PersonalDataTest {
  private static final List<String> ASKER = List.of("Trương Thị Bích Ngọc", "bichngoc.truong@example.vn",
      "0912345678", "Lan", "Võ");

  @Test
  void valuesAreFoundInsideLongerTextsWhateverTheirCase() {
    assertThat(PersonalData.redact("Đã gửi thư tới BICHNGOC.TRUONG@EXAMPLE.VN hôm qua", ASKER))
        .isEqualTo("Đã gửi thư tới [đã xóa] hôm qua");
    assertThat(PersonalData.redact("Kính gửi bà trương thị bích ngọc,", ASKER)).isEqualTo("Kính gửi bà [đã xóa],");
    assertThat(PersonalData.redact("{\"email\":\"bichngoc.truong@example.vn\"}", ASKER))
        .isEqualTo("{\"email\":\"[đã xóa]\"}");
  }

  @Test
  void aPhoneNumberIsFoundAsPeopleWriteIt() {
    for (String written : List.of("0912345678", "0912 345 678", "091.234.5678", "+84 912 345 678", "+84912345678")) {
      assertThat(PersonalData.redact("Gọi " + written + " sau 17 giờ", ASKER)).isEqualTo("Gọi [đã xóa] sau 17 giờ");
    }
    // Not part of a longer number.
    assertThat(PersonalData.mentions("Số hồ sơ 109123456789", ASKER)).isFalse();
  }

  @Test
  void shortValuesOnlyAsWholeWordsAndTheShortestNever() {
    // "Lan" (3 characters) is a given name as a word, not the start of "Lang" or "Lanh".
    assertThat(PersonalData.redact("Chị Lan ở Lang Thíp, lanh lợi", ASKER)).isEqualTo("Chị [đã xóa] ở Lang Thíp, lanh lợi");
    // "Võ" (2 characters) is too short to mean anyone: "võ thuật" stays.
    assertThat(PersonalData.mentions("Câu lạc bộ Võ thuật", ASKER)).isFalse();
  }

  @Test
  void aValueCutByAnEllipsisGoesToo() {
    assertThat(PersonalData.redact("HD-2026-ABCDEFGH – Tôi là bà Trương Thị Bí…", ASKER))
        .isEqualTo("HD-2026-ABCDEFGH – Tôi là bà [đã xóa]…");
    assertThat(PersonalData.redact("điện thoại 0912345678, thư bichngoc.truo…", ASKER))
        .isEqualTo("điện thoại [đã xóa], thư [đã xóa]…");
  }

  @Test
  void onlyAnEmailOrAPhoneReachesOnePersonEverywhere() {
    assertThat(PersonalData.contacts(List.of("Trương Thị Bích Ngọc", "Số 17 ngõ Hoa Sữa", "bichngoc.truong@example.vn",
        "0912 345 678", "203.113.45.67"))).containsExactly("bichngoc.truong@example.vn", "0912 345 678");
  }

  @Test
  void bytesKeepTheirTextOrBecomeTheMarkerWhenNotText() {
    byte[] json = "{\"name\": \"Trương Thị Bích Ngọc\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(PersonalData.redact(json, ASKER), StandardCharsets.UTF_8)).isEqualTo("{\"name\": \"[đã xóa]\"}");
    byte[] serialized = new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 't', 0, 26};
    byte[] withEmail = new byte[serialized.length + 26];
    System.arraycopy(serialized, 0, withEmail, 0, serialized.length);
    System.arraycopy("bichngoc.truong@example.vn".getBytes(StandardCharsets.UTF_8), 0, withEmail, serialized.length, 26);
    assertThat(PersonalData.mentions(withEmail, ASKER)).isTrue();
    assertThat(new String(PersonalData.redact(withEmail, ASKER), StandardCharsets.UTF_8)).isEqualTo("[đã xóa]");
    byte[] unrelated = "Không có gì".getBytes(StandardCharsets.UTF_8);
    assertThat(PersonalData.redact(unrelated, ASKER)).isSameAs(unrelated);
  }
}
