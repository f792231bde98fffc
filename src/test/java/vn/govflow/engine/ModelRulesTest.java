package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadline rule of the one rule set: a table expression passes, a fixed number of working days is warned. */
class ModelRulesTest {
  static String process(String due) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://govflow.vn">
          <bpmn:process id="portal-due" name="Hạn" isExecutable="true" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="StartEvent_Start"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Start" targetRef="Task_Check"/>
            <bpmn:userTask id="Task_Check" name="Kiểm tra" camunda:candidateGroups="skhcn-handler"
                camunda:formRef="portal-approve" camunda:formRefBinding="deployment" camunda:dueDate="%s"/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="EndEvent_End"/>
            <bpmn:endEvent id="EndEvent_End"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(due);
  }

  static List<ModelRules.Finding> findings(String due) {
    return ModelRules.bpmn("portal-due", "portal", process(due).getBytes(StandardCharsets.UTF_8), f -> true,
        d -> true);
  }

  @Test
  void aFixedNumberOfWorkingDaysIsWarnedAndTheTableIsNot() {
    List<ModelRules.Finding> fixed = findings("P5WD");
    assertThat(fixed).filteredOn(f -> f.rule().equals("govflow/fixed-due")).singleElement()
        .satisfies(f -> {
          assertThat(f.elementId()).isEqualTo("Task_Check");
          assertThat(f.severity()).isEqualTo(ModelRules.Severity.WARNING);
          assertThat(f.messageVi()).contains("P5WD", "độ khẩn");
        });
    assertThat(findings("${caseDeadlines.taskDue(execution)}")).noneMatch(f -> f.rule().equals("govflow/fixed-due"));
  }
}
