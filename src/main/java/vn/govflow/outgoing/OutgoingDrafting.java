package vn.govflow.outgoing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.audit.AuditLog;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.CaseDeadlines;
import vn.govflow.casework.CaseFiles;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.CaseStart;
import vn.govflow.casework.Cases;
import vn.govflow.casework.SearchText;
import vn.govflow.casework.Urgency;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.documents.DocumentType;
import vn.govflow.documents.IncomingReplies;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.files.convert.PdfConversion;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

/**
 * An outgoing document from the first draft to the signature (issue #9 items 1-3; Decree 30/2020 Art 10-14, seed
 * 001 Art 12): what the API and the pages do. Each action checks who acts and where the document stands, changes
 * the rows and completes the process's task in one transaction, so a refused action changes nothing.
 */
@Service
class OutgoingDrafting {
  static final Set<String> DRAFT_MEDIA_TYPES = Set.of(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.oasis.opendocument.text");
  /** Case-file position of the PDF converted from version n: {@code CONVERTED_POSITION + n}. */
  static final int CONVERTED_POSITION = 3000;
  static final List<String> REVIEW_TASKS = List.of("Task_ReviewDepartment", "Task_ReviewDeputy", "Task_Sign");

  private final OutgoingMapper mapper;
  private final OutgoingDraftMapper drafts;
  private final OutgoingStaff staff;
  private final IdentityDirectory directory;
  private final FileService files;
  private final CaseFiles caseFiles;
  private final CaseHistory history;
  private final Cases cases;
  private final CaseDeadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final TaskService tasks;
  private final AuditLog audit;
  private final ObjectProvider<IncomingReplies> replies;
  private final ObjectProvider<PdfConversion> conversion;
  private final ObjectProvider<OutgoingSignatures> signatures;
  private final Clock clock;
  private final TransactionTemplate inTransaction;

  OutgoingDrafting(OutgoingMapper mapper, OutgoingDraftMapper drafts, OutgoingStaff staff, IdentityDirectory directory,
                   FileService files, CaseFiles caseFiles, CaseHistory history, Cases cases, CaseDeadlines deadlines,
                   WorkingDayCalendar calendar, TaskService tasks, AuditLog audit,
                   ObjectProvider<IncomingReplies> replies, ObjectProvider<PdfConversion> conversion,
                   ObjectProvider<OutgoingSignatures> signatures, PlatformTransactionManager transactions,
                   @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.drafts = drafts;
    this.staff = staff;
    this.directory = directory;
    this.files = files;
    this.caseFiles = caseFiles;
    this.history = history;
    this.cases = cases;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.tasks = tasks;
    this.audit = audit;
    this.replies = replies;
    this.conversion = conversion;
    this.signatures = signatures;
    this.clock = Clock.system(ZoneId.of(zone));
    this.inTransaction = new TransactionTemplate(transactions);
  }

  /** An uploaded file: its name and a way to read it (a multipart part, a test's bytes). */
  public record Upload(String name, Content content) {
    public static Upload of(String name, byte[] bytes) {
      return new Upload(name, () -> new ByteArrayInputStream(bytes));
    }
  }

  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  /** One line of "Nơi nhận": kind DEPARTMENT (departmentId), AGENCY (agencyCode) or OUTSIDE (name, email|postal). */
  public record RecipientRequest(String kind, String departmentId, String agencyCode, String name, String email,
                                 Boolean postal) {}

  public record DraftRequest(String documentType, String subject, String urgency, List<RecipientRequest> recipients,
                             String replyToIncomingId) {}

  public record OpinionRequest(List<String> people, List<String> departments, List<String> agencies) {}

  // ---------------------------------------------------------------------------------------------------- create

  /** Creates the draft with its first version and appendices and starts its case; nothing is kept when refused. */
  @Transactional
  public OutgoingDocument create(DraftRequest r, Upload draft, List<Upload> appendices, CurrentUser me) {
    if (!me.hasRole(Roles.HANDLER) && !me.hasRole(Roles.DEPARTMENT_HEAD)) {
      throw UserError.forbidden("Chỉ chuyên viên hoặc lãnh đạo phòng được soạn thảo văn bản đi.",
          "Only a handler or a head of department may draft an outgoing document.");
    }
    List<FieldProblem> problems = new ArrayList<>();
    String type = blank(r.documentType()) ? null : DocumentType.normalise(r.documentType());
    if (type == null || type.length() > DocumentType.MAX_NAME_LENGTH) {
      problems.add(new FieldProblem("documentType", "Chọn hoặc nhập loại văn bản (tối đa 100 ký tự).",
          "Choose or type the document type (at most 100 characters)."));
    }
    if (blank(r.subject()) || r.subject().trim().length() > 500) {
      problems.add(new FieldProblem("subject", "Nhập trích yếu nội dung (tối đa 500 ký tự).",
          "Give the summary (at most 500 characters)."));
    }
    Optional<Urgency> urgency = r.urgency() == null ? Optional.of(Urgency.THUONG) : Urgency.byCode(r.urgency());
    if (urgency.isEmpty()) {
      problems.add(new FieldProblem("urgency", "Độ khẩn không hợp lệ.", "Unknown urgency."));
    }
    List<OutgoingRecipient> recipients = recipients(r.recipients(), me, problems);
    if (draft == null || blank(draft.name())) {
      problems.add(new FieldProblem("draft", "Đính kèm tệp dự thảo (DOCX hoặc ODT).",
          "Attach the draft file (DOCX or ODT)."));
    } else {
      checkDraftName(draft.name(), problems);
    }
    IncomingReplies.ReplyTarget target = null;
    if (!blank(r.replyToIncomingId())) {
      IncomingReplies source = replies.getIfAvailable();
      target = source == null ? null : source.target(r.replyToIncomingId().trim(), me.agencyCode()).orElse(null);
      if (target == null) {
        problems.add(new FieldProblem("replyToIncomingId", "Không tìm thấy văn bản đến được trả lời trong cơ quan.",
            "The incoming document answered is not one of this agency's."));
      }
    }
    fail(problems);
    OffsetDateTime now = now();
    String id = UUID.randomUUID().toString();
    StoredFile first = storeDraft(draft, me);
    OutgoingDocument doc = new OutgoingDocument(id, me.agencyCode(), me.departmentCode(), me.username(), type,
        r.subject().trim(), urgency.get().code(), target == null ? null : target.id(), OutgoingStatus.DRAFTING.name(),
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, "Tiếng Việt", null, null, null, null, null, null, now, now);
    mapper.insert(doc, SearchText.fold(DocumentType.nameOf(type) + " " + doc.subject()));
    mapper.insertVersion(new OutgoingVersion(id, 1, first.id(), first.originalName(), me.username(), now, null));
    caseFiles.attach(OutgoingCaseType.TYPE, id, first.id(), 1);
    recipients.stream().map(x -> withDocument(x, id)).forEach(mapper::insertRecipient);
    int position = 1;
    for (Upload a : appendices == null ? List.<Upload>of() : appendices) {
      StoredFile f = store(a, me);
      drafts.insertAppendix(new OutgoingAppendix(id, position++, f.id(), f.originalName(), null));
    }
    // The case deadline from the agency's table on urgency and type (outgoing-deadline), counted on working days.
    int days = deadlines.workingDays("outgoing-deadline", Variables.createVariables()
        .putValue("urgency", doc.urgency()).putValue("documentType", type));
    java.util.Date dueAt = java.util.Date.from(calendar.deadline(now.toInstant(), days).dueAt().toInstant());
    Agency owner = directory.agency(me.agencyCode()).orElseThrow();
    Map<String, Object> vars = new HashMap<>();
    vars.put("drafter", me.username());
    vars.put("documentType", type);
    String pi = cases.start(new CaseStart(OutgoingCaseType.TYPE, id, owner, doc.subject(), urgency.get(), dueAt,
        vars));
    mapper.setProcessInstance(id, pi);
    history.record(OutgoingCaseType.TYPE, id, now, me.username(), me.onBehalfOf(), "DRAFTED",
        target == null ? null : "Trả lời văn bản đến " + target.numberSymbol());
    audit.record("outgoing.draft.create", "outgoing-document", id, DocumentType.nameOf(type) + ": " + doc.subject()
        + " (" + recipients.size() + " nơi nhận)");
    return mapper.find(id);
  }

  private List<OutgoingRecipient> recipients(List<RecipientRequest> requested, CurrentUser me,
                                             List<FieldProblem> problems) {
    List<OutgoingRecipient> out = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      problems.add(new FieldProblem("recipients", "Chọn ít nhất một nơi nhận.", "Choose at least one recipient."));
      return out;
    }
    int position = 1;
    for (RecipientRequest q : requested) {
      String field = "recipients[" + (position - 1) + "]";
      String kind = q == null || q.kind() == null ? "" : q.kind().trim().toUpperCase(Locale.ROOT);
      switch (kind) {
        case OutgoingRecipient.DEPARTMENT -> {
          var d = q.departmentId() == null ? null : directory.department(q.departmentId().trim())
              .filter(x -> x.agencyCode().equals(me.agencyCode())).orElse(null);
          if (d == null) {
            problems.add(new FieldProblem(field, "Phòng, đơn vị nhận không thuộc cơ quan.",
                "The receiving department is not one of this agency's."));
          } else {
            out.add(new OutgoingRecipient(null, position, kind, d.id(), null, d.name(), null, false, null, null, null,
                null));
          }
        }
        case OutgoingRecipient.AGENCY -> {
          Agency a = q.agencyCode() == null ? null : directory.agency(q.agencyCode().trim())
              .filter(Agency::active).orElse(null);
          if (a == null || a.code().equals(me.agencyCode())) {
            problems.add(new FieldProblem(field, "Cơ quan nhận không có trong danh bạ của tỉnh.",
                "The receiving agency is not in the province's directory."));
          } else {
            out.add(new OutgoingRecipient(null, position, kind, null, a.code(), a.name(), null, false, null, null,
                null, null));
          }
        }
        case OutgoingRecipient.OUTSIDE -> {
          String name = q.name() == null ? "" : q.name().trim();
          String email = blank(q.email()) ? null : q.email().trim();
          boolean postal = Boolean.TRUE.equals(q.postal());
          if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem(field, "Nhập tên nơi nhận (tối đa 200 ký tự).",
                "Give the recipient's name (at most 200 characters)."));
          } else if (email == null && !postal) {
            problems.add(new FieldProblem(field, "Nơi nhận bên ngoài cần địa chỉ thư điện tử hoặc gửi qua bưu chính.",
                "An outside recipient needs an e-mail address or delivery by post."));
          } else if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.add(new FieldProblem(field, "Địa chỉ thư điện tử không hợp lệ.", "The e-mail address is invalid."));
          } else {
            out.add(new OutgoingRecipient(null, position, kind, null, null, name, email, postal, null, null, null,
                null));
          }
        }
        default -> problems.add(new FieldProblem(field, "Loại nơi nhận phải là DEPARTMENT, AGENCY hoặc OUTSIDE.",
            "A recipient's kind is DEPARTMENT, AGENCY or OUTSIDE."));
      }
      position++;
    }
    return out;
  }

  private static OutgoingRecipient withDocument(OutgoingRecipient r, String id) {
    return new OutgoingRecipient(id, r.position(), r.kind(), r.departmentId(), r.agencyCode(), r.name(), r.email(),
        r.postal(), null, null, null, null);
  }

  // --------------------------------------------------------------------------------------------------- versions

  /** A new version of the draft, while the handler holds it (after a return or the opinions). */
  @Transactional
  public OutgoingVersion uploadVersion(String id, Upload upload, String note, CurrentUser me) {
    OutgoingDocument doc = lockOwn(id, me);
    requireDrafter(doc, me);
    requireStatus(doc, OutgoingStatus.DRAFTING);
    List<FieldProblem> problems = new ArrayList<>();
    if (upload == null || blank(upload.name())) {
      problems.add(new FieldProblem("file", "Đính kèm tệp dự thảo (DOCX hoặc ODT).",
          "Attach the draft file (DOCX or ODT)."));
    } else {
      checkDraftName(upload.name(), problems);
    }
    if (note != null && note.length() > 1000) {
      problems.add(new FieldProblem("note", "Ghi chú tối đa 1.000 ký tự.", "The note has at most 1,000 characters."));
    }
    fail(problems);
    StoredFile f = storeDraft(upload, me);
    int no = drafts.lastVersionNo(id) + 1;
    OutgoingVersion v = new OutgoingVersion(id, no, f.id(), f.originalName(), me.username(), now(),
        blank(note) ? null : note.trim());
    mapper.insertVersion(v);
    caseFiles.attach(OutgoingCaseType.TYPE, id, f.id(), no);
    history.record(OutgoingCaseType.TYPE, id, v.createdAt(), me.username(), me.onBehalfOf(), "VERSION_UPLOADED",
        "Phiên bản " + no + ": " + f.originalName());
    audit.record("outgoing.draft.version", "outgoing-document", id, "v" + no + " " + f.originalName());
    return v;
  }

  /**
   * The final PDF the handler uploads instead of a conversion (Art 10, the signed-off text). A PDF that already
   * carries signatures is verified first and refused unless every signature holds.
   */
  @Transactional
  public StoredFile uploadFinalPdf(String id, Upload upload, CurrentUser me) {
    OutgoingDocument doc = lockOwn(id, me);
    requireDrafter(doc, me);
    if (doc.state() != OutgoingStatus.DRAFTING && doc.state() != OutgoingStatus.IN_REVIEW) {
      throw conflict("outgoing-not-drafting", "Văn bản đã ký hoặc không còn ở bước soạn thảo, trình duyệt.",
          "The document is signed or no longer being drafted or reviewed.");
    }
    if (upload == null || blank(upload.name()) || !upload.name().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      throw new UserError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "outgoing-final-not-pdf",
          "Bản cuối cùng phải là tệp PDF.", "The final text must be a PDF file.");
    }
    byte[] bytes = read(upload);
    OutgoingSignatures.Verdict verdict = verifier().verify(bytes);
    if (verdict.signed() && !verdict.valid()) {
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "outgoing-final-signature-invalid",
          "Chữ ký số trên tệp PDF không hợp lệ: " + verdict.problemVi(),
          "The PDF's digital signature is not valid: " + verdict.problemEn());
    }
    StoredFile f = files.store(upload.name(), new ByteArrayInputStream(bytes), me);
    drafts.setPdf(id, f.id());
    caseFiles.attach(OutgoingCaseType.TYPE, id, f.id(), 1000 + drafts.lastVersionNo(id));
    history.record(OutgoingCaseType.TYPE, id, now(), me.username(), me.onBehalfOf(), "FINAL_PDF_UPLOADED",
        f.originalName() + (verdict.signed() ? " (đã ký số, chữ ký hợp lệ)" : ""));
    audit.record("outgoing.draft.final-pdf", "outgoing-document", id, f.originalName()
        + (verdict.signed() ? ", signed, verified" : ""));
    return f;
  }

  // ------------------------------------------------------------------------------------------------ consultation

  /** Sends the latest version for opinions (optional consultation); the handler's step ends until all are in. */
  @Transactional
  public List<OutgoingOpinion> askOpinions(String id, OpinionRequest r, CurrentUser me) {
    OutgoingDocument doc = lockOwn(id, me);
    requireDrafter(doc, me);
    requireStatus(doc, OutgoingStatus.DRAFTING);
    Task draftTask = openTask(doc, "Task_Draft").orElseThrow(() -> conflict("outgoing-not-drafting",
        "Dự thảo không ở bước soạn thảo.", "The draft is not at the drafting step."));
    List<FieldProblem> problems = new ArrayList<>();
    List<String> people = distinct(r == null ? null : r.people());
    List<String> departments = distinct(r == null ? null : r.departments());
    List<String> agencies = distinct(r == null ? null : r.agencies());
    for (String p : people) {
      if (!staff.isStaffOf(p, doc.agencyCode()) || p.equals(me.username())) {
        problems.add(new FieldProblem("people", "Người được lấy ý kiến không thuộc cơ quan: " + p,
            "Not a person of this agency (or yourself): " + p));
      }
    }
    for (String d : departments) {
      boolean ok = directory.department(d).filter(x -> x.agencyCode().equals(doc.agencyCode())).isPresent()
          && !staff.departmentHeads(d, null).isEmpty();
      if (!ok) {
        problems.add(new FieldProblem("departments", "Phòng, đơn vị không thuộc cơ quan hoặc chưa có trưởng phòng: "
            + d, "Not a department of this agency with a head: " + d));
      }
    }
    for (String a : agencies) {
      if (directory.agency(a).filter(Agency::active).filter(x -> !x.code().equals(doc.agencyCode())).isEmpty()) {
        problems.add(new FieldProblem("agencies", "Cơ quan không có trong danh bạ của tỉnh: " + a,
            "Not an agency of the province's directory: " + a));
      }
    }
    if (!problems.isEmpty()) {
      // A choice the directory does not know (or not of this agency): understood, but not acceptable.
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "outgoing-consult-unknown",
          "Có người, phòng hoặc cơ quan được chọn lấy ý kiến không hợp lệ; chưa gửi lấy ý kiến.",
          "Some of the people, departments or agencies chosen are not valid; nothing was sent.", problems,
          Map.of());
    }
    if (people.isEmpty() && departments.isEmpty() && agencies.isEmpty()) {
      problems.add(new FieldProblem("people", "Chọn người, phòng hoặc cơ quan được lấy ý kiến.",
          "Choose the people, departments or agencies to consult."));
    }
    fail(problems);
    int version = drafts.lastVersionNo(id);
    OffsetDateTime now = now();
    int position = drafts.lastOpinionPosition(id);
    List<OutgoingOpinion> asked = new ArrayList<>();
    ArrayList<Object> personRequests = new ArrayList<>();
    ArrayList<Object> agencyRequests = new ArrayList<>();
    for (String p : people) {
      OutgoingOpinion o = new OutgoingOpinion(id, ++position, version, OutgoingOpinion.PERSON, p, me.username(), now,
          null, null, null);
      asked.add(o);
      personRequests.add(request(o.position(), "assignee", p, "candidates", new ArrayList<String>()));
    }
    for (String d : departments) {
      OutgoingOpinion o = new OutgoingOpinion(id, ++position, version, OutgoingOpinion.DEPARTMENT, d, me.username(),
          now, null, null, null);
      asked.add(o);
      personRequests.add(request(o.position(), "assignee", null, "candidates",
          new ArrayList<>(staff.departmentHeads(d, null))));
    }
    for (String a : agencies) {
      OutgoingOpinion o = new OutgoingOpinion(id, ++position, version, OutgoingOpinion.AGENCY, a, me.username(), now,
          null, null, null);
      asked.add(o);
      agencyRequests.add(request(o.position(), "agency", directory.agency(a).orElseThrow().shortName(), "agencyCode",
          a));
    }
    asked.forEach(drafts::insertOpinion);
    drafts.setConsultedVersion(id, version);
    history.record(OutgoingCaseType.TYPE, id, now, me.username(), me.onBehalfOf(), "CONSULTATION_REQUESTED",
        "Phiên bản " + version + ": " + String.join(", ", asked.stream().map(this::askedName).toList()));
    audit.record("outgoing.draft.consult", "outgoing-document", id, "v" + version + ", " + asked.size() + " ý kiến");
    complete(draftTask, me, Variables.createVariables().putValue("next", "consult")
        .putValue("consultedVersion", version)
        .putValue("opinionRequests", personRequests).putValue("agencyRequests", agencyRequests));
    return drafts.opinions(id);
  }

  private static LinkedHashMap<String, Object> request(int position, String k1, Object v1, String k2, Object v2) {
    // Plain LinkedHashMap: stored as JSON (Spin) that any reader rebuilds, like the incoming opinion requests.
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    m.put("position", position);
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  String askedName(OutgoingOpinion o) {
    return switch (o.kind()) {
      case OutgoingOpinion.PERSON -> staff.name(o.askedOf());
      case OutgoingOpinion.DEPARTMENT -> directory.department(o.askedOf()).map(d -> d.name()).orElse(o.askedOf());
      default -> directory.agency(o.askedOf()).map(Agency::name).orElse(o.askedOf());
    };
  }

  /** A consultee's opinion through the API: completes their opinion task (the task's rules store the text). */
  @Transactional
  public void giveOpinion(String id, String opinion, CurrentUser me) {
    OutgoingDocument doc = mapper.find(id);
    if (doc == null || doc.processInstanceId() == null) {
      throw UserError.notFound();
    }
    Task task = tasks.createTaskQuery().processInstanceId(doc.processInstanceId())
        .taskDefinitionKeyIn("Task_GiveOpinion", "Task_AgencyOpinion").list().stream()
        .filter(t -> holds(t, me)).findFirst().orElseThrow(UserError::notFound);
    complete(task, me, Variables.createVariables().putValue("opinion", opinion));
  }

  // ------------------------------------------------------------------------------------------------------ review

  /** The handler submits the latest version for review (ends the drafting step). */
  @Transactional
  public void submit(String id, CurrentUser me) {
    OutgoingDocument doc = lockOwn(id, me);
    requireDrafter(doc, me);
    requireStatus(doc, OutgoingStatus.DRAFTING);
    Task draftTask = openTask(doc, "Task_Draft").orElseThrow(() -> conflict("outgoing-not-drafting",
        "Dự thảo không ở bước soạn thảo.", "The draft is not at the drafting step."));
    complete(draftTask, me, Variables.createVariables());
  }

  /** approve or return (with a comment) at the step the caller holds; the signer's approval is {@link #sign}. */
  @Transactional
  public void review(String id, String decision, String comment, CurrentUser me) {
    OutgoingDocument doc = lockOwn(id, me);
    Task task = heldReviewTask(doc, me);
    if ("approve".equals(decision) && "Task_Sign".equals(task.getTaskDefinitionKey())) {
      throw conflict("outgoing-sign-instead", "Người ký duyệt bằng thao tác ký số.",
          "The signer approves by signing.");
    }
    complete(task, me, Variables.createVariables().putValue("decision", decision).putValue("comment", comment));
  }

  /**
   * The signer signs with a personal certificate (Art 14; domain.md §7): the handler's final PDF, or the latest
   * DOCX/ODT version converted to PDF. A final PDF that already carries a valid personal signature of the signer
   * (signed outside GovFlow) is accepted as it is.
   *
   * <p>The conversion (LibreOffice, seconds) runs first, outside any transaction and without the document's row
   * lock, into a stored file attached to the case at the version's position, so a retry reuses it. The signature
   * then happens in one short transaction that checks again that the document is still at signing with the same
   * text: a final PDF or version uploaded meanwhile answers 409 and nothing is signed.
   */
  public OutgoingDocument sign(String id, CurrentUser me) {
    Text text = inTransaction.execute(s -> {
      OutgoingDocument doc = lockOwn(id, me);
      requireSigningStep(doc, me);
      return textToSign(id);
    });
    String pdfId = text.pdfFileId() != null ? text.pdfFileId() : converted(id, text.versionNo(), me);
    return inTransaction.execute(s -> signLocked(id, text, pdfId, me));
  }

  /** What the signer is about to sign: the final PDF when there is one, else the latest version to convert. */
  private record Text(int versionNo, String pdfFileId) {}

  private Text textToSign(String id) {
    return new Text(drafts.lastVersionNo(id), drafts.pdfFileId(id));
  }

  private Task requireSigningStep(OutgoingDocument doc, CurrentUser me) {
    Task task = heldReviewTask(doc, me);
    if (!"Task_Sign".equals(task.getTaskDefinitionKey())) {
      throw conflict("outgoing-not-at-signing", "Văn bản chưa đến bước ký.", "The document is not at signing yet.");
    }
    requireStatus(doc, OutgoingStatus.IN_REVIEW);
    return task;
  }

  /**
   * The PDF of the version, converted once: kept as a case file at {@code CONVERTED_POSITION + version}, so a
   * second attempt (after a refusal, a timeout or a busy converter) finds it instead of converting again.
   */
  private String converted(String id, int versionNo, CurrentUser me) {
    Optional<String> earlier = caseFiles.fileAt(OutgoingCaseType.TYPE, id, CONVERTED_POSITION + versionNo);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    OutgoingVersion version = mapper.versions(id).stream().filter(v -> v.versionNo() == versionNo).findFirst()
        .orElseThrow(() -> changedWhileSigning());
    StoredFile source = files.findHeldByCase(version.fileId()).orElseThrow();
    PdfConversion converter = conversion.getIfAvailable();
    if (converter == null || !converter.available()) {
      throw new UserError(HttpStatus.SERVICE_UNAVAILABLE, "outgoing-conversion-unavailable",
          "Máy chủ chưa có bộ chuyển đổi sang PDF: người soạn thảo tải lên bản PDF cuối cùng.",
          "The server has no PDF converter: the drafter uploads the final PDF.");
    }
    byte[] pdf = converter.toPdf(bytes(source), source.originalName());
    StoredFile stored = files.store(baseName(source.originalName()) + ".pdf", new ByteArrayInputStream(pdf), me);
    // Held by the case at once: the file sweep never takes it, and a retry finds it by the version's position.
    inTransaction.executeWithoutResult(s -> caseFiles.attach(OutgoingCaseType.TYPE, id, stored.id(),
        CONVERTED_POSITION + versionNo));
    return stored.id();
  }

  private OutgoingDocument signLocked(String id, Text expected, String pdfId, CurrentUser me) {
    OutgoingDocument doc = lockOwn(id, me);
    Task task = requireSigningStep(doc, me);
    if (!expected.equals(textToSign(id))) {
      throw changedWhileSigning();
    }
    StoredFile f = files.findHeldByCase(pdfId).orElseThrow();
    byte[] pdf = bytes(f);
    String pdfName = f.originalName();
    String capacity = staff.capacity(me.username(), doc.agencyCode());
    OutgoingSignatures signer = verifier();
    OutgoingSignatures.Verdict before = signer.verify(pdf);
    byte[] signed;
    if (before.signed() && before.valid() && before.personalUsers().contains(me.username())) {
      signed = pdf; // signed outside GovFlow by this signer, verified
    } else if (before.signed() && !before.valid()) {
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "outgoing-final-signature-invalid",
          "Chữ ký số trên tệp PDF không hợp lệ: " + before.problemVi(),
          "The PDF's digital signature is not valid: " + before.problemEn());
    } else {
      signed = signer.signPersonal(pdf, me.username(), capacity);
    }
    StoredFile signedFile = files.store(baseName(pdfName) + "-da-ky.pdf", new ByteArrayInputStream(signed), me);
    OffsetDateTime at = now();
    if (drafts.sign(id, pdfId, signedFile.id(), me.username(), staff.name(me.username()),
        staff.positionName(me.username()), capacity, at) != 1) {
      throw conflict("outgoing-not-in-review", "Văn bản không ở bước trình ký.", "The document is not being signed.");
    }
    caseFiles.attach(OutgoingCaseType.TYPE, id, signedFile.id(), 2000);
    history.record(OutgoingCaseType.TYPE, id, at, me.username(), me.onBehalfOf(), "SIGNED",
        capacity.replace('\n', ' ') + " " + staff.name(me.username()));
    audit.record("outgoing.draft.sign", "outgoing-document", id, capacity.replace('\n', ' ') + ", file "
        + signedFile.id());
    complete(task, me, Variables.createVariables().putValue("decision", "sign"));
    return mapper.find(id);
  }

  private static UserError changedWhileSigning() {
    return conflict("outgoing-changed-while-signing",
        "Dự thảo vừa được thay đổi (có bản mới hoặc bản PDF cuối cùng mới) trong lúc chuẩn bị ký: văn bản chưa"
            + " được ký. Hãy xem lại bản mới rồi ký lại.",
        "The draft changed (a new version or final PDF) while it was being prepared for signing: nothing was"
            + " signed. Review the new text and sign again.");
  }

  // ------------------------------------------------------------------------------------------------------ reading

  /** The document when the viewer's agency owns it, else empty (the API answers 404, as for an unknown id). */
  public Optional<OutgoingDocument> find(String id, CurrentUser me) {
    if (id == null || !vn.govflow.common.Ids.isUuid(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(mapper.find(id)).filter(d -> me.canSeeAgency(d.agencyCode()));
  }

  public List<OutgoingDocument> list(CurrentUser me, String status, boolean mine) {
    return drafts.list(me.agencyCode(), blank(status) ? null : status, mine ? me.username() : null, 200);
  }

  public List<OutgoingVersion> versions(OutgoingDocument doc) {
    return mapper.versions(doc.id());
  }

  public List<OutgoingOpinion> opinions(OutgoingDocument doc) {
    return drafts.opinions(doc.id());
  }

  public List<OutgoingRecipient> recipients(OutgoingDocument doc) {
    return mapper.recipients(doc.id());
  }

  public List<OutgoingAppendix> appendices(OutgoingDocument doc) {
    return drafts.appendices(doc.id());
  }

  OutgoingDraftMapper.LastReturn lastReturn(OutgoingDocument doc) {
    return drafts.lastReturn(doc.id());
  }

  /** The open steps of the document's case (task definition key → task). */
  public List<Task> openTasks(OutgoingDocument doc) {
    return doc.processInstanceId() == null ? List.of()
        : tasks.createTaskQuery().processInstanceId(doc.processInstanceId()).list();
  }

  /** Whether this person holds the task: its assignee, or a candidate of an unclaimed one. */
  boolean holds(Task t, CurrentUser me) {
    if (t.getAssignee() != null) {
      return t.getAssignee().equals(me.username());
    }
    List<String> groups = directory.groupIdsOf(me.username());
    for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (me.username().equals(link.getUserId()) || link.getGroupId() != null
          && groups.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  private Task heldReviewTask(OutgoingDocument doc, CurrentUser me) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(doc.processInstanceId())
        .taskDefinitionKeyIn(REVIEW_TASKS.toArray(String[]::new)).list();
    if (open.isEmpty()) {
      throw conflict("outgoing-not-in-review", "Văn bản không ở bước duyệt, ký.", "The document is not in review.");
    }
    return open.stream().filter(t -> holds(t, me)).findFirst().orElseThrow(() -> UserError.forbidden(
        "Bạn không phải người duyệt, ký văn bản ở bước này.", "You do not review or sign this document at this step."));
  }

  private Optional<Task> openTask(OutgoingDocument doc, String key) {
    return doc.processInstanceId() == null ? Optional.empty() : Optional.ofNullable(tasks.createTaskQuery()
        .processInstanceId(doc.processInstanceId()).taskDefinitionKey(key).singleResult());
  }

  /** Claims the task for the acting person (the rules read the holder) and completes it. */
  private void complete(Task task, CurrentUser me, Map<String, Object> variables) {
    if (task.getAssignee() == null) {
      tasks.setAssignee(task.getId(), me.username());
    }
    try {
      tasks.complete(task.getId(), variables);
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      // A task rule's refusal reaches us wrapped by the engine: answer it as the rule said (4xx), not as a 500.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof UserError refusal) {
          throw refusal;
        }
      }
      throw e;
    }
  }

  private OutgoingDocument lockOwn(String id, CurrentUser me) {
    if (id == null || !vn.govflow.common.Ids.isUuid(id)) {
      throw UserError.notFound();
    }
    OutgoingDocument doc = mapper.lock(id);
    if (doc == null || !me.canSeeAgency(doc.agencyCode())) {
      throw UserError.notFound();
    }
    return doc;
  }

  private static void requireDrafter(OutgoingDocument doc, CurrentUser me) {
    if (!doc.drafter().equals(me.username())) {
      throw UserError.forbidden("Chỉ người soạn thảo được thực hiện thao tác này.",
          "Only the drafter may do this.");
    }
  }

  private static void requireStatus(OutgoingDocument doc, OutgoingStatus status) {
    if (doc.state() != status) {
      throw conflict("outgoing-wrong-status", "Văn bản đang ở trạng thái " + doc.status() + ", không thực hiện được.",
          "The document is " + doc.status() + "; this cannot be done now.");
    }
  }

  private void checkDraftName(String name, List<FieldProblem> problems) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".docx") && !lower.endsWith(".odt")) {
      problems.add(new FieldProblem("draft", "Tệp dự thảo phải là DOCX hoặc ODT.", "The draft must be a DOCX or ODT."));
    }
  }

  /** Stored through FileService (name rules, content must match the extension), then held to DOCX/ODT. */
  private StoredFile storeDraft(Upload upload, CurrentUser me) {
    StoredFile f = store(upload, me);
    if (!DRAFT_MEDIA_TYPES.contains(f.mediaType())) {
      throw new UserError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "outgoing-draft-type",
          "Tệp dự thảo phải là văn bản DOCX hoặc ODT.", "The draft must be a DOCX or ODT document.");
    }
    return f;
  }

  private StoredFile store(Upload upload, CurrentUser me) {
    try (InputStream in = upload.content().open()) {
      return files.store(upload.name(), in, me);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Upload upload) {
    try (InputStream in = upload.content().open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] bytes(StoredFile f) {
    try (InputStream in = files.open(f)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OutgoingSignatures verifier() {
    OutgoingSignatures s = signatures.getIfAvailable();
    if (s == null) {
      throw new UserError(HttpStatus.SERVICE_UNAVAILABLE, "outgoing-signing-unavailable",
          "Chưa cấu hình dịch vụ ký số.", "No signing service is configured.");
    }
    return s;
  }

  private static String baseName(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static List<String> distinct(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim)
        .distinct().toList();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  static UserError conflict(String code, String vi, String en) {
    return new UserError(HttpStatus.CONFLICT, code, vi, en);
  }

  static void fail(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "outgoing-invalid", "Thông tin văn bản đi chưa hợp lệ.",
          "The outgoing document's details are not valid.", problems, Map.of());
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
