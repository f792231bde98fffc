package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * The conventions Spring's module checks cannot see because they live in XML: ids equal file names and carry
 * their module's prefix, every process keeps history for a set time, every user task has people, a due date
 * and a form, every referenced decision and form exists, element ids are readable.
 */
class ModelLintTest {
  static final Path PROCESSES = Path.of("processes");
  static final Path DMN = Path.of("dmn");
  static final Path FORMS = Path.of("forms");

  @Test
  void processesFollowTheConventions() throws IOException {
    Set<String> decisions = decisionIds();
    Set<String> forms = formIds();
    List<Path> files = files(PROCESSES, ".bpmn");
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String module = file.getParent().getFileName().toString();
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Bpmn.validateModel(model);
      List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
      assertThat(processes).as(file + " holds one process").hasSize(1);
      Process process = processes.get(0);
      assertThat(process.getId()).as(file + ": id = file name").isEqualTo(baseName(file));
      assertThat(process.getId()).as(file + ": module prefix").startsWith(module + "-");
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + ": historyTimeToLive").isNotBlank();
      for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
        assertThat(e.getId()).as(file + ": readable element id").doesNotMatch("(Activity|Event|Gateway|Flow)_0[a-z0-9]{6}");
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String where = file + " " + task.getId();
        assertThat(task.getCamundaAssignee() != null || task.getCamundaCandidateGroups() != null
            || task.getCamundaCandidateUsers() != null).as(where + ": who works on it").isTrue();
        assertThat(task.getCamundaDueDate()).as(where + ": due date").isNotBlank();
        String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        assertThat(formRef).as(where + ": form").isNotBlank();
        assertThat(forms).as(where + ": form exists").contains(formRef);
      }
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        assertThat(decisions).as(file + " " + task.getId() + ": decision exists").contains(task.getCamundaDecisionRef());
      }
    }
  }

  /** The same check the engine runs on every deployment (one rule set): the build's models pass it. */
  @Test
  void modelsPassTheEnginesDeploymentCheck() throws IOException {
    ModelChecker checker = new ModelChecker();
    List<Path> models = Stream.of(files(PROCESSES, ".bpmn"), files(DMN, ".dmn"), files(FORMS, ".form"))
        .flatMap(List::stream).toList();
    assertThat(models).isNotEmpty();
    for (Path file : models) {
      assertThat(checker.check(file.toString(), Files.readAllBytes(file), ModelChecker.Deployer.BUILD))
          .as(file + ": deployment check").isEmpty();
    }
  }

  @Test
  void decisionsFollowTheConventions() throws IOException {
    for (Path file : files(DMN, ".dmn")) {
      String module = file.getParent().getFileName().toString();
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
      assertThat(decisions).extracting(Decision::getId).as(file + ": id = file name").contains(baseName(file));
      assertThat(baseName(file)).startsWith(module + "-");
      for (Decision d : decisions) {
        assertThat(d.getCamundaHistoryTimeToLiveString()).as(file + " " + d.getId() + ": historyTimeToLive")
            .isNotBlank();
      }
    }
  }

  @Test
  void formsFollowTheConventions() throws IOException {
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = new ObjectMapper().readTree(file.toFile());
      assertThat(form.get("id").asText()).as(file + ": id = file name").isEqualTo(baseName(file));
      // Camunda 7.24's Tasklist renders form-js schema version 16.
      assertThat(form.get("schemaVersion").asInt()).as(file + ": schemaVersion").isLessThanOrEqualTo(16);
    }
  }

  private static Set<String> decisionIds() throws IOException {
    return files(DMN, ".dmn").stream()
        .flatMap(f -> Dmn.readModelFromFile(f.toFile()).getModelElementsByType(Decision.class).stream())
        .map(Decision::getId).collect(Collectors.toSet());
  }

  private static Set<String> formIds() throws IOException {
    return files(FORMS, ".form").stream().map(ModelLintTest::baseName).collect(Collectors.toSet());
  }

  private static List<Path> files(Path root, String ext) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
    }
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.lastIndexOf('.'));
  }
}
