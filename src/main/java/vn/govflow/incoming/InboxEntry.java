package vn.govflow.incoming;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import vn.govflow.documents.DocumentType;

/**
 * One dispatch in the recipient agency's electronic inbox (issue #9; Decree 30/2020 Art 21.2): what the sender
 * gave, and what the recipient's clerk decided. The files are the sender's until accepted (docs/decisions.md).
 */
record InboxEntry(
    String id,
    String dispatchId,
    String agencyCode,
    String recipientDepartment,
    String senderAgencyCode,
    String senderName,
    String codeNumber,
    String codeNotation,
    String numberSymbol,
    LocalDate documentDate,
    String documentType,
    String summary,
    String urgency,
    String signerName,
    String signerPosition,
    Integer pageCount,
    String language,
    String fileId,
    String appendixFileIds,
    String replacesDispatchId,
    String status,
    OffsetDateTime arrivedAt,
    OffsetDateTime decidedAt,
    String decidedBy,
    String refuseReason,
    String incomingId,
    String recallReason,
    OffsetDateTime recalledAt) {

  static final String ARRIVED = "ARRIVED";
  static final String ACCEPTED = "ACCEPTED";
  static final String REFUSED = "REFUSED";
  static final String WITHDRAWN = "WITHDRAWN";

  /** The issued PDF first, then the appendices in order. */
  List<String> allFileIds() {
    List<String> ids = new java.util.ArrayList<>(List.of(fileId));
    if (appendixFileIds != null && !appendixFileIds.isBlank()) {
      ids.addAll(Arrays.asList(appendixFileIds.split(",")));
    }
    return ids;
  }

  public String typeName() {
    return DocumentType.nameOf(documentType);
  }
}
