package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment check's rules, each on the smallest model that breaks it (and a clean one that passes). */
class ModelCheckerTest {
  static final ModelChecker CHECKER = new ModelChecker(name -> name.equals("jdbcTemplate"));
  static final ModelChecker.Deployer DESIGNER = new ModelChecker.Deployer(true, key -> false);

  static String process(String id, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="urn:test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id, body);
  }

  static List<ModelChecker.Problem> check(String xml, ModelChecker.Deployer deployer) {
    return CHECKER.check("test.bpmn", xml.getBytes(StandardCharsets.UTF_8), deployer);
  }

  static String serviceTask(String attributes) {
    return "<bpmn:startEvent id=\"StartEvent_1\"/><bpmn:serviceTask id=\"Task_Evil\" " + attributes + "/>";
  }

  @Test
  void aCleanModelWithItsModulesDelegatesPasses() {
    assertThat(check(process("portal-sandbox", serviceTask("camunda:delegateExpression=\"${portalRoute}\"")
        + "<bpmn:userTask id=\"Task_Answer\" camunda:candidateGroups=\"${agency}-clerk\""
        + " camunda:dueDate=\"${workingDays.before(dueAt, 1)}\">"
        + "<bpmn:extensionElements><camunda:executionListener event=\"end\""
        + " expression=\"${execution.setVariable('routeTo', execution.getVariable('agency'))}\"/>"
        + "</bpmn:extensionElements></bpmn:userTask>"), DESIGNER)).isEmpty();
  }

  /** The shared casework delegates (reminders and escalation) serve every module, yet stay only named. */
  @Test
  void everyModuleMayNameTheSharedRemindersButNotCallIntoThem() {
    for (String processId : List.of("incoming-sandbox", "portal-sandbox", "newmodule-sandbox")) {
      assertThat(check(process(processId, serviceTask("camunda:delegateExpression=\"${caseReminders}\"")),
          DESIGNER)).as(processId).isEmpty();
    }
    assertThat(check(process("newmodule-sandbox", serviceTask("camunda:delegateExpression=\"${portalNotify}\"")),
        DESIGNER)).extracting(ModelChecker.Problem::rule).containsExactly("other-module");
    assertThat(check(process("portal-sandbox",
        serviceTask("camunda:expression=\"${caseReminders.execute(execution)}\"")), DESIGNER))
        .extracting(ModelChecker.Problem::rule).contains("method");
    assertThat(check(process("portal-sandbox", serviceTask("camunda:expression=\"${caseReminders.policies}\"")),
        DESIGNER)).extracting(ModelChecker.Problem::rule).containsExactly("property");
  }

  @Test
  void beansOutsideTheVocabularyAndReflectionAreRefused() {
    assertThat(check(process("portal-sandbox",
        serviceTask("camunda:expression=\"${jdbcTemplate.queryForList('select * from gf_person')}\"")), DESIGNER))
        .extracting(ModelChecker.Problem::elementId, ModelChecker.Problem::rule)
        .contains(org.assertj.core.groups.Tuple.tuple("Task_Evil", "method"),
            org.assertj.core.groups.Tuple.tuple("Task_Evil", "bean"));
    assertThat(check(process("portal-sandbox",
        serviceTask("camunda:expression=\"${execution.getClass().forName('java.lang.Runtime')}\"")), DESIGNER))
        .extracting(ModelChecker.Problem::rule).containsOnly("method");
    assertThat(check(process("portal-sandbox",
        serviceTask("camunda:expression=\"${execution.getProcessEngineServices()}\"")), DESIGNER))
        .extracting(ModelChecker.Problem::rule).containsExactly("method");
    assertThat(check(process("portal-sandbox", serviceTask("camunda:expression=\"${execution.processEngine}\"")),
        DESIGNER)).extracting(ModelChecker.Problem::rule).containsExactly("property");
    assertThat(check(process("portal-sandbox", serviceTask("camunda:expression=\"${S(x)}\"")), DESIGNER))
        .extracting(ModelChecker.Problem::rule).containsExactly("function");
    assertThat(check(process("portal-sandbox", serviceTask("camunda:delegateExpression=\"${jdbcTemplate}\"")),
        DESIGNER)).extracting(ModelChecker.Problem::rule).containsExactly("delegate");
  }

  @Test
  void scriptsAndClassesAreRefusedWherever() {
    assertThat(check(process("portal-sandbox", "<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"groovy\">"
        + "<bpmn:script>'ls'.execute()</bpmn:script></bpmn:scriptTask>"), DESIGNER))
        .extracting(ModelChecker.Problem::elementId).containsOnly("Task_Script");
    assertThat(check(process("portal-sandbox", "<bpmn:userTask id=\"Task_Listener\"><bpmn:extensionElements>"
        + "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"javascript\">1</camunda:script>"
        + "</camunda:taskListener></bpmn:extensionElements></bpmn:userTask>"), DESIGNER))
        .extracting(ModelChecker.Problem::rule).containsOnly("script").isNotEmpty();
    assertThat(check(process("portal-sandbox", "<bpmn:startEvent id=\"StartEvent_1\"/>"
        + "<bpmn:sequenceFlow id=\"Flow_Script\" sourceRef=\"StartEvent_1\" targetRef=\"End\">"
        + "<bpmn:conditionExpression language=\"javascript\">true</bpmn:conditionExpression></bpmn:sequenceFlow>"
        + "<bpmn:endEvent id=\"End\"/>"), DESIGNER))
        .extracting(ModelChecker.Problem::elementId, ModelChecker.Problem::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Flow_Script", "script"));
    assertThat(check(process("portal-sandbox", serviceTask("camunda:class=\"java.lang.Runtime\"")), DESIGNER))
        .extracting(ModelChecker.Problem::rule).containsExactly("class");
    assertThat(check(process("portal-sandbox", "<bpmn:userTask id=\"Task_Res\"><bpmn:extensionElements>"
        + "<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\""
        + " resource=\"deployment://evil.groovy\"/></camunda:inputParameter></camunda:inputOutput>"
        + "</bpmn:extensionElements></bpmn:userTask>"), DESIGNER))
        .extracting(ModelChecker.Problem::rule).containsOnly("script").hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void anotherModulesDelegateIsRefused() {
    assertThat(check(process("incoming-sandbox", serviceTask("camunda:delegateExpression=\"${portalRoute}\"")),
        DESIGNER)).extracting(ModelChecker.Problem::elementId, ModelChecker.Problem::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Task_Evil", "other-module"));
  }

  @Test
  void aPersonsTimerStartNeedsTheRightToStart() {
    String timer = process("portal-sandbox", "<bpmn:startEvent id=\"StartEvent_Timer\"><bpmn:timerEventDefinition>"
        + "<bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>");
    assertThat(check(timer, DESIGNER)).extracting(ModelChecker.Problem::elementId, ModelChecker.Problem::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("StartEvent_Timer", "start-event"));
    assertThat(check(timer, new ModelChecker.Deployer(true, key -> key.equals("portal-sandbox")))).isEmpty();
    // The build's own models are reviewed code (the monthly reports start by timer).
    assertThat(check(timer, ModelChecker.Deployer.BUILD)).isEmpty();
  }

  @Test
  void aCallActivityMayOnlyCallItsOwnModule() {
    assertThat(check(process("portal-sandbox", "<bpmn:callActivity id=\"Call_Other\" calledElement=\"incoming-document\"/>"),
        DESIGNER)).extracting(ModelChecker.Problem::elementId, ModelChecker.Problem::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Call_Other", "call-activity"));
  }

  @Test
  void decisionTablesInAScriptLanguageAreRefused() {
    String dmn = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\""
        + " namespace=\"urn:test\"><decision id=\"portal-evil\" name=\"e\"><decisionTable id=\"Table_Evil\">"
        + "<input id=\"Input_Evil\"><inputExpression id=\"Expr_Evil\" typeRef=\"string\""
        + " expressionLanguage=\"javascript\"><text>java.lang.Runtime</text></inputExpression></input>"
        + "</decisionTable></decision></definitions>";
    assertThat(CHECKER.check("portal-evil.dmn", dmn.getBytes(StandardCharsets.UTF_8), DESIGNER))
        .extracting(ModelChecker.Problem::elementId, ModelChecker.Problem::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Expr_Evil", "script"));
  }

  @Test
  void doctypesAreNotRead() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&x;</bpmn:definitions>";
    assertThat(check(xxe, DESIGNER)).extracting(ModelChecker.Problem::rule).containsExactly("xml");
  }
}
