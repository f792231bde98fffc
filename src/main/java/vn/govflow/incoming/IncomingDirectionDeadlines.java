package vn.govflow.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.function.IntSupplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import vn.govflow.calendar.WorkingDayCalendar;

/**
 * The deadlines a leader's direction sets: the case's handling deadline (from the direction, kept on a
 * reassignment unless the leader sets other days: docs/decisions.md, issue #13 item 4) and a coordinator's own
 * deadline (issue #13 item 9). The direction form's check ({@link IncomingHandling}) and the service task that
 * applies it ({@link IncomingSteps}) use the same rule, so what the leader is told is what the process sets.
 */
@Component
class IncomingDirectionDeadlines {
  static final String HANDLING_DECISION = "incoming-handling-deadline";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final WorkingDayCalendar calendar;

  IncomingDirectionDeadlines(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** The handling deadline a direction given now sets; {@code decided} answers the table's working days. */
  OffsetDateTime caseDeadline(VariableScope scope, IntSupplier decided) {
    Object override = scope.getVariable("handlingDaysOverride");
    if (keepsDeadline(scope)) {
      return ((Date) scope.getVariable("dueAt")).toInstant().atZone(calendar.zone()).toOffsetDateTime();
    }
    int days = override instanceof Number n ? n.intValue() : decided.getAsInt();
    return calendar.deadline(Instant.now(), days).dueAt();
  }

  /**
   * A later direction of the same document (after a reassignment request) keeps the deadline already set, unless
   * the leader sets a different number of days this time.
   */
  boolean keepsDeadline(VariableScope scope) {
    Object override = scope.getVariable("handlingDaysOverride");
    Object applied = scope.getVariable("appliedHandlingDaysOverride");
    boolean redirected = scope.getVariable("handlingDays") instanceof Number
        && scope.getVariable("dueAt") instanceof Date;
    boolean newDays = override instanceof Number n && !(applied instanceof Number a && a.intValue() == n.intValue());
    return redirected && !newDays;
  }

  /**
   * The working days of the agency's handling-deadline table for the task's document, from the table deployed with
   * the process (as the process's own business rule task evaluates it), while the leader's form is checked.
   */
  int decidedDays(DelegateTask task) {
    var services = task.getProcessEngineServices();
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      String deployment = services.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId())
          .getDeploymentId();
      DecisionDefinition decision = services.getRepositoryService().createDecisionDefinitionQuery()
          .deploymentId(deployment).decisionDefinitionKey(HANDLING_DECISION).singleResult();
      if (decision == null) {
        throw new IllegalStateException("The deployment " + deployment + " has no decision " + HANDLING_DECISION);
      }
      DmnDecisionResult result = services.getDecisionService().evaluateDecisionById(decision.getId())
          .variables(Map.of("urgency", String.valueOf(task.getVariable("urgency")),
              "documentType", String.valueOf(task.getVariable("documentType")))).evaluate();
      if (result.isEmpty() || !(result.getSingleResult().getSingleEntry() instanceof Number n)) {
        throw new IllegalStateException("The decision " + HANDLING_DECISION + " gave no number of working days");
      }
      return n.intValue();
    });
  }

  /** The end of office hours of a working day, or null when the date is not a working day. */
  OffsetDateTime officeEnd(LocalDate date) {
    if (!calendar.isWorkingDay(date)) {
      return null;
    }
    // N = 0 from the day's first instant: office end of that same working day.
    return calendar.deadline(date.atStartOfDay(calendar.zone()).toInstant(), 0).dueAt();
  }

  /** A coordinator's own deadline as the engine reads a due date: ISO-8601 with seconds and offset. */
  String engineDate(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(calendar.zone()).toOffsetDateTime()
        .withNano(0));
  }

  java.time.ZoneId zone() {
    return calendar.zone();
  }

  String shown(OffsetDateTime t) {
    return SHOWN.format(t.atZoneSameInstant(calendar.zone()));
  }
}
