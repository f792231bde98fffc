package vn.govflow.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.govflow.files.FileNameRules;

/**
 * Text folded for search, the one way every subsystem stores and queries its search text: no diacritics (đ → d),
 * lower case, so "cong van" finds "Công văn".
 */
public final class SearchText {
  private SearchText() {}

  public static String fold(String s) {
    return s == null ? "" : FileNameRules.transliterate(s).toLowerCase(Locale.ROOT);
  }

  /** The query's words as LIKE patterns, wildcards in the input escaped away. */
  public static List<String> likeTerms(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    return Arrays.stream(fold(query).split("\\s+")).filter(t -> !t.isBlank())
        .map(t -> t.replace("%", "").replace("_", ""))
        .filter(t -> !t.isEmpty())
        .limit(8)
        .map(t -> "%" + t + "%").toList();
  }
}
