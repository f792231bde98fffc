package vn.govflow.notify;

import java.time.OffsetDateTime;

/** One stored notification of one recipient. */
public record Notification(
    long id,
    String recipient,
    String agencyCode,
    String kind,
    String subjectVi,
    String subjectEn,
    String bodyVi,
    String bodyEn,
    String link,
    OffsetDateTime createdAt,
    OffsetDateTime readAt,
    EmailStatus emailStatus,
    String emailError) {

  public boolean read() {
    return readAt != null;
  }

  public String subject(boolean english) {
    return english ? subjectEn : subjectVi;
  }

  public String body(boolean english) {
    return english ? bodyEn : bodyVi;
  }
}
