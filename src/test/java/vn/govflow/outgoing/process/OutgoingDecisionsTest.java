package vn.govflow.outgoing.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outgoing tables row by row: who signs (Art 13.1), the case deadline, each step's deadline. */
class OutgoingDecisionsTest {
  static DmnEngine dmn;
  static DmnDecision signer;
  static DmnDecision deadline;
  static DmnDecision taskDeadline;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    signer = parse("outgoing-signer");
    deadline = parse("outgoing-deadline");
    taskDeadline = parse("outgoing-task-deadline");
  }

  static DmnDecision parse(String id) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("dmn/outgoing/" + id + ".dmn"))) {
      return dmn.parseDecision(id, in);
    }
  }

  @ParameterizedTest(name = "{0} of {1} → signed by the {2}")
  @CsvSource(nullValues = "NULL", value = {
      "cong-van,        000.00.12.H37, deputy",
      "giay-moi,        000.00.12.H37, deputy",
      "thong-bao,       000.00.01.H37, deputy",
      "bao-cao,         000.00.12.H37, deputy",
      "ke-hoach,        000.00.12.H37, deputy",
      "quyet-dinh,      000.00.12.H37, head",
      "nghi-quyet,      000.00.12.H37, head",
      "to-trinh,        000.00.12.H37, head",
      "quy-che,         000.00.12.H37, head",
      "hop-dong,        000.00.12.H37, head",
      "Nghị định,       000.00.12.H37, head",
      "Văn bản lạ,      NULL,          head"})
  void signer(String type, String agency, String who) {
    assertThat(single(signer, Map.of("documentType", type), agency)).isEqualTo(who);
  }

  @ParameterizedTest(name = "{0} {1} → {2} working days")
  @CsvSource(value = {
      "hoa-toc,     quyet-dinh, 1",
      "thuong-khan, cong-van,   2",
      "khan,        giay-moi,   3",
      "thuong,      giay-moi,   5",
      "thuong,      phieu-chuyen, 5",
      "thuong,      cong-van,   10",
      "thuong,      Luật,       10"})
  void caseDeadline(String urgency, String type, int days) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("urgency", urgency);
    vars.put("documentType", type);
    assertThat(single(deadline, vars, null)).isEqualTo(days);
  }

  @ParameterizedTest(name = "{0} ({1}) → {2} working days")
  @CsvSource(value = {
      "Task_Draft,            thuong,  5",
      "Task_Draft,            khan,    1",
      "Task_GiveOpinion,      thuong,  3",
      "Task_AgencyOpinion,    thuong,  3",
      "Task_GiveOpinion,      hoa-toc, 1",
      "Task_ReviewDepartment, thuong,  1",
      "Task_ReviewDeputy,     thuong,  1",
      "Task_Sign,             thuong,  1",
      "Task_Sign,             khan,    0",
      "Task_Issue,            thuong,  1",
      "Task_Issue,            thuong-khan, 0"})
  void stepDeadline(String task, String urgency, int days) {
    assertThat(single(taskDeadline, Map.of("taskId", task, "urgency", urgency), null)).isEqualTo(days);
  }

  private static Object single(DmnDecision decision, Map<String, Object> inputs, String agency) {
    Map<String, Object> vars = new HashMap<>(inputs);
    if (decision == signer) {
      vars.put("agencyCode", agency);
    }
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, vars);
    assertThat(result).isNotEmpty();
    return result.getFirstResult().getSingleEntry();
  }
}
