package vn.govflow.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's identifying values (name, e-mail, phone, address, …) and the texts that mention them, for erasure
 * on request (seed 003 Art 27: personal data is deleted on the person's request): every copy outside the record
 * itself is rewritten with the values replaced wherever a text contains them, case-insensitively (an e-mail
 * typed "BichNgoc@Example.VN" is the same address), and a phone number also when written with spaces, dots or
 * dashes or with +84 for its leading 0.
 *
 * <p>Short values are treated carefully: the values are whole fields (a full name, an address), but a field can
 * be short, and a short string is also an ordinary word or syllable. Values under {@value #MIN_LENGTH} characters
 * ("A", "Võ") are never searched: erasing them everywhere would garble unrelated text and still not identify
 * anyone. Values under {@value #WHOLE_WORD_BELOW} characters (a one-syllable name such as "Lan" or "Minh") are
 * matched only as whole words, so "Lang" or "Minhchau" elsewhere in a text stay as they are.
 */
public final class PersonalData {
  public static final String ERASED = "[đã xóa]";
  /** Shorter values (an initial, a two-letter syllable) would erase ordinary words. */
  static final int MIN_LENGTH = 3;
  /** Shorter values are one syllable: matched as whole words only. */
  static final int WHOLE_WORD_BELOW = 6;
  /** A client address is shared by everyone behind one network: not a contact. */
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .\\-]{6,}[0-9]");

  private PersonalData() {}

  public static List<String> usable(Collection<String> values) {
    // Longest first, so "12 Lý Thường Kiệt, Hà Nội" goes before "Hà Nội" would split it.
    return values.stream().filter(v -> v != null && v.strip().length() >= MIN_LENGTH).map(String::strip)
        .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  /**
   * The values that reach one person only (an e-mail address, a phone number): searched everywhere, while a name
   * or an address, which another person may share, is searched only in what belongs to the person's case.
   */
  public static List<String> contacts(Collection<String> values) {
    return usable(values).stream().filter(v -> v.contains("@") || (PHONE.matcher(v).matches()
        && v.replaceAll("[^0-9]", "").length() >= 8 && !IPV4.matcher(v).matches())).toList();
  }

  public static boolean mentions(String text, Collection<String> values) {
    if (text == null) {
      return false;
    }
    return usable(values).stream().anyMatch(v -> pattern(v).matcher(text).find());
  }

  /** The text with every value replaced by {@link #ERASED}; null stays null. */
  public static String redact(String text, Collection<String> values) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String v : usable(values)) {
      result = pattern(v).matcher(result).replaceAll(Matcher.quoteReplacement(ERASED));
    }
    return result;
  }

  /**
   * Whether stored bytes (a serialized variable, a comment, an exception's stack trace) mention a value. Java
   * serialization writes strings as (modified) UTF-8, so a lenient UTF-8 reading finds them among binary data.
   */
  public static boolean mentions(byte[] bytes, Collection<String> values) {
    return bytes != null && mentions(new String(bytes, StandardCharsets.UTF_8), values);
  }

  /**
   * Stored bytes without the values: UTF-8 text (JSON, XML, a comment, a stack trace) keeps its text with the
   * values replaced; anything else (a Java-serialized object, a file) cannot be edited without breaking it and is
   * replaced whole by the marker's bytes. Bytes that mention nothing come back as they are.
   */
  public static byte[] redact(byte[] bytes, Collection<String> values) {
    if (!mentions(bytes, values)) {
      return bytes;
    }
    String text = strictUtf8(bytes);
    return (text == null ? ERASED : redact(text, values)).getBytes(StandardCharsets.UTF_8);
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static Pattern pattern(String value) {
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    String digits = value.replaceAll("[^0-9]", "");
    if (PHONE.matcher(value).matches() && digits.length() >= 8) {
      // 0912345678, 0912 345 678, 091.234.5678, +84 912 345 678: one number; not part of a longer one.
      String national = digits.startsWith("84") && value.startsWith("+") ? digits.substring(2)
          : digits.startsWith("0") ? digits.substring(1) : null;
      String body = national == null ? separated(digits) : "(?:0|\\+?84[ .\\-]?)" + separated(national);
      return Pattern.compile("(?<![0-9])" + body + "(?![0-9])");
    }
    String quoted = Pattern.quote(value);
    if (value.length() < WHOLE_WORD_BELOW) {
      return Pattern.compile("(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])", flags);
    }
    // A title shortened to 120 characters can end in the middle of the value ("… thư bichngoc.truon…"): its
    // beginning, from a word's start up to the ellipsis, goes too when it is long enough to be more than a word.
    StringBuilder cut = new StringBuilder();
    for (int n = value.length() - 1; n >= WHOLE_WORD_BELOW; n--) {
      cut.append(cut.isEmpty() ? "" : "|").append(Pattern.quote(value.substring(0, n)));
    }
    return Pattern.compile(quoted + "|(?<![\\p{L}\\p{N}])(?:" + cut + ")(?=…|\\.\\.\\.)", flags);
  }

  private static String separated(String digits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      sb.append(i == 0 ? "" : "[ .\\-]?").append(digits.charAt(i));
    }
    return sb.toString();
  }

  /**
   * LIKE patterns (lower-case, a backslash escaping wildcards) that every text mentioning one of the values
   * matches, for a database to narrow a search before {@link #mentions} decides: a phone number's digits with
   * anything between them, since it may be written with separators or +84.
   */
  public static List<String> likePatterns(Collection<String> values) {
    return usable(values).stream().map(v -> {
      String digits = v.replaceAll("[^0-9]", "");
      if (PHONE.matcher(v).matches() && digits.length() >= 8) {
        return "%" + String.join("%", digits.substring(digits.length() - 8).split("")) + "%";
      }
      return "%" + v.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
          + "%";
    }).distinct().toList();
  }
}
