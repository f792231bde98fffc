package vn.govflow.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * One issued document on its way to one recipient agency: what the receiving register needs (App VI Part II
 * metadata) and the signed files. The same shape is handed to this instance's incoming documents and, later, to
 * a connector for the national document axis (edXML), so neither side knows the other.
 *
 * @param dispatchId          stable id of this (document, recipient) pair, given back with every status
 * @param recipientDepartment a department of the recipient agency, when the document goes to one unit
 * @param fileId              the issued PDF (personal and agency signatures), stored through FileService
 * @param appendixFileIds     appendices in separate files, each signed by the agency
 * @param replacesDispatchId  the dispatch this one replaces (Art 18.3), or null
 */
public record DocumentDispatch(
    String dispatchId,
    String senderAgencyCode,
    String senderName,
    String recipientAgencyCode,
    String recipientDepartment,
    String codeNumber,
    String codeNotation,
    LocalDate documentDate,
    String documentType,
    String subject,
    String urgency,
    String signerName,
    String signerPosition,
    Integer pageCount,
    String language,
    String fileId,
    List<String> appendixFileIds,
    String replacesDispatchId) {

  /** "15/QĐ-UBND" as both registers print it. */
  public String numberSymbol() {
    return codeNumber + "/" + codeNotation;
  }
}
