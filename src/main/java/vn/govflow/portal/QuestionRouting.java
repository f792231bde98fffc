package vn.govflow.portal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.Cases;
import vn.govflow.notify.NotificationKind;
import vn.govflow.notify.NotificationService;

/**
 * Where a question goes and by when (the process's service steps): routed by the editors, forwarded by an
 * agency, its deadline once classified (counted from receipt; a forward never moves it), and its status.
 */
@Component
class QuestionRouting {
  private final PortalMapper mapper;
  private final QuestionCase cases;
  private final AgencyChoices choices;
  private final WorkingDayCalendar calendar;
  private final NotificationService notifications;

  QuestionRouting(PortalMapper mapper, QuestionCase cases, AgencyChoices choices, WorkingDayCalendar calendar,
                  NotificationService notifications) {
    this.mapper = mapper;
    this.cases = cases;
    this.choices = choices;
    this.calendar = calendar;
    this.notifications = notifications;
  }

  void route(DelegateExecution execution) {
    String to = (String) execution.getVariable("routeTo");
    if (choices.agency(to) == null) {
      throw new IllegalStateException("Unknown agency " + to);
    }
    Cases.moveTo(execution, choices.agency(to));
    execution.setVariable("peopleOptions", choices.peopleOptions(to));
    mapper.setAgency(cases.caseOf(execution), choices.agency(to).code());
    cases.event(cases.caseOf(execution), null, "ROUTED", to);
  }

  void forward(DelegateExecution execution) {
    String to = (String) execution.getVariable("forwardTo");
    String from = choices.answeringAgency(cases.caseOf(execution));
    if (choices.agency(to) == null || to.equals(from)) {
      throw new IllegalStateException("Cannot forward from " + from + " to " + to);
    }
    execution.setVariable("forwardedFrom", from);
    Cases.moveTo(execution, choices.agency(to));
    execution.setVariable("peopleOptions", choices.peopleOptions(to));
    execution.setVariable("classification", null);
    execution.setVariable("forwardTo", null);
    execution.setVariable("handler", null);
    mapper.setAgency(cases.caseOf(execution), choices.agency(to).code());
    cases.event(cases.caseOf(execution), null, "FORWARDED", from + " → " + to);
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
    List<String> people = multi ? PortalValues.list(execution.getVariable("coordinators")) : new ArrayList<>();
    List<String> agencies = multi ? PortalValues.list(execution.getVariable("coordinatingAgencies"))
        : new ArrayList<>();
    execution.setVariable("coordinators", people);
    execution.setVariable("coordinatingAgencies", agencies);
    String questionId = cases.caseOf(execution);
    // Who coordinates, kept in our table: it is what lets them (and only them) read this question.
    mapper.deleteCoordinations(questionId);
    OffsetDateTime now = OffsetDateTime.now(calendar.zone());
    for (String agency : agencies) {
      if (choices.agency(agency) == null) {
        throw new IllegalStateException("Unknown coordinating agency " + agency);
      }
      mapper.insertCoordination(questionId, choices.agency(agency).code(), null, now);
    }
    for (String person : people) {
      String agencyCode = choices.coordinatorAgency(person);
      if (agencyCode == null) {
        throw new IllegalStateException("Unknown coordinator " + person);
      }
      mapper.insertCoordination(questionId, agencyCode, person, now);
    }
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
    String questionId = cases.caseOf(execution);
    mapper.setStatus(questionId, status, (String) execution.getVariable("rejectReason"));
    if ("REJECTED".equals(status) && "duplicate".equals(execution.getVariable("rejectReason"))) {
      mapper.setDuplicateOf(questionId, (String) execution.getVariable("duplicateOfId"));
    }
    cases.event(cases.caseOf(execution), null, status, (String) execution.getVariable("rejectReason"));
  }
}
