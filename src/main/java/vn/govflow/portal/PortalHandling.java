package vn.govflow.portal;

import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.Cases;
import vn.govflow.casework.SearchText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.identity.Agency;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;
import vn.govflow.notify.MailOnce;
import vn.govflow.notify.NotificationKind;
import vn.govflow.notify.NotificationService;

/**
 * The rules of answering a portal question (seed 003 Art 11, 31.1c), called by the portal-question process's
 * delegates and its task listener. Form mistakes are refused when the task completes; the deadline counts from
 * the question's receipt and a forward never moves it.
 */
@Service
class PortalHandling {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PortalMapper mapper;
  private final CaseHistory history;
  private final IdentityDirectory directory;
  private final WorkingDayCalendar calendar;
  private final NotificationService notifications;
  private final AnswerMail mail;
  private final MailOnce mailOnce;

  PortalHandling(PortalMapper mapper, IdentityDirectory directory, WorkingDayCalendar calendar,
                 NotificationService notifications, AnswerMail mail, MailOnce mailOnce, CaseHistory history) {
    this.history = history;
    this.mail = mail;
    this.mailOnce = mailOnce;
    this.mapper = mapper;
    this.directory = directory;
    this.calendar = calendar;
    this.notifications = notifications;
  }

  /** The options of an agency's staff, as plain lists and maps (stored as JSON). */
  List<Map<String, String>> peopleOptions(String agencyShortName) {
    String code = directory.agencies().stream().filter(a -> a.shortName().equals(agencyShortName))
        .map(Agency::code).findFirst().orElse(null);
    return new ArrayList<>(directory.people().stream()
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && Objects.equals(code, p.agencyCode()))
        .map(p -> option(p.fullName(), p.username())).toList());
  }

  List<Map<String, String>> agencyOptions() {
    return new ArrayList<>(directory.agencies().stream().map(a -> option(a.name(), a.shortName())).toList());
  }

  /** A task's rules (declared per task id in {@link PortalDelegates}) add the form's problems to the list. */
  interface FormCheck {
    void check(DelegateTask task, List<FieldProblem> problems);
  }

  void checkTask(DelegateTask task, FormCheck formCheck) {
    String questionId = caseOf(task);
    checkRole(task, questionId);
    List<FieldProblem> problems = new ArrayList<>();
    formCheck.check(task, problems);
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "portal-task-invalid", "Biểu mẫu chưa hợp lệ: "
          + problems.get(0).messageVi(), "The form is not valid: " + problems.get(0).messageEn(), problems, Map.of());
    }
    event(caseOf(task), actor(task), task.getTaskDefinitionKey(),
        value(task, "note") != null ? value(task, "note") : value(task, "returnComment"));
  }

  /**
   * Every decision by its role, whoever assigned the task: the portal's editors triage; a head or deputy head of
   * the answering agency classifies and approves.
   */
  private void checkRole(DelegateTask task, String questionId) {
    String actor = actor(task);
    Person p = actor == null ? null : directory.person(actor).filter(Person::active).orElse(null);
    boolean ok = switch (task.getTaskDefinitionKey()) {
      case "Task_Triage" -> p != null && p.roles().contains(Roles.PORTAL_EDITOR);
      case "Task_Classify", "Task_Approve" -> p != null
          && Objects.equals(p.agencyCode(), mapper.handling(questionId).answeringAgency())
          && (p.roles().contains(Roles.HEAD) || p.roles().contains(Roles.DEPUTY_HEAD));
      default -> true;
    };
    if (!ok) {
      throw UserError.forbidden("Việc này thuộc quyền của người khác: bạn không có vai trò để quyết định.",
          "This decision belongs to another role: you cannot make it.");
    }
  }

  void checkTriage(DelegateTask task, List<FieldProblem> problems) {
    if ("reject".equals(value(task, "decision"))) {
      if (value(task, "rejectReason") == null) {
        problems.add(new FieldProblem("rejectReason", "Chọn lý do từ chối.", "Choose the reason for refusing."));
      } else if ("duplicate".equals(value(task, "rejectReason"))) {
        PortalMapper.Published original = duplicateOf(value(task, "duplicateOf"));
        if (original == null) {
          problems.add(new FieldProblem("duplicateOf", "Không có câu trả lời đã đăng với mã tra cứu hoặc đường dẫn"
              + " này: nhập mã (HD-…) hoặc đường dẫn của câu trả lời trùng.", "No published answer has this tracking"
              + " code or link: enter the code (HD-…) or the link of the duplicated answer."));
        } else {
          task.setVariable("duplicateOfId", original.id());
        }
      }
    } else if (!"accept".equals(value(task, "decision"))) {
      problems.add(new FieldProblem("decision", "Chọn tiếp nhận hoặc từ chối.", "Choose to accept or refuse."));
    } else if (agency(value(task, "routeTo")) == null) {
      problems.add(new FieldProblem("routeTo", "Chọn cơ quan có thẩm quyền trả lời.",
          "Choose the competent agency."));
    }
  }

  void checkClassify(DelegateTask task, List<FieldProblem> problems) {
    String c = value(task, "classification");
    if ("outside-remit".equals(c)) {
      String to = value(task, "forwardTo");
      if (agency(to) == null || to.equals(answeringAgency(task))) {
        problems.add(new FieldProblem("forwardTo", "Chọn cơ quan khác có thẩm quyền.",
            "Choose another, competent agency."));
      }
    } else if (!List.of("own-remit", "multi-sector", "special").contains(c)) {
      problems.add(new FieldProblem("classification", "Chọn cách phân loại câu hỏi.",
          "Choose how the question is classified."));
    } else {
      // The task API does not apply the form's own rules: anything the process cannot go on with is refused
      // here, or the question would stop later at an incident or wait for an opinion nobody can give.
      List<String> staff = peopleOptions(answeringAgency(task)).stream().map(o -> o.get("value"))
          .toList();
      if (!staff.contains(value(task, "handler"))) {
        problems.add(new FieldProblem("handler", "Chọn người trả lời thuộc cơ quan.",
            "Choose the answering official from this agency."));
      }
      List<String> coordinators = list(task.getVariable("coordinators"));
      if ("multi-sector".equals(c) && (coordinators.isEmpty() || !staff.containsAll(coordinators))) {
        problems.add(new FieldProblem("coordinators", "Chọn người phối hợp thuộc cơ quan.",
            "Choose the coordinating officials from this agency."));
      }
      if ("special".equals(c) && !(task.getVariable("appointmentDays") instanceof Number n
          && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= 1 && n.intValue() <= 10)) {
        problems.add(new FieldProblem("appointmentDays", "Số ngày hẹn trả lời từ 1 đến 10 ngày làm việc.",
            "The appointment is 1 to 10 working days."));
      }
    }
  }

  void checkOpinion(DelegateTask task, List<FieldProblem> problems) {
    if (value(task, "opinion") == null) {
      problems.add(new FieldProblem("opinion", "Cần nội dung ý kiến phối hợp.", "The opinion is required."));
    }
  }

  void checkApproval(DelegateTask task, List<FieldProblem> problems) {
    String a = value(task, "approval");
    if (!"approve".equals(a) && !"return".equals(a)) {
      problems.add(new FieldProblem("approval", "Chọn duyệt hoặc trả lại.", "Choose to approve or return."));
    } else if ("return".equals(a) && value(task, "returnComment") == null) {
      problems.add(new FieldProblem("returnComment", "Ghi ý kiến khi trả lại.", "Say why the draft is returned."));
    }
  }

  void checkDraft(DelegateTask task, List<FieldProblem> problems) {
    if (value(task, "answer") == null) {
      problems.add(new FieldProblem("answer", "Cần nội dung trả lời.", "The answer is required."));
    }
    if (Boolean.TRUE.equals(task.getVariable("foreigner")) && value(task, "answerEn") == null) {
      problems.add(new FieldProblem("answerEn", "Người hỏi là người nước ngoài: cần bản trả lời tiếng Anh.",
          "The asker is a foreigner: an English answer is required."));
    }
    List<Map<String, Object>> citations = citations(task.getVariable("citations"));
    boolean complete = citations.stream().allMatch(c -> Citations.nonBlank(c, "number", "summary", "issuedOn", "issuer"));
    if (citations.isEmpty() && value(task, "noCitationReason") == null) {
      problems.add(new FieldProblem("citations", "Trích dẫn văn bản pháp luật đã dùng (số, ký hiệu, trích yếu, ngày,"
          + " cơ quan ban hành) hoặc ghi lý do không trích dẫn.",
          "Cite the legal documents used (number and symbol, summary, date, issuer) or give the reason for none."));
    } else if (!complete) {
      problems.add(new FieldProblem("citations", "Mỗi trích dẫn cần đủ số ký hiệu, trích yếu, ngày và cơ quan ban hành.",
          "Each citation needs its number and symbol, summary, date and issuer."));
    }
    if (problems.isEmpty()) {
      // The leader's earlier return comment has been answered by this draft: a later return needs its own.
      task.setVariable("returnComment", null);
      // What the approving leader reads in the form's text, whichever language the page is in.
      task.setVariable("citationsText", citations.isEmpty() ? "— " + value(task, "noCitationReason")
          : String.join("; ", citations.stream().map(c -> c.get("number") + " (" + c.get("issuedOn") + ", "
              + c.get("issuer") + "): " + c.get("summary")).toList()));
      task.setVariable("publicationLabel", switch (String.valueOf(task.getVariable("publication"))) {
        case "private" -> "Gửi trực tiếp người hỏi / Sent to the asker only";
        case "both" -> "Đăng công khai và gửi người hỏi / Published and sent to the asker";
        default -> "Đăng công khai trên Cổng / Published on the portal";
      });
    }
  }

  void route(DelegateExecution execution) {
    String to = (String) execution.getVariable("routeTo");
    if (agency(to) == null) {
      throw new IllegalStateException("Unknown agency " + to);
    }
    Cases.moveTo(execution, agency(to));
    execution.setVariable("peopleOptions", peopleOptions(to));
    mapper.setAgency(caseOf(execution), agency(to).code());
    event(caseOf(execution), null, "ROUTED", to);
  }

  void forward(DelegateExecution execution) {
    String to = (String) execution.getVariable("forwardTo");
    String from = answeringAgency(caseOf(execution));
    if (agency(to) == null || to.equals(from)) {
      throw new IllegalStateException("Cannot forward from " + from + " to " + to);
    }
    execution.setVariable("forwardedFrom", from);
    Cases.moveTo(execution, agency(to));
    execution.setVariable("peopleOptions", peopleOptions(to));
    execution.setVariable("classification", null);
    execution.setVariable("forwardTo", null);
    execution.setVariable("handler", null);
    mapper.setAgency(caseOf(execution), agency(to).code());
    event(caseOf(execution), null, "FORWARDED", from + " → " + to);
  }

  void deadline(DelegateExecution execution) {
    Object days = execution.getVariable("answerDays");
    if (!(days instanceof Number n)) {
      throw new IllegalStateException("No answer days decided for classification "
          + execution.getVariable("classification"));
    }
    Date received = (Date) execution.getVariable("receivedAt");
    OffsetDateTime due = calendar.deadline(received.toInstant(), n.intValue()).dueAt();
    execution.setVariable("dueAt", Date.from(due.toInstant()));
    boolean multi = "multi-sector".equals(execution.getVariable("classification"));
    execution.setVariable("coordinators", multi ? list(execution.getVariable("coordinators")) : new ArrayList<>());
    String questionId = caseOf(execution);
    mapper.setAnswering(questionId, mapper.handling(questionId).answeringAgency(),
        (String) execution.getVariable("classification"), due);
    String handler = (String) execution.getVariable("handler");
    if (handler != null) {
      notifications.notify(handler, NotificationKind.ASSIGNED, new NotificationService.Message(
          "Câu hỏi trên Cổng cần trả lời: " + execution.getVariable("title"),
          "Portal question to answer: " + execution.getVariable("title"),
          "Bạn được giao soạn câu trả lời, hạn " + due.toLocalDate() + ".",
          "You have been asked to draft the answer, due " + due.toLocalDate() + ".", "/tasks"));
    }
  }

  void status(DelegateExecution execution, String status) {
    String questionId = caseOf(execution);
    mapper.setStatus(questionId, status, (String) execution.getVariable("rejectReason"));
    if ("REJECTED".equals(status) && "duplicate".equals(execution.getVariable("rejectReason"))) {
      mapper.setDuplicateOf(questionId, (String) execution.getVariable("duplicateOfId"));
    }
    event(caseOf(execution), null, status, (String) execution.getVariable("rejectReason"));
  }

  void publish(DelegateExecution execution) {
    String questionId = caseOf(execution);
    try {
      mapper.setAnswer(questionId, (String) execution.getVariable("answer"), (String) execution.getVariable("answerEn"),
          JSON.writeValueAsString(citations(execution.getVariable("citations"))),
          (String) execution.getVariable("noCitationReason"),
          execution.getVariable("publication") == null ? "public" : execution.getVariable("publication").toString(),
          OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS),
          SearchText.fold(execution.getVariable("title") + " " + execution.getVariable("questionText") + " "
              + execution.getVariable("answer")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    event(questionId, null, "ANSWERED", null);
  }

  /**
   * Sends a private (or public and private) answer to the asker's e-mail. Without an address or a mail server
   * the history says so, and the asker still reads the answer through the tracking code; an SMTP failure is
   * thrown so the engine retries and then raises an incident.
   */
  void sendAnswer(DelegateExecution execution) {
    String questionId = caseOf(execution);
    PortalQuestion q = mapper.byId(questionId);
    if (q.email() == null) {
      event(questionId, null, "ANSWER_NOT_SENT", q.anonymisedAt() != null
          ? "Người hỏi đã xóa dữ liệu cá nhân; câu trả lời xem qua mã tra cứu."
          : "Người hỏi không để lại thư điện tử" + (q.phone() == null ? "" : "; liên hệ qua điện thoại")
              + "; câu trả lời xem qua mã tra cứu.");
      return;
    }
    if (!mail.enabled()) {
      event(questionId, null, "ANSWER_NOT_SENT", "Chưa cấu hình máy chủ thư; câu trả lời xem qua mã tra cứu.");
      return;
    }
    PortalMapper.Handling h = mapper.handling(questionId);
    String agencyName = directory.agency(h.answeringAgency()).map(Agency::name).orElse("Cơ quan trả lời");
    // Sent at most once: a retry of this step after a rollback or a crash finds the e-mail already sent.
    MailOnce.Result sent = mailOnce.send(questionId, MailOnce.PORTAL_ANSWER, messageId -> mail.send(q, agencyName,
        (String) execution.getVariable("answer"), (String) execution.getVariable("answerEn"),
        citations(execution.getVariable("citations")), messageId));
    mapper.setAnswerSent(questionId, sent.sentAt().atZoneSameInstant(calendar.zone()).toOffsetDateTime()
        .truncatedTo(ChronoUnit.SECONDS));
    if (!hasEvent(questionId, "ANSWER_SENT")) {
      event(questionId, null, "ANSWER_SENT", mask(q.email()) + resentNote(sent));
    }
  }

  /** Said in the history when the e-mail went again because an earlier try's outcome was unknown. */
  private static String resentNote(MailOnce.Result sent) {
    return sent.resentAfterUnknown() ? " (gửi lại sau sự cố; cùng Message-ID " + sent.messageId() + ")" : "";
  }

  private boolean hasEvent(String questionId, String step) {
    return history.hasStep(PortalCaseType.TYPE, questionId, step);
  }

  /** Tells the asker of a special case the date by which the answer is promised (the appointment). */
  void sendAppointment(DelegateExecution execution) {
    String questionId = caseOf(execution);
    PortalQuestion q = mapper.byId(questionId);
    OffsetDateTime due = ((Date) execution.getVariable("dueAt")).toInstant().atZone(calendar.zone()).toOffsetDateTime();
    String when = due.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
    if (q.email() == null || !mail.enabled()) {
      event(questionId, null, "APPOINTMENT", "Hẹn trả lời trước " + when + " (người hỏi xem qua mã tra cứu"
          + (q.email() == null ? "" : "; chưa cấu hình máy chủ thư") + ").");
      return;
    }
    String agencyName = directory.agency(mapper.handling(questionId).answeringAgency()).map(Agency::name)
        .orElse("Cơ quan trả lời");
    MailOnce.Result sent = mailOnce.send(questionId, MailOnce.PORTAL_APPOINTMENT,
        messageId -> mail.sendAppointment(q, agencyName, when, messageId));
    if (!hasEvent(questionId, "APPOINTMENT")) {
      event(questionId, null, "APPOINTMENT", "Hẹn trả lời trước " + when + "; đã gửi thư " + mask(q.email())
          + resentNote(sent) + ".");
    }
  }

  private static String mask(String email) {
    int at = email.indexOf('@');
    return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
  }

  /** A published answer named by its tracking code, its id, or the link to its public page. */
  PortalMapper.Published duplicateOf(String reference) {
    if (reference == null) {
      return null;
    }
    String ref = reference.trim();
    int slash = ref.replaceAll("[/?#]+$", "").lastIndexOf('/');
    ref = slash >= 0 ? ref.replaceAll("[/?#]+$", "").substring(slash + 1) : ref;
    ref = ref.matches("(?i)hd-\\d{4}-[a-z0-9]{8}") ? ref.toUpperCase(java.util.Locale.ROOT) : ref;
    return ref.length() > 40 ? null : mapper.publishedByReference(ref);
  }

  /**
   * The question this process instance answers: its business key, checked in our table to be the question whose
   * handling this instance is. A {@code questionId} variable is never trusted for it.
   */
  String caseOf(DelegateExecution execution) {
    return caseOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }

  String caseOf(DelegateTask task) {
    return caseOf(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
  }

  private String caseOf(String businessKey, String processInstanceId) {
    PortalMapper.Handling h = businessKey == null ? null : mapper.handling(businessKey);
    if (h == null || h.processInstanceId() != null && !h.processInstanceId().equals(processInstanceId)) {
      throw new UserError(HttpStatus.CONFLICT, "portal-case-mismatch",
          "Quy trình này không phải quy trình trả lời của câu hỏi nào.",
          "This process instance is not the answering of any question.");
    }
    return businessKey;
  }

  /** The agency answering the question now (short name), as our table records it. */
  private String answeringAgency(DelegateTask task) {
    return answeringAgency(caseOf(task));
  }

  private String answeringAgency(String questionId) {
    String code = mapper.handling(questionId).answeringAgency();
    return code == null ? null : directory.agency(code).map(Agency::shortName).orElse(null);
  }

  /** Who acts: the person signed in to the engine when there is one (engine API), else the task's holder. */
  private static String actor(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }

  private void event(Object questionId, String actor, String step, String comment) {
    history.record(PortalCaseType.TYPE, (String) questionId, actor, null, step, comment);
  }

  private Agency agency(String shortName) {
    return shortName == null ? null : directory.agencies().stream().filter(a -> a.shortName().equals(shortName))
        .findFirst().orElse(null);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> citations(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
      // Camunda Tasklist submits a form-js dynamic list as a JSON variable.
      try {
        value = JSON.readValue(json.toString(), List.class);
      } catch (JsonProcessingException e) {
        return out;
      }
    }
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof Map<?, ?> m) {
          out.add(new LinkedHashMap<>((Map<String, Object>) m));
        }
      }
    }
    return out;
  }

  static List<String> list(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      c.stream().filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank()).distinct().forEach(out::add);
    }
    return out;
  }

  private static String value(DelegateTask task, String name) {
    Object v = task.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  static Map<String, String> option(String label, String value) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("label", label);
    m.put("value", value);
    return m;
  }

  /** Small helper for "every key present and not blank". */
  static final class Citations {
    private Citations() {}

    static boolean nonBlank(Map<String, Object> m, String... keys) {
      for (String k : keys) {
        Object v = m.get(k);
        if (v == null || v.toString().isBlank()) {
          return false;
        }
      }
      return true;
    }
  }
}
