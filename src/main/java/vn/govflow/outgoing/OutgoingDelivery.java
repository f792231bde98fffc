package vn.govflow.outgoing;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.common.error.UserError;
import vn.govflow.documents.DeliveryStatus;
import vn.govflow.documents.DeliveryStatusListener;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.Roles;
import vn.govflow.notify.MailOnce;
import vn.govflow.notify.NotificationService;

/**
 * Where an issued document stands at each recipient (issue #9 item 5): hears the receiving side's statuses
 * (domain.md §2 codes), keeps the latest on the recipient's row and every one in its history, and shows them to
 * the sending agency's leaders, clerks and the drafter.
 */
@Service
class OutgoingDelivery implements DeliveryStatusListener {
  private static final Logger log = LoggerFactory.getLogger(OutgoingDelivery.class);
  private static final Set<String> READERS = Set.of(Roles.HEAD, Roles.DEPUTY_HEAD, Roles.DEPARTMENT_HEAD,
      Roles.CLERK);

  private final OutgoingMapper documents;
  private final OutgoingIssueMapper mapper;
  private final OutgoingIssueService issue;
  private final NotificationService notifications;
  private final MailOnce mailOnce;

  OutgoingDelivery(OutgoingMapper documents, OutgoingIssueMapper mapper, OutgoingIssueService issue,
                   NotificationService notifications, MailOnce mailOnce) {
    this.documents = documents;
    this.mapper = mapper;
    this.issue = issue;
    this.notifications = notifications;
    this.mailOnce = mailOnce;
  }

  /** Joins the receiving side's transaction: its registration and our status commit together. */
  @Override
  @Transactional
  public void statusChanged(String dispatchId, DeliveryStatus status, String note, OffsetDateTime at) {
    int slash = dispatchId == null ? -1 : dispatchId.lastIndexOf('/');
    Integer position = null;
    if (slash > 0) {
      try {
        position = Integer.parseInt(dispatchId.substring(slash + 1));
      } catch (NumberFormatException e) {
        position = null;
      }
    }
    String documentId = slash > 0 ? dispatchId.substring(0, slash) : null;
    if (position == null || mapper.recipientExists(documentId, position) == 0) {
      // Not ours (another sender's seam): nothing to record, and the receiver's work must not fail for it.
      log.warn("Delivery status {} for an unknown dispatch {} ignored", status, dispatchId);
      return;
    }
    OffsetDateTime when = (at == null ? OffsetDateTime.now() : at).truncatedTo(ChronoUnit.MICROS);
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 1000) {
      text = text.substring(0, 999) + "…";
    }
    mapper.insertStatus(documentId, position, status.code(), when, text, OffsetDateTime.now());
    mapper.recipientStatus(documentId, position, status.code(), when, text);
    if (status == DeliveryStatus.REFUSED) {
      OutgoingDocument d = documents.find(documentId);
      String name = documents.recipients(documentId).stream().filter(r -> r.position() == dispatchPosition(dispatchId))
          .map(OutgoingRecipient::name).findFirst().orElse("");
      NotificationService.Message m = new NotificationService.Message(
          "Văn bản " + d.numberSymbol() + " bị từ chối tiếp nhận", "Document " + d.numberSymbol() + " was refused",
          name + " từ chối tiếp nhận văn bản " + d.numberSymbol() + (text == null ? "." : ". Lý do: " + text),
          name + " refused the document " + d.numberSymbol() + (text == null ? "." : ". Reason: " + text),
          "/outgoing/" + documentId + "/delivery");
      notifications.notifyAll(d.issuedBy() == null ? List.of(d.drafter()) : List.of(d.drafter(), d.issuedBy()),
          "OUTGOING_REFUSED", m);
    }
  }

  private static int dispatchPosition(String dispatchId) {
    return Integer.parseInt(dispatchId.substring(dispatchId.lastIndexOf('/') + 1));
  }

  /** The sending agency's leaders and clerks, and the drafter, see where the document stands. */
  OutgoingDocument readable(String id, CurrentUser me) {
    OutgoingDocument d = issue.visible(id, me);
    if (!me.username().equals(d.drafter()) && READERS.stream().noneMatch(me::hasRole)) {
      throw UserError.forbidden("Chỉ lãnh đạo, văn thư và người soạn thảo xem được tình trạng gửi văn bản.",
          "Only leaders, clerks and the drafter see where the document stands.");
    }
    return d;
  }

  /** One recipient, its latest status in both languages and every status it reported. */
  public record RecipientView(int position, String kind, String name, String agencyCode, String departmentId,
                              String email, boolean postal, String dispatchId, String statusCode, String statusVi,
                              String statusEn, OffsetDateTime statusAt, String statusNote, String incomingId,
                              List<StatusView> history) {}

  public record StatusView(String code, String nameVi, String nameEn, OffsetDateTime at, String note) {}

  List<RecipientView> recipients(OutgoingDocument d) {
    // A replaced document's recipients answer 15 ("content update accepted", domain.md §2) when they register
    // the replacement: named as that, not as a recall.
    boolean replaced = d.state() == OutgoingStatus.REPLACED;
    Map<Integer, List<StatusView>> history = new LinkedHashMap<>();
    for (OutgoingIssueMapper.StatusEntry e : mapper.statusHistory(d.id())) {
      history.computeIfAbsent(e.position(), p -> new java.util.ArrayList<>())
          .add(new StatusView(e.statusCode(), replacedName(replaced, e.statusCode(), true),
              replacedName(replaced, e.statusCode(), false), e.statusAt(), e.note()));
    }
    return documents.recipients(d.id()).stream().map(r -> {
      RecipientView v = view(r, history.getOrDefault(r.position(), List.of()));
      return new RecipientView(v.position(), v.kind(), v.name(), v.agencyCode(), v.departmentId(), v.email(),
          v.postal(), v.dispatchId(), v.statusCode(), replacedName(replaced, v.statusCode(), true),
          replacedName(replaced, v.statusCode(), false), v.statusAt(), v.statusNote(), v.incomingId(), v.history());
    }).toList();
  }

  private static String replacedName(boolean replaced, String code, boolean vi) {
    if (replaced && DeliveryStatus.RECALL_ACCEPTED.code().equals(code)) {
      return vi ? "Đã nhận văn bản thay thế" : "Replacement accepted";
    }
    return vi ? nameVi(code) : nameEn(code);
  }

  static RecipientView view(OutgoingRecipient r, List<StatusView> history) {
    return new RecipientView(r.position(), r.kind(), r.name(), r.agencyCode(), r.departmentId(), r.email(),
        r.postal(), OutgoingIssueService.dispatchId(r), r.statusCode(), nameVi(r.statusCode()),
        nameEn(r.statusCode()), r.statusAt(), r.statusNote(), r.incomingId(), history);
  }

  static String nameVi(String code) {
    return code == null ? "Chưa có phản hồi" : DeliveryStatus.byCode(code).map(DeliveryStatus::nameVi).orElse(code);
  }

  static String nameEn(String code) {
    return code == null ? "No answer yet" : DeliveryStatus.byCode(code).map(DeliveryStatus::nameEn).orElse(code);
  }

  /** An issued document and, per status, how many of its recipients are there. */
  public record IssuedSummary(String id, String numberSymbol, String typeName, String subject, String status,
                              OffsetDateTime issuedAt, int recipients, Map<String, Integer> byStatus,
                              List<RecipientView> each) {}

  /** The agency's issued documents, newest first, each with its recipients' statuses. */
  List<IssuedSummary> issued(CurrentUser me, int limit) {
    if (READERS.stream().noneMatch(me::hasRole)) {
      throw UserError.forbidden("Chỉ lãnh đạo và văn thư xem được danh sách văn bản đã phát hành.",
          "Only leaders and clerks see the list of issued documents.");
    }
    List<OutgoingDocument> docs = mapper.issuedList(me.agencyCode(), Math.max(1, Math.min(limit, 500)));
    Map<String, List<OutgoingRecipient>> byDoc = new LinkedHashMap<>();
    if (!docs.isEmpty()) {
      for (OutgoingRecipient r : mapper.recipientsOf(docs.stream().map(OutgoingDocument::id).toList())) {
        byDoc.computeIfAbsent(r.documentId(), k -> new java.util.ArrayList<>()).add(r);
      }
    }
    return docs.stream().map(d -> {
      List<OutgoingRecipient> rs = byDoc.getOrDefault(d.id(), List.of());
      Map<String, Integer> counts = new LinkedHashMap<>();
      rs.forEach(r -> counts.merge(r.statusCode() == null ? "--" : r.statusCode(), 1, Integer::sum));
      return new IssuedSummary(d.id(), d.numberSymbol(), d.typeName(), d.subject(), d.status(), d.issuedAt(),
          rs.size(), counts, rs.stream().map(r -> view(r, List.of())).toList());
    }).toList();
  }

  /**
   * One e-mail to one outside recipient (the issued copy, or a recall or replacement notice) as far as it went:
   * read from the sent marks notify keeps (mail_sent), the last failure put in words.
   */
  public record MailView(String what, String state, int attempts, OffsetDateTime triedAt, OffsetDateTime sentAt,
                         String errorVi, String errorEn) {}

  /** Per e-mail recipient's position, its e-mails in the order issued, recalled, replaced. */
  Map<Integer, List<MailView>> mails(OutgoingDocument d) {
    Map<Integer, List<MailView>> byPosition = new java.util.TreeMap<>();
    for (MailOnce.Attempts a : mailOnce.attempts(d.id())) {
      for (String what : List.of(OutgoingMailing.ISSUED, OutgoingMailing.RECALLED, OutgoingMailing.REPLACED)) {
        String prefix = what + "_";
        if (a.kind().startsWith(prefix) && a.kind().substring(prefix.length()).matches("\\d+")) {
          int position = Integer.parseInt(a.kind().substring(prefix.length()));
          String[] words = "FAILED".equals(a.state()) ? errorWords(a.error()) : new String[] {null, null};
          byPosition.computeIfAbsent(position, p -> new java.util.ArrayList<>()).add(new MailView(what, a.state(),
              a.attempts(), a.startedAt(), a.sentAt(), words[0], words[1]));
        }
      }
    }
    byPosition.values().forEach(l -> l.sort(java.util.Comparator.comparing(m -> List.of(OutgoingMailing.ISSUED,
        OutgoingMailing.RECALLED, OutgoingMailing.REPLACED).indexOf(m.what()))));
    return byPosition;
  }

  /** The recorded failure (an exception's text) in words a clerk can act on, Vietnamese and English. */
  static String[] errorWords(String error) {
    String e = error == null ? "" : error;
    if (e.contains("AuthenticationFailed") || e.contains(" 535")) {
      return new String[] {"Máy chủ thư từ chối đăng nhập của GovFlow (kiểm tra cấu hình thư).",
          "The mail server refused GovFlow's login (check the mail settings)."};
    }
    if (e.contains("Invalid Addresses") || e.contains("SendFailedException") || e.contains(" 550")
        || e.contains(" 553") || e.contains("AddressException")) {
      return new String[] {"Máy chủ thư không nhận địa chỉ người nhận (kiểm tra địa chỉ thư điện tử).",
          "The mail server refused the recipient's address (check the e-mail address)."};
    }
    if (e.contains("connect") || e.contains("Connect") || e.contains("UnknownHost") || e.contains("timed out")
        || e.contains("Timeout")) {
      return new String[] {"Không kết nối được máy chủ thư; GovFlow tự gửi lại sau ít phút.",
          "Could not reach the mail server; GovFlow tries again in a few minutes."};
    }
    return new String[] {"Máy chủ thư không nhận thư; GovFlow tự gửi lại sau ít phút.",
        "The mail server did not accept the message; GovFlow tries again in a few minutes."};
  }
}
