package vn.govflow.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The little checks on texts and variables the portal's classes share (one place, not one copy each). */
final class PortalValues {
  private PortalValues() {}

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The text stripped of surrounding blanks and cut at {@code max} characters; null when blank. */
  static String trim(String s, int max) {
    if (blank(s)) {
      return null;
    }
    String t = s.trim();
    return t.length() <= max ? t : t.substring(0, max);
  }

  /** A list variable as its distinct, non-blank strings (empty when it is not a list). */
  static List<String> list(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      c.stream().filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank()).distinct().forEach(out::add);
    }
    return out;
  }
}
