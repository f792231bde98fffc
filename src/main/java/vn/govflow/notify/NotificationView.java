package vn.govflow.notify;

import java.time.OffsetDateTime;

/** A notification as its recipient sees it: {@code subject} and {@code body} in the caller's language, both kept. */
public record NotificationView(
    long id,
    String kind,
    String subject,
    String body,
    String subjectVi,
    String subjectEn,
    String bodyVi,
    String bodyEn,
    String link,
    OffsetDateTime createdAt,
    OffsetDateTime readAt,
    boolean read,
    EmailStatus emailStatus) {

  static NotificationView of(Notification n, boolean english) {
    return new NotificationView(n.id(), n.kind(), n.subject(english), n.body(english), n.subjectVi(), n.subjectEn(),
        n.bodyVi(), n.bodyEn(), n.link(), n.createdAt(), n.readAt(), n.read(), n.emailStatus());
  }
}
