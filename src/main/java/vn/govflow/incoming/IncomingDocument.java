package vn.govflow.incoming;

import vn.govflow.documents.DocumentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One registered incoming document: the register's ten columns and what its handling has produced. */
public record IncomingDocument(
    String id,
    String agencyCode,
    int regYear,
    long arrivalNumber,
    OffsetDateTime arrivedAt,
    String channel,
    String senderAgencyCode,
    String senderName,
    String numberSymbol,
    LocalDate documentDate,
    String documentType,
    String summary,
    String urgency,
    Integer pageCount,
    String recipient,
    String note,
    boolean bulkyDossier,
    String duplicateOf,
    String status,
    String processInstanceId,
    OffsetDateTime dueAt,
    String leadHandler,
    String leadDepartment,
    String outcome,
    String replyReference,
    String forwardedTo,
    String registeredBy,
    String onBehalfOf,
    OffsetDateTime registeredAt,
    // App VI Part II §II metadata (issue #13 item 7) and a late registration's reason (item 10), appended.
    String signerName,
    String signerPosition,
    String language,
    String codeNumber,
    String codeNotation,
    String lateReason) {

  public static final String REGISTERED = "REGISTERED";
  public static final String DIRECTED = "DIRECTED";
  public static final String DONE = "DONE";
  public static final String RETURNED = "RETURNED";

  /** "Tên loại và trích yếu nội dung" as the register prints it. */
  public String typeAndSummary() {
    return typeName() + ": " + summary;
  }

  /** App VI TypeName: a known type's Vietnamese name, or the name the clerk typed (issue #13 item 6). */
  public String typeName() {
    return DocumentType.nameOf(documentType);
  }

  /** Registered after the window of Decree 30/2020 Art 4.2c (issue #13 item 10). */
  public boolean registeredLate() {
    return lateReason != null;
  }
}
