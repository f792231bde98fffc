package vn.govflow.incoming;

import vn.govflow.casework.CaseStart;
import vn.govflow.casework.CaseFiles;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.Cases;
import vn.govflow.casework.SearchText;

import vn.govflow.casework.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;

/**
 * Registers incoming documents (seed 001 Art 11; Decree 30/2020 Art 22) and reads the register. A registration
 * is one transaction: files, the arrival number, the document and its process commit together or not at all,
 * so a refused document consumes no number.
 */
@Service
public class IncomingService {
  static final String PROCESS_KEY = "incoming-document";
  static final int MAX_FILES = 20;

  private final IncomingMapper mapper;
  private final FileService files;
  private final IdentityDirectory directory;
  private final RuntimeService runtime;
  private final TaskService taskService;
  private final AuditLog audit;
  private final TransactionTemplate newTransaction;
  private final ZoneId zone;
  private final Clock clock;
  private final Cases cases;
  private final CaseHistory history;
  private final CaseFiles caseFiles;

  IncomingService(IncomingMapper mapper, FileService files, IdentityDirectory directory, RuntimeService runtime,
                  TaskService taskService, AuditLog audit, PlatformTransactionManager transactions,
                  @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone, Cases cases, CaseHistory history,
                  CaseFiles caseFiles) {
    this.cases = cases;
    this.history = history;
    this.caseFiles = caseFiles;
    this.mapper = mapper;
    this.files = files;
    this.directory = directory;
    this.runtime = runtime;
    this.taskService = taskService;
    this.audit = audit;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.zone = ZoneId.of(zone);
    this.clock = Clock.system(this.zone);
  }

  /** A file handed in with the registration. */
  public record Upload(String name, InputStreamSupplier content) {}

  @FunctionalInterface
  public interface InputStreamSupplier {
    InputStream open() throws IOException;
  }

  public record Registered(String id, long arrivalNumber, String processInstanceId, IncomingDocument document) {}

  @Transactional
  public Registered register(RegistrationRequest request, List<Upload> uploads, CurrentUser clerk) {
    if (!clerk.hasRole(Roles.CLERK)) {
      throw UserError.forbidden("Chỉ văn thư được vào sổ văn bản đến.", "Only a clerk may register incoming documents.");
    }
    Agency agency = directory.agency(clerk.agencyCode()).orElseThrow(UserError::notFound);
    Validated v = validate(request, uploads, clerk);
    if (!Boolean.TRUE.equals(request.confirmDuplicate())) {
      List<IncomingDocument> duplicates = mapper.likelyDuplicates(clerk.agencyCode(), v.documentDate,
          v.numberSymbol, v.senderAgencyCode, v.senderName);
      if (!duplicates.isEmpty()) {
        IncomingDocument d = duplicates.get(0);
        throw new UserError(HttpStatus.CONFLICT, "incoming-likely-duplicate",
            "Văn bản có thể đã được vào sổ: số đến " + d.arrivalNumber() + "/" + d.regYear() + " cùng tác giả, số ký hiệu và ngày."
                + " Kiểm tra lại; nếu đúng là văn bản khác, gửi lại với confirmDuplicate = true.",
            "This document may already be registered as arrival number " + d.arrivalNumber() + "/" + d.regYear()
                + " (same sender, number and date). Check it; if it is a different document, send again with"
                + " confirmDuplicate = true.",
            List.of(), Map.of("duplicateOf", Map.of("id", d.id(), "arrivalNumber", d.arrivalNumber(),
                "year", d.regYear())));
      }
    }

    // Files first (the slow part, Tika), so the register row is locked only briefly below.
    List<StoredFile> stored = new ArrayList<>();
    StringBuilder fileText = new StringBuilder();
    for (Upload u : uploads) {
      try (InputStream in = u.content().open()) {
        StoredFile f = files.store(u.name(), in, clerk);
        stored.add(f);
        String text = files.extractedText(f);
        if (text != null) {
          fileText.append(' ').append(text, 0, Math.min(text.length(), 200_000));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int year = v.arrivedAt.atZoneSameInstant(zone).getYear();
    ensureSequence(clerk.agencyCode(), year);
    long number = mapper.lockSequence(clerk.agencyCode(), year) + 1;
    mapper.advanceSequence(clerk.agencyCode(), year, number);

    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    IncomingDocument doc = new IncomingDocument(id, clerk.agencyCode(), year, number, v.arrivedAt, v.channel,
        v.senderAgencyCode, v.senderName, v.numberSymbol, v.documentDate, v.type.code(), v.summary,
        v.urgency.code(), request.pageCount(), trim(request.recipient()), trim(request.note()),
        Boolean.TRUE.equals(request.bulkyDossier()), v.duplicateOf, IncomingDocument.REGISTERED, null, null, null,
        null, null, null, null, clerk.username(), clerk.onBehalfOf(), now);
    mapper.insert(doc, searchText(doc, fileText));
    for (int i = 0; i < stored.size(); i++) {
      caseFiles.attach(IncomingCaseType.TYPE, id, stored.get(i).id(), i);
    }

    String pi = cases.start(new CaseStart(IncomingCaseType.TYPE, id, agency, doc.numberSymbol() + " – " + doc.summary(),
        v.urgency, null, processVariables(doc, agency, v.directingLeader)));
    mapper.setProcessInstance(id, pi);
    history.record(IncomingCaseType.TYPE, id, now, clerk.username(), clerk.onBehalfOf(), "REGISTERED",
        "Vào sổ số đến " + number + "/" + year + (v.duplicateOf == null ? "" : " (đã xác nhận không trùng)"));
    audit.record("incoming.register", "incoming-document", id, "Số đến " + number + "/" + year + ": "
        + v.numberSymbol);
    return new Registered(id, number, pi, mapper.find(id));
  }

  public Optional<IncomingDocument> find(String id, CurrentUser viewer) {
    if (id == null || !vn.govflow.common.Ids.isUuid(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(mapper.find(id)).filter(d -> viewer.canSeeAgency(d.agencyCode()));
  }

  public List<String> fileIds(IncomingDocument document) {
    return caseFiles.fileIds(IncomingCaseType.TYPE, document.id());
  }

  /** The document's phiếu giải quyết, as the API has always given it. */
  public List<IncomingEvent> events(IncomingDocument document) {
    return history.steps(IncomingCaseType.TYPE, document.id()).stream().map(s -> new IncomingEvent(s.id(),
        s.caseId(), s.occurredAt(), s.actor(), s.onBehalfOf(), s.step(), s.comment())).toList();
  }

  public record Page(List<IncomingDocument> items, long total) {}

  /** The agency's register, newest first, optionally by arrival date range and words without diacritics. */
  public Page register(CurrentUser viewer, String query, LocalDate from, LocalDate to, int page, int size) {
    if (from != null && to != null && to.isBefore(from)) {
      throw UserError.badRequest("incoming-range", "Ngày kết thúc phải sau ngày bắt đầu.",
          "The end date must not be before the start date.");
    }
    int limit = Math.max(1, Math.min(size, 500));
    int offset = Math.max(0, page) * limit;
    OffsetDateTime start = from == null ? null : from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    List<String> terms = SearchText.likeTerms(query);
    return new Page(mapper.search(viewer.agencyCode(), start, end, terms, limit, offset),
        mapper.count(viewer.agencyCode(), start, end, terms));
  }

  /**
   * The lead handler asks the leader to give the document to someone else (interrupts the handling and
   * brings it back to the leader's direction task).
   */
  @Transactional
  public void requestReassignment(String id, String reason, CurrentUser me) {
    IncomingDocument d = find(id, me).orElseThrow(UserError::notFound);
    String why = trim(reason);
    if (why == null) {
      throw new UserError(HttpStatus.BAD_REQUEST, "incoming-reason", "Cần ghi lý do đề nghị giao lại.",
          "Give the reason for asking to be reassigned.", List.of(new FieldProblem("reason",
              "Cần ghi lý do đề nghị giao lại.", "Give the reason for asking to be reassigned.")), Map.of());
    }
    boolean handling = d.processInstanceId() != null && taskService.createTaskQuery()
        .processInstanceId(d.processInstanceId()).taskDefinitionKey("Task_Handle").taskAssignee(me.username())
        .count() > 0;
    if (!handling) {
      throw UserError.forbidden("Chỉ người chủ trì đang xử lý văn bản mới đề nghị giao lại được.",
          "Only the lead handler currently handling the document can ask to be reassigned.");
    }
    recordEvent(id, me.username(), "REASSIGN_REQUESTED", why);
    runtime.createMessageCorrelation("IncomingReassignRequested").processInstanceId(d.processInstanceId())
        .setVariable("reassignReason", why).correlate();
    audit.record("incoming.reassign-request", "incoming-document", id, why);
  }

  /** The register in book order (ascending arrival numbers) over a date range, for printing and export. */
  public Page registerAscending(CurrentUser viewer, LocalDate from, LocalDate to, int page, int size) {
    if (from == null || to == null) {
      throw UserError.badRequest("incoming-range-required", "Cần chọn khoảng ngày (từ ngày, đến ngày).",
          "Choose a date range (from, to).");
    }
    if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
      throw UserError.badRequest("incoming-range", "Khoảng ngày phải hợp lệ và không quá một năm.",
          "The date range must be valid and at most one year long.");
    }
    OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    int limit = Math.max(1, Math.min(size, 1000));
    List<IncomingDocument> items = mapper.book(viewer.agencyCode(), start, end, limit, Math.max(0, page) * limit);
    return new Page(items, -1);
  }

  /** A register row with the ten columns of Decree 30/2020 Appendix IV §VI (and what the list shows). */
  public record RegisterRow(String id, OffsetDateTime arrivedAt, long arrivalNumber, int year, String sender,
                            String numberSymbol, LocalDate documentDate, String typeAndSummary, String recipient,
                            OffsetDateTime forwardedAt, String receivedBy, String note, String urgency,
                            String status, OffsetDateTime dueAt) {}

  public List<RegisterRow> rows(List<IncomingDocument> documents) {
    if (documents.isEmpty()) {
      return List.of();
    }
    Map<String, OffsetDateTime> forwarded = new HashMap<>();
    List<String> ids = documents.stream().map(IncomingDocument::id).toList();
    for (int i = 0; i < ids.size(); i += 1000) {
      forwarded.putAll(history.firstTimes(IncomingCaseType.TYPE, "DIRECTED", ids.subList(i, Math.min(ids.size(), i + 1000))));
    }
    return documents.stream().map(d -> new RegisterRow(d.id(), d.arrivedAt(), d.arrivalNumber(), d.regYear(),
        d.senderName(), d.numberSymbol(), d.documentDate(), d.typeAndSummary(),
        d.recipient() != null ? d.recipient() : d.leadDepartment() != null
            ? directory.department(d.leadDepartment()).map(x -> x.name()).orElse(d.leadDepartment()) : null,
        forwarded.get(d.id()),
        d.leadHandler() == null ? null : directory.person(d.leadHandler()).map(Person::fullName).orElse(d.leadHandler()),
        d.note(), d.urgency(), d.status(), d.dueAt())).toList();
  }

  /** Records a step of the handling on the document's phiếu giải quyết. */
  void recordEvent(String documentId, String actor, String step, String comment) {
    history.record(IncomingCaseType.TYPE, documentId, actor, null, step, comment);
  }

  private void ensureSequence(String agencyCode, int year) {
    // Created in its own transaction: a concurrent first registration of the year may win the insert.
    try {
      newTransaction.executeWithoutResult(s -> mapper.createSequence(agencyCode, year));
    } catch (DuplicateKeyException alreadyThere) {
      // the row exists: fine
    }
  }

  private Map<String, Object> processVariables(IncomingDocument doc, Agency agency, String directingLeader) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("documentType", doc.documentType());
    vars.put("registeredBy", doc.registeredBy());
    vars.put("directingLeader", directingLeader);
    vars.put("bulkyDossier", doc.bulkyDossier());
    vars.put("peopleOptions", peopleOptions(agency.code()));
    vars.put("departmentOptions", new ArrayList<>(directory.departments().stream()
        .filter(d -> d.agencyCode().equals(agency.code())).map(d -> option(d.name(), d.id())).toList()));
    return vars;
  }

  List<Map<String, String>> peopleOptions(String agencyCode) {
    return new ArrayList<>(directory.people().stream()
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && agencyCode.equals(p.agencyCode()))
        .map(p -> option(p.fullName() + directory.jobPosition(p.jobPositionCode())
            .map(j -> " – " + j.name()).orElse(""), p.username()))
        .toList());
  }

  /**
   * A form option as plain ArrayList/LinkedHashMap: stored as JSON (Spin) with a type any reader can rebuild,
   * not a JDK-internal immutable class.
   */
  static Map<String, String> option(String label, String value) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("label", label);
    m.put("value", value);
    return m;
  }

  /** Fields and file text, folded alike (search terms are folded: text with diacritics would never match). */
  private static String searchText(IncomingDocument d, CharSequence fileText) {
    return SearchText.fold(String.join(" ", d.numberSymbol(), d.senderName(), d.typeAndSummary(),
        nz(d.recipient()), nz(d.note()), "so den " + d.arrivalNumber()) + SearchText.fold(fileText.toString()));
  }

  /**
   * A file's text arrived after registration (the extraction pool was full then): the documents it is attached
   * to are found by it from now on. Runs in the transaction that stored the text.
   */
  @org.springframework.context.event.EventListener
  void fileTextExtracted(vn.govflow.files.FileTextExtracted event) {
    for (String id : caseFiles.casesWithFile(IncomingCaseType.TYPE, event.fileId())) {
      IncomingDocument doc = mapper.find(id);
      if (doc != null) {
        mapper.setSearchText(id, searchText(doc, fileText(caseFiles.fileIds(IncomingCaseType.TYPE, id))));
      }
    }
  }

  /** The files' text as registration indexes it: each file's first 200 000 characters. */
  private CharSequence fileText(List<String> fileIds) {
    StringBuilder fileText = new StringBuilder();
    for (String fileId : fileIds) {
      files.findHeldByCase(fileId).map(files::extractedText).ifPresent(text ->
          fileText.append(' ').append(text, 0, Math.min(text.length(), 200_000)));
    }
    return fileText;
  }

  private record Validated(OffsetDateTime arrivedAt, String channel, String senderAgencyCode, String senderName,
                           String numberSymbol, LocalDate documentDate, DocumentType type, String summary,
                           Urgency urgency, String directingLeader, String duplicateOf) {}

  private Validated validate(RegistrationRequest r, List<Upload> uploads, CurrentUser clerk) {
    if (r.secrecy() != null && !r.secrecy().isBlank()) {
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "incoming-secret",
          "Văn bản mật (mật, tối mật, tuyệt mật) không được vào sổ trên hệ thống này: chuyển văn thư xử lý theo kênh"
              + " văn bản mật, theo Luật Bảo vệ bí mật nhà nước.",
          "Secret documents (mật, tối mật, tuyệt mật) are not registered in this system: hand them to the clerk's"
              + " secret-document channel under the Law on Protection of State Secrets.");
    }
    List<FieldProblem> problems = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime arrivedAt = r.arrivedAt() == null ? now : r.arrivedAt();
    if (arrivedAt.isAfter(now.plusMinutes(5))) {
      problems.add(new FieldProblem("arrivedAt", "Thời điểm đến không được ở tương lai.",
          "The arrival time cannot be in the future."));
    }
    String channel = r.channel() == null || r.channel().isBlank() ? "ELECTRONIC" : r.channel().trim().toUpperCase();
    if (!List.of("ELECTRONIC", "PAPER", "EMAIL").contains(channel)) {
      problems.add(new FieldProblem("channel", "Kênh nhận phải là ELECTRONIC, PAPER hoặc EMAIL.",
          "The channel must be ELECTRONIC, PAPER or EMAIL."));
    }
    String senderName = trim(r.senderName());
    String senderCode = trim(r.senderAgencyCode());
    if (senderCode != null) {
      Optional<Agency> sender = directory.agency(senderCode);
      if (sender.isEmpty()) {
        problems.add(new FieldProblem("senderAgencyCode", "Không có cơ quan mã " + senderCode + " trong danh bạ.",
            "No agency with code " + senderCode + " in the directory."));
      } else if (senderName == null) {
        senderName = sender.get().name();
      }
    }
    if (senderName == null) {
      problems.add(new FieldProblem("senderName", "Cần ghi tác giả (cơ quan ban hành).",
          "The sender (issuing agency) is required."));
    }
    String numberSymbol = trim(r.numberSymbol());
    if (numberSymbol == null) {
      problems.add(new FieldProblem("numberSymbol", "Cần ghi số, ký hiệu văn bản.", "The number and symbol are required."));
    } else if (numberSymbol.length() > 50) {
      problems.add(new FieldProblem("numberSymbol", "Số, ký hiệu tối đa 50 ký tự.", "At most 50 characters."));
    }
    if (r.documentDate() == null) {
      problems.add(new FieldProblem("documentDate", "Cần ghi ngày tháng văn bản.", "The document date is required."));
    } else if (r.documentDate().isAfter(arrivedAt.atZoneSameInstant(zone).toLocalDate())) {
      problems.add(new FieldProblem("documentDate", "Ngày văn bản không được sau ngày đến.",
          "The document date cannot be after the arrival date."));
    }
    Optional<DocumentType> type = DocumentType.byCode(nz(r.documentType()));
    if (type.isEmpty()) {
      problems.add(new FieldProblem("documentType", "Tên loại văn bản không hợp lệ (29 loại theo Nghị định 30/2020).",
          "Unknown document type (one of the 29 types of Decree 30/2020)."));
    }
    String summary = trim(r.summary());
    if (summary == null) {
      problems.add(new FieldProblem("summary", "Cần ghi trích yếu nội dung.", "The summary is required."));
    } else if (summary.length() > 500) {
      problems.add(new FieldProblem("summary", "Trích yếu tối đa 500 ký tự.", "The summary is at most 500 characters."));
    }
    Optional<Urgency> urgency = r.urgency() == null || r.urgency().isBlank() ? Optional.of(Urgency.THUONG)
        : Urgency.byCode(r.urgency().trim());
    if (urgency.isEmpty()) {
      problems.add(new FieldProblem("urgency", "Độ khẩn phải là thuong, khan, thuong-khan hoặc hoa-toc.",
          "Urgency must be thuong, khan, thuong-khan or hoa-toc."));
    }
    if (r.pageCount() != null && (r.pageCount() < 1 || r.pageCount() > 10_000)) {
      problems.add(new FieldProblem("pageCount", "Số trang phải từ 1 đến 10.000.", "Page count must be 1 to 10,000."));
    }
    String leader = trim(r.directingLeader());
    if (leader != null) {
      boolean ok = directory.person(leader).filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind())
              && clerk.agencyCode().equals(p.agencyCode()))
          .filter(p -> p.roles().contains(Roles.HEAD) || p.roles().contains(Roles.DEPUTY_HEAD)).isPresent();
      if (!ok) {
        problems.add(new FieldProblem("directingLeader", "Người chỉ đạo phải là lãnh đạo của cơ quan.",
            "The directing leader must be one of the agency's leaders."));
      }
    }
    if (uploads.isEmpty()) {
      problems.add(new FieldProblem("files", "Cần đính kèm tệp văn bản (bản điện tử hoặc bản quét).",
          "Attach the document's file (the electronic original or the scan)."));
    } else if (uploads.size() > MAX_FILES) {
      problems.add(new FieldProblem("files", "Tối đa " + MAX_FILES + " tệp.", "At most " + MAX_FILES + " files."));
    }
    for (Upload u : uploads) {
      try {
        files.validateName(u.name());
      } catch (UserError e) {
        problems.add(new FieldProblem("files", e.messageVi(), e.messageEn()));
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "incoming-invalid", "Thông tin văn bản đến chưa hợp lệ: "
          + problems.size() + " lỗi.", "The incoming document is not valid: " + problems.size() + " problem(s).",
          problems, Map.of());
    }
    return new Validated(arrivedAt.truncatedTo(ChronoUnit.SECONDS), channel, senderCode, senderName, numberSymbol,
        r.documentDate(), type.get(), summary, urgency.get(), leader,
        Boolean.TRUE.equals(r.confirmDuplicate()) ? duplicateId(clerk, r, senderCode, senderName, numberSymbol) : null);
  }

  private String duplicateId(CurrentUser clerk, RegistrationRequest r, String senderCode, String senderName,
                             String numberSymbol) {
    return mapper.likelyDuplicates(clerk.agencyCode(), r.documentDate(), numberSymbol, senderCode, senderName)
        .stream().findFirst().map(IncomingDocument::id).orElse(null);
  }


  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

}
