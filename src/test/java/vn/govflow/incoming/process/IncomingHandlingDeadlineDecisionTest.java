package vn.govflow.incoming.process;

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

/** The handling-deadline table, row by row: urgency (độ khẩn) and document type to working days. */
class IncomingHandlingDeadlineDecisionTest {
  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("dmn/incoming/incoming-handling-deadline.dmn"))) {
      decision = dmn.parseDecision("incoming-handling-deadline", in);
    }
  }

  @ParameterizedTest(name = "{0}, {1} → {2} working days (rule {3})")
  @CsvSource(nullValues = "NULL", value = {
      "hoa-toc,     cong-van,  0,  Rule_FlashUrgent",
      "thuong-khan, giay-moi,  0,  Rule_FlashUrgent",
      "hoa-toc,     cong-dien, 0,  Rule_FlashUrgent",
      "khan,        cong-van,  0,  Rule_FlashUrgent",
      "khan,        cong-dien, 0,  Rule_FlashUrgent",
      "thuong,      cong-dien, 1,  Rule_NormalTelegram",
      "NULL,        cong-dien, 1,  Rule_NormalTelegram",
      "thuong,      giay-moi,  2,  Rule_NormalInvitation",
      "thuong,      cong-van,  10, Rule_Normal",
      "thuong,      quyet-dinh,10, Rule_Normal",
      "thuong,      NULL,      10, Rule_Normal",
      "NULL,        NULL,      10, Rule_Normal"})
  void workingDays(String urgency, String documentType, int days, String rule) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("urgency", urgency);
    vars.put("documentType", documentType);
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, vars);
    assertThat(result).hasSize(1);
    assertThat((Object) result.getSingleEntry()).isEqualTo(days);
  }
}
