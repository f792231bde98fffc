package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deadline table, row by row: urgency (độ khẩn) to working days. */
class PlatformCheckDeadlineDecisionTest {
  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("dmn/platform/platform-check-deadline.dmn"))) {
      decision = dmn.parseDecision("platform-check-deadline", in);
    }
  }

  @ParameterizedTest(name = "{0} → {1} working days")
  @CsvSource({"hoa-toc, 0", "thuong-khan, 0", "khan, 2", "thuong, 5", "'', 5"})
  void workingDaysByUrgency(String urgency, int days) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("urgency", urgency);
    assertThat((Object) dmn.evaluateDecisionTable(decision, vars).getSingleEntry()).isEqualTo(days);
  }

  @ParameterizedTest(name = "missing urgency → {0} working days")
  @CsvSource({"5"})
  void missingUrgencyIsOrdinary(int days) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("urgency", null);
    assertThat((Object) dmn.evaluateDecisionTable(decision, vars).getSingleEntry()).isEqualTo(days);
  }
}
