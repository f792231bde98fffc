package vn.govflow.incoming;

import static vn.govflow.incoming.Text.nz;
import static vn.govflow.incoming.Text.optional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.identity.IdentityDirectory;

/**
 * The form rules of handling an incoming document, per user task, checked when the task completes (the task
 * listeners only translate between the engine and these methods). A person's mistake in a form is refused then
 * (the engine keeps the task open), never discovered later by a service task; the service tasks are
 * {@link IncomingSteps}.
 */
@Service
class IncomingHandling {
  private final IncomingMapper mapper;
  private final IncomingService incoming;
  private final IncomingByProcess documents;
  private final IncomingStaff staff;
  private final IncomingNotices notices;
  private final IdentityDirectory directory;
  private final IncomingDirectionDeadlines deadlines;
  private final ExchangeStatuses exchange;

  IncomingHandling(IncomingMapper mapper, IncomingService incoming, IncomingByProcess documents, IncomingStaff staff,
                   IncomingNotices notices, IdentityDirectory directory, IncomingDirectionDeadlines deadlines,
                   ExchangeStatuses exchange) {
    this.exchange = exchange;
    this.deadlines = deadlines;
    this.mapper = mapper;
    this.incoming = incoming;
    this.documents = documents;
    this.staff = staff;
    this.notices = notices;
    this.directory = directory;
  }

  /** The leader's direction (Decree 30/2020 Art 23–24): checked before Task_Direct completes. */
  void checkDirection(DelegateTask task) {
    IncomingDocument doc = documents.of(task);
    String agencyCode = doc.agencyCode();
    // Whoever holds the task (named at registration, claimed, or assigned) directs only as a leader of the agency.
    if (!staff.isLeaderOf(actor(task), agencyCode)) {
      throw UserError.forbidden("Chỉ lãnh đạo cơ quan được cho ý kiến chỉ đạo văn bản này.",
          "Only a leader of the agency may direct this document.");
    }
    String decision = string(task, "decision");
    List<FieldProblem> problems = new ArrayList<>();
    if ("return".equals(decision)) {
      if (string(task, "returnReason") == null) {
        problems.add(new FieldProblem("returnReason", "Cần ghi lý do trả lại văn thư.", "Give the reason for returning it."));
      }
      fail(problems);
      record(task, "RETURNED_TO_CLERK", "Trả lại văn thư: " + string(task, "returnReason"));
      notices.returnedToClerk(doc, (String) task.getVariable("title"), string(task, "returnReason"));
      return;
    }
    if (!"assign".equals(decision)) {
      problems.add(new FieldProblem("decision", "Chọn phân công xử lý hoặc trả lại văn thư.",
          "Choose to assign it or to return it to the clerk."));
      fail(problems);
    }
    String leadType = string(task, "leadType");
    String leadHandler = string(task, "leadHandler");
    String leadDepartment = string(task, "leadDepartment");
    if ("department".equals(leadType)) {
      if (leadDepartment == null || directory.department(leadDepartment).filter(d -> agencyCode.equals(d.agencyCode()))
          .isEmpty()) {
        problems.add(new FieldProblem("leadDepartment", "Chọn đơn vị chủ trì thuộc cơ quan.",
            "Choose a lead department of this agency."));
      } else if (staff.departmentHeads(leadDepartment).isEmpty()) {
        problems.add(new FieldProblem("leadDepartment", "Đơn vị chưa có trưởng phòng để phân công chuyên viên.",
            "The department has no head to pick the handler."));
      }
    } else if ("person".equals(leadType)) {
      if (!staff.isStaffOf(leadHandler, agencyCode)) {
        problems.add(new FieldProblem("leadHandler", "Chọn người chủ trì xử lý thuộc cơ quan.",
            "Choose a lead handler from this agency."));
      }
    } else {
      problems.add(new FieldProblem("leadType", "Chọn giao cho cá nhân hoặc đơn vị chủ trì.",
          "Choose a person or a department to lead."));
    }
    if (string(task, "direction") == null) {
      // Art 23.2: the direction names the handling, the coordinators and the deadline; it is never left blank.
      problems.add(new FieldProblem("direction", "Cần ghi ý kiến chỉ đạo (Điều 23.2 Nghị định 30/2020).",
          "Write the direction (Decree 30/2020 Art 23.2)."));
    }
    Object override = task.getVariable("handlingDaysOverride");
    if (override != null && !(override instanceof Number n && n.intValue() >= 0 && n.intValue() <= 365)) {
      problems.add(new FieldProblem("handlingDaysOverride", "Thời hạn xử lý phải từ 0 đến 365 ngày làm việc.",
          "The handling time must be 0 to 365 working days."));
    }
    boolean personLead = "person".equals(leadType);
    List<Map<String, Object>> coordination = checkCoordination(task, agencyCode,
        personLead ? leadHandler : null, "department".equals(leadType) ? leadDepartment : null,
        override == null || override instanceof Number n && n.intValue() >= 0 && n.intValue() <= 365, problems);
    List<String> rowPeople = coordination.stream().map(r -> (String) r.get("person")).filter(Objects::nonNull).toList();
    // A person named in both places is asked once, with the row's own deadline.
    List<String> coordinators = coordinators(task.getVariable("coordinators")).stream()
        .filter(c -> !rowPeople.contains(c)).toList();
    for (String c : coordinators) {
      if (!staff.isStaffOf(c, agencyCode)) {
        problems.add(new FieldProblem("coordinators", "Người phối hợp " + c + " không thuộc cơ quan.",
            "Coordinator " + c + " is not in this agency."));
      } else if (c.equals(leadHandler) && personLead) {
        problems.add(new FieldProblem("coordinators", "Người chủ trì không đồng thời là người phối hợp.",
            "The lead handler cannot also be a coordinator."));
      }
    }
    fail(problems);
    // Normalised for the engine: plain lists (possibly empty) the direction's service task turns into opinion tasks.
    task.setVariable("coordinators", new ArrayList<>(coordinators));
    task.setVariable("coordination", new ArrayList<>(coordination));
    List<String> named = new ArrayList<>(coordinators.stream().map(staff::personName).toList());
    for (Map<String, Object> r : coordination) {
      named.add((r.get("department") != null ? staff.departmentName((String) r.get("department"))
          : staff.personName((String) r.get("person")))
          + (r.get("dueDate") == null ? "" : " (hạn " + java.time.LocalDate.parse((String) r.get("dueDate"))
              .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ")"));
    }
    record(task, "DIRECTED", "Chỉ đạo: " + nz(string(task, "direction")) + " | Chủ trì: "
        + ("department".equals(leadType) ? staff.departmentName(leadDepartment) : staff.personName(leadHandler))
        + (named.isEmpty() ? "" : " | Phối hợp: " + String.join(", ", named))
        + (override == null ? "" : " | Thời hạn: " + override + " ngày làm việc"));
  }

  /**
   * The direction's coordination rows (issue #13 item 9; Art 23.2, seed 001 Art 11.2): each names a department or
   * a person of the agency, at most once, and may give its own date for the opinion. A date is office end of a
   * working day, not already past, and not after the handling deadline this direction sets; a refusal says why.
   */
  private List<Map<String, Object>> checkCoordination(DelegateTask task, String agencyCode, String leadHandler,
                                                      String leadDepartment, boolean deadlineKnowable,
                                                      List<FieldProblem> problems) {
    List<Map<String, Object>> rows = coordinationRows(task.getVariable("coordination"));
    List<Map<String, Object>> result = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.time.OffsetDateTime caseDue = null;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String department = text(row.get("department"));
      String person = text(row.get("person"));
      String dueDate = text(row.get("dueDate"));
      String at = "coordination[" + i + "].";
      String rowVi = "Phối hợp, dòng " + (i + 1) + ": ";
      String rowEn = "Coordination, row " + (i + 1) + ": ";
      if (department == null && person == null) {
        if (dueDate != null) {
          problems.add(new FieldProblem(at + "department", rowVi + "chọn phòng, đơn vị hoặc cá nhân phối hợp.",
              rowEn + "choose a coordinating department or person."));
        }
        continue;
      }
      if (department != null && person != null) {
        problems.add(new FieldProblem(at + "person", rowVi + "mỗi dòng một phòng, đơn vị hoặc một cá nhân.",
            rowEn + "one department or one person per row."));
        continue;
      }
      if (department != null) {
        if (directory.department(department).filter(d -> agencyCode.equals(d.agencyCode())).isEmpty()) {
          problems.add(new FieldProblem(at + "department", rowVi + "chọn phòng, đơn vị thuộc cơ quan.",
              rowEn + "choose a department of this agency."));
        } else if (department.equals(leadDepartment)) {
          problems.add(new FieldProblem(at + "department", rowVi + "đơn vị chủ trì không đồng thời phối hợp.",
              rowEn + "the lead department cannot also coordinate."));
        } else if (staff.departmentHeads(department).isEmpty()) {
          problems.add(new FieldProblem(at + "department", rowVi + "đơn vị chưa có trưởng phòng để cho ý kiến.",
              rowEn + "the department has no head to give its opinion."));
        }
      } else if (!staff.isStaffOf(person, agencyCode)) {
        problems.add(new FieldProblem(at + "person", rowVi + "người phối hợp " + person + " không thuộc cơ quan.",
            rowEn + "coordinator " + person + " is not in this agency."));
      } else if (person.equals(leadHandler)) {
        problems.add(new FieldProblem(at + "person", rowVi + "người chủ trì không đồng thời là người phối hợp.",
            rowEn + "the lead handler cannot also be a coordinator."));
      }
      if (!seen.add(department != null ? "department:" + department : "person:" + person)) {
        problems.add(new FieldProblem(at + (department != null ? "department" : "person"),
            rowVi + "đã có ở dòng trên.", rowEn + "already named in a row above."));
      }
      if (dueDate != null) {
        java.time.LocalDate date;
        try {
          date = java.time.LocalDate.parse(dueDate);
        } catch (java.time.format.DateTimeParseException e) {
          problems.add(new FieldProblem(at + "dueDate", rowVi + "hạn cho ý kiến không phải một ngày.",
              rowEn + "the opinion's deadline is not a date."));
          continue;
        }
        java.time.OffsetDateTime end = deadlines.officeEnd(date);
        if (end == null) {
          problems.add(new FieldProblem(at + "dueDate", rowVi + "hạn cho ý kiến phải là ngày làm việc.",
              rowEn + "the opinion's deadline must be a working day."));
        } else if (!end.isAfter(java.time.OffsetDateTime.now())) {
          problems.add(new FieldProblem(at + "dueDate", rowVi + "hạn cho ý kiến " + deadlines.shown(end)
              + " đã qua.", rowEn + "the opinion's deadline " + deadlines.shown(end) + " has already passed."));
        } else if (deadlineKnowable) {
          if (caseDue == null) {
            caseDue = deadlines.caseDeadline(task, () -> deadlines.decidedDays(task));
          }
          if (end.isAfter(caseDue)) {
            problems.add(new FieldProblem(at + "dueDate", rowVi + "hạn cho ý kiến " + deadlines.shown(end)
                + " sau hạn giải quyết văn bản " + deadlines.shown(caseDue) + ".", rowEn + "the opinion's deadline "
                + deadlines.shown(end) + " is after the handling deadline " + deadlines.shown(caseDue) + "."));
          }
        }
      }
      Map<String, Object> normalised = new java.util.LinkedHashMap<>();
      normalised.put("department", department);
      normalised.put("person", department == null ? person : null);
      normalised.put("dueDate", dueDate);
      result.add(normalised);
    }
    return result;
  }

  /** The department head's choice of handler (Task_PickHandler). */
  void checkPickedHandler(DelegateTask task) {
    IncomingDocument d = documents.of(task);
    String documentId = d.id();
    // The department the leader chose, as our table recorded it (not a variable anyone could have set).
    String department = d.leadDepartment();
    if (department == null || !staff.departmentHeads(department).contains(actor(task))) {
      throw UserError.forbidden("Chỉ trưởng đơn vị chủ trì được phân công chuyên viên.",
          "Only a head of the lead department may pick the handler.");
    }
    String handler = string(task, "leadHandler");
    boolean ok = handler != null && staff.isStaffOf(handler, d.agencyCode()) && directory.person(handler)
        .filter(p -> Objects.equals(department, p.departmentId())).isPresent();
    if (!ok) {
      fail(List.of(new FieldProblem("leadHandler", "Chọn chuyên viên thuộc đơn vị.",
          "Choose a handler from the department.")));
    }
    mapper.setAssignment(documentId, IncomingDocument.DIRECTED, d.dueAt(), handler, department);
    record(task, "HANDLER_PICKED", "Giao chuyên viên: " + staff.personName(handler)
        + optional(" | ", string(task, "note")));
    notices.assigned(documentId, (String) task.getVariable("title"), List.of(handler), "chủ trì xử lý",
        "lead handler");
    exchange.forDocument(documentId, vn.govflow.documents.DeliveryStatus.IN_PROGRESS,
        "Người xử lý: " + staff.personName(handler)); // issue #9 item 5: the handler's work starts
  }

  void checkOpinion(DelegateTask task) {
    String opinion = string(task, "opinion");
    if (opinion == null) {
      fail(List.of(new FieldProblem("opinion", "Cần ghi ý kiến phối hợp.", "Write your opinion.")));
    }
    // A department's opinion, given by its head, is written as the department's (issue #13 item 9).
    Object request = task.getVariable("opinionRequest");
    String department = request instanceof Map<?, ?> m && m.get("department") != null
        ? m.get("department").toString() : null;
    record(task, "OPINION", department == null ? opinion : staff.departmentName(department) + ": " + opinion);
    // Each coordinator's opinion is kept on the phiếu; the shared variable is cleared for the next one.
    task.setVariable("opinion", null);
  }

  /** The lead handler's result (Task_Handle): only once every coordinator has given an opinion. */
  void checkHandled(DelegateTask task) {
    long pending = task.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey("Task_GiveOpinion").count();
    if (pending > 0) {
      throw new UserError(HttpStatus.CONFLICT, "incoming-opinions-pending",
          "Còn " + pending + " ý kiến phối hợp chưa gửi: chờ đủ ý kiến rồi mới ghi kết quả xử lý.",
          pending + " coordinating opinion(s) are still missing: wait for them before recording the outcome.");
    }
    String outcome = string(task, "outcome");
    List<FieldProblem> problems = new ArrayList<>();
    if (!List.of("filed", "answered", "forwarded").contains(nz(outcome))) {
      problems.add(new FieldProblem("outcome", "Chọn kết quả: lưu theo dõi, đã trả lời hoặc chuyển cơ quan khác.",
          "Choose the outcome: filed, answered or forwarded."));
    } else if ("answered".equals(outcome) && string(task, "replyReference") == null) {
      problems.add(new FieldProblem("replyReference", "Ghi số, ký hiệu văn bản trả lời.",
          "Give the number and symbol of the reply."));
    } else if ("forwarded".equals(outcome) && string(task, "forwardedTo") == null) {
      problems.add(new FieldProblem("forwardedTo", "Ghi cơ quan được chuyển đến.", "Name the agency it was forwarded to."));
    }
    fail(problems);
    record(task, "HANDLED", switch (outcome) {
      case "answered" -> "Đã trả lời bằng văn bản " + string(task, "replyReference");
      case "forwarded" -> "Chuyển đến " + string(task, "forwardedTo");
      default -> "Lưu theo dõi";
    } + optional(" | ", string(task, "proposal")));
  }

  /**
   * The clerk hands the paper original or the bulky dossier over against a signature (Task_Handover; issue #13
   * item 11b, Decree 30/2020 Art 23.3-23.4, seed 001 Art 11.1d): who of the agency signed for it, and when (not
   * in the future, not before the document arrived).
   */
  void recordHandover(DelegateTask task) {
    IncomingDocument doc = documents.of(task);
    String receivedBy = string(task, "receivedBy");
    String receivedAt = string(task, "receivedAt");
    List<FieldProblem> problems = new ArrayList<>();
    if (!staff.isStaffOf(receivedBy, doc.agencyCode())) {
      problems.add(new FieldProblem("receivedBy", "Chọn người ký nhận thuộc cơ quan.",
          "Choose who signed for it, from this agency."));
    }
    java.time.OffsetDateTime at = moment(receivedAt);
    if (at == null) {
      problems.add(new FieldProblem("receivedAt", "Ghi ngày, giờ ký nhận.", "Give the date and time of the signature."));
    } else if (at.isAfter(java.time.OffsetDateTime.now().plusMinutes(5))) {
      problems.add(new FieldProblem("receivedAt", "Thời điểm ký nhận chưa đến.", "The signature's time is in the future."));
    } else if (at.isBefore(doc.arrivedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
      problems.add(new FieldProblem("receivedAt", "Thời điểm ký nhận trước khi văn bản đến.",
          "The signature's time is before the document arrived."));
    }
    fail(problems);
    record(task, "HANDED_OVER", "Bàn giao bản giấy, hồ sơ cho " + staff.personName(receivedBy) + ", ký nhận lúc "
        + deadlines.shown(at) + optional(" | ", string(task, "note")));
  }

  /** A moment as the form gives it (local date and time, in the agency's zone) or the API (with an offset). */
  private java.time.OffsetDateTime moment(String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text);
    } catch (java.time.format.DateTimeParseException withoutOffset) {
      try {
        return java.time.LocalDateTime.parse(text).atZone(deadlines.zone()).toOffsetDateTime();
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
  }

  void recordReview(DelegateTask task) {
    IncomingDocument doc = documents.of(task);
    boolean resubmit = Boolean.TRUE.equals(task.getVariable("resubmit"));
    String leader = string(task, "directingLeader");
    // The named leader receives the direction task and decides the deadline: a head or deputy head of this agency.
    if (resubmit && leader != null && !staff.isLeaderOf(leader, doc.agencyCode())) {
      fail(List.of(new FieldProblem("directingLeader", "Người chỉ đạo phải là lãnh đạo (cấp trưởng, cấp phó) của"
          + " cơ quan.", "The directing leader must be a head or deputy head of the agency.")));
    }
    record(task, "REVIEWED", (resubmit ? "Trình lại lãnh đạo" : "Kết thúc, không xử lý")
        + optional(" | ", string(task, "note")));
  }

  /** The coordinators as the form or the engine gives them (a list or comma-separated), without blanks or repeats. */
  static List<String> coordinators(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank()).distinct().toList();
    }
    String s = value.toString();
    return s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*")).stream().distinct().toList();
  }

  /**
   * The direction form's coordination rows as the page, the API (a list of objects) or the engine's REST API (a
   * Json value) gives them; each row a map of department, person and dueDate.
   */
  static List<Map<String, Object>> coordinationRows(Object value) {
    if (value == null) {
      return List.of();
    }
    Object plain = value;
    if (!(value instanceof Collection<?>)) {
      try {
        plain = new com.fasterxml.jackson.databind.ObjectMapper().readValue(value.toString(), List.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UserError(HttpStatus.BAD_REQUEST, "incoming-task-invalid", "Danh sách phối hợp không đọc được.",
            "The coordination list cannot be read.");
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object o : (Collection<?>) plain) {
      if (o instanceof Map<?, ?> m) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (String k : List.of("department", "person", "dueDate")) {
          row.put(k, text(m.get(k)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String text(Object v) {
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  private void record(DelegateTask task, String step, String comment) {
    incoming.recordEvent(documents.of(task).id(), actor(task), step, comment);
  }

  /** Who acts: the person signed in to the engine when there is one (engine API), else the task's holder. */
  private static String actor(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }

  private static String string(DelegateTask task, String name) {
    Object v = task.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().trim();
  }

  private static void fail(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "incoming-task-invalid", "Biểu mẫu chưa hợp lệ: "
          + problems.get(0).messageVi(), "The form is not valid: " + problems.get(0).messageEn(), problems, Map.of());
    }
  }
}
