package vn.govflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import vn.govflow.support.H2IntegrationTest;

/**
 * The case types and task rules the subsystems register, held against the models in {@code processes/}: every
 * process is a registered case type, every rule entry names a task of its process, every user task with a form
 * has an entry, and every complete listener of a user task is its process's rule table. Renaming a task in a
 * modeler fails here instead of silently dropping its checks.
 */
class CaseworkLintH2Test extends H2IntegrationTest {
  static final Path PROCESSES = Path.of("processes");
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  @Test
  void everyProcessIsARegisteredCaseTypeWithRulesForEveryTaskItHas() throws IOException {
    CaseTypes types = context().getBean(CaseTypes.class);
    Map<String, TaskRules> rulesByProcess = new HashMap<>();
    Map<String, String> beanNameOfRules = new HashMap<>();
    context().getBeansOfType(TaskRules.class).forEach((name, rules) -> {
      TaskRules before = rulesByProcess.putIfAbsent(rules.processKey(), rules);
      assertThat(before == null || before == rules).as("one rule table for " + rules.processKey()).isTrue();
      beanNameOfRules.putIfAbsent(rules.processKey(), name);
    });

    List<Path> files;
    try (Stream<Path> s = Files.walk(PROCESSES)) {
      files = s.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    Set<String> processKeys = new TreeSet<>();
    for (Path file : files) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
      processKeys.add(processKey);
      assertThat(types.byProcessKey(processKey)).as(file + ": a registered CaseType").isPresent();
      TaskRules rules = rulesByProcess.get(processKey);
      assertThat(rules).as(file + ": a TaskRules bean for " + processKey).isNotNull();

      Set<String> userTasks = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(rules.taskIds()).as(file + ": every task with a form has a rule entry (noRules says none)")
          .containsAll(tasksWithForms(model));
      assertThat(rules.taskIds()).as(file + ": rule entries naming no task of the model").isSubsetOf(userTasks);

      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        for (CamundaTaskListener l : task.getExtensionElements() == null ? List.<CamundaTaskListener>of()
            : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()) {
          if (!"complete".equals(l.getCamundaEvent())) {
            continue;
          }
          String bean = l.getCamundaDelegateExpression().replaceAll("^\\$\\{|}$", "");
          assertThat(context().getBean(bean)).as(file + " " + task.getId() + ": its complete listener " + bean
              + " is the rule table " + beanNameOfRules.get(processKey)).isSameAs(rules);
        }
      }
    }
    assertThat(types.all().stream().map(CaseType::processKey).toList())
        .as("every registered case type has its model in processes/").allMatch(processKeys::contains);
  }

  private static Set<String> tasksWithForms(BpmnModelInstance model) {
    return model.getModelElementsByType(UserTask.class).stream()
        .filter(t -> t.getAttributeValueNs(CAMUNDA, "formRef") != null).map(UserTask::getId)
        .collect(Collectors.toSet());
  }
}
