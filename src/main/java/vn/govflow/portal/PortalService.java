package vn.govflow.portal;

import vn.govflow.casework.CaseStart;
import vn.govflow.casework.CaseDeadlines;
import vn.govflow.casework.CaseFiles;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.Cases;
import vn.govflow.casework.SearchText;
import vn.govflow.casework.HistoryEntry;
import vn.govflow.casework.Urgency;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditRedaction;
import vn.govflow.audit.AuditService;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.common.PersonalData;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.engine.ProcessDataRedaction;
import vn.govflow.files.FileNameRules;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.notify.NotificationRedaction;

/**
 * Receives citizens' and businesses' questions (seed 003 Art 11): checks the asker's identity fields for their
 * type, refuses complaints and denunciations (they have their own channel), stores the question as typed, and
 * gives back a tracking code and the date by which the answer is due (5 working days from receipt, counted
 * from 08:00 on working days; the agency may later classify it as 8 or, with an appointment, up to 10).
 */
@Service
public class PortalService {
  static final int MAX_QUESTION = 10_000;
  static final int MAX_ATTACHMENTS = 5;
  /** Files from the public have no agency until someone routes the question; only this case's staff read them. */
  static final CurrentUser ASKER = new CurrentUser("portal-asker", "Người hỏi trên Cổng", null, null, null, null,
      null, java.util.Set.of(), null);
  private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final PortalMapper mapper;
  private final WorkingDayCalendar calendar;
  private final IdentityDirectory directory;
  private final PortalHandling handling;
  private final org.camunda.bpm.engine.RuntimeService runtime;
  private final SecureRandom random = new SecureRandom();
  private final FileService fileService;
  private final long maxAttachmentBytes;
  private final vn.govflow.audit.AuditLog audit;
  private final AuditService auditService;
  private final AuditRedaction auditRedaction;
  private final ProcessDataRedaction processRedaction;
  private final NotificationRedaction notificationRedaction;

  private final Cases cases;
  private final CaseDeadlines deadlines;
  private final CaseHistory history;
  private final CaseFiles caseFiles;

  PortalService(PortalMapper mapper, WorkingDayCalendar calendar, IdentityDirectory directory, PortalHandling handling,
                org.camunda.bpm.engine.RuntimeService runtime, FileService fileService,
                @Value("${govflow.portal.max-attachment-bytes:10485760}") long maxAttachmentBytes,
                vn.govflow.audit.AuditLog audit, AuditService auditService, AuditRedaction auditRedaction,
                ProcessDataRedaction processRedaction, Cases cases, CaseHistory history,
                CaseDeadlines deadlines, NotificationRedaction notificationRedaction, CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
    this.notificationRedaction = notificationRedaction;
    this.deadlines = deadlines;
    this.cases = cases;
    this.history = history;
    this.audit = audit;
    this.auditService = auditService;
    this.auditRedaction = auditRedaction;
    this.processRedaction = processRedaction;
    this.fileService = fileService;
    this.maxAttachmentBytes = maxAttachmentBytes;
    this.mapper = mapper;
    this.calendar = calendar;
    this.directory = directory;
    this.handling = handling;
    this.runtime = runtime;
  }

  public List<PortalMapper.Published> published(String query, String field, String agencyCode) {
    List<String> terms = SearchText.likeTerms(query);
    return mapper.published(blank(field) ? null : field, blank(agencyCode) ? null : agencyCode, terms).stream()
        .map(p -> p.inZone(calendar.zone())).toList();
  }

  public Optional<PortalMapper.Published> publishedAnswer(String id) {
    return vn.govflow.common.Ids.isUuid(id) ? Optional.ofNullable(mapper.publishedById(id))
        .map(p -> p.inZone(calendar.zone())) : Optional.empty();
  }

  /**
   * Erases the asker's personal data (seed 003 Art 27.2) everywhere GovFlow keeps it: the question's record and
   * attached files, every text that repeats the asker's identity (the question, a drafted answer, the search
   * words, the staff's comments on its steps), the engine's runtime and history of the case, the staff's
   * notifications that repeat its title, and the audit log's rows about the question and its
   * files (their addresses and details, through the audit log's one redaction path). The question, and a
   * published answer, stay anonymous; the log keeps that an erasure happened.
   */
  @Transactional
  public void erase(String trackingCode) {
    PortalQuestion q = track(trackingCode).orElseThrow(UserError::notFound);
    List<String> personal = personalValues(q);
    mapper.erasePersonalData(q.id(), OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS));
    PortalMapper.Texts texts = mapper.texts(q.id());
    List<String> folded = personal.stream().map(SearchText::fold).toList();
    mapper.setTexts(q.id(), new PortalMapper.Texts(PersonalData.redact(texts.question(), personal),
        PersonalData.redact(texts.answer(), personal), PersonalData.redact(texts.answerEn(), personal),
        PersonalData.redact(texts.searchText(), folded)));
    history.rewriteComments(PortalCaseType.TYPE, q.id(), c -> PersonalData.mentions(c, personal)
        ? PersonalData.redact(c, personal) : c);
    // Attachments often are identity papers: they go too (their bytes with the storage's next sweep).
    List<PortalMapper.FileRow> files = files(q.id());
    caseFiles.detachAll(PortalCaseType.TYPE, q.id());
    files.forEach(f -> fileService.erase(f.id(), "xóa dữ liệu cá nhân theo yêu cầu người hỏi " + q.trackingCode()));
    PortalMapper.Handling h = mapper.handling(q.id());
    processRedaction.redact(h == null ? null : h.processInstanceId(), personal);
    // The staff's notifications repeat the case's title, the question's first words.
    notificationRedaction.redact(personal, List.of(q.trackingCode()));
    // The asker asks in person: their address is not kept on this row either.
    auditService.recordWithoutAddress("portal.question.erase-personal-data", "portal-question", q.id(),
        q.trackingCode());
    List<AuditRedaction.Target> targets = new ArrayList<>();
    targets.add(new AuditRedaction.Target("portal-question", q.id(), false));
    // A file's audit rows name it (names often are the asker's): they lose their detail.
    files.forEach(f -> targets.add(new AuditRedaction.Target("file", f.id(), true)));
    auditRedaction.redact(null, null, "portal-question", q.id(),
        "Xóa dữ liệu cá nhân của người hỏi " + q.trackingCode() + " (seed 003 Art 27.2): địa chỉ truy cập và chi tiết"
            + " nhận diện trong nhật ký của câu hỏi và " + files.size() + " tệp", targets, personal,
        List.of(q.trackingCode()));
    history.record(PortalCaseType.TYPE, q.id(), null, null, "PERSONAL_DATA_ERASED",
        "Xóa dữ liệu cá nhân theo yêu cầu của người hỏi" + (files.isEmpty() ? "" : ", cùng " + files.size()
            + " tệp đính kèm"));
  }

  /** What identifies the asker: the fields of seed 003 Art 11 that name, locate or reach them. */
  static List<String> personalValues(PortalQuestion q) {
    List<String> values = new ArrayList<>();
    for (String v : new String[] {q.fullName(), q.address(), q.organisationName(), q.headOfficeAddress(),
        q.establishmentDecision(), q.email(), q.phone(), q.clientIp()}) {
      if (v != null && !v.isBlank()) {
        values.add(v.strip());
      }
    }
    return values;
  }

  /** A line of the staff list, with its state against the deadline. */
  public record StaffRow(PortalMapper.Row row, String fieldName, String agencyName, boolean overdue, boolean late) {}

  /**
   * The questions a person handles: portal editors and administrators see all, an agency's staff those routed
   * to their agency. {@code state} is a status, or "OVERDUE" for open questions past their due date.
   */
  public List<StaffRow> staffList(CurrentUser me, String query, String state) {
    boolean all = me.hasRole(vn.govflow.identity.Roles.PORTAL_EDITOR) || me.isProvinceWide();
    if (!all && me.agencyCode() == null) {
      return List.of();
    }
    OffsetDateTime now = OffsetDateTime.now(calendar.zone());
    String status = state != null && List.of("RECEIVED", "IN_PROGRESS", "ANSWERED", "REJECTED").contains(state) ? state
        : null;
    return mapper.rows(all ? null : me.agencyCode(), status, "OVERDUE".equals(state) ? now : null, SearchText.likeTerms(query))
        .stream().map(r -> {
          String[] field = PortalFields.ALL.get(r.field());
          PortalMapper.Row z = new PortalMapper.Row(r.id(), r.trackingCode(), r.field(), r.answeringAgency(),
              r.status(), PortalQuestion.at(r.receivedAt(), calendar.zone()), PortalQuestion.at(r.dueAt(),
              calendar.zone()), PortalQuestion.at(r.answeredAt(), calendar.zone()), r.question());
          boolean open = "RECEIVED".equals(r.status()) || "IN_PROGRESS".equals(r.status());
          return new StaffRow(z, field == null ? r.field() : field[0], r.answeringAgency() == null ? null
              : directory.agency(r.answeringAgency()).map(a -> a.name()).orElse(r.answeringAgency()),
              open && r.dueAt().isBefore(now), r.answeredAt() != null && r.answeredAt().isAfter(r.dueAt()));
        }).toList();
  }

  /** Everything staff see about a question, personal data included: only for those handling it. */
  public record StaffView(PortalQuestion question, PortalMapper.Handling handling, String fieldName,
                          String askedAgencyName, String answeringAgencyName, List<PortalMapper.FileRow> files,
                          List<HistoryEntry> events, Rejection rejection) {}


  /**
   * The question for a portal editor, a province-wide administrator, or staff of the agency it is routed to;
   * 404 for anyone else (another agency must not even learn that it exists). Reading personal data is audited.
   */
  public StaffView staffView(String id, CurrentUser me) {
    PortalQuestion q = vn.govflow.common.Ids.isUuid(id) ? mapper.byId(id) : null;
    q = q == null ? null : q.inZone(calendar.zone());
    PortalMapper.Handling h = q == null ? null : mapper.handling(id);
    if (q == null || !(me.hasRole(vn.govflow.identity.Roles.PORTAL_EDITOR) || me.isProvinceWide()
        || (h.answeringAgency() != null && h.answeringAgency().equals(me.agencyCode())))) {
      throw UserError.notFound();
    }
    audit.record("portal.question.view", "portal-question", q.id(), q.trackingCode());
    String[] field = PortalFields.ALL.get(q.field());
    List<HistoryEntry> events = history.entries(PortalCaseType.TYPE, id,
        at -> PortalQuestion.at(at, calendar.zone()));
    return new StaffView(q, h, field == null ? q.field() : field[0],
        q.agencyCode() == null ? null : directory.agency(q.agencyCode()).map(a -> a.name()).orElse(q.agencyCode()),
        h.answeringAgency() == null ? null : directory.agency(h.answeringAgency()).map(a -> a.name())
            .orElse(h.answeringAgency()), files(id), events,
        "REJECTED".equals(q.status()) ? rejection(h) : null);
  }

  /** An attachment of a question the viewer may read (else 404). */
  public StoredFile attachment(String questionId, String fileId, CurrentUser me) {
    StaffView v = staffView(questionId, me);
    if (v.files().stream().noneMatch(f -> f.id().equals(fileId))) {
      throw UserError.notFound();
    }
    return fileService.findHeldByCase(fileId).orElseThrow(UserError::notFound);
  }

  /** Why a question was refused, and the public page of the answer it duplicates (null when none). */
  public record Rejection(String reason, String duplicateOfLink) {}

  public Rejection rejection(PortalQuestion q) {
    return rejection(mapper.handling(q.id()));
  }

  private Rejection rejection(PortalMapper.Handling h) {
    String link = h.duplicateOf() == null || mapper.publishedById(h.duplicateOf()) == null ? null
        : "/portal/answers/" + h.duplicateOf();
    return new Rejection(h.rejectReason(), link);
  }

  /** own-remit, multi-sector or special once the agency's leader has classified it (else null). */
  public String classification(PortalQuestion q) {
    return mapper.handling(q.id()).classification();
  }

  /** The answer, once given (null before). */
  public PortalMapper.Answer answer(PortalQuestion q) {
    return "ANSWERED".equals(q.status()) ? mapper.answer(q.trackingCode()).inZone(calendar.zone()) : null;
  }

  /** A file the asker attaches; {@code content} is opened once, while the question is stored. */
  public record Attachment(String name, long size, Content content) {}

  /** Opens an attachment's bytes. */
  @FunctionalInterface
  public interface Content {
    java.io.InputStream open() throws java.io.IOException;
  }

  @Transactional
  public PortalQuestion submit(QuestionRequest r, String clientIp) {
    return submit(r, List.of(), clientIp);
  }

  /**
   * Validates everything first (the question, then each file's count, size and type), then stores the files,
   * the question and its links and starts the process in one transaction: a refused question keeps nothing.
   */
  @Transactional
  public PortalQuestion submit(QuestionRequest r, List<Attachment> attachments, String clientIp) {
    if (r.category() != null && List.of("khieu-nai", "to-cao", "complaint", "denunciation")
        .contains(r.category().trim().toLowerCase())) {
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "portal-complaint",
          "Chuyên mục Hỏi – Đáp không tiếp nhận khiếu nại, tố cáo (Quy chế Cổng thông tin, Điều 11). Khiếu nại, tố cáo"
              + " gửi đến cơ quan có thẩm quyền giải quyết theo Luật Khiếu nại, Luật Tố cáo, hoặc Ban Tiếp công dân tỉnh.",
          "Questions and Answers does not accept complaints or denunciations (portal rules, Art 11). Send them to the"
              + " competent agency under the Law on Complaints or the Law on Denunciations, or to the provincial"
              + " Citizen Reception Office.", List.of(), Map.of("category", r.category()));
    }
    List<FieldProblem> problems = new ArrayList<>();
    String type = r.askerType() == null ? "" : r.askerType().trim().toUpperCase();
    if ("INDIVIDUAL".equals(type)) {
      require(problems, "fullName", r.fullName(), "Họ và tên", "Full name");
      require(problems, "nationality", r.nationality(), "Quốc tịch", "Nationality");
      require(problems, "occupation", r.occupation(), "Nghề nghiệp", "Occupation");
      require(problems, "address", r.address(), "Địa chỉ", "Address");
    } else if ("ORGANISATION".equals(type)) {
      require(problems, "organisationName", r.organisationName(), "Tên tổ chức", "Organisation name");
      require(problems, "fullName", r.fullName(), "Họ và tên người đại diện", "Representative's full name");
      require(problems, "representativePosition", r.representativePosition(), "Chức vụ người đại diện",
          "Representative's position");
      require(problems, "establishmentDecision", r.establishmentDecision(),
          "Số quyết định thành lập hoặc giấy phép", "Establishment decision or licence number");
      require(problems, "headOfficeAddress", r.headOfficeAddress(), "Địa chỉ trụ sở", "Head-office address");
    } else {
      problems.add(new FieldProblem("askerType", "Chọn người hỏi là cá nhân hay tổ chức.",
          "Choose whether the asker is an individual or an organisation."));
    }
    if (blank(r.email()) && blank(r.phone())) {
      problems.add(new FieldProblem("email", "Cần thư điện tử hoặc số điện thoại để liên hệ.",
          "An e-mail address or a phone number is needed to reply."));
    } else if (!blank(r.email()) && !r.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add(new FieldProblem("email", "Địa chỉ thư điện tử không hợp lệ.", "The e-mail address is not valid."));
    }
    if (blank(r.field()) || !PortalFields.ALL.containsKey(r.field())) {
      problems.add(new FieldProblem("field", "Chọn lĩnh vực của câu hỏi.", "Choose the question's field."));
    }
    if (!blank(r.agencyCode()) && directory.agency(r.agencyCode().trim()).isEmpty()) {
      problems.add(new FieldProblem("agencyCode", "Cơ quan được hỏi không có trong danh bạ.",
          "The agency asked is not in the directory."));
    }
    if (blank(r.question())) {
      problems.add(new FieldProblem("question", "Cần nhập nội dung câu hỏi.", "The question is required."));
    } else if (r.question().length() > MAX_QUESTION) {
      problems.add(new FieldProblem("question", "Câu hỏi tối đa 10.000 ký tự.", "The question is at most 10,000 characters."));
    }
    if (!Boolean.TRUE.equals(r.consent())) {
      problems.add(new FieldProblem("consent", "Cần đồng ý cho cơ quan xử lý dữ liệu cá nhân để trả lời.",
          "Consent to the processing of personal data is needed to answer."));
    }
    List<Attachment> files = attachments == null ? List.of()
        : attachments.stream().filter(a -> a != null && a.size() > 0 && !blank(a.name())).toList();
    List<String> names = new ArrayList<>();
    if (files.size() > MAX_ATTACHMENTS) {
      problems.add(new FieldProblem("files", "Tối đa " + MAX_ATTACHMENTS + " tệp đính kèm.",
          "At most " + MAX_ATTACHMENTS + " attached files."));
    } else {
      for (Attachment a : files) {
        String name = storedName(a.name());
        if (name == null) {
          problems.add(new FieldProblem("files", "Tệp \"" + a.name() + "\": định dạng không được chấp nhận (nhận PDF,"
              + " Word, Excel, OpenDocument, văn bản, ảnh PNG/JPEG/TIFF).", "File \"" + a.name() + "\": this type is"
              + " not accepted (PDF, Word, Excel, OpenDocument, text, PNG/JPEG/TIFF images are)."));
        } else if (a.size() > maxAttachmentBytes) {
          problems.add(new FieldProblem("files", "Tệp \"" + a.name() + "\" lớn hơn " + maxAttachmentBytes / 1_048_576
              + " MB.", "File \"" + a.name() + "\" is larger than " + maxAttachmentBytes / 1_048_576 + " MB."));
        }
        names.add(name);
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "portal-invalid", "Câu hỏi chưa đủ thông tin: " + problems.size()
          + " mục cần sửa.", "The question is missing information: " + problems.size() + " item(s) to fix.",
          problems, Map.of());
    }
    OffsetDateTime received = OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS);
    // What the asker is told at once; the classification recomputes it (portal-answer-deadline, row "received").
    OffsetDateTime due = calendar.deadline(received.toInstant(),
        deadlines.workingDays("portal-answer-deadline", org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue("classification", "received").putValue("appointmentDays", null))).dueAt();
    boolean foreigner = "INDIVIDUAL".equals(type) && !isVietnamese(r.nationality());
    PortalQuestion q = new PortalQuestion(UUID.randomUUID().toString(), trackingCode(received), type,
        trim(r.fullName(), 100), trim(r.nationality(), 60), trim(r.occupation(), 100), trim(r.address(), 300),
        trim(r.organisationName(), 200), trim(r.representativePosition(), 100), trim(r.establishmentDecision(), 100),
        trim(r.headOfficeAddress(), 300), trim(r.email(), 200), trim(r.phone(), 30), r.field(),
        blank(r.agencyCode()) ? null : r.agencyCode().trim(), r.question(), true, foreigner, received, due,
        "RECEIVED", clientIp, null);
    mapper.insert(q);
    // Staff find it by its words from the start; publication later adds the answer's.
    mapper.setSearchText(q.id(), SearchText.fold(q.trackingCode() + " " + q.question()));
    for (int i = 0; i < files.size(); i++) {
      try (java.io.InputStream in = files.get(i).content().open()) {
        StoredFile f = fileService.store(names.get(i), in, ASKER);
        caseFiles.attach(PortalCaseType.TYPE, q.id(), f.id(), i + 1);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put("trackingCode", q.trackingCode());
    vars.put("field", q.field());
    // Display-only variables for the task forms' texts: names, not codes.
    vars.put("fieldName", PortalFields.ALL.get(q.field())[0]);
    vars.put("askedAgencyName", q.agencyCode() == null ? "— (Ban biên tập chuyển)"
        : directory.agency(q.agencyCode()).map(a -> a.name()).orElse(q.agencyCode()));
    vars.put("questionText", q.question());
    vars.put("foreigner", q.foreigner());
    vars.put("receivedAt", java.util.Date.from(received.toInstant()));
    vars.put("agencyOptions", handling.agencyOptions());
    vars.put("peopleOptions", new ArrayList<>());
    // A question asked without naming an agency has no owner until the editors route it.
    vn.govflow.identity.Agency owner = q.agencyCode() == null ? null : directory.agency(q.agencyCode()).orElse(null);
    String pi = cases.start(new CaseStart(PortalCaseType.TYPE, q.id(), owner, q.trackingCode() + " – "
        + (q.question().length() > 120 ? q.question().substring(0, 119) + "…" : q.question()), Urgency.THUONG,
        java.util.Date.from(due.toInstant()), vars));
    mapper.setProcessInstance(q.id(), pi);
    // Anonymous by design: the audit row carries the client address and the code, never the personal data.
    audit.record("portal.question.submit", "portal-question", q.id(), q.trackingCode() + ", " + files.size()
        + " tệp");
    return q;
  }

  public Optional<PortalQuestion> track(String trackingCode) {
    if (trackingCode == null || !trackingCode.matches("HD-\\d{4}-[A-Z0-9]{8}")) {
      return Optional.empty();
    }
    return Optional.ofNullable(mapper.byTrackingCode(trackingCode)).map(q -> q.inZone(calendar.zone()));
  }

  private String trackingCode(OffsetDateTime received) {
    StringBuilder sb = new StringBuilder("HD-").append(received.getYear()).append('-');
    for (int i = 0; i < 8; i++) {
      sb.append(CODE_CHARS[random.nextInt(CODE_CHARS.length)]);
    }
    return sb.toString();
  }

  /**
   * The name a citizen's file is stored under: theirs when it already follows the naming rules, else the same
   * name without diacritics and spaces (people cannot be expected to know the document system's rules); null
   * when the type is not accepted.
   */
  static String storedName(String original) {
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    try {
      FileNameRules.validate(name);
      return name;
    } catch (UserError e) {
      return FileNameRules.suggest(name).orElse(null);
    }
  }

  private static boolean isVietnamese(String nationality) {
    String n = nationality == null ? "" : vn.govflow.files.FileNameRules.transliterate(nationality).trim().toLowerCase();
    return n.isEmpty() || n.equals("viet nam") || n.equals("vietnam") || n.equals("vn") || n.equals("vietnamese");
  }

  private static void require(List<FieldProblem> problems, String field, String value, String vi, String en) {
    if (blank(value)) {
      problems.add(new FieldProblem(field, "Cần nhập: " + vi + ".", "Required: " + en + "."));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s, int max) {
    if (blank(s)) {
      return null;
    }
    String t = s.trim();
    return t.length() <= max ? t : t.substring(0, max);
  }


  /** The question's files as staff see them, read through the files module rather than its table. */
  private List<PortalMapper.FileRow> files(String questionId) {
    return caseFiles.fileIds(PortalCaseType.TYPE, questionId).stream().map(fileService::findHeldByCase).flatMap(Optional::stream)
        .map(f -> new PortalMapper.FileRow(f.id(), f.originalName(), f.mediaType(), f.sizeBytes())).toList();
  }
}
