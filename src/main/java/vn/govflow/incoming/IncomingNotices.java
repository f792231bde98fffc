package vn.govflow.incoming;

import java.util.Collection;
import org.springframework.stereotype.Component;
import vn.govflow.identity.Agency;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;
import vn.govflow.notify.NotificationKind;
import vn.govflow.notify.NotificationService;

/** The notifications the handling sends: a document assigned to people, a document returned to the clerks. */
@Component
class IncomingNotices {
  private final NotificationService notifications;
  private final IdentityDirectory directory;

  IncomingNotices(NotificationService notifications, IdentityDirectory directory) {
    this.notifications = notifications;
    this.directory = directory;
  }

  void assigned(String documentId, String title, Collection<String> people, String roleVi, String roleEn) {
    notifications.notifyAll(people, NotificationKind.ASSIGNED, new NotificationService.Message(
        "Văn bản đến giao bạn " + roleVi + ": " + title, "Incoming document assigned to you (" + roleEn + "): " + title,
        "Bạn được giao " + roleVi + " văn bản \"" + title + "\".",
        "You have been assigned the document \"" + title + "\" (" + roleEn + ").", link(documentId)));
  }

  /**
   * An urgent document (hỏa tốc, thượng khẩn, khẩn) is presented at once, whatever the hour (Decree 30/2020 Art
   * 23.1): its directing leader hears of it on registration, or every head and deputy head when none is named.
   */
  void urgentRegistered(String documentId, String title, String urgencyVi, String urgencyEn, String directingLeader,
                        String agencyShortName) {
    java.util.List<String> to = directingLeader != null ? java.util.List.of(directingLeader)
        : java.util.stream.Stream.of(Roles.HEAD, Roles.DEPUTY_HEAD)
            .flatMap(role -> directory.membersOf(agencyShortName + "-" + role).stream()).distinct().toList();
    notifications.notifyAll(to, NotificationKind.URGENT, new NotificationService.Message(
        "Văn bản " + urgencyVi.toUpperCase(java.util.Locale.forLanguageTag("vi")) + " cần chỉ đạo ngay: " + title,
        urgencyEn + " incoming document to direct at once: " + title,
        "Văn bản đến độ khẩn \"" + urgencyVi + "\" vừa vào sổ: \"" + title + "\". Văn bản khẩn được trình và"
            + " giải quyết ngay (Nghị định 30/2020, Điều 23.1, 24.2).",
        "An incoming document marked \"" + urgencyEn + "\" was just registered: \"" + title + "\". Urgent"
            + " documents are presented and handled at once (Decree 30/2020 Art 23.1, 24.2).", link(documentId)));
  }

  /** To the agency's clerks: a leader returned the document instead of directing it. */
  void returnedToClerk(IncomingDocument doc, String title, String reason) {
    notifications.notifyGroup(agencyShortName(doc) + "-" + Roles.CLERK, NotificationKind.RETURNED,
        new NotificationService.Message("Văn bản đến bị trả lại: " + title, "Incoming document returned: " + title,
            "Lãnh đạo trả lại văn bản \"" + title + "\": " + reason,
            "A leader returned the document \"" + title + "\": " + reason,
            link(doc.id())));
  }

  private String agencyShortName(IncomingDocument doc) {
    return directory.agency(doc.agencyCode()).map(Agency::shortName).orElseThrow();
  }

  private static String link(String documentId) {
    return "/incoming/" + documentId;
  }
}
