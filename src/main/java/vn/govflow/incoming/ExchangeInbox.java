package vn.govflow.incoming;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.casework.CaseFiles;
import vn.govflow.casework.CaseHistory;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.documents.DeliveryStatus;
import vn.govflow.documents.DocumentDispatch;
import vn.govflow.documents.DocumentReceiving;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;
import vn.govflow.notify.NotificationService;

/**
 * The electronic inbox of an agency (issue #9; seed 000: one GovFlow for the province): a document another agency
 * issues arrives here, the clerk checks its signatures and registers it through the ordinary registration, or
 * refuses it with a reason (Decree 30/2020 Art 21.2); the sender may recall it (Art 18.4).
 */
@Service
class ExchangeInbox implements DocumentReceiving {
  static final int LIST_LIMIT = 200;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private final ExchangeMapper mapper;
  private final IncomingMapper documents;
  private final ExchangeStatuses statuses;
  private final IncomingRegistration registration;
  private final InboxSignatures signatures;
  private final FileService files;
  private final CaseFiles caseFiles;
  private final CaseHistory history;
  private final IdentityDirectory directory;
  private final NotificationService notifications;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AuditLog audit;
  private final Clock clock;

  ExchangeInbox(ExchangeMapper mapper, IncomingMapper documents, ExchangeStatuses statuses,
                IncomingRegistration registration, InboxSignatures signatures, FileService files, CaseFiles caseFiles,
                CaseHistory history, IdentityDirectory directory, NotificationService notifications,
                RuntimeService runtime, TaskService tasks, AuditLog audit,
                @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.documents = documents;
    this.statuses = statuses;
    this.registration = registration;
    this.signatures = signatures;
    this.files = files;
    this.caseFiles = caseFiles;
    this.history = history;
    this.directory = directory;
    this.notifications = notifications;
    this.runtime = runtime;
    this.tasks = tasks;
    this.audit = audit;
    this.clock = Clock.system(ZoneId.of(zone));
  }

  // ---- the sender's side of the seam ----

  @Override
  @Transactional
  public void receive(DocumentDispatch d) {
    if (mapper.findByDispatch(d.dispatchId()) != null) {
      return; // the same dispatch again (a retried issue): it is already here
    }
    Agency recipient = directory.agency(d.recipientAgencyCode()).filter(Agency::active).orElseThrow(() ->
        new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "exchange-unknown-recipient",
            "Không có cơ quan nhận mã " + d.recipientAgencyCode() + " trong danh bạ.",
            "No recipient agency with code " + d.recipientAgencyCode() + " in the directory."));
    InboxEntry entry = new InboxEntry(UUID.randomUUID().toString(), d.dispatchId(), recipient.code(),
        d.recipientDepartment(), d.senderAgencyCode(), Text.cut(d.senderName(), 300), d.codeNumber(),
        d.codeNotation(), d.numberSymbol(), d.documentDate(), d.documentType(), Text.cut(d.subject(), 500),
        d.urgency() == null ? "thuong" : d.urgency(), Text.cut(d.signerName(), 50), Text.cut(d.signerPosition(), 100),
        d.pageCount(), d.language(), d.fileId(),
        d.appendixFileIds() == null || d.appendixFileIds().isEmpty() ? null : String.join(",", d.appendixFileIds()),
        d.replacesDispatchId(), InboxEntry.ARRIVED, now(), null, null, null, null, null, null);
    mapper.insert(entry);
    notifications.notifyGroup(recipient.shortName() + "-" + Roles.CLERK, "EXCHANGE", new NotificationService.Message(
        "Văn bản điện tử mới đến: " + d.numberSymbol() + " – " + d.senderName(),
        "New electronic document: " + d.numberSymbol() + " – " + d.senderName(),
        d.senderName() + " gửi văn bản " + d.numberSymbol() + " \"" + d.subject() + "\". Kiểm tra chữ ký số rồi vào"
            + " sổ hoặc từ chối tiếp nhận (Nghị định 30/2020, Điều 21.2).",
        d.senderName() + " sent the document " + d.numberSymbol() + " \"" + d.subject() + "\". Check its signatures,"
            + " then register or refuse it (Decree 30/2020 Art 21.2).", "/incoming/inbox/" + entry.id()));
    audit.record("incoming.inbox.arrive", "incoming-inbox", entry.id(), d.numberSymbol() + " từ " + d.senderName());
    statuses.report(d.dispatchId(), DeliveryStatus.ARRIVED, null);
  }

  @Override
  @Transactional
  public void recall(String dispatchId, String reason) {
    InboxEntry found = mapper.findByDispatch(dispatchId);
    if (found == null) {
      throw UserError.notFound();
    }
    InboxEntry e = mapper.lock(found.id());
    if (InboxEntry.WITHDRAWN.equals(e.status())) {
      return; // already recalled here
    }
    String why = reason == null || reason.isBlank() ? "(không ghi lý do)" : reason.trim();
    OffsetDateTime at = now();
    mapper.withdraw(e.id(), Text.cut(why, 1000), at);
    Agency agency = directory.agency(e.agencyCode()).orElseThrow();
    Set<String> told = new LinkedHashSet<>(directory.membersOf(agency.shortName() + "-" + Roles.CLERK));
    String link = "/incoming/inbox/" + e.id();
    if (InboxEntry.ACCEPTED.equals(e.status()) && e.incomingId() != null) {
      told.addAll(withdrawRegistered(e, why));
      link = "/incoming/" + e.incomingId();
    }
    notifications.notifyAll(told, "EXCHANGE", new NotificationService.Message(
        "Văn bản " + e.numberSymbol() + " đã bị thu hồi", "Document " + e.numberSymbol() + " was recalled",
        e.senderName() + " thu hồi văn bản " + e.numberSymbol() + ": " + why + ". Văn bản không còn trong sổ và"
            + " không còn được xử lý (Nghị định 30/2020, Điều 18.4).",
        e.senderName() + " recalled the document " + e.numberSymbol() + ": " + why + ". It is no longer in the"
            + " register and is no longer handled (Decree 30/2020 Art 18.4).", link));
    audit.record("incoming.inbox.recall", "incoming-inbox", e.id(), e.numberSymbol() + ": " + why);
    statuses.report(dispatchId, DeliveryStatus.RECALL_ACCEPTED, why);
  }

  /**
   * A registered document is taken out (docs/decisions.md): its process stops with the reason, its copies of the
   * files are erased, its register row keeps the number and shows "Đã thu hồi: reason". Returns whom to tell.
   */
  private Set<String> withdrawRegistered(InboxEntry e, String why) {
    IncomingDocument doc = documents.find(e.incomingId());
    Set<String> people = new LinkedHashSet<>();
    if (doc.leadHandler() != null) {
      people.add(doc.leadHandler());
    }
    if (doc.processInstanceId() != null
        && runtime.createProcessInstanceQuery().processInstanceId(doc.processInstanceId()).count() > 0) {
      for (Task t : tasks.createTaskQuery().processInstanceId(doc.processInstanceId()).list()) {
        if (t.getAssignee() != null) {
          people.add(t.getAssignee());
        }
        for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
          if (l.getUserId() != null) {
            people.add(l.getUserId());
          } else if (l.getGroupId() != null) {
            people.addAll(directory.membersOf(l.getGroupId()));
          }
        }
      }
      runtime.deleteProcessInstance(doc.processInstanceId(), "Thu hồi: " + why);
    }
    for (String fileId : caseFiles.fileIds(IncomingCaseType.TYPE, doc.id())) {
      // The recipient's own copies: erased, so nobody here reads the recalled content any more.
      files.erase(fileId, "văn bản bị thu hồi");
    }
    caseFiles.detachAll(IncomingCaseType.TYPE, doc.id());
    String summary = Text.cut("Đã thu hồi: " + why, 500);
    IncomingDocument recalled = new IncomingDocument(doc.id(), doc.agencyCode(), doc.regYear(), doc.arrivalNumber(),
        doc.arrivedAt(), doc.channel(), doc.senderAgencyCode(), doc.senderName(), doc.numberSymbol(),
        doc.documentDate(), doc.documentType(), summary, doc.urgency(), null, null, doc.note(), doc.bulkyDossier(),
        doc.duplicateOf(), "RECALLED", doc.processInstanceId(), null, doc.leadHandler(), doc.leadDepartment(),
        doc.outcome(), doc.replyReference(), doc.forwardedTo(), doc.registeredBy(), doc.onBehalfOf(),
        doc.registeredAt(), null, null, doc.language(), doc.codeNumber(), doc.codeNotation(), doc.lateReason());
    mapper.recallDocument(doc.id(), summary, IncomingSearchText.of(recalled, ""));
    history.record(IncomingCaseType.TYPE, doc.id(), null, null, "RECALLED", "Nơi gửi thu hồi văn bản: " + why);
    return people;
  }

  // ---- the recipient clerk's side ----

  /** The clerk's agency's inbox; empty for anyone but a clerk. */
  List<InboxEntry> list(CurrentUser me, String status) {
    if (!me.hasRole(Roles.CLERK) || me.agencyCode() == null) {
      return List.of();
    }
    return mapper.list(me.agencyCode(), status, LIST_LIMIT);
  }

  /** An entry of the clerk's own agency, or empty (another agency's is not there for them). */
  Optional<InboxEntry> find(String id, CurrentUser me) {
    if (id == null || !vn.govflow.common.Ids.isUuid(id) || !me.hasRole(Roles.CLERK)) {
      return Optional.empty();
    }
    return Optional.ofNullable(mapper.find(id)).filter(e -> e.agencyCode().equals(me.agencyCode()));
  }

  List<ExchangeMapper.ReportedStatus> reported(InboxEntry e) {
    return mapper.statuses(e.dispatchId());
  }

  InboxSignatures.Verification verify(InboxEntry e) {
    return signatures.verify(e);
  }

  /** The sender's file, readable by the recipient's clerk while the entry is in the inbox. */
  Optional<StoredFile> file(InboxEntry e, String fileId) {
    if (InboxEntry.WITHDRAWN.equals(e.status()) || !e.allFileIds().contains(fileId)) {
      return Optional.empty();
    }
    return files.findHeldByCase(fileId);
  }

  /** What the clerk may add when accepting: as in a registration by hand. */
  record Acceptance(String directingLeader, String forwardTo, String lateReason, String note,
                    Boolean confirmDuplicate) {}

  @Transactional
  IncomingRegistration.Registered accept(String id, Acceptance a, CurrentUser clerk) {
    InboxEntry e = lockWaiting(id, clerk);
    InboxSignatures.Verification v = signatures.verify(e);
    if (!v.acceptable()) {
      List<FieldProblem> problems = v.problems().stream()
          .map(p -> new FieldProblem("signatures", p.vi(), p.en())).toList();
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "incoming-inbox-signatures",
          "Không tiếp nhận được: chữ ký số của văn bản không hợp lệ hoặc chưa đủ (Điều 21.2 Nghị định 30/2020). "
              + String.join(" ", v.problems().stream().map(InboxSignatures.Problem::vi).toList()),
          "Cannot accept: the document's signatures are invalid or incomplete (Decree 30/2020 Art 21.2). "
              + String.join(" ", v.problems().stream().map(InboxSignatures.Problem::en).toList()),
          problems, Map.of());
    }
    Acceptance x = a == null ? new Acceptance(null, null, null, null, null) : a;
    String recipient = e.recipientDepartment() == null ? null
        : directory.department(e.recipientDepartment()).map(vn.govflow.identity.Department::name).orElse(null);
    RegistrationRequest request = new RegistrationRequest(e.arrivedAt(), "ELECTRONIC", e.senderAgencyCode(),
        e.senderName(), e.numberSymbol(), e.documentDate(), e.documentType(), e.summary(), e.urgency(),
        e.pageCount(), recipient, x.note(), false, null, x.directingLeader(), x.confirmDuplicate(), e.signerName(),
        e.signerPosition(), e.language(), e.codeNumber(), e.codeNotation(), x.lateReason(), x.forwardTo());
    List<IncomingRegistration.Upload> uploads = new ArrayList<>();
    for (String fileId : e.allFileIds()) {
      StoredFile f = files.findHeldByCase(fileId).orElseThrow();
      // The recipient's own copy, through FileService (docs/decisions.md): a recall can erase it.
      uploads.add(new IncomingRegistration.Upload(f.originalName(), () -> files.open(f)));
    }
    IncomingRegistration.Registered r = registration.register(request, uploads, clerk, e.dispatchId());
    mapper.decide(e.id(), InboxEntry.ACCEPTED, now(), clerk.username(), null, r.id());
    replaceEarlier(e, r, clerk);
    history.record(IncomingCaseType.TYPE, r.id(), clerk.username(), clerk.onBehalfOf(), "SIGNATURES_VERIFIED",
        "Đã kiểm tra chữ ký số: " + String.join("; ", v.files().stream().flatMap(f -> f.report().signatures()
            .stream().map(s -> f.fileName() + " – " + (s.kind() == vn.govflow.signing.SignatureReport.Kind.PERSONAL
                ? "cá nhân: " : "cơ quan: ") + (s.signerName() != null ? s.signerName() : s.organisation())))
            .toList()));
    audit.record("incoming.inbox.accept", "incoming-inbox", e.id(), e.numberSymbol() + " → số đến "
        + r.arrivalNumber() + "/" + r.document().regYear());
    return r;
  }

  /**
   * The entry the dispatch replaces (Art 18.3), when the sender said so and it came to this same agency; else
   * empty.
   */
  Optional<InboxEntry> replaced(InboxEntry e) {
    if (e.replacesDispatchId() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(mapper.findByDispatch(e.replacesDispatchId()))
        .filter(old -> old.agencyCode().equals(e.agencyCode()));
  }

  /** "Văn bản thay thế cho số 12/QĐ-UBND ngày 03/11/2026". */
  /** Of a registered document: the one it replaces and the one replacing it, each when there is one. */
  record Replacement(IncomingDocument replaces, IncomingDocument replacedBy) {}

  Replacement replacement(String incomingId) {
    ExchangeMapper.Replacement r = mapper.replacement(incomingId);
    return r == null ? new Replacement(null, null) : new Replacement(
        r.replacesId() == null ? null : documents.find(r.replacesId()),
        r.replacedById() == null ? null : documents.find(r.replacedById()));
  }

  static String replacesText(InboxEntry old) {
    return "Văn bản thay thế cho số " + old.numberSymbol() + " ngày " + DATE.format(old.documentDate());
  }

  /**
   * A replacement was registered: the document it replaces says by which one (page and register note), its
   * handlers are told, and the sender hears that its replacement was taken (code 15, "content update accepted",
   * domain.md §2). One still waiting in the inbox is withdrawn with that reason: it is not to be registered now.
   */
  private void replaceEarlier(InboxEntry e, IncomingRegistration.Registered r, CurrentUser clerk) {
    Optional<InboxEntry> found = replaced(e);
    if (found.isEmpty()) {
      return;
    }
    InboxEntry old = mapper.lock(found.get().id());
    String by = "Đã được thay thế bởi văn bản số " + e.numberSymbol() + " ngày " + DATE.format(e.documentDate());
    String arrival = " (số đến " + r.arrivalNumber() + "/" + r.document().regYear() + ")";
    if (InboxEntry.ACCEPTED.equals(old.status()) && old.incomingId() != null) {
      IncomingDocument doc = documents.find(old.incomingId());
      if (doc == null || "RECALLED".equals(doc.status())) {
        return;
      }
      mapper.markReplaced(doc.id(), r.id(), Text.cut(by + (doc.note() == null ? "" : ". " + doc.note()), 500));
      mapper.markReplaces(r.id(), doc.id());
      history.record(IncomingCaseType.TYPE, doc.id(), clerk.username(), clerk.onBehalfOf(), "REPLACED", by + arrival);
      history.record(IncomingCaseType.TYPE, r.id(), clerk.username(), clerk.onBehalfOf(), "REPLACES",
          replacesText(old) + " (số đến " + doc.arrivalNumber() + "/" + doc.regYear() + ")");
      Set<String> told = new LinkedHashSet<>();
      if (doc.leadHandler() != null) {
        told.add(doc.leadHandler());
      }
      if (doc.processInstanceId() != null) {
        tasks.createTaskQuery().processInstanceId(doc.processInstanceId()).list().stream()
            .map(Task::getAssignee).filter(java.util.Objects::nonNull).forEach(told::add);
      }
      notifications.notifyAll(told, "EXCHANGE", new NotificationService.Message(
          "Văn bản " + old.numberSymbol() + " đã được thay thế", "Document " + old.numberSymbol() + " was replaced",
          by + arrival + ". Xử lý theo văn bản thay thế (Nghị định 30/2020, Điều 18.3).",
          "Replaced by document " + e.numberSymbol() + arrival + ". Handle it by the replacement (Decree 30/2020"
              + " Art 18.3).", "/incoming/" + doc.id()));
    } else if (InboxEntry.ARRIVED.equals(old.status())) {
      mapper.withdraw(old.id(), Text.cut(by, 1000), now());
    } else {
      return; // refused or recalled before: nothing left to replace here
    }
    audit.record("incoming.inbox.replaced", "incoming-inbox", old.id(), old.numberSymbol() + " → "
        + e.numberSymbol());
    statuses.report(old.dispatchId(), DeliveryStatus.RECALL_ACCEPTED, by + arrival);
  }

  @Transactional
  void refuse(String id, String reason, CurrentUser clerk) {
    String why = Text.trim(reason);
    if (why == null || why.length() > 1000) {
      throw new UserError(HttpStatus.BAD_REQUEST, "incoming-inbox-refuse-reason",
          "Cần ghi lý do từ chối tiếp nhận (tối đa 1000 ký tự).", "Give the reason for refusing (at most 1000"
          + " characters).", List.of(new FieldProblem("reason", "Cần ghi lý do từ chối (tối đa 1000 ký tự).",
          "Give the reason (at most 1000 characters).")), Map.of());
    }
    InboxEntry e = lockWaiting(id, clerk);
    mapper.decide(e.id(), InboxEntry.REFUSED, now(), clerk.username(), why, null);
    audit.record("incoming.inbox.refuse", "incoming-inbox", e.id(), e.numberSymbol() + ": " + why);
    statuses.report(e.dispatchId(), DeliveryStatus.REFUSED, why);
  }

  private InboxEntry lockWaiting(String id, CurrentUser clerk) {
    if (!clerk.hasRole(Roles.CLERK)) {
      throw UserError.forbidden("Chỉ văn thư được tiếp nhận văn bản đến.", "Only a clerk may receive documents.");
    }
    find(id, clerk).orElseThrow(UserError::notFound);
    InboxEntry e = mapper.lock(id);
    if (!InboxEntry.ARRIVED.equals(e.status())) {
      throw new UserError(HttpStatus.CONFLICT, "incoming-inbox-decided",
          "Văn bản này không còn chờ tiếp nhận (" + statusVi(e.status()) + ").",
          "This document is no longer waiting to be received (" + e.status().toLowerCase() + ").");
    }
    return e;
  }

  private static String statusVi(String status) {
    return switch (status) {
      case InboxEntry.ACCEPTED -> "đã vào sổ";
      case InboxEntry.REFUSED -> "đã từ chối";
      case InboxEntry.WITHDRAWN -> "nơi gửi đã thu hồi";
      default -> status;
    };
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
