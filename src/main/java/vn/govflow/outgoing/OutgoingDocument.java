package vn.govflow.outgoing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.govflow.documents.DocumentType;

/** One outgoing document: its draft's metadata, its signature, its number and its fate (table out_document). */
public record OutgoingDocument(
    String id,
    String agencyCode,
    String departmentId,
    String drafter,
    String documentType,
    String subject,
    String urgency,
    String replyToIncomingId,
    String status,
    String processInstanceId,
    String signer,
    String signerName,
    String signerPosition,
    String signingCapacity,
    String pdfFileId,
    String signedFileId,
    OffsetDateTime signedAt,
    Integer regYear,
    Long number,
    String codeNotation,
    LocalDate issuedDate,
    String issuedFileId,
    String numberedBy,
    OffsetDateTime numberedAt,
    String issuedBy,
    OffsetDateTime issuedAt,
    Integer copies,
    Integer pageCount,
    String language,
    String note,
    String replacesId,
    String replacedById,
    OffsetDateTime recalledAt,
    String recalledBy,
    String recallReason,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public OutgoingStatus state() {
    return OutgoingStatus.valueOf(status);
  }

  /** App VI TypeName: a known type's Vietnamese name, or the free name typed. */
  public String typeName() {
    return DocumentType.nameOf(documentType);
  }

  /** "15/QĐ-UBND" once numbered (numbers below 10 take a leading 0, App I §II.3), else null. */
  public String numberSymbol() {
    if (number == null) {
      return null;
    }
    return String.format("%02d", number) + "/" + codeNotation;
  }
}
