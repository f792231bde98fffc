package vn.govflow.signing;

/**
 * PAdES signatures on outgoing documents. Real official-use keys live on tokens or a remote signing service;
 * the embedded default ({@link EmbeddedDocumentSigning}) holds them in PKCS#12 files with a demo certification
 * authority. Every method takes a PDF and returns the PDF with one more incremental revision; the input's bytes
 * stay a prefix of the output, so earlier signatures stay valid.
 */
public interface DocumentSigning {
  /** The competent person's personal signature, visible per Decree 30 App I (domain.md §1.10). capacity is the
   *  signing line above the name, e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  byte[] signPersonal(byte[] pdf, String username, String capacity);

  /** The agency signature (electronic seal) applied by the clerk; refused (SigningRefused, a UserError 409/422
   *  with Vietnamese+English text) unless the PDF already carries a valid personal signature (Art 32.2d, 33.2). */
  byte[] signAgency(byte[] pdf, String agencyCode);

  /** Agency signature on an appendix in a separate file: no image, text "<number/symbol> <ISO-8601 +07:00 time>"
   *  Times-like 10 pt at the top right of page 1 (App I). */
  byte[] signAppendix(byte[] pdf, String agencyCode, String numberAndSymbol);

  /** Places the number/symbol and the date line on the already personally-signed PDF as an incremental update
   *  that keeps the personal signature valid (FreeText annotations, allowed by the personal signature's DocMDP
   *  level 3). */
  byte[] placeNumberAndDate(byte[] pdf, String numberAndSymbol, String dateLine);

  SignatureReport verify(byte[] pdf);
}
