package vn.govflow.outgoing.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static vn.govflow.support.ProcessTestHelpers.at;
import static vn.govflow.support.ProcessTestHelpers.candidateGroups;
import static vn.govflow.support.ProcessTestHelpers.formOf;
import static vn.govflow.support.ProcessTestHelpers.runJob;
import static vn.govflow.support.ProcessTestHelpers.timer;

import java.util.ArrayList;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govflow.support.CallLog;
import vn.govflow.support.ModuleEngine;

/**
 * Every path of outgoing-document on an in-memory engine with the real working-day calendar, the real decision
 * tables (outgoing-signer, outgoing-task-deadline) and Mockito doubles for the module's beans: with and without
 * consultation, a return at each level, the head signing and the deputy signing "KT.", the reminders.
 * March 2026 has no holidays.
 */
class OutgoingDocumentProcessTest {
  static final ExecutionListener draftStep = mock(ExecutionListener.class);
  static final TaskListener rules = mock(TaskListener.class);
  static final JavaDelegate reminders = mock(JavaDelegate.class);
  static final CallLog calls = new CallLog();
  /** What the rules decide on submission (OutgoingHandling's contract with the model), per test. */
  static boolean departmentReview = true;

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(configuration())
      .assertClassCoverageAtLeast(1.0).build();

  static ProcessEngineConfiguration configuration() {
    ProcessCoverageInMemProcessEngineConfiguration c = ModuleEngine.configuration("outgoing");
    c.getBeans().put("outgoingDraftStep", draftStep);
    c.getBeans().put("outgoingTaskRules", rules);
    c.getBeans().put("caseReminders", reminders);
    c.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName()); // as application.yaml
    return c;
  }

  ProcessEngine engine; // injected by the extension
  String deployment;

  @BeforeEach
  void useThisEngine() throws Exception {
    ModuleEngine.registerCaseDeadlines(engine);
    deployment = ModuleEngine.deploy(engine, "outgoing");
    BpmnAwareTests.init(engine);
    reset(draftStep, rules, reminders);
    calls.clear();
    departmentReview = true;
    doAnswer(calls.record("draftStep", (DelegateExecution e) -> {
      e.setVariable("next", "review");
      return e.getProcessBusinessKey();
    })).when(draftStep).notify(any());
    doAnswer(calls.record("rules", (DelegateTask t) -> {
      if ("Task_Draft".equals(t.getTaskDefinitionKey()) && !"consult".equals(t.getVariable("next"))) {
        t.getExecution().setVariable("departmentHeads", "tp.cds");
        t.getExecution().setVariable("departmentReview", departmentReview);
        t.getExecution().setVariable("supervisors", "pgd.tuan");
        t.getExecution().setVariable("signers", "deputy".equals(t.getVariable("signerLevel")) ? "pgd.tuan" : "gd.hung");
      }
      return t.getTaskDefinitionKey() + (t.getVariable("decision") == null ? "" : ":" + t.getVariable("decision"));
    })).when(rules).notify(any());
    doAnswer(calls.record("reminders", (DelegateExecution e) -> e.getVariableLocal("kind") + "@"
        + e.getVariableLocal("deadlineOf"))).when(reminders).execute(any());
  }

  @AfterEach
  void resetClockAndUndeploy() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
    ModuleEngine.undeploy(engine, deployment);
  }

  @Test
  void aDecisionGoesThroughEveryLevelAndTheHeadSigns() {
    // Monday 09/03/2026 09:00.
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("OUT-1", "thuong", "quyet-dinh");

    assertThat(pi).hasPassed("Task_DecideSigner").isWaitingAt("Task_Draft").variables()
        .containsEntry("signerLevel", "head").containsEntry("next", "review");
    assertThat(task(pi)).isAssignedTo("cv.anh");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-16T17:00:00+07:00")); // 5 working days
    assertThat(formOf(task(pi))).contains("\"id\": \"outgoing-draft\"");

    complete(task(pi));
    assertThat(pi).isWaitingAt("Task_ReviewDepartment");
    assertThat(candidateUsers(task(pi))).containsExactly("tp.cds");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00")); // 1 working day
    complete(task(pi), withVariables("decision", "approve"));

    assertThat(pi).isWaitingAt("Task_ReviewDeputy");
    assertThat(candidateUsers(task(pi))).containsExactly("pgd.tuan");
    complete(task(pi), withVariables("decision", "approve"));

    assertThat(pi).isWaitingAt("Task_Sign");
    assertThat(candidateUsers(task(pi))).containsExactly("gd.hung");
    assertThat(formOf(task(pi))).contains("\"id\": \"outgoing-sign\"");
    complete(task(pi), withVariables("decision", "sign"));

    assertThat(pi).hasPassed("EndEvent_Signed").isWaitingAt("Task_Issue");
    assertThat(candidateGroups(task(pi))).containsExactly("skhcn-clerk");
    assertThat(formOf(task(pi))).contains("\"id\": \"outgoing-issue\"");
    complete(task(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_Issued").hasNotPassed("Task_GiveOpinion", "Task_SendReminder");
    assertThat(calls.of("rules")).containsExactly("Task_Draft", "Task_ReviewDepartment:approve",
        "Task_ReviewDeputy:approve", "Task_Sign:sign", "Task_Issue:sign");
  }

  @Test
  void aCongVanIsSignedKtByTheSupervisingDeputyWithoutASeparateApproval() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("OUT-2", "thuong", "cong-van");
    assertThat(pi).variables().containsEntry("signerLevel", "deputy");

    complete(task(pi));
    complete(task(pi), withVariables("decision", "approve"));
    assertThat(pi).isWaitingAt("Task_Sign").hasNotPassed("Task_ReviewDeputy");
    assertThat(candidateUsers(task(pi))).containsExactly("pgd.tuan");
    complete(task(pi), withVariables("decision", "sign"));
    assertThat(pi).isWaitingAt("Task_Issue");
  }

  @Test
  void aDraftOfTheDepartmentHeadSkipsTheDepartmentLevel() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    departmentReview = false;
    ProcessInstance pi = start("OUT-3", "thuong", "to-trinh");
    complete(task(pi));
    assertThat(pi).isWaitingAt("Task_ReviewDeputy").hasNotPassed("Task_ReviewDepartment");
  }

  @Test
  void eachLevelReturnsTheDraftToItsHandler() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("OUT-4", "thuong", "quyet-dinh");
    complete(task(pi));
    complete(task(pi), withVariables("decision", "return"));
    assertThat(pi).isWaitingAt("Task_Draft");

    complete(task(pi));
    complete(task(pi), withVariables("decision", "approve"));
    complete(task(pi), withVariables("decision", "return"));
    assertThat(pi).isWaitingAt("Task_Draft");

    complete(task(pi));
    complete(task(pi), withVariables("decision", "approve"));
    complete(task(pi), withVariables("decision", "approve"));
    assertThat(pi).isWaitingAt("Task_Sign");
    complete(task(pi), withVariables("decision", "return"));
    assertThat(pi).isWaitingAt("Task_Draft");
    assertThat(task(pi)).isAssignedTo("cv.anh");
    // The handler's step starts four times: the first draft and three returns.
    assertThat(calls.of("draftStep")).hasSize(4);
  }

  @Test
  void opinionsAreAskedInParallelWithADeadlineFromTheTableThenTheHandlerContinues() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("OUT-5", "thuong", "ke-hoach");
    ArrayList<Object> people = new ArrayList<>(List.of(request(1, "assignee", "cv.mai", "candidates", new ArrayList<>()),
        request(2, "assignee", null, "candidates", new ArrayList<>(List.of("tp.qlkh", "pp.qlkh")))));
    ArrayList<Object> agencies = new ArrayList<>(List.of(request(3, "agency", "vpubnd", "agencyCode",
        "000.00.01.H37")));
    complete(task(pi), Variables.createVariables().putValue("next", "consult").putValue("consultedVersion", 1)
        .putValue("opinionRequests", Variables.objectValue(people)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
        .putValue("agencyRequests", Variables.objectValue(agencies)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));

    List<Task> opinions = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).hasSize(2);
    assertThat(opinions).extracting(Task::getAssignee).containsExactlyInAnyOrder("cv.mai", null);
    Task department = opinions.stream().filter(t -> t.getAssignee() == null).findFirst().orElseThrow();
    assertThat(candidateUsers(department)).containsExactlyInAnyOrder("tp.qlkh", "pp.qlkh");
    assertThat(opinions).extracting(Task::getDueDate).containsOnly(at("2026-03-12T17:00:00+07:00")); // 3 days
    Task agency = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_AgencyOpinion").singleResult();
    assertThat(candidateGroups(agency)).containsExactlyInAnyOrder("vpubnd-head", "vpubnd-deputy-head",
        "vpubnd-clerk");
    assertThat(formOf(agency)).contains("\"id\": \"outgoing-opinion\"");

    for (Task t : opinions) {
      taskService().complete(t.getId());
    }
    assertThat(pi).isWaitingAt("Task_AgencyOpinion");
    taskService().complete(agency.getId());

    assertThat(pi).isWaitingAt("Task_Draft").variables().containsEntry("next", "review");
    complete(task(pi));
    assertThat(pi).isWaitingAt("Task_ReviewDepartment");
  }

  @Test
  void urgentDocumentsAreReviewedTheSameDay() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("OUT-6", "hoa-toc", "cong-dien");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
    complete(task(pi));
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-09T17:00:00+07:00"));
  }

  @Test
  void theCaseDeadlineAndTheSigningAndIssuingStepsRemindAndEscalate() {
    ClockUtil.setCurrentTime(at("2026-03-09T09:00:00+07:00"));
    ProcessInstance pi = start("OUT-7", "thuong", "quyet-dinh");
    assertThat(timer(pi, "BoundaryEvent_CaseRemind").getDuedate()).isEqualTo(at("2026-03-19T17:00:00+07:00"));
    assertThat(timer(pi, "BoundaryEvent_CaseOverdue").getDuedate()).isEqualTo(at("2026-03-20T17:00:00+07:00"));
    execute(timer(pi, "BoundaryEvent_CaseRemind"));
    runJob(pi, "Task_SendReminder");
    execute(timer(pi, "BoundaryEvent_CaseOverdue"));
    runJob(pi, "Task_Escalate");
    assertThat(calls.of("reminders")).containsExactly("reminder@null", "escalation@null");
    assertThat(pi).hasPassed("EndEvent_CaseRemind", "EndEvent_CaseOverdue").isWaitingAt("Task_Draft");

    complete(task(pi));
    complete(task(pi), withVariables("decision", "approve"));
    complete(task(pi), withVariables("decision", "approve"));
    assertThat(pi).isWaitingAt("Task_Sign");
    assertThat(timer(pi, "BoundaryEvent_SignOverdue").getDuedate()).isEqualTo(task(pi).getDueDate());
    execute(timer(pi, "BoundaryEvent_SignRemind"));
    runJob(pi, "Task_RemindSign");
    execute(timer(pi, "BoundaryEvent_SignOverdue"));
    runJob(pi, "Task_EscalateSign");
    complete(task(pi), withVariables("decision", "sign"));

    assertThat(pi).isWaitingAt("Task_Issue");
    assertThat(timer(pi, "BoundaryEvent_IssueOverdue").getDuedate()).isEqualTo(task(pi).getDueDate());
    execute(timer(pi, "BoundaryEvent_IssueRemind"));
    runJob(pi, "Task_RemindIssue");
    execute(timer(pi, "BoundaryEvent_IssueOverdue"));
    runJob(pi, "Task_EscalateIssue");
    assertThat(calls.of("reminders")).containsExactly("reminder@null", "escalation@null",
        "reminder@Task_Sign", "escalation@Task_Sign", "reminder@Task_Issue", "escalation@Task_Issue");
    complete(task(pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_SignReminded", "EndEvent_SignEscalated",
        "EndEvent_IssueReminded", "EndEvent_IssueEscalated");
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  /** What Cases.start gives the process (OutgoingDrafting.create): conventions, drafter, type, dueAt. */
  static ProcessInstance start(String id, String urgency, String documentType) {
    return runtimeService().startProcessInstanceByKey("outgoing-document", id, Variables.createVariables()
        .putValue("outgoingId", id).putValue("agency", "skhcn").putValue("agencyCode", "000.00.12.H37")
        .putValue("title", "Về việc kế hoạch chuyển đổi số").putValue("urgency", urgency)
        // 10 working days from Monday 09/03 (outgoing-deadline, ordinary): Friday 20/03.
        .putValue("dueAt", at("2026-03-20T17:00:00+07:00"))
        .putValue("drafter", "cv.anh").putValue("documentType", documentType));
  }

  static Map<String, Object> request(int position, String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("position", position);
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  static List<String> candidateUsers(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(IdentityLink::getUserId).toList();
  }
}
