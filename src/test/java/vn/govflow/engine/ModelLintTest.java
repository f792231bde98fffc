package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * The repository's models pass GovFlow's ONE rule set: {@link ModelRules} (ids = file names with the module's
 * prefix, history time-to-live, people, due dates and forms on user tasks, referenced decisions and forms exist,
 * readable ids, forms GovFlow renders) and {@link ModelChecker} (the sandbox the engine enforces on every
 * deployment). The designer runs the same two classes on a draft (vn.govflow.designer.DesignValidation); the
 * build accepts neither errors nor warnings in the shipped files.
 */
class ModelLintTest {
  static final Path PROCESSES = Path.of("processes");
  static final Path DMN = Path.of("dmn");
  static final Path FORMS = Path.of("forms");

  @Test
  void processesFollowTheConventions() throws IOException {
    Set<String> decisions = decisionIds();
    Set<String> forms = files(FORMS, ".form").stream().map(ModelLintTest::baseName).collect(Collectors.toSet());
    List<Path> files = files(PROCESSES, ".bpmn");
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(ModelRules.bpmn(baseName(file), module(file), Files.readAllBytes(file), forms::contains,
          decisions::contains)).as(file.toString()).isEmpty();
    }
  }

  @Test
  void decisionsFollowTheConventions() throws IOException {
    List<Path> files = files(DMN, ".dmn");
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(ModelRules.dmn(baseName(file), module(file), Files.readAllBytes(file))).as(file.toString()).isEmpty();
    }
  }

  @Test
  void formsFollowTheConventions() throws IOException {
    List<Path> files = files(FORMS, ".form");
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(ModelRules.form(baseName(file), module(file), Files.readAllBytes(file))).as(file.toString())
          .isEmpty();
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

  /** The rules find what they are for: a broken process names each problem at its element. */
  @Test
  void theRulesNameTheBrokenElement() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="x">
          <bpmn:process id="portal-lint-sample" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_0abc123"/>
            <bpmn:userTask id="Activity_0abc123" camunda:formRef="portal-nope"/>
            <bpmn:businessRuleTask id="Task_Rule" camunda:decisionRef="portal-missing-table"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    List<ModelRules.Finding> findings = ModelRules.bpmn("portal-lint-sample", "portal",
        xml.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8), k -> false, k -> false);
    assertThat(findings).extracting(f -> f.elementId() + " " + f.rule() + " " + f.severity()).contains(
        "portal-lint-sample camunda-7.24/history-ttl ERROR",
        "Activity_0abc123 govflow/readable-id WARNING",
        "Activity_0abc123 govflow/user-task-people ERROR",
        "Activity_0abc123 govflow/user-task-due ERROR",
        "Activity_0abc123 govflow/form-exists ERROR",
        "Task_Rule govflow/decision-exists ERROR");
    assertThat(ModelRules.form("portal-x", "portal", """
        {"id": "portal-x", "type": "default", "schemaVersion": 17, "components": [
          {"id": "A", "key": "a", "type": "textfield"}, {"id": "B", "key": "a", "type": "filepicker"}]}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .extracting(f -> f.elementId() + " " + f.rule())
        .contains("null govflow/form-schema", "B govflow/form-component", "B govflow/form-unique-key");
  }

  private static Set<String> decisionIds() throws IOException {
    return files(DMN, ".dmn").stream()
        .flatMap(f -> Dmn.readModelFromFile(f.toFile()).getModelElementsByType(Decision.class).stream())
        .map(Decision::getId).collect(Collectors.toSet());
  }

  private static List<Path> files(Path root, String ext) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
    }
  }

  private static String module(Path file) {
    return file.getParent().getFileName().toString();
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.lastIndexOf('.'));
  }
}
