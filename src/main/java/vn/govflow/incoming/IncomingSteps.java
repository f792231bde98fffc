package vn.govflow.incoming;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.camunda.bpm.engine.variable.Variables;
import vn.govflow.calendar.WorkingDaysExpressions;

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
  private final IncomingDirectionDeadlines deadlines;
  private final WorkingDaysExpressions workingDays;
  private final ExchangeStatuses exchange;

  IncomingSteps(IncomingMapper mapper, IncomingService incoming, IncomingByProcess documents, IncomingStaff staff,
                IncomingNotices notices, IncomingDirectionDeadlines deadlines, WorkingDaysExpressions workingDays,
                ExchangeStatuses exchange) {
    this.exchange = exchange;
    this.mapper = mapper;
    this.incoming = incoming;
    this.documents = documents;
    this.staff = staff;
    this.notices = notices;
    this.deadlines = deadlines;
    this.workingDays = workingDays;
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
    // The deadline counts from the leader's direction, which records it (Decree 30/2020 Art 23.2, 23.4). A later
    // direction of the same document (a reassignment) hands the work on but keeps that deadline, unless the leader
    // sets a different number of days this time (docs/decisions.md).
    boolean keeps = deadlines.keepsDeadline(execution);
    OffsetDateTime due = deadlines.caseDeadline(execution, () -> ((Number) decided).intValue());
    if (!keeps) {
      execution.setVariable("handlingDays", override instanceof Number n ? n.intValue() : ((Number) decided).intValue());
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
    List<Map<String, Object>> requests = opinionRequests(execution, due);
    execution.setVariable("opinionRequests", Variables.objectValue(requests)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    mapper.setAssignment(documentId, IncomingDocument.DIRECTED, due, leadHandler, leadDepartment);
    // Issue #9 item 5: the sender inside the province hears of the direction, and of the work starting when a
    // person leads (a department's head picks the handler first: IncomingHandling.checkPickedHandler).
    String lead = leadHandler != null ? staff.personName(leadHandler) : staff.departmentName(leadDepartment);
    exchange.forDocument(documentId, vn.govflow.documents.DeliveryStatus.ASSIGNED, "Chủ trì: " + lead);
    if (leadHandler != null) {
      exchange.forDocument(documentId, vn.govflow.documents.DeliveryStatus.IN_PROGRESS, "Người xử lý: " + lead);
    }
    String title = (String) execution.getVariable("title");
    if (leadHandler != null) {
      notices.assigned(documentId, title, List.of(leadHandler), "chủ trì xử lý", "lead handler");
    } else {
      notices.assigned(documentId, title, staff.departmentHeads(leadDepartment), "phân công chuyên viên",
          "pick the handler");
    }
    for (Map<String, Object> r : requests) {
      @SuppressWarnings("unchecked")
      List<String> to = r.get("assignee") != null ? List.of((String) r.get("assignee"))
          : (List<String>) r.get("candidates");
      notices.assigned(documentId, title, to, r.get("department") != null ? "cho ý kiến phối hợp của đơn vị"
          : "phối hợp", r.get("department") != null ? "the department's coordinating opinion" : "coordinator");
    }
  }

  /**
   * One opinion task per coordinator (issue #13 item 9, Decree 30/2020 Art 23.2; seed 001 Art 11.2): a person's
   * task is theirs; a department's goes to its heads, who give the department's opinion. Each is due by its own
   * date when the leader gave one (office end of that day, never after the case deadline), else one working day
   * before the case deadline; never already past (then the default rule, which never is).
   */
  private List<Map<String, Object>> opinionRequests(DelegateExecution execution, OffsetDateTime caseDue) {
    String fallback = deadlines.engineDate(workingDays.aheadOf(Date.from(caseDue.toInstant()), 1).toInstant());
    List<Map<String, Object>> requests = new ArrayList<>();
    for (String person : IncomingHandling.coordinators(execution.getVariable("coordinators"))) {
      requests.add(request(person, null, fallback));
    }
    for (Map<String, Object> row : IncomingHandling.coordinationRows(execution.getVariable("coordination"))) {
      String own = fallback;
      Object date = row.get("dueDate");
      if (date != null) {
        OffsetDateTime end = deadlines.officeEnd(LocalDate.parse(date.toString()));
        if (end != null && end.isAfter(OffsetDateTime.now())) {
          own = deadlines.engineDate((end.isAfter(caseDue) ? caseDue : end).toInstant());
        }
      }
      requests.add(request((String) row.get("person"), (String) row.get("department"), own));
    }
    return requests;
  }

  private Map<String, Object> request(String person, String department, String dueAt) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("assignee", person);
    r.put("department", department);
    r.put("candidates", department == null ? new ArrayList<String>() : new ArrayList<>(staff.departmentHeads(department)));
    r.put("name", department == null ? staff.personName(person) : staff.departmentName(department));
    r.put("dueAt", dueAt);
    return r;
  }

  /**
   * Service task Task_ForwardDirect (issue #13 item 11a; Decree 30/2020 Art 23.1, second sentence): the clerk
   * passed the document straight to a known person or department of the agency; the leader is informed and the
   * handling goes on as if the leader had so directed (the deadline from the agency's table, counted from now).
   */
  void forwardDirectly(DelegateExecution execution) {
    IncomingDocument doc = documents.of(execution);
    String target = (String) execution.getVariable("forwardTo");
    boolean department = staff.isDepartment(target);
    execution.setVariable("decision", "assign");
    execution.setVariable("leadType", department ? "department" : "person");
    execution.setVariable("leadHandler", department ? null : target);
    execution.setVariable("leadDepartment", department ? target : null);
    execution.setVariable("direction", "Văn thư chuyển thẳng (Điều 23.1 Nghị định 30/2020), đã báo lãnh đạo.");
    String name = department ? staff.departmentName(target) : staff.personName(target);
    List<String> leaders = notices.forwardedDirectly(doc, (String) execution.getVariable("title"), name,
        (String) execution.getVariable("directingLeader"), (String) execution.getVariable("agency"));
    incoming.recordEvent(doc.id(), doc.registeredBy(), "FORWARDED_DIRECTLY", "Chuyển thẳng cho " + name
        + " | Đã báo lãnh đạo: " + String.join(", ", leaders.stream().map(staff::personName).toList()));
  }

  /**
   * On registration (the start event's listener; issue #13 item 11c, Decree 30/2020 Art 21.2c): a sender inside
   * the province, an agency of the identity directory other than the receiving one, hears the same day that the
   * document arrived, with its arrival number.
   */
  void acknowledgeReceipt(DelegateExecution execution) {
    // A process started beside GovFlow on a document's key is not its registration: nobody to tell.
    IncomingDocument doc = documents.ifHandling(execution).orElse(null);
    if (doc == null) {
      return;
    }
    String sender = doc.senderAgencyCode();
    if (sender == null || sender.equals(doc.agencyCode()) || exchange.fromDispatch(doc.id())) {
      return; // a dispatch's receipt is its status 03, reported at registration (Art 21.2c)
    }
    notices.receiptToSender(doc).ifPresent(agencyName -> incoming.recordEvent(doc.id(), null, "RECEIPT_SENT",
        "Đã báo nhận văn bản cho " + agencyName));
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
    if (IncomingDocument.DONE.equals(status)) {
      exchange.forDocument(documentId, vn.govflow.documents.DeliveryStatus.DONE, outcomeNote(execution));
    }
  }

  private static String outcomeNote(DelegateExecution execution) {
    Object outcome = execution.getVariable("outcome");
    return "answered".equals(outcome) ? "Đã trả lời bằng văn bản " + execution.getVariable("replyReference")
        : "forwarded".equals(outcome) ? "Chuyển đến " + execution.getVariable("forwardedTo") : "Lưu theo dõi";
  }
}
