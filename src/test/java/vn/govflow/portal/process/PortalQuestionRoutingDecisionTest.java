package vn.govflow.portal.process;

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

/** The routing table, row by row: the question's field (lĩnh vực) to the suggested agency. */
class PortalQuestionRoutingDecisionTest {
  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("dmn/portal/portal-question-routing.dmn"))) {
      decision = dmn.parseDecision("portal-question-routing", in);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(nullValues = "NULL", value = {
      "khoa-hoc-cong-nghe, skhcn",
      "chuyen-doi-so,      skhcn",
      "vien-thong,         skhcn",
      "thu-tuc-hanh-chinh, vpubnd",
      "dat-dai,            vpubnd",
      "dau-tu,             vpubnd",
      "thue,               vpubnd",
      "giao-duc,           vpubnd",
      "y-te,               vpubnd",
      "khac,               vpubnd",
      "NULL,               vpubnd"})
  void suggestedAgency(String field, String agency) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("field", field);
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, vars);
    assertThat(result).hasSize(1);
    assertThat((Object) result.getSingleEntry()).isEqualTo(agency);
  }
}
