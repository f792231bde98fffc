package vn.govflow.portal.process;

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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * Every path of portal-question on an in-memory engine with the real working-day calendar, Spin and Java
 * serialization off (as in the application), the real {@code caseDeadlines} and Mockito doubles for the module's
 * beans. March 2026 has no holidays; the holiday tests use the Giỗ Tổ / 30-4 / 1-5 week and Tết 2026.
 */
class PortalQuestionProcessTest {
  /** Agency → staff usernames: a fixture of the identity directory, for peopleOptions. */
  static final Map<String, List<String>> STAFF = Map.of(
      "skhcn", List.of("cv.an", "cv.binh", "cv.chi"),
      "vpubnd", List.of("cv.hoa", "cv.khanh"));

  static final TaskListener history = mock(TaskListener.class);
  static final JavaDelegate status = mock(JavaDelegate.class);
  static final JavaDelegate route = mock(JavaDelegate.class);
  static final JavaDelegate forward = mock(JavaDelegate.class);
  static final JavaDelegate deadline = mock(JavaDelegate.class);
  static final JavaDelegate notify = mock(JavaDelegate.class);
  static final JavaDelegate publish = mock(JavaDelegate.class);
  static final JavaDelegate send = mock(JavaDelegate.class);
  static final JavaDelegate appointment = mock(JavaDelegate.class);
  static final CallLog calls = new CallLog();
  static WorkingDaysExpressions workingDays;

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(configuration())
      .assertClassCoverageAtLeast(1.0).build();

  static ProcessEngineConfiguration configuration() {
    ProcessCoverageInMemProcessEngineConfiguration c = ModuleEngine.configuration("portal");
    workingDays = ModuleEngine.workingDays(c);
    c.getBeans().put("portalTaskHistory", history);
    c.getBeans().put("portalStatus", status);
    c.getBeans().put("portalRoute", route);
    c.getBeans().put("portalForward", forward);
    c.getBeans().put("portalDeadline", deadline);
    c.getBeans().put("caseReminders", notify);
    c.getBeans().put("portalPublish", publish);
    c.getBeans().put("portalSendAnswer", send);
    c.getBeans().put("portalSendAppointment", appointment);
    return c;
  }

  ProcessEngine engine; // injected by the extension
  String deployment;

  @BeforeEach
  void useThisEngine() throws Exception {
    ModuleEngine.registerCaseDeadlines(engine);
    deployment = ModuleEngine.deploy(engine, "portal");
    BpmnAwareTests.init(engine);
    reset(history, status, route, forward, deadline, notify, publish, send, appointment);
    calls.clear();
    doAnswer(calls.record("history", DelegateTask::getTaskDefinitionKey)).when(history).notify(any());
    doAnswer(calls.record("status", (DelegateExecution e) -> e.getProcessBusinessKey() + ":"
        + e.getVariableLocal("status"))).when(status).execute(any());
    // The contracts (docs/process-conventions.md, PortalDelegates): what the model reads after each bean.
    doAnswer(invocation -> {
      DelegateExecution e = invocation.getArgument(0);
      e.setVariable("agency", e.getVariable("routeTo"));
      e.setVariable("peopleOptions", peopleOptions((String) e.getVariable("routeTo")));
      return null;
    }).when(route).execute(any());
    doAnswer(invocation -> {
      DelegateExecution e = invocation.getArgument(0);
      String from = (String) e.getVariable("agency");
      String to = (String) e.getVariable("forwardTo");
      calls.of("forward").add(from + "->" + to);
      e.setVariable("forwardedFrom", from);
      e.setVariable("agency", to);
      e.setVariable("peopleOptions", peopleOptions(to));
      // The new agency's leader classifies afresh.
      e.setVariable("classification", null);
      e.setVariable("forwardTo", null);
      e.setVariable("handler", null);
      return null;
    }).when(forward).execute(any());
    doAnswer(invocation -> {
      DelegateExecution e = invocation.getArgument(0);
      int days = ((Number) e.getVariable("answerDays")).intValue();
      Date dueAt = workingDays.dueAt(e.getVariable("receivedAt"), days);
      calls.of("deadline").add(e.getProcessBusinessKey() + ":" + days + ":" + dueAt.toInstant());
      e.setVariable("dueAt", dueAt);
      // The multi-instance needs a java.util.List (the form submits Json).
      List<String> coordinators = new ArrayList<>();
      if (e.getVariable("coordinators") instanceof SpinJsonNode json) {
        json.elements().forEach(c -> coordinators.add(c.stringValue()));
      }
      e.setVariable("coordinators", Variables.objectValue(coordinators)
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      List<String> agencies = new ArrayList<>();
      if (e.getVariable("coordinatingAgencies") instanceof SpinJsonNode json) {
        json.elements().forEach(c -> agencies.add(c.stringValue()));
      }
      e.setVariable("coordinatingAgencies", Variables.objectValue(agencies)
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      return null;
    }).when(deadline).execute(any());
    // The case's timers pass no deadlineOf; a step's own timers name the step (its deadline, not dueAt).
    doAnswer(calls.record("notify", (DelegateExecution e) -> e.getVariableLocal("deadlineOf") != null
        ? e.getVariableLocal("kind") + "@" + e.getVariableLocal("deadlineOf") + ":" + e.getVariable("agency")
        : e.getVariableLocal("kind") + ":" + e.getVariable("agency") + ":" + e.getVariable("handler") + ":"
            + ((Date) e.getVariable("dueAt")).toInstant())).when(notify).execute(any());
    doAnswer(calls.record("publish", (DelegateExecution e) -> e.getProcessBusinessKey() + ":" + e.getVariable("agency")
        + ":" + e.getVariable("publication") + ":" + ((SpinJsonNode) e.getVariable("citations")).elements().size()))
        .when(publish).execute(any());
    doAnswer(calls.record("send", (DelegateExecution e) -> e.getProcessBusinessKey() + ":"
        + e.getVariable("publication"))).when(send).execute(any());
    doAnswer(calls.record("appointment", (DelegateExecution e) -> e.getProcessBusinessKey() + ":"
        + ((Date) e.getVariable("dueAt")).toInstant())).when(appointment).execute(any());
  }

  @AfterEach
  void resetClockAndUndeploy() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
    ModuleEngine.undeploy(engine, deployment);
  }

  static Object peopleOptions(String agency) {
    return SpinValues.jsonValue(STAFF.getOrDefault(agency, List.of()).stream()
        .map(u -> "{\"label\":\"" + u + "\",\"value\":\"" + u + "\"}").collect(Collectors.joining(",", "[", "]")))
        .create();
  }

  // --- paths -------------------------------------------------------------------------------------------------

  @Test
  void editorRejectsADuplicateQuestion() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-001", "thue", null, false);

    assertThat(pi).isWaitingAt("Task_Triage").hasPassed("Task_SuggestAgency")
        .variables().containsEntry("suggestedAgency", "vpubnd").containsEntry("routeTo", "vpubnd");
    assertThat(task(pi)).hasName("Tiếp nhận, phân loại câu hỏi").hasCandidateGroup("portal-editor").isNotAssigned();
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(formOf(task(pi))).contains("\"id\": \"portal-triage\"").contains("agencyOptions")
        .contains("\"duplicate\"").contains("duplicateOf");

    complete(task(pi), withVariables("decision", "reject", "rejectReason", "duplicate", "duplicateOf", "HD-2026-0042"));
    assertThat(pi).isWaitingAt("Task_MarkRejected");
    runJob(pi, "Task_MarkRejected");
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_Route");
    assertThat(calls.of("status")).containsExactly("Q-001:REJECTED");
    assertThat(calls.of("history")).containsExactly("Task_Triage");
  }

  @Test
  void theAgencyTheAskerAddressedIsPreselectedOverTheTablesSuggestion() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-010", "thue", "skhcn", false);
    assertThat(pi).isWaitingAt("Task_Triage")
        .variables().containsEntry("suggestedAgency", "vpubnd").containsEntry("routeTo", "skhcn");
  }

  @Test
  void ownRemitIsAnsweredWithinFiveWorkingDaysAndPublished() {
    // Monday 09/03/2026 09:00; 5 working days: day 1 Tue 10/03, day 5 Mon 16/03.
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-002", "khoa-hoc-cong-nghe", "skhcn", false);
    assertThat(pi).variables().containsEntry("suggestedAgency", "skhcn");

    accept(pi, "skhcn");
    assertThat(pi).isWaitingAt("Task_Classify");
    assertThat(task(pi)).hasName("Phân công, phân loại câu hỏi");
    assertThat(candidateGroups(task(pi))).containsExactlyInAnyOrder("skhcn-head", "skhcn-deputy-head");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(formOf(task(pi))).contains("\"id\": \"portal-classify\"").contains("peopleOptions");
    assertThat(runtimeService().getVariable(pi.getId(), "peopleOptions").toString()).contains("cv.an");

    complete(task(pi), withVariables("classification", "own-remit", "handler", "cv.an"));
    assertThat(pi).isWaitingAt("Task_SetDeadline").hasPassed("Task_DecideDeadline")
        .variables().containsEntry("answerDays", 5);
    runJob(pi, "Task_SetDeadline");

    assertThat(pi).isWaitingAt("Task_Draft").variables().containsEntry("dueAt", at("2026-03-16T17:00:00+07:00"));
    assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").count()).isZero();
    assertThat(task(pi)).hasName("Soạn câu trả lời").isAssignedTo("cv.an");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-13T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_Remind").getDuedate()).isEqualTo(at("2026-03-13T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_Overdue").getDuedate()).isEqualTo(at("2026-03-16T17:00:00+07:00"));

    complete(task(pi), draft("Theo Điều 5 Nghị định ...", null, "public", true));
    assertThat(pi).isWaitingAt("Task_Approve");
    assertThat(task(pi)).hasName("Duyệt câu trả lời").isNotAssigned();
    assertThat(candidateGroups(task(pi))).containsExactlyInAnyOrder("skhcn-head", "skhcn-deputy-head");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-16T17:00:00+07:00"));
    complete(task(pi), withVariables("approval", "approve"));

    assertThat(pi).isWaitingAt("Task_Publish");
    runJob(pi, "Task_Publish");
    assertThat(pi).isEnded().hasPassed("EndEvent_Answered").hasNotPassed("Task_Forward", "Task_SendReminder",
        "Task_Escalate");
    assertThat(calls.of("publish")).containsExactly("Q-002:skhcn:public:1");
    assertThat(calls.of("send")).isEmpty();
    assertThat(calls.of("history")).containsExactly("Task_Triage", "Task_Classify", "Task_Draft", "Task_Approve");
    assertThat(calls.of("notify")).isEmpty();
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void multiSectorQuestionGetsEightWorkingDaysAndCoordinatorsGiveOpinionsInParallel() {
    // Monday 09/03/2026 09:00; 8 working days: Thu 19/03.
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-003", "chuyen-doi-so", null, false);
    accept(pi, "skhcn");
    complete(task(pi), withVariables("classification", "multi-sector", "handler", "cv.an",
        "coordinators", SpinValues.jsonValue("[\"cv.binh\",\"cv.chi\"]").create()));
    assertThat(pi).variables().containsEntry("answerDays", 8);
    runJob(pi, "Task_SetDeadline");

    assertThat(pi).isWaitingAt("Task_Draft", "Task_GiveOpinion")
        .variables().containsEntry("dueAt", at("2026-03-19T17:00:00+07:00"));
    List<Task> opinions = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).extracting(Task::getAssignee).containsExactlyInAnyOrder("cv.binh", "cv.chi");
    assertThat(opinions).extracting(Task::getDueDate).containsOnly(at("2026-03-18T17:00:00+07:00"));
    assertThat(formOf(opinions.get(0))).contains("\"id\": \"portal-opinion\"");
    for (Task t : opinions) {
      complete(t, withVariables("opinion", "Ý kiến của " + t.getAssignee()));
    }
    assertThat(pi).isWaitingAt("Task_Draft");

    complete(draftTask(pi), draft("Trả lời tổng hợp ý kiến các ngành", null, "both", true));
    complete(task(pi), withVariables("approval", "approve"));
    runJob(pi, "Task_Publish");
    // Published and sent: the sending is its own job, so a failing mail server cannot undo the publication.
    assertThat(pi).isWaitingAt("Task_SendAnswer");
    runJob(pi, "Task_SendAnswer");
    assertThat(pi).isEnded().hasPassed("EndEvent_AnswerSent").hasNotPassed("EndEvent_Answered");
    assertThat(calls.of("send")).containsExactly("Q-003:both");
    assertThat(calls.of("history")).containsExactly("Task_Triage", "Task_Classify", "Task_GiveOpinion",
        "Task_GiveOpinion", "Task_Draft", "Task_Approve");
    assertThat(calls.of("publish")).containsExactly("Q-003:skhcn:both:1");
  }

  /**
   * Issue #13 item 12 (seed 003 Art 11.6b, 31.1c): another agency of the province coordinates; its leaders and
   * clerk are offered the opinion task, due one working day before the answer, alongside a named person of yet
   * another agency, and the answer waits for both.
   */
  @Test
  void anotherAgencyCoordinatesThroughItsLeadersAndClerk() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-012", "khoa-hoc-cong-nghe", "skhcn", false);
    accept(pi, "skhcn");
    complete(task(pi), withVariables("classification", "multi-sector", "handler", "cv.an",
        "coordinatingAgencies", SpinValues.jsonValue("[\"vpubnd\"]").create(),
        "coordinators", SpinValues.jsonValue("[\"cv.hoa\"]").create()));
    runJob(pi, "Task_SetDeadline");

    assertThat(pi).isWaitingAt("Task_Draft", "Task_GiveOpinion", "Task_AgencyOpinion");
    Task agency = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_AgencyOpinion").singleResult();
    assertThat(agency).hasName("Cho ý kiến phối hợp").isNotAssigned();
    assertThat(candidateGroups(agency)).containsExactlyInAnyOrder("vpubnd-head", "vpubnd-deputy-head",
        "vpubnd-clerk");
    assertThat(agency.getDueDate()).isEqualTo(at("2026-03-18T17:00:00+07:00"));
    assertThat(formOf(agency)).contains("\"id\": \"portal-opinion\"");
    assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").singleResult())
        .isAssignedTo("cv.hoa");

    complete(draftTask(pi), draft("Trả lời tổng hợp ý kiến các ngành", null, "public", true));
    complete(task("Task_Approve", pi), withVariables("approval", "approve"));
    // Approved, but the coordinating agency has not given its opinion yet: nothing is published.
    assertThat(pi).isWaitingAt("Task_GiveOpinion", "Task_AgencyOpinion");
    complete(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").singleResult(),
        withVariables("opinion", "Ý kiến của cv.hoa"));
    complete(agency, withVariables("opinion", "Ý kiến của Văn phòng UBND tỉnh"));
    assertThat(pi).isWaitingAt("Task_Publish");
    assertThat(calls.of("history")).contains("Task_AgencyOpinion", "Task_GiveOpinion");
  }

  @Test
  void specialCaseUsesTheAppointmentDays() {
    // Monday 09/03/2026 09:00; appointment of 7 working days: Wed 18/03.
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-004", "vien-thong", "skhcn", false);
    accept(pi, "skhcn");
    complete(task(pi), withVariables("classification", "special", "handler", "cv.binh", "appointmentDays", 7L));
    assertThat(pi).variables().containsEntry("answerDays", 7);
    runJob(pi, "Task_SetDeadline");
    // The asker is told the appointment date in its own job (a mail server that is down delays only that).
    assertThat(pi).isWaitingAt("Task_SendAppointment");
    runJob(pi, "Task_SendAppointment");
    assertThat(calls.of("appointment")).containsExactly("Q-004:2026-03-18T10:00:00Z");
    assertThat(pi).isWaitingAt("Task_Draft").variables().containsEntry("dueAt", at("2026-03-18T17:00:00+07:00"));
    assertThat(task(pi)).isAssignedTo("cv.binh");
    assertThat(calls.of("deadline")).containsExactly("Q-004:7:2026-03-18T10:00:00Z");
  }

  @Test
  void outsideRemitIsForwardedAndTheNewAgencyClassifiesWithTheDueDateUnchanged() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-005", "khoa-hoc-cong-nghe", "skhcn", false);
    Date toldTheAsker = (Date) runtimeService().getVariable(pi.getId(), "dueAt");
    assertThat(toldTheAsker).isEqualTo(at("2026-03-16T17:00:00+07:00"));
    accept(pi, "skhcn");
    complete(task(pi), withVariables("classification", "outside-remit", "forwardTo", "vpubnd",
        "note", "Thuộc thẩm quyền Văn phòng UBND tỉnh"));

    assertThat(pi).isWaitingAt("Task_Forward").hasNotPassed("Task_DecideDeadline");
    runJob(pi, "Task_Forward");
    assertThat(pi).isWaitingAt("Task_Classify").variables().containsEntry("agency", "vpubnd")
        .containsEntry("forwardedFrom", "skhcn").containsEntry("dueAt", toldTheAsker)
        .containsEntry("classification", null);
    assertThat(candidateGroups(task(pi))).containsExactlyInAnyOrder("vpubnd-head", "vpubnd-deputy-head");
    assertThat(runtimeService().getVariable(pi.getId(), "peopleOptions").toString()).contains("cv.hoa")
        .doesNotContain("cv.an");
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_Classify").count()).isEqualTo(2);

    complete(task(pi), withVariables("classification", "own-remit", "handler", "cv.hoa"));
    runJob(pi, "Task_SetDeadline");
    assertThat(pi).isWaitingAt("Task_Draft").variables().containsEntry("dueAt", toldTheAsker);
    assertThat(task(pi)).isAssignedTo("cv.hoa");
    complete(task(pi), draft("Trả lời của Văn phòng UBND tỉnh", null, "private", false));
    assertThat(candidateGroups(task(pi))).containsExactlyInAnyOrder("vpubnd-head", "vpubnd-deputy-head");
    complete(task(pi), withVariables("approval", "approve"));
    runJob(pi, "Task_Publish");
    runJob(pi, "Task_SendAnswer");
    assertThat(pi).isEnded().hasPassed("Task_Forward", "EndEvent_AnswerSent");
    assertThat(calls.of("send")).containsExactly("Q-005:private");
    assertThat(calls.of("forward")).containsExactly("skhcn->vpubnd");
    assertThat(calls.of("publish")).containsExactly("Q-005:vpubnd:private:0");
  }

  @Test
  void leaderReturnsTheDraftThenApprovesTheForeignersAnswerInBothLanguages() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-006", "dau-tu", null, true);
    accept(pi, "vpubnd");
    complete(task(pi), withVariables("classification", "own-remit", "handler", "cv.khanh"));
    runJob(pi, "Task_SetDeadline");

    // The English version is the form's business: shown and required only for a foreigner.
    String form = formOf(task(pi));
    assertThat(form).contains("\"id\": \"portal-draft\"").contains("\"key\": \"answerEn\"")
        .contains("=foreigner != true").contains("\"type\": \"dynamiclist\"").contains("\"path\": \"citations\"")
        .contains("noCitationReason");
    complete(task(pi), draft("Bản trả lời lần 1", "Answer, first version", "public", true));
    assertThat(formOf(task(pi))).contains("\"id\": \"portal-approve\"").contains("returnComment");
    complete(task(pi), withVariables("approval", "return", "returnComment", "Bổ sung căn cứ pháp lý"));

    assertThat(pi).isWaitingAt("Task_Draft");
    assertThat(task(pi)).isAssignedTo("cv.khanh");
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_Draft").count()).isEqualTo(2);
    complete(task(pi), draft("Bản trả lời lần 2", "Answer, second version", "public", true));
    complete(task(pi), withVariables("approval", "approve"));
    runJob(pi, "Task_Publish");
    assertThat(pi).isEnded().hasPassed("EndEvent_Answered").variables()
        .containsEntry("answerEn", "Answer, second version");
    assertThat(calls.of("history")).containsExactly("Task_Triage", "Task_Classify", "Task_Draft", "Task_Approve",
        "Task_Draft", "Task_Approve");
  }

  @Test
  void reminderFiresOneWorkingDayBeforeAndEscalationAtTheDeadline() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-007", "khoa-hoc-cong-nghe", "skhcn", false);
    accept(pi, "skhcn");
    complete(task(pi), withVariables("classification", "own-remit", "handler", "cv.an"));
    runJob(pi, "Task_SetDeadline");

    // Friday 13/03 17:00 is one working day before Monday 16/03 17:00.
    ClockUtil.setCurrentTime(at("2026-03-13T16:59:00+07:00"));
    assertThat(dueTimers(pi)).isEmpty();
    ClockUtil.setCurrentTime(at("2026-03-13T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(Job::getId).containsExactly(timer(pi, "BoundaryEvent_Remind").getId());
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_SendReminder");
    assertThat(calls.of("notify")).containsExactly("reminder:skhcn:cv.an:2026-03-16T10:00:00Z");
    assertThat(pi).isWaitingAt("Task_Draft").hasPassed("EndEvent_Reminded");

    ClockUtil.setCurrentTime(at("2026-03-16T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(Job::getId).containsExactly(timer(pi, "BoundaryEvent_Overdue").getId());
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_Escalate");
    assertThat(calls.of("notify")).last().isEqualTo("escalation:skhcn:cv.an:2026-03-16T10:00:00Z");
    assertThat(pi).isWaitingAt("Task_Draft").hasPassed("EndEvent_Escalated");

    complete(task(pi), draft("Trả lời muộn", null, "both", true));
    complete(task(pi), withVariables("approval", "approve"));
    runJob(pi, "Task_Publish");
    runJob(pi, "Task_SendAnswer");
    assertThat(pi).isEnded();
  }

  /**
   * Issue #13 item 18 (seed 003 Art 31.1c): triage and classification are reminded and escalated on their own due
   * dates; a forwarded question's classification starts its timers again at the new agency, which is the one its
   * escalation reaches (the {@code agency} the delegate reads).
   */
  @Test
  void triageAndClassificationAreRemindedAndEscalatedOnTheirOwnDueDatesAndAForwardStartsThemAgain() {
    // Monday 09/03 09:00: the editors triage by Tuesday 10/03 17:00; one working day before is Monday 17:00.
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-009", "khoa-hoc-cong-nghe", "skhcn", false);
    assertThat(pi).isWaitingAt("Task_Triage");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_TriageRemind").getDuedate()).isEqualTo(at("2026-03-09T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_TriageOverdue").getDuedate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    assertThat(dueTimers(pi)).isEmpty();

    ClockUtil.setCurrentTime(at("2026-03-09T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(PortalQuestionProcessTest::activityOf)
        .containsExactly("BoundaryEvent_TriageRemind");
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_RemindTriage");
    ClockUtil.setCurrentTime(at("2026-03-10T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(PortalQuestionProcessTest::activityOf)
        .containsExactly("BoundaryEvent_TriageOverdue");
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_EscalateTriage");
    assertThat(calls.of("notify")).containsExactly("reminder@Task_Triage:skhcn", "escalation@Task_Triage:skhcn");
    assertThat(pi).hasPassed("EndEvent_TriageReminded", "EndEvent_TriageEscalated").isWaitingAt("Task_Triage");

    // Accepted late on Tuesday: the classification's own timers start with its task, ahead of its due date.
    accept(pi, "skhcn");
    Task classify = task(pi);
    Date classifyDue = classify.getDueDate();
    assertThat(classifyDue).isEqualTo(at("2026-03-11T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_ClassifyOverdue").getDuedate()).isEqualTo(classifyDue);
    assertThat(timer(pi, "BoundaryEvent_ClassifyRemind").getDuedate())
        .isEqualTo(workingDays.aheadOf(classifyDue, 1)).isAfter(ClockUtil.getCurrentTime());
    assertThat(dueTimers(pi)).isEmpty();
    ClockUtil.setCurrentTime(new Date(timer(pi, "BoundaryEvent_ClassifyRemind").getDuedate().getTime() + 1000));
    execute(dueTimers(pi).get(0));
    runJob(pi, "Task_RemindClassify");
    assertThat(calls.of("notify")).last().isEqualTo("reminder@Task_Classify:skhcn");

    // Forwarded on Wednesday morning: the new agency's task has its own due date and timers; the old ones are gone.
    ClockUtil.setCurrentTime(at("2026-03-11T09:00:00+07:00"));
    complete(task(pi), withVariables("classification", "outside-remit", "forwardTo", "vpubnd", "note", "Chuyển"));
    runJob(pi, "Task_Forward");
    Task atNewAgency = task(pi);
    assertThat(candidateGroups(atNewAgency)).containsExactlyInAnyOrder("vpubnd-head", "vpubnd-deputy-head");
    assertThat(atNewAgency.getDueDate()).isEqualTo(at("2026-03-12T17:00:00+07:00"));
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().list())
        .extracting(PortalQuestionProcessTest::activityOf)
        .containsExactlyInAnyOrder("BoundaryEvent_ClassifyRemind", "BoundaryEvent_ClassifyOverdue");
    assertThat(timer(pi, "BoundaryEvent_ClassifyRemind").getDuedate()).isEqualTo(at("2026-03-11T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_ClassifyOverdue").getDuedate()).isEqualTo(atNewAgency.getDueDate());

    ClockUtil.setCurrentTime(at("2026-03-12T17:00:01+07:00"));
    assertThat(dueTimers(pi)).extracting(PortalQuestionProcessTest::activityOf)
        .containsExactlyInAnyOrder("BoundaryEvent_ClassifyRemind", "BoundaryEvent_ClassifyOverdue");
    execute(timer(pi, "BoundaryEvent_ClassifyRemind"));
    runJob(pi, "Task_RemindClassify");
    execute(timer(pi, "BoundaryEvent_ClassifyOverdue"));
    runJob(pi, "Task_EscalateClassify");
    assertThat(calls.of("notify")).containsExactly("reminder@Task_Triage:skhcn", "escalation@Task_Triage:skhcn",
        "reminder@Task_Classify:skhcn", "reminder@Task_Classify:vpubnd", "escalation@Task_Classify:vpubnd");
    assertThat(pi).hasPassed("EndEvent_ClassifyReminded", "EndEvent_ClassifyEscalated").isWaitingAt("Task_Classify");
    assertThat(task(pi).getId()).isEqualTo(atNewAgency.getId());
  }

  @Test
  void questionReceivedOnTheFridayEveningBeforeTheHolidayWeekIsDueWednesdayAfter() {
    // Fri 24/04/2026 19:00. Mon 27/04 is the Giỗ Tổ compensatory day off, 30/04–03/05 are off:
    // day 1 Tue 28/04, day 2 Wed 29/04, day 3 Mon 04/05, day 4 Tue 05/05, day 5 Wed 06/05.
    ClockUtil.setCurrentTime(at("2026-04-24T19:00:00+07:00"));
    ProcessInstance pi = start("Q-008", "khoa-hoc-cong-nghe", null, false);
    assertThat(pi).variables().containsEntry("dueAt", at("2026-05-06T17:00:00+07:00"));
    // The editor's P1WD counts the same way: one working day from the receipt is Tue 28/04.
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-04-28T17:00:00+07:00"));

    ClockUtil.setCurrentTime(at("2026-04-28T09:00:00+07:00"));
    accept(pi, "skhcn");
    complete(task(pi), withVariables("classification", "own-remit", "handler", "cv.an"));
    runJob(pi, "Task_SetDeadline");
    assertThat(pi).isWaitingAt("Task_Draft").variables().containsEntry("dueAt", at("2026-05-06T17:00:00+07:00"));
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-05-05T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_Remind").getDuedate()).isEqualTo(at("2026-05-05T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_Overdue").getDuedate()).isEqualTo(at("2026-05-06T17:00:00+07:00"));
  }

  @Test
  void questionReceivedDuringTetCountsFromTheFirstWorkingDayAfter() {
    // Wed 18/02/2026 10:00 (Tết: 16–20/02 off). 5 working days: Mon 23/02 … Fri 27/02;
    // a special case with a 10-day appointment: Fri 06/03.
    ClockUtil.setCurrentTime(at("2026-02-18T10:00:00+07:00"));
    ProcessInstance pi = start("Q-009", "thu-tuc-hanh-chinh", null, false);
    assertThat(pi).variables().containsEntry("dueAt", at("2026-02-27T17:00:00+07:00"))
        .containsEntry("suggestedAgency", "vpubnd");

    ClockUtil.setCurrentTime(at("2026-02-23T08:30:00+07:00"));
    accept(pi, "vpubnd");
    complete(task(pi), withVariables("classification", "special", "handler", "cv.hoa", "appointmentDays", 10.0));
    assertThat(pi).variables().containsEntry("answerDays", 10);
    runJob(pi, "Task_SetDeadline");
    runJob(pi, "Task_SendAppointment");
    assertThat(calls.of("appointment")).containsExactly("Q-009:2026-03-06T10:00:00Z");
    assertThat(pi).isWaitingAt("Task_Draft").variables().containsEntry("dueAt", at("2026-03-06T17:00:00+07:00"));
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-05T17:00:00+07:00"));
  }

  @Test
  void routingToAnUnknownAgencyStopsAtTheServiceTaskInsteadOfLosingTheQuestion() throws Exception {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("Q-010", "khac", null, false);
    // The check itself is QuestionRouting's; here: a failing route keeps the editor's decision and retries.
    doThrow(new IllegalArgumentException("Unknown agency for routeTo: khong-ton-tai")).when(route).execute(any());
    complete(task(pi), withVariables("decision", "accept", "routeTo", "khong-ton-tai"));
    String id = job(pi, "Task_Route").getId();
    assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("Unknown agency");
    Job job = job(pi, "Task_Route");
    assertThat(job.getRetries()).isEqualTo(2);
    // R3/PT5M: the next attempt is five minutes later.
    assertThat(job.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000));
    assertThat(pi).isWaitingAt("Task_Route");
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  /** Starts as the submission service does: received now, told the asker 5 working days. */
  static ProcessInstance start(String questionId, String field, String agency, boolean foreigner) {
    Date receivedAt = ClockUtil.getCurrentTime();
    VariableMap vars = Variables.createVariables()
        .putValue("questionId", questionId).putValue("trackingCode", "HD-" + questionId)
        .putValue("title", "Hỏi về thủ tục " + field).putValue("field", field).putValue("agency", agency)
        .putValue("foreigner", foreigner).putValue("receivedAt", receivedAt)
        .putValue("dueAt", workingDays.dueAt(receivedAt, 5))
        .putValue("agencyOptions", SpinValues.jsonValue(
            "[{\"label\":\"Sở Khoa học và Công nghệ\",\"value\":\"skhcn\"},"
                + "{\"label\":\"Văn phòng UBND tỉnh\",\"value\":\"vpubnd\"}]").create())
        .putValue("peopleOptions", SpinValues.jsonValue("[]").create());
    return runtimeService().startProcessInstanceByKey("portal-question", questionId, vars);
  }

  /** The activity a job belongs to (the timer's boundary event). */
  static String activityOf(Job job) {
    return managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  /** The editor accepts and routes; the route job runs. */
  static void accept(ProcessInstance pi, String routeTo) {
    complete(task(pi), withVariables("decision", "accept", "routeTo", routeTo, "note", "Chuyển " + routeTo));
    assertThat(pi).isWaitingAt("Task_Route");
    runJob(pi, "Task_Route");
  }

  /** The handler's form as Tasklist submits it: the dynamic list of citations as a Json variable. */
  static VariableMap draft(String answer, String answerEn, String publication, boolean withCitation) {
    VariableMap vars = Variables.createVariables().putValue("answer", answer).putValue("publication", publication);
    if (answerEn != null) {
      vars.putValue("answerEn", answerEn);
    }
    if (withCitation) {
      vars.putValue("citations", SpinValues.jsonValue("[{\"number\":\"13/2023/NĐ-CP\","
          + "\"summary\":\"Nghị định về bảo vệ dữ liệu cá nhân\",\"issuedOn\":\"2023-04-17\","
          + "\"issuer\":\"Chính phủ\"}]").create());
    } else {
      vars.putValue("citations", SpinValues.jsonValue("[]").create())
          .putValue("noCitationReason", "Câu hỏi về thông tin, không cần viện dẫn văn bản");
    }
    return vars;
  }

  static Task draftTask(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Draft").singleResult();
  }

}
