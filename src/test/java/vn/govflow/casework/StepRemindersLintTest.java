package vn.govflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * A step's own reminder and escalation (docs/process-conventions.md) as the shipped models declare it: every
 * {@code caseReminders} task with {@code deadlineOf} follows a non-interrupting timer on THAT user task, dated from
 * the task's own due date by the expression of its kind, and that task's due date is the one {@code taskDueAt}
 * repeats. A designer's copy that names another task, or a timer dated otherwise, fails here.
 */
class StepRemindersLintTest {
  static final String REMIND = "${workingDays.aheadOf(caseDeadlines.taskDueAt(execution), 1)}";
  static final String OVERDUE = "${caseDeadlines.taskDueAt(execution)}";

  @Test
  void everyStepReminderIsATimerOnItsOwnTaskDatedFromThatTasksDueDate() throws IOException {
    Map<String, Set<String>> kindsByStep = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("processes"))) {
      files = s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    for (Path file : files) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if (!"${caseReminders}".equals(task.getCamundaDelegateExpression())) {
          continue;
        }
        Map<String, String> inputs = new TreeMap<>();
        task.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class).forEach(x ->
            x.getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class)
                .list().forEach(io -> io.getCamundaInputParameters().forEach(
                    (CamundaInputParameter p) -> inputs.put(p.getCamundaName(), p.getTextContent().strip()))));
        String step = inputs.get("deadlineOf");
        String where = file + " " + task.getId();
        assertThat(task.isCamundaAsyncBefore()).as(where + ": async").isTrue();
        if (step == null) {
          continue;
        }
        String kind = inputs.get("kind");
        assertThat(kind).as(where + ": kind").isIn("reminder", "escalation");
        List<FlowNode> before = task.getPreviousNodes().list();
        assertThat(before).as(where + ": follows one timer").hasSize(1).first().isInstanceOf(BoundaryEvent.class);
        BoundaryEvent timer = (BoundaryEvent) before.get(0);
        assertThat(timer.cancelActivity()).as(where + ": non-interrupting").isFalse();
        assertThat(timer.getAttachedTo().getId()).as(where + ": on the step it names").isEqualTo(step);
        assertThat(timer.getAttachedTo()).as(where).isInstanceOf(UserTask.class);
        assertThat(((UserTask) timer.getAttachedTo()).getCamundaDueDate()).as(where + ": the step's due date")
            .isEqualTo("${caseDeadlines.taskDue(execution)}");
        TimerEventDefinition definition = timer.getEventDefinitions().stream()
            .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast).findFirst()
            .orElseThrow();
        assertThat(definition.getTimeDate()).as(where + ": a date").isNotNull();
        assertThat(definition.getTimeDate().getTextContent().strip()).as(where + ": dated from the step's due date")
            .isEqualTo("reminder".equals(kind) ? REMIND : OVERDUE);
        kindsByStep.computeIfAbsent(file.getFileName() + "#" + step, k -> new TreeSet<>()).add(kind);
      }
    }
    assertThat(kindsByStep).containsKeys("incoming-document.bpmn#Task_Direct", "portal-question.bpmn#Task_Triage",
        "portal-question.bpmn#Task_Classify");
    assertThat(kindsByStep.values()).allSatisfy(k -> assertThat(k).containsExactly("escalation", "reminder"));
  }
}
