package vn.govflow.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The deployment diff a designer's audit keeps: elements by id, and a unified text diff. */
class DesignDiffTest {
  @Test
  void namesElementsAddedRemovedAndChangedAndIgnoresLayout() {
    String before = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="D">
          <bpmn:process id="p">
            <bpmn:userTask id="Task_A" name="A"/>
            <bpmn:userTask id="Task_Gone" name="G"/>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="p"/></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
    String after = before.replace("name=\"A\"", "name=\"A2\"").replace("<bpmn:userTask id=\"Task_Gone\" name=\"G\"/>",
        "<bpmn:userTask id=\"Task_New\" name=\"N\"/>").replace("bpmnElement=\"p\"", "bpmnElement=\"p\" x=\"1\"");
    DesignDiff.Result r = DesignDiff.of(DesignKind.BPMN, before.getBytes(StandardCharsets.UTF_8),
        after.getBytes(StandardCharsets.UTF_8));
    assertThat(r.added()).containsExactly("Task_New");
    assertThat(r.removed()).containsExactly("Task_Gone");
    assertThat(r.changed()).containsExactly("Task_A");
    assertThat(r.unified()).startsWith("--- deployed\n+++ draft\n@@ -1,")
        .contains("\n-    <bpmn:userTask id=\"Task_A\" name=\"A\"/>\n", "\n+    <bpmn:userTask id=\"Task_A\" name=\"A2\"/>\n");
    assertThat(DesignDiff.of(DesignKind.BPMN, before.getBytes(StandardCharsets.UTF_8),
        before.getBytes(StandardCharsets.UTF_8)).summary()).isEqualTo("no change");
  }

  @Test
  void setsTheVersionTagOnTheProcessOnly() {
    String xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"><bpmn:process id=\"x-p\" isExecutable=\"true\">"
        + "<bpmn:userTask id=\"T\"/></bpmn:process></bpmn:definitions>";
    String tagged = DesignDeployment.tagged(DesignKind.BPMN, "x-p", xml, "2026.1");
    assertThat(tagged).contains("<bpmn:process id=\"x-p\" isExecutable=\"true\" camunda:versionTag=\"2026.1\">");
    assertThat(DesignDeployment.tagged(DesignKind.BPMN, "x-p", tagged, "2026.2"))
        .contains("camunda:versionTag=\"2026.2\"").doesNotContain("2026.1");
  }

  @Test
  void aDecisionOrFormGoesOutWithTheProcessesThatUseIt() {
    String xml = "<bpmn:userTask id=\"T\" camunda:formRef=\"portal-triage\" camunda:dueDate=\"${caseDeadlines.taskDue(execution)}\"/>"
        + "<bpmn:businessRuleTask id=\"R\" camunda:decisionRef=\"portal-question-routing\"/>";
    assertThat(DesignDeployment.uses(xml, DesignKind.FORM, "portal-triage")).isTrue();
    assertThat(DesignDeployment.uses(xml, DesignKind.FORM, "portal-draft")).isFalse();
    assertThat(DesignDeployment.uses(xml, DesignKind.DMN, "portal-question-routing")).isTrue();
    assertThat(DesignDeployment.uses(xml, DesignKind.DMN, "portal-task-deadline")).isTrue();
    assertThat(DesignDeployment.uses(xml, DesignKind.DMN, "portal-answer-deadline")).isFalse();
  }
}
