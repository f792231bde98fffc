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

  /**
   * The clerk forwarded a document straight to its handler (Art 23.1, second sentence): its directing leader, or
   * every head and deputy head when none is named, is informed. Returns who was told.
   */
  java.util.List<String> forwardedDirectly(IncomingDocument doc, String title, String toName, String directingLeader,
                                           String agencyShortName) {
    java.util.List<String> to = directingLeader != null ? java.util.List.of(directingLeader)
        : java.util.stream.Stream.of(Roles.HEAD, Roles.DEPUTY_HEAD)
            .flatMap(role -> directory.membersOf(agencyShortName + "-" + role).stream()).distinct().toList();
    notifications.notifyAll(to, NotificationKind.ASSIGNED, new NotificationService.Message(
        "Văn bản đến văn thư đã chuyển thẳng cho " + toName + ": " + title,
        "Incoming document forwarded directly to " + toName + ": " + title,
        "Văn thư đã chuyển thẳng văn bản \"" + title + "\" cho " + toName + " xử lý (Nghị định 30/2020, Điều"
            + " 23.1). Lãnh đạo có thể giao lại khi người xử lý đề nghị.",
        "The clerk forwarded the document \"" + title + "\" directly to " + toName + " for handling (Decree"
            + " 30/2020 Art 23.1). It can be reassigned when the handler asks.", link(doc.id())));
    return to;
  }

  /**
   * To the clerks of the sending agency inside the province (Art 21.2c): the document arrived, with its arrival
   * number. The sender cannot open the receiver's document, so the notice has no link. Returns the sender's name
   * when it is an active agency of the directory with clerks to tell.
   */
  java.util.Optional<String> receiptToSender(IncomingDocument doc) {
    Agency sender = directory.agency(doc.senderAgencyCode()).filter(Agency::active).orElse(null);
    Agency receiver = directory.agency(doc.agencyCode()).orElse(null);
    if (sender == null || receiver == null || directory.membersOf(sender.shortName() + "-" + Roles.CLERK).isEmpty()) {
      return java.util.Optional.empty();
    }
    String when = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
        .format(doc.arrivedAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    String number = doc.arrivalNumber() + "/" + doc.regYear();
    notifications.notifyGroup(sender.shortName() + "-" + Roles.CLERK, "RECEIPT", new NotificationService.Message(
        "Đã nhận văn bản " + doc.numberSymbol() + ": " + receiver.name() + ", số đến " + number,
        "Document " + doc.numberSymbol() + " received: " + (receiver.nameEn() == null ? receiver.name()
            : receiver.nameEn()) + ", arrival number " + number,
        receiver.name() + " đã nhận văn bản số " + doc.numberSymbol() + " (" + doc.summary() + ") lúc " + when
            + ", vào sổ văn bản đến số " + number + " (Nghị định 30/2020, Điều 21.2c).",
        (receiver.nameEn() == null ? receiver.name() : receiver.nameEn()) + " received the document "
            + doc.numberSymbol() + " (" + doc.summary() + ") at " + when + ", registered as incoming number "
            + number + " (Decree 30/2020 Art 21.2c).", null));
    return java.util.Optional.of(sender.name());
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
