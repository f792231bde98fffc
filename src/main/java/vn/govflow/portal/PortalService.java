package vn.govflow.portal;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.identity.IdentityDirectory;

/**
 * Receives citizens' and businesses' questions (seed 003 Art 11): checks the asker's identity fields for their
 * type, refuses complaints and denunciations (they have their own channel), stores the question as typed, and
 * gives back a tracking code and the date by which the answer is due (5 working days from receipt, counted
 * from 08:00 on working days; the agency may later classify it as 8 or, with an appointment, up to 10).
 */
@Service
public class PortalService {
  static final int MAX_QUESTION = 10_000;
  static final int DEFAULT_DAYS = 5;
  private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final PortalMapper mapper;
  private final WorkingDayCalendar calendar;
  private final IdentityDirectory directory;
  private final PortalHandling handling;
  private final org.camunda.bpm.engine.RuntimeService runtime;
  private final SecureRandom random = new SecureRandom();

  PortalService(PortalMapper mapper, WorkingDayCalendar calendar, IdentityDirectory directory, PortalHandling handling,
                org.camunda.bpm.engine.RuntimeService runtime) {
    this.mapper = mapper;
    this.calendar = calendar;
    this.directory = directory;
    this.handling = handling;
    this.runtime = runtime;
  }

  public List<PortalMapper.Published> published(String query, String field, String agencyCode) {
    List<String> terms = query == null || query.isBlank() ? List.of()
        : java.util.Arrays.stream(PortalHandling.fold(query).split("\\s+")).filter(t -> !t.isBlank())
            .map(t -> t.replace("%", "").replace("_", "")).filter(t -> !t.isEmpty()).limit(8)
            .map(t -> "%" + t + "%").toList();
    return mapper.published(blank(field) ? null : field, blank(agencyCode) ? null : agencyCode, terms);
  }

  public Optional<PortalMapper.Published> publishedAnswer(String id) {
    return vn.govflow.common.Ids.isUuid(id) ? Optional.ofNullable(mapper.publishedById(id)) : Optional.empty();
  }

  /** Erases the asker's personal data (seed 003 Art 27.2); the question, and a published answer, stay anonymous. */
  @Transactional
  public void erase(String trackingCode) {
    PortalQuestion q = track(trackingCode).orElseThrow(UserError::notFound);
    mapper.erasePersonalData(q.id(), OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS));
    mapper.insertEvent(q.id(), OffsetDateTime.now(calendar.zone()), null, "PERSONAL_DATA_ERASED",
        "Xóa dữ liệu cá nhân theo yêu cầu của người hỏi");
  }

  /** The answer, once given (null before). */
  public PortalMapper.Answer answer(PortalQuestion q) {
    return "ANSWERED".equals(q.status()) ? mapper.answer(q.trackingCode()) : null;
  }

  @Transactional
  public PortalQuestion submit(QuestionRequest r, String clientIp) {
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
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "portal-invalid", "Câu hỏi chưa đủ thông tin: " + problems.size()
          + " mục cần sửa.", "The question is missing information: " + problems.size() + " item(s) to fix.",
          problems, Map.of());
    }
    OffsetDateTime received = OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime due = calendar.deadline(received.toInstant(), DEFAULT_DAYS).dueAt();
    boolean foreigner = "INDIVIDUAL".equals(type) && !isVietnamese(r.nationality());
    PortalQuestion q = new PortalQuestion(UUID.randomUUID().toString(), trackingCode(received), type,
        trim(r.fullName(), 100), trim(r.nationality(), 60), trim(r.occupation(), 100), trim(r.address(), 300),
        trim(r.organisationName(), 200), trim(r.representativePosition(), 100), trim(r.establishmentDecision(), 100),
        trim(r.headOfficeAddress(), 300), trim(r.email(), 200), trim(r.phone(), 30), r.field(),
        blank(r.agencyCode()) ? null : r.agencyCode().trim(), r.question(), true, foreigner, received, due,
        "RECEIVED", clientIp, null);
    mapper.insert(q);
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put("questionId", q.id());
    vars.put("trackingCode", q.trackingCode());
    vars.put("title", q.trackingCode() + " – " + (q.question().length() > 120 ? q.question().substring(0, 119) + "…"
        : q.question()));
    vars.put("field", q.field());
    vars.put("questionText", q.question());
    vars.put("agency", q.agencyCode() == null ? null : directory.agency(q.agencyCode()).map(a -> a.shortName())
        .orElse(null));
    vars.put("foreigner", q.foreigner());
    vars.put("receivedAt", java.util.Date.from(received.toInstant()));
    vars.put("dueAt", java.util.Date.from(due.toInstant()));
    vars.put("agencyOptions", handling.agencyOptions());
    vars.put("peopleOptions", new ArrayList<>());
    String pi = runtime.startProcessInstanceByKey("portal-question", q.id(), vars).getId();
    mapper.setProcessInstance(q.id(), pi);
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

}
