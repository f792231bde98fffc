package vn.govflow.incoming;

/** The package's little string helpers, in one place: blank as null, null as empty. */
final class Text {
  private Text() {}

  /** The trimmed text, or null when it is null or blank. */
  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The prefix and the text, or nothing when there is no text. */
  static String optional(String prefix, String s) {
    return s == null ? "" : prefix + s;
  }

  /** At most max characters (a column's width). */
  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
