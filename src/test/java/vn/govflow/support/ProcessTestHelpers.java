package vn.govflow.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** What every process test needs beside camunda-bpm-assert: jobs and timers by activity, forms, dates. */
public final class ProcessTestHelpers {
  private ProcessTestHelpers() {}

  public static List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  public static Job job(ProcessInstance pi, String activityId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  public static void runJob(ProcessInstance pi, String activityId) {
    Job job = job(pi, activityId);
    assertThat(job).as("job at " + activityId).isNotNull();
    execute(job);
  }

  public static Job timer(ProcessInstance pi, String activityId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
        .singleResult();
  }

  public static List<Job> dueTimers(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .duedateLowerThen(ClockUtil.getCurrentTime()).list();
  }

  public static String formOf(Task task) {
    try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Date at(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }
}
