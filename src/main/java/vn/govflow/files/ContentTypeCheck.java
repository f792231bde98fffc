package vn.govflow.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/**
 * Detects a file's type from its bytes (never from its name) and checks it against the extension. Tika's
 * default detector is container-aware: it looks inside zip packages (docx/xlsx vs odt/ods vs plain zip) and
 * OLE2 files (doc vs xls vs generic OLE2).
 */
public class ContentTypeCheck {
  /** Tika's type for an encrypted OOXML package: an OLE2 wrapper that hides whether it is docx or xlsx. */
  static final String OOXML_PROTECTED = "application/x-tika-ooxml-protected";

  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Content types accepted for each extension. */
  private static final Map<String, Set<String>> ACCEPTED = Map.ofEntries(
      Map.entry("txt", Set.of("text/plain", "text/csv")),
      Map.entry("csv", Set.of("text/plain", "text/csv")),
      Map.entry("rtf", Set.of("application/rtf")),
      Map.entry("doc", Set.of("application/msword")),
      Map.entry("docx", Set.of(DOCX, OOXML_PROTECTED)),
      Map.entry("odt", Set.of("application/vnd.oasis.opendocument.text")),
      Map.entry("pdf", Set.of("application/pdf")),
      Map.entry("xls", Set.of("application/vnd.ms-excel")),
      Map.entry("xlsx", Set.of(XLSX, OOXML_PROTECTED)),
      Map.entry("ods", Set.of("application/vnd.oasis.opendocument.spreadsheet")),
      Map.entry("png", Set.of("image/png")),
      Map.entry("jpg", Set.of("image/jpeg")),
      Map.entry("jpeg", Set.of("image/jpeg")),
      Map.entry("tif", Set.of("image/tiff")),
      Map.entry("tiff", Set.of("image/tiff")));

  /** The media type served for each extension once the content is known to match it. */
  private static final Map<String, String> CANONICAL = Map.ofEntries(
      Map.entry("txt", "text/plain"),
      Map.entry("csv", "text/csv"),
      Map.entry("rtf", "application/rtf"),
      Map.entry("doc", "application/msword"),
      Map.entry("docx", DOCX),
      Map.entry("odt", "application/vnd.oasis.opendocument.text"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("xls", "application/vnd.ms-excel"),
      Map.entry("xlsx", XLSX),
      Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("tif", "image/tiff"),
      Map.entry("tiff", "image/tiff"));

  private final Detector detector;

  public ContentTypeCheck(Detector detector) {
    this.detector = detector;
  }

  /** Detected type without parameters (e.g. "text/plain", not "text/plain; charset=UTF-8"). */
  public String detect(Path file) throws IOException {
    // No resource name in the metadata: the decision rests on the bytes alone.
    try (TikaInputStream in = TikaInputStream.get(file)) {
      MediaType type = detector.detect(in, new Metadata());
      return type.getBaseType().toString();
    }
  }

  /**
   * Returns the media type to store for a file whose content matches its extension.
   *
   * @throws UserError 415 naming what was detected and what the extension claims
   */
  public String check(String extension, String detected) {
    Set<String> accepted = ACCEPTED.get(extension);
    if (accepted == null || !accepted.contains(detected)) {
      String claimed = CANONICAL.getOrDefault(extension, extension);
      throw new UserError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file-type-mismatch",
          "Nội dung tệp không khớp với phần mở rộng: nội dung là " + detected + " nhưng phần mở rộng ."
              + extension + " cho biết " + claimed + ".",
          "The file's content does not match its extension: the content is " + detected
              + " but the extension ." + extension + " claims " + claimed + ".",
          java.util.List.of(), Map.of("detectedType", detected, "extensionType", claimed));
    }
    return CANONICAL.get(extension);
  }

  static boolean isZipPackage(String mediaType) {
    return mediaType.startsWith("application/vnd.openxmlformats-officedocument.")
        || mediaType.startsWith("application/vnd.oasis.opendocument.");
  }
}
