package vn.govflow.outgoing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.govflow.audit.AuditLog;
import vn.govflow.casework.CaseFiles;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.SearchText;
import vn.govflow.common.error.UserError;
import vn.govflow.documents.DeliveryStatus;
import vn.govflow.documents.DocumentDispatch;
import vn.govflow.documents.DocumentReceiving;
import vn.govflow.documents.IncomingReplies;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;
import vn.govflow.notify.NotificationService;
import vn.govflow.signing.DocumentSigning;
import vn.govflow.signing.SignatureReport;

/**
 * The clerk's side of an outgoing document (Decree 30/2020 Art 15-18): the number and date placed on the signed
 * PDF with the agency signature, issuing to every recipient, recall and replacement. Every action locks the
 * document's row, so two clerks never act on one document at once.
 */
@Service
class OutgoingIssueService {
  static final String ISSUE_TASK = "Task_Issue";
  static final int RECALL_REASON_MAX = 1000;

  private final OutgoingMapper documents;
  private final OutgoingIssueMapper mapper;
  private final OutgoingNumbers numbers;
  private final DocumentSigning signing;
  private final FileService files;
  private final CaseFiles caseFiles;
  private final CaseHistory history;
  private final AuditLog audit;
  private final IdentityDirectory directory;
  private final NotificationService notifications;
  private final ObjectProvider<DocumentReceiving> receiving;
  private final ObjectProvider<IncomingReplies> replies;
  private final OutgoingMailing mailing;
  private final TaskService tasks;
  private final ZoneId zone;
  private final String place;
  private final TransactionTemplate inTransaction;

  OutgoingIssueService(OutgoingMapper documents, OutgoingIssueMapper mapper, OutgoingNumbers numbers,
                       DocumentSigning signing, FileService files, CaseFiles caseFiles, CaseHistory history,
                       AuditLog audit, IdentityDirectory directory, NotificationService notifications,
                       ObjectProvider<DocumentReceiving> receiving, ObjectProvider<IncomingReplies> replies,
                       OutgoingMailing mailing, TaskService tasks, PlatformTransactionManager transactions,
                       @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone,
                       @Value("${govflow.outgoing.place:Lào Cai}") String place) {
    this.documents = documents;
    this.mapper = mapper;
    this.numbers = numbers;
    this.signing = signing;
    this.files = files;
    this.caseFiles = caseFiles;
    this.history = history;
    this.audit = audit;
    this.directory = directory;
    this.notifications = notifications;
    this.receiving = receiving;
    this.replies = replies;
    this.mailing = mailing;
    this.tasks = tasks;
    this.zone = ZoneId.of(zone);
    this.place = place;
    this.inTransaction = new TransactionTemplate(transactions);
  }

  // --- reading ---------------------------------------------------------------------------------------------

  /** The document as a member of its agency sees it; another agency's is not found (404). */
  public OutgoingDocument visible(String id, CurrentUser me) {
    OutgoingDocument d = id == null ? null : documents.find(id);
    if (d == null || me.agencyCode() == null || !me.agencyCode().equals(d.agencyCode())) {
      throw UserError.notFound();
    }
    return d;
  }

  private OutgoingDocument locked(String id, CurrentUser me) {
    visible(id, me);
    return documents.lock(id);
  }

  private static void requireRole(CurrentUser me, Set<String> roles, String vi, String en) {
    if (roles.stream().noneMatch(me::hasRole)) {
      throw UserError.forbidden(vi, en);
    }
  }

  // --- numbering -------------------------------------------------------------------------------------------

  public record Numbered(String id, String numberSymbol, String registerCode, int year, long number,
                         LocalDate issuedDate, String issuedFileId) {}

  /**
   * Takes the number (Art 15), places it with the date line on the personally signed PDF and signs it with the
   * agency's key; appendices in separate files each get the agency signature (App I). The personal signature is
   * checked first (409, no number taken); then one transaction holds the register's year row from taking the
   * number to storing the signed file, so a failure anywhere takes the number back. A clerk who waits too long for
   * another's numbering (H2's lock timeout) simply tries again.
   */
  public Numbered number(String id, CurrentUser me) {
    OutgoingDocument d = visible(id, me);
    requireRole(me, Set.of(Roles.CLERK), "Chỉ văn thư cơ quan được cấp số văn bản.",
        "Only the agency's clerk numbers documents.");
    checkNumberable(d);
    byte[] signed = read(d.signedFileId(), me);
    // Checked before a number is taken (Art 32.2d, 33.2): the agency signs only what the competent person signed.
    if (!personallySigned(signed)) {
      throw OutgoingErrors.conflict("outgoing-issue-no-personal-signature",
          "Văn bản chưa có chữ ký số hợp lệ của người có thẩm quyền: không cấp số, không ký số của cơ quan.",
          "The document has no valid personal signature of the competent person: no number, no agency signature.");
    }
    LocalDate today = LocalDate.now(zone);
    // The year's sequence row is created in its own transaction before ours: never two connections at once.
    numbers.ensure(d.agencyCode(), numbers.plan(d, today.getYear()).registerCode(), today.getYear());
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
    while (true) {
      try {
        return inTransaction.execute(s -> numberLocked(id, me, today, d.signedFileId(), signed));
      } catch (org.springframework.dao.PessimisticLockingFailureException
               | org.springframework.dao.QueryTimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  /** A valid personal signature; a PDF the verifier refuses outright (no signature at all) has none. */
  private boolean personallySigned(byte[] pdf) {
    try {
      return !signing.verify(pdf).validOf(SignatureReport.Kind.PERSONAL).isEmpty();
    } catch (vn.govflow.signing.SigningRefused notSigned) {
      return false;
    }
  }

  private static void checkNumberable(OutgoingDocument d) {
    if (d.number() != null) {
      throw OutgoingErrors.conflict("outgoing-issue-numbered", "Văn bản đã được cấp số " + d.numberSymbol() + ".",
          "The document already has the number " + d.numberSymbol() + ".");
    }
    if (d.state() != OutgoingStatus.SIGNED || d.signedFileId() == null) {
      throw OutgoingErrors.conflict("outgoing-issue-not-signed",
          "Chỉ cấp số cho văn bản đã được người có thẩm quyền ký (Điều 15, Nghị định 30/2020).",
          "A number is given only to a document signed by the competent person (Decree 30/2020 Art 15).");
    }
  }

  private Numbered numberLocked(String id, CurrentUser me, LocalDate today, String verifiedFileId, byte[] verified) {
    OutgoingDocument d = documents.lock(id);
    checkNumberable(d);
    byte[] signed = d.signedFileId().equals(verifiedFileId) ? verified : read(d.signedFileId(), me);
    int year = today.getYear();
    OutgoingNumbers.Plan plan = numbers.plan(d, year);
    long number = numbers.next(d.agencyCode(), plan.registerCode(), year);
    String numberSymbol = OutgoingNumbers.numberSymbol(number, plan.codeNotation());
    byte[] placed = signing.placeNumberAndDate(signed, numberSymbol, OutgoingNumbers.dateLine(place, today));
    byte[] sealed = signing.signAgency(placed, d.agencyCode());
    String baseName = "van-ban-di-" + year + "-" + plan.registerCode().replaceAll("[^A-Za-z0-9]", "") + "-"
        + String.format("%02d", number);
    String issuedFileId = store(baseName + ".pdf", sealed, me);
    int position = 0;
    for (OutgoingIssueMapper.Appendix a : mapper.appendices(id)) {
      byte[] appendix = signing.signAppendix(read(a.fileId(), me), d.agencyCode(), numberSymbol);
      String fileId = store(baseName + "-phu-luc-" + a.position() + ".pdf", appendix, me);
      mapper.appendixSigned(id, a.position(), fileId);
      caseFiles.attach(OutgoingCaseType.TYPE, id, fileId, 1000 + position++);
    }
    caseFiles.attach(OutgoingCaseType.TYPE, id, issuedFileId, 999);
    OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MICROS);
    String search = searchText(d, numberSymbol);
    if (mapper.numbered(id, plan.registerCode(), year, number, plan.codeNotation(), today, issuedFileId,
        me.username(), now, search) != 1) {
      throw new IllegalStateException("document " + id + " changed while locked");
    }
    history.record(OutgoingCaseType.TYPE, id, me.username(), me.onBehalfOf(), "NUMBERED", numberSymbol);
    audit.record("outgoing.number", "outgoing-document", id, numberSymbol);
    return new Numbered(id, numberSymbol, plan.registerCode(), year, number, today, issuedFileId);
  }

  /** What the register search finds: number and symbol, type, summary, signer and recipients, folded. */
  String searchText(OutgoingDocument d, String numberSymbol) {
    StringBuilder s = new StringBuilder();
    s.append(numberSymbol).append(' ').append(d.typeName()).append(' ').append(d.subject()).append(' ')
        .append(d.signerName() == null ? "" : d.signerName()).append(' ')
        .append(d.note() == null ? "" : d.note());
    for (OutgoingRecipient r : documents.recipients(d.id())) {
      s.append(' ').append(r.name());
    }
    return SearchText.fold(s.toString());
  }

  private byte[] read(String fileId, CurrentUser me) {
    StoredFile f = files.find(fileId, me).orElseThrow(() -> OutgoingErrors.conflict("outgoing-issue-file-missing",
        "Không tìm thấy tệp văn bản đã ký.", "The signed file is missing."));
    try (InputStream in = files.open(f)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String store(String name, byte[] pdf, CurrentUser me) {
    return files.store(name, new ByteArrayInputStream(pdf), me).id();
  }

  // --- issuing ---------------------------------------------------------------------------------------------

  /**
   * Sends the numbered document to every recipient (Art 18): agencies of the province into their electronic
   * inbox through {@link DocumentReceiving}, the agency's own departments by notification, outside recipients by
   * e-mail (after the commit, at most twice, retried until sent) or through the postal register. Completes the
   * process's issuing task. An agency recipient unknown to the directory refuses the whole issue (422).
   */
  @Transactional
  public void issue(String id, CurrentUser me) {
    OutgoingDocument d = locked(id, me);
    requireRole(me, Set.of(Roles.CLERK), "Chỉ văn thư cơ quan được phát hành văn bản.",
        "Only the agency's clerk issues documents.");
    switch (d.state()) {
      case NUMBERED -> { }
      case ISSUED, RECALLED, REPLACED -> throw OutgoingErrors.conflict("outgoing-issue-twice",
          "Văn bản " + d.numberSymbol() + " đã được phát hành.", "The document " + d.numberSymbol()
              + " has already been issued.");
      default -> throw OutgoingErrors.conflict("outgoing-issue-not-numbered",
          "Chỉ phát hành văn bản đã được cấp số và ký số của cơ quan.",
          "Only a numbered document with the agency signature can be issued.");
    }
    List<OutgoingRecipient> recipients = documents.recipients(id);
    if (recipients.isEmpty()) {
      throw OutgoingErrors.unprocessable("outgoing-issue-no-recipients", "Văn bản chưa có nơi nhận.",
          "The document has no recipients.");
    }
    List<String> unknown = new ArrayList<>();
    for (OutgoingRecipient r : recipients) {
      if (OutgoingRecipient.AGENCY.equals(r.kind())
          && directory.agency(r.agencyCode()).filter(Agency::active).isEmpty()) {
        unknown.add(r.name() + " (" + r.agencyCode() + ")");
      }
    }
    if (!unknown.isEmpty()) {
      throw OutgoingErrors.unprocessable("outgoing-issue-unknown-agency",
          "Cơ quan nhận không có trong danh bạ: " + String.join(", ", unknown) + ".",
          "Recipient agencies unknown to the directory: " + String.join(", ", unknown) + ".");
    }
    DocumentReceiving exchange = receiving.getIfAvailable();
    if (exchange == null && recipients.stream().anyMatch(r -> OutgoingRecipient.AGENCY.equals(r.kind()))) {
      throw new UserError(HttpStatus.SERVICE_UNAVAILABLE, "outgoing-issue-no-exchange",
          "Chức năng gửi văn bản điện tử đến cơ quan khác chưa sẵn sàng.",
          "Sending documents to other agencies is not available.");
    }
    OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MICROS);
    mapper.issued(id, me.username(), now);
    OutgoingDocument old = d.replacesId() == null ? null : documents.lock(d.replacesId());
    List<OutgoingRecipient> oldRecipients = old == null ? List.of() : documents.recipients(old.id());
    List<String> appendixFiles = mapper.appendices(id).stream().map(OutgoingIssueMapper.Appendix::signedFileId)
        .filter(f -> f != null).toList();
    String agencyName = directory.agency(d.agencyCode()).map(Agency::name).orElse(d.agencyCode());
    for (OutgoingRecipient r : recipients) {
      switch (r.kind()) {
        case OutgoingRecipient.AGENCY -> {
          String replaces = oldRecipients.stream()
              .filter(o -> OutgoingRecipient.AGENCY.equals(o.kind()) && r.agencyCode().equals(o.agencyCode()))
              .map(o -> dispatchId(o)).findFirst().orElse(null);
          exchange.receive(new DocumentDispatch(dispatchId(r), d.agencyCode(), agencyName, r.agencyCode(), null,
              String.format("%02d", d.number()), d.codeNotation(), d.issuedDate(), d.documentType(), d.subject(),
              d.urgency(), d.signerName(), d.signerPosition(), d.pageCount(), d.language(), d.issuedFileId(),
              appendixFiles, replaces));
        }
        case OutgoingRecipient.DEPARTMENT -> {
          // The agency's own units get the issued document, not an incoming registration (docs/decisions.md).
          notifications.notifyGroup(r.departmentId(), "OUTGOING_ISSUED", issuedMessage(d));
          status(id, r.position(), DeliveryStatus.ARRIVED, null, now);
        }
        default -> {
          if (r.postal()) {
            mapper.insertPostal(d.agencyCode(), id, r.position(), d.issuedDate(), d.numberSymbol(), r.name(),
                old == null ? null : "Thay thế văn bản " + old.numberSymbol());
          }
        }
      }
    }
    if (old != null && old.state() == OutgoingStatus.ISSUED) {
      mapper.replaced(old.id(), id, now);
      history.record(OutgoingCaseType.TYPE, old.id(), me.username(), me.onBehalfOf(), "REPLACED",
          d.numberSymbol());
      for (OutgoingRecipient o : oldRecipients) {
        if (OutgoingRecipient.DEPARTMENT.equals(o.kind())) {
          notifications.notifyGroup(o.departmentId(), "OUTGOING_REPLACED", replacedMessage(old, d));
        }
      }
    }
    if (d.replyToIncomingId() != null) {
      replies.ifAvailable(x -> x.answered(d.replyToIncomingId(), d.agencyCode(), d.numberSymbol(), d.issuedDate(),
          id));
    }
    completeIssueTask(d, me);
    history.record(OutgoingCaseType.TYPE, id, me.username(), me.onBehalfOf(), "ISSUED", d.numberSymbol());
    audit.record("outgoing.issue", "outgoing-document", id, d.numberSymbol());
    afterCommit(() -> {
      mailing.sendIssued(id);
      if (old != null) {
        mailing.sendReplaced(old.id(), id);
      }
    });
  }

  /** Stable id of one (document, recipient) pair, given back with every status. */
  static String dispatchId(OutgoingRecipient r) {
    return r.documentId() + "/" + r.position();
  }

  private void completeIssueTask(OutgoingDocument d, CurrentUser me) {
    if (d.processInstanceId() == null) {
      return;
    }
    // The model's issuing task is the clerk's; the status is ISSUED already, which its rule checks.
    if (d.processInstanceId() == null) {
      return; // a query without it would find any document's issuing task
    }
    Task task = tasks.createTaskQuery().processInstanceId(d.processInstanceId()).taskDefinitionKey(ISSUE_TASK)
        .singleResult();
    if (task != null) {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), me.username());
      }
      tasks.complete(task.getId());
    }
  }

  private void status(String id, int position, DeliveryStatus status, String note, OffsetDateTime at) {
    mapper.insertStatus(id, position, status.code(), at, note, at);
    mapper.recipientStatus(id, position, status.code(), at, note);
  }

  private NotificationService.Message issuedMessage(OutgoingDocument d) {
    return new NotificationService.Message("Văn bản " + d.numberSymbol() + " đã được phát hành",
        "Document " + d.numberSymbol() + " has been issued",
        d.typeName() + " " + d.numberSymbol() + ": " + d.subject(),
        d.typeName() + " " + d.numberSymbol() + ": " + d.subject(), "/outgoing/" + d.id() + "/issue");
  }

  private NotificationService.Message replacedMessage(OutgoingDocument old, OutgoingDocument by) {
    return new NotificationService.Message("Văn bản " + old.numberSymbol() + " được thay thế bởi " + by.numberSymbol(),
        "Document " + old.numberSymbol() + " is replaced by " + by.numberSymbol(),
        "Văn bản " + old.numberSymbol() + " (" + old.subject() + ") được thay thế bởi văn bản " + by.numberSymbol()
            + ".", "Document " + old.numberSymbol() + " (" + old.subject() + ") is replaced by "
            + by.numberSymbol() + ".", "/outgoing/" + by.id() + "/issue");
  }

  // --- recall and replacement ------------------------------------------------------------------------------

  /**
   * Recalls an issued document (Art 18.4, App VI §III.8): frozen with its metadata and the reason, each agency
   * recipient removes it from its register, every other recipient is told. Decided by the head or a deputy; the
   * clerk records it on their behalf ({@code orderedBy}).
   */
  @Transactional
  public void recall(String id, String reason, String orderedBy, CurrentUser me) {
    OutgoingDocument d = locked(id, me);
    requireRole(me, Set.of(Roles.HEAD, Roles.DEPUTY_HEAD, Roles.CLERK),
        "Chỉ thủ trưởng, cấp phó hoặc văn thư (theo chỉ đạo) được thu hồi văn bản.",
        "Only the head, a deputy head or the clerk on their behalf recalls a document.");
    String onBehalfOf = me.onBehalfOf();
    if (!me.hasRole(Roles.HEAD) && !me.hasRole(Roles.DEPUTY_HEAD)) {
      Person leader = orderedBy == null ? null : directory.person(orderedBy)
          .filter(p -> p.active() && d.agencyCode().equals(p.agencyCode())
              && (p.roles().contains(Roles.HEAD) || p.roles().contains(Roles.DEPUTY_HEAD))).orElse(null);
      if (leader == null) {
        throw UserError.badRequest("outgoing-recall-ordered-by",
            "Văn thư thu hồi văn bản theo chỉ đạo của thủ trưởng hoặc cấp phó: hãy chọn người chỉ đạo.",
            "The clerk recalls a document on the order of the head or a deputy: name who ordered it.");
      }
      onBehalfOf = leader.username();
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > RECALL_REASON_MAX) {
      throw UserError.badRequest("outgoing-recall-reason", "Cần ghi lý do thu hồi (tối đa 1.000 ký tự).",
          "Give the reason for the recall (at most 1,000 characters).");
    }
    if (d.state() == OutgoingStatus.RECALLED) {
      throw OutgoingErrors.conflict("outgoing-recall-twice", "Văn bản " + d.numberSymbol() + " đã bị thu hồi.",
          "The document " + d.numberSymbol() + " has already been recalled.");
    }
    if (d.state() != OutgoingStatus.ISSUED) {
      throw OutgoingErrors.conflict("outgoing-recall-not-issued", "Chỉ thu hồi văn bản đã phát hành.",
          "Only an issued document can be recalled.");
    }
    OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MICROS);
    mapper.recalled(id, me.username(), now, why);
    DocumentReceiving exchange = receiving.getIfAvailable();
    NotificationService.Message told = new NotificationService.Message(
        "Văn bản " + d.numberSymbol() + " bị thu hồi", "Document " + d.numberSymbol() + " is recalled",
        "Văn bản " + d.numberSymbol() + " (" + d.subject() + ") bị thu hồi. Lý do: " + why,
        "Document " + d.numberSymbol() + " (" + d.subject() + ") is recalled. Reason: " + why,
        "/outgoing/" + id + "/issue");
    for (OutgoingRecipient r : documents.recipients(id)) {
      switch (r.kind()) {
        case OutgoingRecipient.AGENCY -> {
          if (exchange != null) {
            exchange.recall(dispatchId(r), why);
          }
          status(id, r.position(), DeliveryStatus.RECALLED, why, now);
        }
        case OutgoingRecipient.DEPARTMENT -> {
          notifications.notifyGroup(r.departmentId(), "OUTGOING_RECALLED", told);
          status(id, r.position(), DeliveryStatus.RECALLED, why, now);
        }
        default -> status(id, r.position(), DeliveryStatus.RECALLED,
            r.postal() ? "Báo thu hồi bằng văn bản giấy: " + why : why, now);
      }
    }
    notifications.notifyAll(List.of(d.drafter()), "OUTGOING_RECALLED", told);
    history.record(OutgoingCaseType.TYPE, id, me.username(), onBehalfOf, "RECALLED", why);
    audit.record("outgoing.recall", "outgoing-document", id, d.numberSymbol() + ": " + why);
    afterCommit(() -> mailing.sendRecalled(id));
  }

  /**
   * Marks a document not yet numbered as the replacement of an issued one (Art 18.3): when it is issued, the
   * replaced one becomes REPLACED and its recipients are told.
   */
  @Transactional
  public void replaces(String id, String replacesId, CurrentUser me) {
    OutgoingDocument d = locked(id, me);
    if (!me.username().equals(d.drafter()) && !me.hasRole(Roles.CLERK) && !me.hasRole(Roles.HEAD)
        && !me.hasRole(Roles.DEPUTY_HEAD)) {
      throw UserError.forbidden("Chỉ người soạn thảo, văn thư hoặc lãnh đạo cơ quan được chọn văn bản bị thay thế.",
          "Only the drafter, the clerk or the agency's leaders choose the document replaced.");
    }
    if (d.number() != null) {
      throw OutgoingErrors.conflict("outgoing-replace-numbered", "Văn bản đã được cấp số, không đổi được.",
          "The document is numbered and can no longer change.");
    }
    OutgoingDocument old = Optional.ofNullable(replacesId).map(documents::find)
        .filter(o -> o.agencyCode().equals(d.agencyCode()) && !o.id().equals(id)).orElseThrow(UserError::notFound);
    if (old.state() != OutgoingStatus.ISSUED) {
      throw OutgoingErrors.conflict("outgoing-replace-not-issued", "Chỉ thay thế văn bản đang có hiệu lực đã phát"
          + " hành.", "Only an issued document in force can be replaced.");
    }
    mapper.setReplaces(id, old.id(), OffsetDateTime.now(zone));
    history.record(OutgoingCaseType.TYPE, id, me.username(), me.onBehalfOf(), "REPLACES", old.numberSymbol());
    audit.record("outgoing.replaces", "outgoing-document", id, old.id());
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }
}
