package vn.govflow.files;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/**
 * File-name rules of seed 001 Art 7.3-7.4: at most 50 characters of ASCII letters and digits (plus . - _),
 * no Vietnamese diacritics, no spaces, and an accepted document, spreadsheet or image extension.
 */
public final class FileNameRules {
  public static final int MAX_LENGTH = 50;

  /** Accepted extensions, lower case (Art 7.3: text documents, spreadsheets, images). */
  public static final Set<String> EXTENSIONS = Set.of(
      "txt", "rtf", "doc", "docx", "odt", "pdf",
      "csv", "xls", "xlsx", "ods",
      "png", "jpg", "jpeg", "tif", "tiff");

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern NOT_ALLOWED_CHAR = Pattern.compile("[^A-Za-z0-9._-]");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern UNDERSCORES = Pattern.compile("_{2,}");

  private FileNameRules() {}

  /** Lower-case extension after the last dot, or "" when there is none. */
  public static String extensionOf(String name) {
    int dot = name == null ? -1 : name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Checks a name and returns its lower-case extension.
   *
   * @throws UserError 400 with {@code suggestedName} when a valid name can be proposed
   */
  public static String validate(String name) {
    if (name == null || name.isBlank()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "file-name-missing",
          "Tệp phải có tên.", "The file must have a name.");
    }
    String ext = extensionOf(name);
    if (!EXTENSIONS.contains(ext)) {
      throw refused(name, "file-extension-not-allowed",
          "Định dạng tệp không được chấp nhận. Chỉ nhận: " + acceptedList() + ".",
          "This file type is not accepted. Accepted: " + acceptedList() + ".");
    }
    if (name.length() > MAX_LENGTH) {
      throw refused(name, "file-name-too-long",
          "Tên tệp dài " + name.length() + " ký tự, tối đa " + MAX_LENGTH + " ký tự.",
          "The file name has " + name.length() + " characters; at most " + MAX_LENGTH + " are allowed.");
    }
    // The base name must not be empty (".pdf") and every character must be plain ASCII.
    if (!ALLOWED.matcher(name).matches() || name.length() == ext.length() + 1) {
      throw refused(name, "file-name-invalid",
          "Tên tệp chỉ được gồm chữ cái không dấu, chữ số và các ký tự . - _ (không dấu tiếng Việt, không khoảng trắng).",
          "A file name may contain only ASCII letters, digits and . - _ (no Vietnamese diacritics, no spaces).");
    }
    return ext;
  }

  /**
   * A valid name close to the given one: diacritics removed (đ/Đ mapped explicitly, they do not decompose),
   * other characters replaced by "_", trimmed to 50 characters keeping the extension. Empty when the
   * extension itself is not accepted (no sensible proposal then).
   */
  public static Optional<String> suggest(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String ext = extensionOf(name);
    if (!EXTENSIONS.contains(ext)) {
      return Optional.empty();
    }
    int dot = name.lastIndexOf('.');
    String originalExt = name.substring(dot + 1);
    String base = clean(transliterate(name.substring(0, dot)));
    int maxBase = MAX_LENGTH - originalExt.length() - 1;
    if (base.length() > maxBase) {
      base = trimEnds(base.substring(0, maxBase));
    }
    if (base.isEmpty()) {
      base = "tep";
    }
    return Optional.of(base + "." + originalExt);
  }

  /** Removes Vietnamese diacritics: NFD + strip combining marks, with đ/Đ (and Ð U+00D0) mapped by hand. */
  public static String transliterate(String s) {
    String mapped = s.replace('đ', 'd').replace('Đ', 'D').replace('\u00D0', 'D');
    return MARKS.matcher(Normalizer.normalize(mapped, Normalizer.Form.NFD)).replaceAll("");
  }

  private static String clean(String s) {
    String replaced = NOT_ALLOWED_CHAR.matcher(s).replaceAll("_");
    return trimEnds(UNDERSCORES.matcher(replaced).replaceAll("_"));
  }

  private static String trimEnds(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '_' || s.charAt(start) == '.')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '_' || s.charAt(end - 1) == '.')) {
      end--;
    }
    return s.substring(start, end);
  }

  private static UserError refused(String name, String code, String vi, String en) {
    Map<String, Object> extra = new LinkedHashMap<>();
    Optional<String> suggestion = suggest(name);
    suggestion.ifPresent(s -> extra.put("suggestedName", s));
    String hintVi = suggestion.map(s -> " Gợi ý: " + s).orElse("");
    String hintEn = suggestion.map(s -> " Suggested: " + s).orElse("");
    return new UserError(HttpStatus.BAD_REQUEST, code, vi + hintVi, en + hintEn,
        java.util.List.of(new UserError.FieldProblem("file", vi, en)), extra);
  }

  private static String acceptedList() {
    return "txt, rtf, doc, docx, odt, pdf, csv, xls, xlsx, ods, png, jpg, jpeg, tif, tiff";
  }
}
