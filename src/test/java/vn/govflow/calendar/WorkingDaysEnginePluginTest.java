package vn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real in-memory engine with our plugin: P<n>WD in task due dates and timers, and the workingDays bean. */
class WorkingDaysEnginePluginTest {
  static final WorkingDayCalendarService calendar = CalendarTestDb.h2().calendar();

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(buildEngine()).build();

  ProcessEngine engine; // injected by the extension

  static ProcessEngine buildEngine() {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setJdbcUrl("jdbc:h2:mem:calendar-engine;DB_CLOSE_DELAY=1000");
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    config.setJobExecutorActivate(false);
    config.setProcessEngineName("calendar-test");
    config.setProcessEnginePlugins(List.of(new WorkingDaysEnginePlugin(calendar)));
    config.setBeans(Map.of("workingDays", new WorkingDaysExpressions(calendar)));
    return config.buildProcessEngine();
  }

  static Date at(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private void deploy(BpmnModelInstance model) {
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("calendar-test.bpmn", model).deploy();
    extension.manageDeployment(deployment);
  }

  @Test
  void taskDueDateAndBoundaryTimerInWorkingDaysAcrossGioTo2026() {
    deploy(Bpmn.createExecutableProcess("calendar-test").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Answer").camundaDueDate("P2WD")
        .boundaryEvent("BoundaryEvent_Remind").cancelActivity(false).timerWithDuration("P1WD")
        .userTask("Task_Remind")
        .endEvent()
        .moveToActivity("Task_Answer").endEvent()
        .done());

    // Friday evening before the Giỗ Tổ weekend: Sat 25 – Mon 27/04 off, counting starts Tue 28/04.
    ClockUtil.setCurrentTime(at("2026-04-24T19:00:00+07:00"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("calendar-test");

    Task answer = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(answer.getDueDate()).isEqualTo(at("2026-04-29T17:00:00+07:00"));

    Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(at("2026-04-28T17:00:00+07:00"));

    ClockUtil.setCurrentTime(at("2026-04-28T16:59:59+07:00"));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
        .isZero();
    ClockUtil.setCurrentTime(at("2026-04-28T17:00:00+07:00"));
    Job due = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
    assertThat(due).isNotNull();
    engine.getManagementService().executeJob(due.getId());

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Remind")
        .count()).isEqualTo(1);
  }

  @Test
  void workingDaysBeanInExpressionsAndStandardDurationsStillWork() {
    deploy(Bpmn.createExecutableProcess("calendar-test").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Answer")
        .camundaDueDate("${workingDays.dueAt(receivedAt, 5)}")
        .camundaFollowUpDate("${workingDays.before(workingDays.dueAt(receivedAt, 5), 1)}")
        .boundaryEvent("BoundaryEvent_Hour").cancelActivity(false).timerWithDuration("PT1H")
        .endEvent()
        .moveToActivity("Task_Answer").endEvent()
        .done());

    ClockUtil.setCurrentTime(at("2026-02-18T10:00:00+07:00"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("calendar-test",
        Map.of("receivedAt", at("2026-04-24T19:00:00+07:00")));

    Task answer = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(answer.getDueDate()).isEqualTo(at("2026-05-06T17:00:00+07:00"));
    assertThat(answer.getFollowUpDate()).isEqualTo(at("2026-05-05T17:00:00+07:00"));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(at("2026-02-18T11:00:00+07:00"));
  }

  @Test
  void sameDayDueDateWithP0WD() {
    deploy(Bpmn.createExecutableProcess("calendar-test").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Register").camundaDueDate("P0WD").endEvent().done());
    ClockUtil.setCurrentTime(at("2026-03-10T09:15:00+07:00"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("calendar-test");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(at("2026-03-10T17:00:00+07:00"));
  }

  @Test
  void onlyExactWorkingDayDescriptionsAreOurs() {
    assertThat(WorkingDaysBusinessCalendar.workingDays("P3WD")).isEqualTo(3);
    assertThat(WorkingDaysBusinessCalendar.workingDays(" P10WD ")).isEqualTo(10);
    assertThat(WorkingDaysBusinessCalendar.workingDays("P3D")).isNull();
    assertThat(WorkingDaysBusinessCalendar.workingDays("P-1WD")).isNull();
    assertThat(WorkingDaysBusinessCalendar.workingDays("PT3WD")).isNull();
  }
}
