package vn.govflow.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;

/**
 * The rules of answering a portal question (seed 003 Art 11, 31.1c) that each user task's form is checked
 * against on completion, declared per task id in {@link PortalDelegates}: who may decide, and what the form needs.
 */
@Component
class AnswerRules {
  private final PortalMapper mapper;
  private final IdentityDirectory directory;
  private final AgencyChoices choices;
  private final QuestionCase cases;
  private final vn.govflow.calendar.WorkingDayCalendar calendar;

  AnswerRules(PortalMapper mapper, IdentityDirectory directory, AgencyChoices choices, QuestionCase cases,
              vn.govflow.calendar.WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.mapper = mapper;
    this.directory = directory;
    this.choices = choices;
    this.cases = cases;
  }

  /** A task's rules add the form's problems to the list. */
  interface FormCheck {
    void check(DelegateTask task, List<FieldProblem> problems);
  }

  /** The actor's role, then the form's rules, then the history entry. */
  void checkTask(DelegateTask task, FormCheck formCheck) {
    String questionId = cases.caseOf(task);
    checkRole(task, questionId);
    List<FieldProblem> problems = new ArrayList<>();
    formCheck.check(task, problems);
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "portal-task-invalid", "Biểu mẫu chưa hợp lệ: "
          + problems.get(0).messageVi(), "The form is not valid: " + problems.get(0).messageEn(), problems, Map.of());
    }
    String field = COMMENT_FIELDS.get(task.getTaskDefinitionKey());
    cases.event(questionId, actor(task), task.getTaskDefinitionKey(), field == null ? null : value(task, field));
    if (field != null && !"returnComment".equals(field)) {
      // Said once, on this step: a later step (or this task again after a forward) starts without it.
      task.removeVariable(field);
    }
  }

  /**
   * The field whose words a task's step keeps in the history (issue #13 item 25): the editors' and the leader's
   * note, a coordinator's opinion, the leader's reason to return. Other steps keep no comment of their own.
   */
  private static final Map<String, String> COMMENT_FIELDS = Map.of("Task_Triage", "note", "Task_Classify", "note",
      "Task_GiveOpinion", "opinion", "Task_AgencyOpinion", "opinion", "Task_Approve", "returnComment");

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
      // A coordinating agency's opinion is given by its staff (the task's candidates, or whom they gave it to).
      case "Task_AgencyOpinion" -> p != null && task.getVariable("coordinatingAgency") instanceof String coordinating
          && choices.agency(coordinating) != null && Objects.equals(p.agencyCode(), choices.agency(coordinating).code());
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
    } else if (choices.agency(value(task, "routeTo")) == null) {
      problems.add(new FieldProblem("routeTo", "Chọn cơ quan có thẩm quyền trả lời.",
          "Choose the competent agency."));
    }
  }

  void checkClassify(DelegateTask task, List<FieldProblem> problems) {
    String c = value(task, "classification");
    if ("outside-remit".equals(c)) {
      String to = value(task, "forwardTo");
      if (choices.agency(to) == null || to.equals(answeringAgency(task))) {
        problems.add(new FieldProblem("forwardTo", "Chọn cơ quan khác có thẩm quyền.",
            "Choose another, competent agency."));
      }
    } else if (!List.of("own-remit", "multi-sector", "special").contains(c)) {
      problems.add(new FieldProblem("classification", "Chọn cách phân loại câu hỏi.",
          "Choose how the question is classified."));
    } else {
      // The task API does not apply the form's own rules: anything the process cannot go on with is refused
      // here, or the question would stop later at an incident or wait for an opinion nobody can give.
      List<String> staff = choices.peopleOptions(answeringAgency(task)).stream().map(o -> o.get("value"))
          .toList();
      if (!staff.contains(value(task, "handler"))) {
        problems.add(new FieldProblem("handler", "Chọn người trả lời thuộc cơ quan.",
            "Choose the answering official from this agency."));
      }
      if ("multi-sector".equals(c)) {
        checkCoordinators(task, problems);
      }
      if ("special".equals(c) && !(task.getVariable("appointmentDays") instanceof Number n
          && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= 1 && n.intValue() <= 10)) {
        problems.add(new FieldProblem("appointmentDays", "Số ngày hẹn trả lời từ 1 đến 10 ngày làm việc.",
            "The appointment is 1 to 10 working days."));
      } else if ("special".equals(c) && task.getVariable("receivedAt") instanceof java.util.Date received) {
        // The appointment counts from receipt (seed 003 Art 11.6c): a date already past promises nothing.
        java.time.OffsetDateTime appointment = calendar.deadline(received.toInstant(),
            ((Number) task.getVariable("appointmentDays")).intValue()).dueAt();
        if (!appointment.toInstant().isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())) {
          String on = appointment.atZoneSameInstant(calendar.zone())
              .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
          problems.add(new FieldProblem("appointmentDays", "Ngày hẹn tính từ ngày nhận câu hỏi (" + on
              + ") đã qua: chọn số ngày để ngày hẹn còn ở phía trước, tối đa 10 ngày làm việc.",
              "The appointment counts from the question's receipt (" + on + ") and is already past: choose a number"
                  + " of days that puts it ahead, at most 10 working days."));
        }
      }
    }
  }

  /**
   * A multi-sector question's coordinators (seed 003 Art 11.6b, 31.1c): other agencies of the province and/or
   * named people of any agency, at least one of them; never the answering agency itself as a coordinating agency.
   */
  private void checkCoordinators(DelegateTask task, List<FieldProblem> problems) {
    List<String> people = PortalValues.list(task.getVariable("coordinators"));
    List<String> agencies = PortalValues.list(task.getVariable("coordinatingAgencies"));
    String answering = answeringAgency(task);
    if (people.isEmpty() && agencies.isEmpty()) {
      problems.add(new FieldProblem("coordinators", "Câu hỏi cần phối hợp nhiều ngành: chọn cơ quan hoặc"
          + " người phối hợp.", "A multi-sector question needs coordinators: choose agencies or people."));
    }
    if (agencies.stream().anyMatch(a -> choices.agency(a) == null || !choices.agency(a).active()
        || a.equals(answering))) {
      problems.add(new FieldProblem("coordinatingAgencies", "Chọn cơ quan phối hợp khác trong tỉnh.",
          "Choose other agencies of the province as coordinators."));
    }
    if (people.stream().anyMatch(p -> choices.coordinatorAgency(p) == null)) {
      problems.add(new FieldProblem("coordinators", "Chọn người phối hợp đang công tác tại một cơ quan trong tỉnh.",
          "Choose coordinators who work at an agency of the province."));
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
    // The drafted answer is not a variable: it is read as submitted (CaseTextFields, issue #13 item 24).
    if (submitted("answer") == null) {
      problems.add(new FieldProblem("answer", "Cần nội dung trả lời.", "The answer is required."));
    }
    if (Boolean.TRUE.equals(task.getVariable("foreigner")) && submitted("answerEn") == null) {
      problems.add(new FieldProblem("answerEn", "Người hỏi là người nước ngoài: cần bản trả lời tiếng Anh.",
          "The asker is a foreigner: an English answer is required."));
    }
    // The form's limit, for every way in (the task page checks it beside the field; the task API and the engine's
    // REST API do not read the form's rules).
    for (String field : List.of("answer", "answerEn")) {
      if (submitted(field) != null && submitted(field).length() > MAX_DRAFT_ANSWER) {
        problems.add(new FieldProblem(field, "Câu trả lời tối đa 10.000 ký tự.",
            "The answer is at most 10,000 characters."));
      }
    }
    List<Map<String, Object>> citations = Citations.of(task.getVariable("citations"));
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
      // A question drafted before the draft moved to portal_question may still carry it as variables: the new
      // draft, stored there, replaces them.
      task.removeVariable("answer");
      task.removeVariable("answerEn");
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

  /** The agency answering the question now (short name), as our table records it. */
  private String answeringAgency(DelegateTask task) {
    return choices.answeringAgency(cases.caseOf(task));
  }

  /** Who acts: the person signed in to the engine when there is one (engine API), else the task's holder. */
  private static String actor(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }

  /** The draft form's maxLength for each language (forms/portal/portal-draft.form). */
  static final int MAX_DRAFT_ANSWER = 10_000;

  /** A field of the draft that GovFlow stores rather than the engine, as this completion submitted it. */
  private static String submitted(String name) {
    Object v = vn.govflow.casework.CaseTextFields.submitted().get(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  private static String value(DelegateTask task, String name) {
    Object v = task.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }
}
