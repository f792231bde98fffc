package vn.govflow.files.convert;

/**
 * Converts a word-processing document (DOCX or ODT, recognised by content) to PDF, for signing. Implemented with
 * LibreOffice headless ({@link OfficeProcessConversion}); when the server has no LibreOffice, {@link #available()}
 * is false and the handler uploads the final PDF instead.
 */
public interface PdfConversion {

  /**
   * The PDF of the document.
   *
   * @param document the file's bytes: DOCX or ODT by content, without macros, encryption or links to content
   *                 outside the file
   * @param fileName the name shown in messages and logs only (the type is decided by content, never by name)
   * @throws vn.govflow.common.error.UserError 415 for another type, 422 for a refused or unconvertible document,
   *                                           503 when LibreOffice is not installed or every converter is busy
   */
  byte[] toPdf(byte[] document, String fileName);

  /** Whether the office binary is there; when false, {@link #toPdf} refuses with a clear message. */
  boolean available();
}
