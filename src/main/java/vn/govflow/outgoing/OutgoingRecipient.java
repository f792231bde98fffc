package vn.govflow.outgoing;

import java.time.OffsetDateTime;

/** One line of "Nơi nhận" and where the document stands there (table out_recipient). */
public record OutgoingRecipient(
    String documentId,
    int position,
    String kind,
    String departmentId,
    String agencyCode,
    String name,
    String email,
    boolean postal,
    String statusCode,
    OffsetDateTime statusAt,
    String statusNote,
    String incomingId) {

  public static final String DEPARTMENT = "DEPARTMENT";
  public static final String AGENCY = "AGENCY";
  public static final String OUTSIDE = "OUTSIDE";
}
