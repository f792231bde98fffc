package vn.govflow.incoming;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import vn.govflow.calendar.WorkingDayCalendar;

/**
 * The handling's service tasks: the leader's direction applied (deadline, holders, their notices) and the
 * document's final status. Called by {@link IncomingDelegates}.
 */
@Service
class IncomingSteps {
  private final IncomingMapper mapper;
  private final IncomingService incoming;
  private final IncomingByProcess documents;
  private final IncomingStaff staff;
  private final IncomingNotices notices;
  private final WorkingDayCalendar calendar;

  IncomingSteps(IncomingMapper mapper, IncomingService incoming, IncomingByProcess documents, IncomingStaff staff,
                IncomingNotices notices, WorkingDayCalendar calendar) {
    this.mapper = mapper;
    this.incoming = incoming;
    this.documents = documents;
    this.staff = staff;
    this.notices = notices;
    this.calendar = calendar;
  }

  /** After the decision table: the deadline and who holds the document (service task Task_ApplyDirection). */
  void applyDirection(DelegateExecution execution) {
    String documentId = documents.of(execution).id();
    Object override = execution.getVariable("handlingDaysOverride");
    Object decided = execution.getVariable("deadlineDays");
    if (!(override instanceof Number) && !(decided instanceof Number)) {
      // The decision table answers every case; no answer is a defect of the table: an incident, not a guess.
      throw new IllegalStateException("The decision incoming-handling-deadline gave no number of working days for "
          + "document " + documentId + ": add a rule to the table");
    }
    int days = override instanceof Number n ? n.intValue() : ((Number) decided).intValue();
    // The deadline counts from the leader's direction, which records it (Decree 30/2020 Art 23.2, 23.4). A later
    // direction of the same document (a reassignment) hands the work on but keeps that deadline, unless the leader
    // sets a different number of days this time (docs/decisions.md).
    Object applied = execution.getVariable("appliedHandlingDaysOverride");
    boolean redirected = execution.getVariable("handlingDays") instanceof Number
        && execution.getVariable("dueAt") instanceof Date;
    boolean newDays = override instanceof Number n2 && !(applied instanceof Number a && a.intValue() == n2.intValue());
    OffsetDateTime due;
    if (redirected && !newDays) {
      due = ((Date) execution.getVariable("dueAt")).toInstant().atZone(calendar.zone()).toOffsetDateTime();
    } else {
      due = calendar.deadline(Instant.now(), days).dueAt();
      execution.setVariable("handlingDays", days);
      execution.setVariable("dueAt", Date.from(due.toInstant()));
    }
    execution.setVariable("appliedHandlingDaysOverride", override instanceof Number n3 ? n3.intValue() : null);
    String leadType = (String) execution.getVariable("leadType");
    String leadHandler = "person".equals(leadType) ? (String) execution.getVariable("leadHandler") : null;
    String leadDepartment = "department".equals(leadType) ? (String) execution.getVariable("leadDepartment") : null;
    if (leadDepartment != null) {
      execution.setVariable("departmentHeads", String.join(",", staff.departmentHeads(leadDepartment)));
      execution.setVariable("departmentPeopleOptions", staff.departmentPeopleOptions(leadDepartment));
      execution.setVariable("leadHandler", null);
    }
    execution.setVariable("leadDepartment", leadDepartment);
    mapper.setAssignment(documentId, IncomingDocument.DIRECTED, due, leadHandler, leadDepartment);
    String title = (String) execution.getVariable("title");
    if (leadHandler != null) {
      notices.assigned(documentId, title, List.of(leadHandler), "chủ trì xử lý", "lead handler");
    } else {
      notices.assigned(documentId, title, staff.departmentHeads(leadDepartment), "phân công chuyên viên",
          "pick the handler");
    }
    notices.assigned(documentId, title, IncomingHandling.coordinators(execution.getVariable("coordinators")),
        "phối hợp", "coordinator");
  }

  /** Service tasks Task_MarkReturned / Task_MarkDone. */
  void markStatus(DelegateExecution execution, String status) {
    String documentId = documents.of(execution).id();
    if (IncomingDocument.DONE.equals(status)) {
      mapper.setOutcome(documentId, status, (String) execution.getVariable("outcome"),
          (String) execution.getVariable("replyReference"), (String) execution.getVariable("forwardedTo"));
    } else {
      mapper.setStatus(documentId, status);
    }
    incoming.recordEvent(documentId, null, status, null);
  }
}
