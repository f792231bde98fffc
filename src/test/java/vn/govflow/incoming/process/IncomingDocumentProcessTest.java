package vn.govflow.incoming.process;

import static vn.govflow.support.ProcessTestHelpers.candidateGroups;
import static vn.govflow.support.ProcessTestHelpers.job;
import static vn.govflow.support.ProcessTestHelpers.runJob;
import static vn.govflow.support.ProcessTestHelpers.timer;
import static vn.govflow.support.ProcessTestHelpers.dueTimers;
import static vn.govflow.support.ProcessTestHelpers.formOf;
import static vn.govflow.support.ProcessTestHelpers.at;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govflow.calendar.WorkingDaysExpressions;
import vn.govflow.support.CallLog;
import vn.govflow.support.ModuleEngine;

/**
 * Every path of incoming-document on an in-memory engine with the real working-day calendar, Spin and Java
 * serialization off (as in the application), the real {@code caseDeadlines} and Mockito doubles for the module's
 * beans. March 2026 has no holidays.
 */
class IncomingDocumentProcessTest {
  static final JavaDelegate direction = mock(JavaDelegate.class);
  static final JavaDelegate status = mock(JavaDelegate.class);
  static final JavaDelegate notify = mock(JavaDelegate.class);
  static final TaskListener opinions = mock(TaskListener.class);
  static final TaskListener history = mock(TaskListener.class);
  static final JavaDelegate forward = mock(JavaDelegate.class);
  static final ExecutionListener receipt = mock(ExecutionListener.class);
  static final CallLog calls = new CallLog();
  static WorkingDaysExpressions workingDays;

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(configuration())
      .assertClassCoverageAtLeast(1.0).build();

  static ProcessEngineConfiguration configuration() {
    ProcessCoverageInMemProcessEngineConfiguration c = ModuleEngine.configuration("incoming");
    workingDays = ModuleEngine.workingDays(c);
    c.getBeans().put("incomingDirection", direction);
    c.getBeans().put("incomingStatus", status);
    c.getBeans().put("caseReminders", notify);
    c.getBeans().put("incomingOpinions", opinions);
    c.getBeans().put("incomingTaskHistory", history);
    c.getBeans().put("incomingForward", forward);
    c.getBeans().put("incomingReceipt", receipt);
    c.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName()); // as application.yaml
    return c;
  }

  ProcessEngine engine; // injected by the extension
  String deployment;

  @BeforeEach
  void useThisEngine() throws Exception {
    ModuleEngine.registerCaseDeadlines(engine);
    deployment = ModuleEngine.deploy(engine, "incoming");
    BpmnAwareTests.init(engine);
    reset(direction, status, notify, opinions, history, forward, receipt);
    calls.clear();
    doAnswer(invocation -> {
      applyDirection(invocation.getArgument(0));
      return null;
    }).when(direction).execute(any());
    doAnswer(calls.record("status", (DelegateExecution e) -> e.getProcessBusinessKey() + ":"
        + e.getVariableLocal("status"))).when(status).execute(any());
    // The case's timers pass no deadlineOf; a step's own timers name the step (its deadline, not dueAt).
    doAnswer(calls.record("notify", (DelegateExecution e) -> e.getVariableLocal("deadlineOf") != null
        ? e.getVariableLocal("kind") + "@" + e.getVariableLocal("deadlineOf")
        : e.getVariableLocal("kind") + ":" + e.getVariable("leadHandler") + ":"
            + ((Date) e.getVariable("dueAt")).toInstant())).when(notify).execute(any());
    doAnswer(calls.record("opinions", (DelegateTask t) -> who(t.getVariable("opinionRequest")) + ":"
        + t.getVariable("opinion")))
        .when(opinions).notify(any());
    doAnswer(calls.record("history", DelegateTask::getTaskDefinitionKey)).when(history).notify(any());
    doAnswer(calls.record("receipt", (DelegateExecution e) -> e.getProcessBusinessKey())).when(receipt).notify(any());
    // What incomingForward promises the process: the direction's variables, as if the leader had given it.
    doAnswer(calls.record("forward", (DelegateExecution e) -> {
      String to = (String) e.getVariable("forwardTo");
      boolean department = to.startsWith("phong-");
      e.setVariable("decision", "assign");
      e.setVariable("leadType", department ? "department" : "person");
      e.setVariable("leadHandler", department ? null : to);
      e.setVariable("leadDepartment", department ? to : null);
      return e.getProcessBusinessKey() + ":" + to;
    })).when(forward).execute(any());
  }

  @AfterEach
  void resetClockAndUndeploy() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
    ModuleEngine.undeploy(engine, deployment);
  }

  /**
   * What the process needs from {@code incomingDirection} (its contract, not IncomingHandling's checks): the
   * handling days (the leader's override, else the decision) and {@code dueAt}; for a department, who picks the
   * handler (a fixture of the directory); the coordinators as a java.util.List for the multi-instance.
   */
  static void applyDirection(DelegateExecution e) {
    Object override = e.getVariable("handlingDaysOverride");
    int days = ((Number) (override != null ? override : e.getVariable("deadlineDays"))).intValue();
    e.setVariable("handlingDays", days);
    e.setVariable("dueAt", workingDays.dueAt(ClockUtil.getCurrentTime(), days));
    if ("department".equals(e.getVariable("leadType"))) {
      e.setVariable("departmentHeads", "tp.qlkh,pp.qlkh");
      e.setVariable("departmentPeopleOptions", SpinValues.jsonValue(
          "[{\"label\":\"Nguyễn Văn An\",\"value\":\"cv.an\"},{\"label\":\"Trần Thị Bình\",\"value\":\"cv.binh\"}]")
          .create());
      e.setVariable("leadHandler", null);
    }
    // One opinion request per coordinator: a person's with the default deadline, a department's (the rows of
    // the fixture's `coordination`: department id and own due date) to its heads.
    String fallback = iso(workingDays.aheadOf(e.getVariable("dueAt"), 1));
    List<Map<String, Object>> requests = new ArrayList<>();
    if (e.getVariable("coordinators") instanceof SpinJsonNode json) {
      json.elements().forEach(c -> requests.add(request(c.stringValue(), null, List.of(), fallback)));
    }
    if (e.getVariable("coordination") instanceof SpinJsonNode rows) {
      rows.elements().forEach(r -> requests.add(request(null, r.prop("department").stringValue(),
          List.of("tp.kh", "pp.kh"), r.prop("dueAt").stringValue())));
    }
    e.setVariable("opinionRequests", Variables.objectValue(requests)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  static Map<String, Object> request(String assignee, String department, List<String> candidates, String dueAt) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("assignee", assignee);
    r.put("department", department);
    r.put("candidates", new ArrayList<>(candidates));
    r.put("dueAt", dueAt);
    return r;
  }

  static String iso(Date d) {
    return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.toInstant()
        .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime());
  }

  static String who(Object request) {
    Map<?, ?> r = (Map<?, ?>) request;
    return r.get("assignee") != null ? r.get("assignee").toString() : "department " + r.get("department");
  }

  // --- paths -------------------------------------------------------------------------------------------------

  @Test
  void leaderAssignsAPersonWithCoordinatorsWhoGiveOpinionsBeforeTheDeadline() {
    // Monday 09/03/2026 09:00; 10 working days: day 1 Tue 10/03, day 10 Mon 23/03.
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-001", "thuong", "cong-van", "ld.hung");

    assertThat(pi).isWaitingAt("Task_Direct");
    assertThat(task(pi)).hasName("Cho ý kiến chỉ đạo").isAssignedTo("ld.hung");
    assertThat(candidateGroups(task(pi))).containsExactlyInAnyOrder("skhcn-head", "skhcn-deputy-head");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(formOf(task(pi))).contains("\"id\": \"incoming-direct\"").contains("peopleOptions");

    complete(task(pi), direct("person", "cv.an", null, "[\"cv.binh\",\"cv.chi\"]"));
    assertThat(pi).isWaitingAt("Task_ApplyDirection").hasPassed("Task_DecideDeadline")
        .variables().containsEntry("deadlineDays", 10);
    runJob(pi, "Task_ApplyDirection");

    assertThat(pi).isWaitingAt("Task_Handle", "Task_GiveOpinion")
        .variables().containsEntry("handlingDays", 10).containsEntry("dueAt", at("2026-03-23T17:00:00+07:00"));
    Task handle = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Handle").singleResult();
    assertThat(handle).isAssignedTo("cv.an");
    assertThat(handle.getDueDate()).isEqualTo(at("2026-03-23T17:00:00+07:00"));
    List<Task> opinions = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).extracting(Task::getAssignee).containsExactlyInAnyOrder("cv.binh", "cv.chi");
    assertThat(opinions).extracting(Task::getDueDate).containsOnly(at("2026-03-20T17:00:00+07:00"));
    // Timers on the handling subprocess: one working day before the deadline, and the deadline.
    assertThat(timer(pi, "BoundaryEvent_Remind").getDuedate()).isEqualTo(at("2026-03-20T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_Overdue").getDuedate()).isEqualTo(at("2026-03-23T17:00:00+07:00"));

    for (Task t : opinions) {
      complete(t, withVariables("opinion", "Ý kiến của " + t.getAssignee()));
    }
    assertThat(calls.of("opinions")).containsExactlyInAnyOrder("cv.binh:Ý kiến của cv.binh", "cv.chi:Ý kiến của cv.chi");
    complete(handle, withVariables("outcome", "answered", "replyReference", "15/SKHCN-VP", "proposal", "Đã trả lời"));

    assertThat(pi).isWaitingAt("Task_MarkDone");
    runJob(pi, "Task_MarkDone");
    assertThat(pi).isEnded().hasPassed("EndEvent_Done").hasNotPassed("Task_SendReminder", "Task_Escalate");
    assertThat(calls.of("status")).containsExactly("VB-001:DONE");
    assertThat(calls.of("notify")).isEmpty();
    // The leader's and the handler's forms pass the completion check that writes the handling slip.
    assertThat(calls.of("history")).containsExactly("Task_Direct", "Task_Handle");
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  /**
   * Issue #13 item 9 (Art 23.2; seed 001 Art 11.2): a department coordinates too, its heads give its opinion, and
   * each coordinator is due by its own date: the person by the default rule, the department by the leader's date.
   */
  @Test
  void aDepartmentCoordinatesThroughItsHeadsByItsOwnDeadline() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-011", "thuong", "cong-van", "ld.hung");
    VariableMap direction = direct("person", "cv.an", null, "[\"cv.binh\"]");
    direction.put("coordination", SpinValues.jsonValue(
        "[{\"department\":\"phong-kh\",\"dueAt\":\"2026-03-13T17:00:00+07:00\"}]").create());
    complete(task(pi), direction);
    runJob(pi, "Task_ApplyDirection");

    List<Task> opinions = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).hasSize(2);
    Task person = opinions.stream().filter(t -> "cv.binh".equals(t.getAssignee())).findFirst().orElseThrow();
    Task department = opinions.stream().filter(t -> t.getAssignee() == null).findFirst().orElseThrow();
    assertThat(person.getDueDate()).isEqualTo(at("2026-03-20T17:00:00+07:00"));
    assertThat(department.getDueDate()).isEqualTo(at("2026-03-13T17:00:00+07:00"));
    assertThat(department).hasCandidateUser("tp.kh").hasCandidateUser("pp.kh");
    assertThat(person).hasName("Cho ý kiến phối hợp");

    taskService().claim(department.getId(), "tp.kh");
    complete(taskQuery().taskId(department.getId()).singleResult(), withVariables("opinion", "Phòng KH thống nhất"));
    complete(person, withVariables("opinion", "Đồng ý"));
    assertThat(calls.of("opinions")).containsExactlyInAnyOrder("department phong-kh:Phòng KH thống nhất",
        "cv.binh:Đồng ý");
    complete(task(pi), withVariables("outcome", "filed"));
    runJob(pi, "Task_MarkDone");
    assertThat(pi).isEnded();
  }

  /**
   * Issue #13 item 11a (Art 23.1, second sentence): the clerk forwards a document straight to a known handler; no
   * direction task, the deadline from the agency's table, counted from the forwarding. Item 11c: the receipt
   * listener runs once, on registration, whichever way the document goes.
   */
  @Test
  void theClerkForwardsStraightToAKnownHandlerWithoutTheLeadersTask() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-012", "thuong", "cong-van", "ld.hung", "forwardTo", "cv.an");
    assertThat(calls.of("receipt")).containsExactly("VB-012");
    assertThat(pi).isWaitingAt("Task_ForwardDirect");
    assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    runJob(pi, "Task_ForwardDirect");
    assertThat(calls.of("forward")).containsExactly("VB-012:cv.an");
    runJob(pi, "Task_ApplyDirection");
    assertThat(pi).isWaitingAt("Task_Handle").hasPassed("Task_DecideDeadline").hasNotPassed("Task_Direct")
        .variables().containsEntry("dueAt", at("2026-03-23T17:00:00+07:00"));
    assertThat(task(pi)).isAssignedTo("cv.an");
    complete(task(pi), withVariables("outcome", "filed"));
    runJob(pi, "Task_MarkDone");
    assertThat(pi).isEnded().hasPassed("EndEvent_Done");
    assertThat(calls.of("history")).containsExactly("Task_Handle");
  }

  /**
   * Issue #13 item 11b (Art 23.3-23.4; seed 001 Art 11.1d): with a paper original or a bulky dossier, a clerk hands
   * it over against a signature after the direction (next working day; same day when urgent), then the handling.
   */
  @Test
  void aBulkyDossierIsHandedOverAgainstASignatureAfterTheDirection() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-013", "thuong", "cong-van", "ld.hung", "bulkyDossier", true);
    complete(task(pi), direct("department", null, "phong-qlkh", null));
    runJob(pi, "Task_ApplyDirection");
    assertThat(pi).isWaitingAt("Task_Handover");
    assertThat(task(pi)).hasName("Bàn giao bản giấy/hồ sơ").hasCandidateGroup("skhcn-clerk").isNotAssigned();
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(formOf(task(pi))).contains("\"id\": \"incoming-handover\"").contains("receivedBy");
    complete(task(pi), withVariables("receivedBy", "tp.qlkh", "receivedAt", "2026-03-09T10:15"));
    assertThat(pi).isWaitingAt("Task_PickHandler").hasPassed("Task_Handover");
    assertThat(calls.of("history")).containsExactly("Task_Direct", "Task_Handover");

    ClockUtil.setCurrentTime(at("2026-03-10T09:00:00+07:00"));
    ProcessInstance urgent = start("VB-014", "khan", "cong-van", "ld.hung", "bulkyDossier", true);
    complete(task(urgent), direct("person", "cv.an", null, null));
    runJob(urgent, "Task_ApplyDirection");
    assertThat(task(urgent).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
  }

  @Test
  void personWithoutCoordinatorsPassesStraightToTheLeadHandlerAndAnUnassignedLeaderTask() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-002", "thuong", "giay-moi", null);
    assertThat(task(pi)).isNotAssigned().hasCandidateGroup("skhcn-head");

    complete(task(pi), direct("person", "cv.an", null, null));
    runJob(pi, "Task_ApplyDirection");
    assertThat(pi).isWaitingAt("Task_Handle").variables().containsEntry("deadlineDays", 2)
        .containsEntry("dueAt", at("2026-03-11T17:00:00+07:00"));
    assertThat(taskQuery().taskDefinitionKey("Task_GiveOpinion").count()).isZero();

    complete(task(pi), withVariables("outcome", "filed"));
    runJob(pi, "Task_MarkDone");
    assertThat(pi).isEnded().hasPassed("EndEvent_Done");
  }

  @Test
  void departmentHeadPicksTheHandlerAndTheLeaderOverridesTheDays() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-003", "thuong", "cong-van", "ld.hung");
    VariableMap direction = direct("department", null, "phong-qlkh", "[]");
    direction.put("handlingDaysOverride", 5L); // form-js numbers arrive as Long or Double
    complete(task(pi), direction);
    runJob(pi, "Task_ApplyDirection");

    assertThat(pi).isWaitingAt("Task_PickHandler")
        .variables().containsEntry("handlingDays", 5).containsEntry("departmentHeads", "tp.qlkh,pp.qlkh")
        .containsEntry("dueAt", at("2026-03-16T17:00:00+07:00"));
    assertThat(task(pi)).hasName("Phân công chuyên viên").hasCandidateUser("tp.qlkh").hasCandidateUser("pp.qlkh");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(formOf(task(pi))).contains("departmentPeopleOptions");
    assertThat(runtimeService().getVariable(pi.getId(), "departmentPeopleOptions").toString()).contains("cv.binh");

    complete(task(pi), withVariables("leadHandler", "cv.binh", "note", "Giao chị Bình"));
    assertThat(pi).isWaitingAt("Task_Handle");
    assertThat(task(pi)).isAssignedTo("cv.binh");
    complete(task(pi), withVariables("outcome", "forwarded", "forwardedTo", "Sở Tài chính"));
    runJob(pi, "Task_MarkDone");
    assertThat(pi).isEnded().hasPassed("Task_PickHandler", "EndEvent_Done");
  }

  @Test
  void returnedDocumentIsResubmittedToAnotherLeaderThenReturnedAndClosed() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-004", "thuong", "cong-van", "ld.hung");
    complete(task(pi), withVariables("decision", "return", "returnReason", "Không thuộc thẩm quyền"));

    assertThat(pi).isWaitingAt("Task_ReviewReturned");
    assertThat(task(pi)).hasCandidateGroup("skhcn-clerk").isNotAssigned();
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    complete(task(pi), withVariables("resubmit", true, "directingLeader", "ld.lan", "note", "Trình PGĐ"));

    assertThat(pi).isWaitingAt("Task_Direct");
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_Direct").count()).isEqualTo(2);
    assertThat(task(pi)).isAssignedTo("ld.lan");
    complete(task(pi), withVariables("decision", "return", "returnReason", "Gửi nhầm cơ quan"));
    complete(task(pi), withVariables("resubmit", false, "note", "Trả lại nơi gửi"));

    assertThat(pi).isWaitingAt("Task_MarkReturned");
    runJob(pi, "Task_MarkReturned");
    assertThat(pi).isEnded().hasPassed("EndEvent_Returned").hasNotPassed("Task_DecideDeadline");
    assertThat(calls.of("status")).containsExactly("VB-004:RETURNED");
  }

  @Test
  void reassignRequestInterruptsHandlingAndGoesBackToTheLeader() throws Exception {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-005", "thuong", "giay-moi", "ld.hung");
    complete(task(pi), direct("person", "cv.an", null, "[\"cv.binh\"]"));
    runJob(pi, "Task_ApplyDirection");
    assertThat(pi).isWaitingAt("Task_Handle", "Task_GiveOpinion").variables().containsEntry("deadlineDays", 2);

    runtimeService().createMessageCorrelation("IncomingReassignRequested").processInstanceBusinessKey("VB-005")
        .correlate();
    assertThat(pi).isWaitingAt("Task_Direct").hasPassed("BoundaryEvent_ReassignRequested");
    assertThat(taskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    // The handling's timers are gone; the direction, presented again, has its own two again (issue #13 item 3).
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().list())
        .extracting(IncomingDocumentProcessTest::activityOf).containsExactlyInAnyOrder("BoundaryEvent_DirectRemind",
            "BoundaryEvent_DirectOverdue");
    assertThat(timer(pi, "BoundaryEvent_DirectOverdue").getDuedate()).isEqualTo(task(pi).getDueDate());

    complete(task(pi), direct("person", "cv.binh", null, "[]"));
    runJob(pi, "Task_ApplyDirection");
    assertThat(task(pi)).isAssignedTo("cv.binh");
    verify(direction, times(2)).execute(any());
  }

  @Test
  void reminderFiresOneWorkingDayBeforeAndEscalationAtTheDeadline() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-006", "thuong", "cong-van", "ld.hung");
    complete(task(pi), direct("person", "cv.an", null, null));
    runJob(pi, "Task_ApplyDirection");

    // Friday 20/03 17:00 is one working day before Monday 23/03 17:00.
    ClockUtil.setCurrentTime(at("2026-03-20T16:59:00+07:00"));
    assertThat(dueTimers(pi)).isEmpty();
    ClockUtil.setCurrentTime(at("2026-03-20T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(Job::getId).containsExactly(timer(pi, "BoundaryEvent_Remind").getId());
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_SendReminder");
    assertThat(calls.of("notify")).containsExactly("reminder:cv.an:2026-03-23T10:00:00Z");
    assertThat(pi).isWaitingAt("Task_Handle").hasPassed("EndEvent_Reminded");

    ClockUtil.setCurrentTime(at("2026-03-23T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(Job::getId).containsExactly(timer(pi, "BoundaryEvent_Overdue").getId());
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_Escalate");
    assertThat(calls.of("notify")).last().isEqualTo("escalation:cv.an:2026-03-23T10:00:00Z");
    assertThat(pi).isWaitingAt("Task_Handle").hasPassed("EndEvent_Escalated");

    complete(task(pi), withVariables("outcome", "filed"));
    runJob(pi, "Task_MarkDone");
    assertThat(pi).isEnded();
  }

  /**
   * Issue #13 item 3 (Art 23.1): the direction has a reminder and an escalation like every other task, on its OWN
   * due date (not the case's dueAt, which does not exist yet): one working day before it, then at it.
   */
  @Test
  void theDirectionIsRemindedBeforeItsOwnDueDateAndEscalatedAtIt() {
    // Monday 09/03 09:00, ordinary: directed by Tuesday 10/03 17:00; one working day before is Monday 17:00.
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-011", "thuong", "cong-van", "ld.hung");
    Task direct = task(pi);
    assertThat(direct.getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_DirectRemind").getDuedate()).isEqualTo(at("2026-03-09T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_DirectOverdue").getDuedate()).isEqualTo(direct.getDueDate());

    ClockUtil.setCurrentTime(at("2026-03-09T16:59:00+07:00"));
    assertThat(dueTimers(pi)).isEmpty();
    ClockUtil.setCurrentTime(at("2026-03-09T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(IncomingDocumentProcessTest::activityOf).containsExactly("BoundaryEvent_DirectRemind");
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_RemindDirect");
    assertThat(calls.of("notify")).containsExactly("reminder@Task_Direct");
    assertThat(pi).hasPassed("EndEvent_DirectReminded").isWaitingAt("Task_Direct");

    ClockUtil.setCurrentTime(at("2026-03-10T16:59:00+07:00"));
    assertThat(dueTimers(pi)).isEmpty();
    ClockUtil.setCurrentTime(at("2026-03-10T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(IncomingDocumentProcessTest::activityOf).containsExactly("BoundaryEvent_DirectOverdue");
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_EscalateDirect");
    assertThat(calls.of("notify")).containsExactly("reminder@Task_Direct", "escalation@Task_Direct");
    assertThat(pi).hasPassed("EndEvent_DirectEscalated");
    // Non-interrupting: the same task is still the leader's to do.
    assertThat(task(pi).getId()).isEqualTo(direct.getId());

    // Directed: the step's timers end with it, the handling's begin.
    complete(task(pi), direct("person", "cv.an", null, null));
    runJob(pi, "Task_ApplyDirection");
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().list())
        .extracting(IncomingDocumentProcessTest::activityOf).containsExactlyInAnyOrder("BoundaryEvent_Remind", "BoundaryEvent_Overdue");
  }

  @Test
  void flashDocumentIsPresentedAndHandledTheSameDay() {
    ClockUtil.setCurrentTime(at("2026-03-10T09:30:00+07:00"));
    ProcessInstance pi = start("VB-007", "hoa-toc", "cong-dien", "ld.hung");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    // The direction's own timers: no working day lies ahead of 17:00, so the reminder falls halfway (13:15), never
    // before the task exists nor as it is created.
    assertThat(timer(pi, "BoundaryEvent_DirectRemind").getDuedate()).isEqualTo(at("2026-03-10T13:15:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_DirectOverdue").getDuedate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(dueTimers(pi)).isEmpty();

    complete(task(pi), direct("person", "cv.an", null, "[\"cv.binh\"]"));
    assertThat(pi).variables().containsEntry("deadlineDays", 0);
    runJob(pi, "Task_ApplyDirection");
    assertThat(pi).variables().containsEntry("dueAt", at("2026-03-10T17:00:00+07:00"));
    Task handle = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Handle").singleResult();
    assertThat(handle.getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    // Issue #13 item 2: a same-day deadline leaves no working day ahead of it, so the coordinator's own deadline
    // and the reminder fall halfway between now (09:30) and 17:00: nothing is overdue or due as the work begins.
    Task opinion = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").singleResult();
    assertThat(opinion.getDueDate()).isEqualTo(at("2026-03-10T13:15:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_Remind").getDuedate()).isEqualTo(at("2026-03-10T13:15:00+07:00"));
    assertThat(dueTimers(pi)).isEmpty();
  }

  @Test
  void topUrgentDocumentReceivedAfterOfficeHoursIsDueTheNextWorkingDay() {
    // Friday 13/03 18:00: the same-day rule moves to Monday 16/03.
    ClockUtil.setCurrentTime(at("2026-03-13T18:00:00+07:00"));
    ProcessInstance pi = start("VB-008", "thuong-khan", "cong-van", null);
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-16T17:00:00+07:00"));
  }

  @Test
  void failingStatusUpdateBecomesAnIncidentAfterTheRetries() throws Exception {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-009", "thuong", "cong-van", "ld.hung");
    complete(task(pi), withVariables("decision", "return", "returnReason", "Trùng"));
    complete(task(pi), withVariables("resubmit", false));
    doThrow(new IllegalStateException("document store unavailable")).when(status).execute(any());

    Job job = job(pi, "Task_MarkReturned");
    int attempts = 0;
    while (job.getRetries() > 0) {
      String id = job.getId();
      assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("document store unavailable");
      attempts++;
      job = job(pi, "Task_MarkReturned");
      if (job.getRetries() > 0) {
        // R3/PT5M: the next attempt is five minutes later.
        assertThat(job.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000));
      }
    }
    assertThat(attempts).isEqualTo(3);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).activityId("Task_MarkReturned")
        .singleResult().getIncidentMessage()).contains("document store unavailable");
    assertThat(pi).isWaitingAt("Task_MarkReturned");

    // Fixed and retried from Cockpit: the document is not lost.
    doAnswer(calls.record("status", (DelegateExecution e) -> e.getProcessBusinessKey() + ":"
        + e.getVariableLocal("status"))).when(status).execute(any());
    managementService().setJobRetries(job.getId(), 1);
    runJob(pi, "Task_MarkReturned");
    assertThat(pi).isEnded().hasPassed("EndEvent_Returned");
  }

  @Test
  void invalidDirectionStopsAtTheServiceTaskInsteadOfLosingTheDocument() throws Exception {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("VB-010", "thuong", "cong-van", "ld.hung");
    // The check itself is IncomingHandling's; here: a failing direction keeps the leader's decision and retries.
    doThrow(new IllegalArgumentException("A lead handler is required")).when(direction).execute(any());
    complete(task(pi), direct("person", null, null, null)); // committed: the leader's decision is kept
    String id = job(pi, "Task_ApplyDirection").getId();
    assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("lead handler is required");
    assertThat(job(pi, "Task_ApplyDirection").getRetries()).isEqualTo(2);
    assertThat(pi).isWaitingAt("Task_ApplyDirection");
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  /** The activity a job belongs to (the timer's boundary event). */
  static String activityOf(Job job) {
    return managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  static ProcessInstance start(String documentId, String urgency, String documentType, String directingLeader,
                               Object... more) {
    VariableMap vars = Variables.createVariables()
        .putValue("documentId", documentId).putValue("agency", "skhcn").putValue("agencyCode", "000.00.12.H37")
        .putValue("title", "15/UBND-VP Về việc báo cáo tình hình").putValue("urgency", urgency)
        .putValue("documentType", documentType).putValue("registeredBy", "vt.mai")
        .putValue("directingLeader", directingLeader)
        .putValue("peopleOptions", SpinValues.jsonValue(
            "[{\"label\":\"Nguyễn Văn An\",\"value\":\"cv.an\"},{\"label\":\"Trần Thị Bình\",\"value\":\"cv.binh\"}]"))
        .putValue("departmentOptions", SpinValues.jsonValue("[{\"label\":\"Phòng QLKH\",\"value\":\"phong-qlkh\"}]"));
    for (int i = 0; i < more.length; i += 2) {
      vars.putValue((String) more[i], more[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("incoming-document", documentId, vars);
  }

  /** The leader's form as Tasklist submits it: the taglist as a Json variable. */
  static VariableMap direct(String leadType, String leadHandler, String leadDepartment, String coordinatorsJson) {
    VariableMap vars = Variables.createVariables().putValue("decision", "assign").putValue("leadType", leadType)
        .putValue("direction", "Đề nghị xử lý, báo cáo kết quả");
    if (leadHandler != null) {
      vars.putValue("leadHandler", leadHandler);
    }
    if (leadDepartment != null) {
      vars.putValue("leadDepartment", leadDepartment);
    }
    if (coordinatorsJson != null) {
      vars.putValue("coordinators", SpinValues.jsonValue(coordinatorsJson));
    }
    return vars;
  }


}
