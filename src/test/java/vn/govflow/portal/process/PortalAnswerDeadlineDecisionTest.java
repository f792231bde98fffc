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

/**
 * The answer-deadline table (seed 003 Art 11), row by row: 5 working days in the own remit, 8 with several sectors,
 * the appointment (at most 10) in special cases. Form-js numbers arrive as Long or Double.
 */
class PortalAnswerDeadlineDecisionTest {
  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("dmn/portal/portal-answer-deadline.dmn"))) {
      decision = dmn.parseDecision("portal-answer-deadline", in);
    }
  }

  @ParameterizedTest(name = "{0}, appointment {1} ({2}) → {3}")
  @CsvSource(nullValues = "NULL", value = {
      "own-remit,    NULL, long,   5",
      "own-remit,    7,    long,   5",
      "multi-sector, NULL, long,   8",
      "multi-sector, 3,    long,   8",
      "special,      1,    long,   1",
      "special,      7,    long,   7",
      "special,      7,    double, 7",
      "special,      10,   long,   10",
      "special,      10,   double, 10",
      "special,      15,   long,   10",
      "special,      NULL, long,   NULL",
      "special,      0,    long,   NULL",
      "outside-remit,NULL, long,   NULL",
      "NULL,         NULL, long,   NULL"})
  void workingDays(String classification, Long appointmentDays, String numberType, Integer days) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("classification", classification);
    vars.put("appointmentDays", appointmentDays == null ? null
        : "double".equals(numberType) ? (Object) appointmentDays.doubleValue() : (Object) appointmentDays);
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, vars);
    if (days == null) {
      assertThat(result).isEmpty();
    } else {
      assertThat(result).hasSize(1);
      assertThat((Object) result.getSingleEntry()).isEqualTo(days);
    }
  }
}
