package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govflow.calendar.TestCalendars;

/**
 * Every path of the platform-check process on an in-memory engine with the real working-day calendar; the
 * coverage report lands in target/process-test-coverage.
 */
@Deployment(resources = {"processes/platform/platform-check.bpmn", "dmn/platform/platform-check-deadline.dmn",
    "forms/platform/platform-check-acknowledge.form"})
class PlatformCheckProcessTest {
  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(configuration())
      .assertClassCoverageAtLeast(1.0).build();

  static ProcessEngineConfiguration configuration() {
    // The coverage-aware configuration records which flow nodes and sequence flows each test passed.
    ProcessCoverageInMemProcessEngineConfiguration c = new ProcessCoverageInMemProcessEngineConfiguration();
    c.setJdbcUrl("jdbc:h2:mem:platform-check;DB_CLOSE_DELAY=1000");
    c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    c.setJobExecutorActivate(false);
    c.setProcessEngineName("platform-check-test");
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setProcessEnginePlugins(new ArrayList<>());
    TestCalendars.install(c, TestCalendars.calendar());
    return c;
  }

  ProcessEngine engine; // injected by the extension

  @BeforeEach
  void useThisEngine() {
    // Other engines (a Spring context's) may live in the same JVM: the assertions must use this one.
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  static Date at(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }

  @Test
  void urgentRequestIsDueInTwoWorkingDaysAcrossTheHolidayAndCompletesWithTheForm() {
    // Wednesday 29/04/2026, 10:00: counting starts the next working day; 30/4 – 3/5 are off, so Mon 04/05 is day 1.
    ClockUtil.setCurrentTime(at("2026-04-29T10:00:00+07:00"));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("platform-check",
        withVariables("agency", "skhcn", "urgency", "khan"));

    assertThat(pi).isWaitingAt("Task_Acknowledge").hasPassed("Task_DecideDeadline")
        .variables().containsEntry("deadlineDays", 2);
    assertThat(task(pi)).hasCandidateGroup("skhcn-handler");
    // The form shipped beside the BPMN is the one the task renders.
    try (InputStream form = formService().getDeployedTaskForm(task(pi).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"platform-check-acknowledge\"").contains("acknowledged");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-05-05T17:00:00+07:00"));

    complete(task(pi), withVariables("acknowledged", true, "comment", "Đã nhận"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Done");
  }

  @Test
  void flashDocumentIsDueTheSameDay() {
    ClockUtil.setCurrentTime(at("2026-03-10T09:30:00+07:00"));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("platform-check",
        withVariables("agency", "vpubnd", "urgency", "hoa-toc"));
    assertThat(task(pi)).hasCandidateGroup("vpubnd-handler");
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-03-10T17:00:00+07:00"));
  }

  @Test
  void ordinaryRequestReceivedOnFridayEveningBeforeTetIsDueAfterTheHoliday() {
    // Friday 13/02/2026 18:00; Tết 14–22/02 off: day 1 is Mon 23/02, day 5 Fri 27/02.
    ClockUtil.setCurrentTime(at("2026-02-13T18:00:00+07:00"));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("platform-check",
        withVariables("agency", "skhcn", "urgency", "thuong"));
    assertThat(task(pi).getDueDate()).isEqualTo(at("2026-02-27T17:00:00+07:00"));
  }
}
