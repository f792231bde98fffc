package vn.govflow.incoming;

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
    OffsetDateTime registeredAt) {

  public static final String REGISTERED = "REGISTERED";
  public static final String DIRECTED = "DIRECTED";
  public static final String DONE = "DONE";
  public static final String RETURNED = "RETURNED";

  /** "Tên loại và trích yếu nội dung" as the register prints it. */
  public String typeAndSummary() {
    return DocumentType.byCode(documentType).map(DocumentType::nameVi).orElse(documentType) + ": " + summary;
  }
}
