package vn.govflow.common;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's identifying values (name, e-mail, phone, address, …) and the texts that mention them, for erasure
 * on request: every copy outside the record itself is rewritten with the values replaced.
 */
public final class PersonalData {
  public static final String ERASED = "[đã xóa]";
  /** Shorter values (an initial, a two-digit house number) would erase ordinary words. */
  private static final int MIN_LENGTH = 3;

  private PersonalData() {}

  public static List<String> usable(Collection<String> values) {
    // Longest first, so "12 Lý Thường Kiệt, Hà Nội" goes before "Hà Nội" would split it.
    return values.stream().filter(v -> v != null && v.strip().length() >= MIN_LENGTH).map(String::strip)
        .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  public static boolean mentions(String text, Collection<String> values) {
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return usable(values).stream().anyMatch(v -> lower.contains(v.toLowerCase(Locale.ROOT)));
  }

  /** The text with every value replaced by {@link #ERASED} (case-insensitive); null stays null. */
  public static String redact(String text, Collection<String> values) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String v : usable(values)) {
      result = Pattern.compile(Pattern.quote(v), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(result)
          .replaceAll(Matcher.quoteReplacement(ERASED));
    }
    return result;
  }
}
