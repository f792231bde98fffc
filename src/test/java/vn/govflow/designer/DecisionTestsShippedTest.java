package vn.govflow.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.govflow.designer.DecisionTestRunner.Result;
import vn.govflow.designer.DecisionTestRunner.Run;
import vn.govflow.designer.DecisionTestRunner.TestCase;

/**
 * Every shipped decision table has its own tests beside it (dmn/&lt;module&gt;/&lt;key&gt;.tests.json) and
 * passes them: a wrong table or a wrong test fails the build. The runner is the one the designer's "run tests"
 * and the deploy gate use.
 */
class DecisionTestsShippedTest {
  static final Path DMN = Path.of("dmn");

  static List<Path> tables() throws IOException {
    try (Stream<Path> files = Files.walk(DMN)) {
      return files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  static String key(Path table) {
    String name = table.getFileName().toString();
    return name.substring(0, name.length() - ".dmn".length());
  }

  @Test
  void everyShippedTableHasTestsAndPassesThem() throws IOException {
    List<Path> tables = tables();
    assertThat(tables).hasSizeGreaterThanOrEqualTo(8);
    DecisionTestRunner runner = new DecisionTestRunner();
    int cases = 0;
    for (Path table : tables) {
      Path tests = table.resolveSibling(key(table) + ".tests.json");
      assertThat(tests).as(table + " has its tests beside it").exists();
      List<TestCase> shipped = DecisionTests.shipped(key(table)).orElseThrow();
      assertThat(shipped).as(tests + " has cases").isNotEmpty();
      Run run = runner.run(key(table), Files.readAllBytes(table), shipped);
      assertThat(run.errorEn()).as(table.toString()).isNull();
      assertThat(run.results().stream().filter(r -> !r.ok()).map(Result::messageEn).toList())
          .as(table + " against " + tests).isEmpty();
      assertThat(run.passed()).isTrue();
      cases += shipped.size();
    }
    assertThat(cases).isGreaterThanOrEqualTo(40);
  }

  @Test
  void aWrongTableFailsItsTestsAtTheRuleInBothLanguages() throws IOException {
    Path table = DMN.resolve("portal/portal-answer-deadline.dmn");
    // A designer turns the 8 days for several sectors into 10 (seed 003 Art 11 says 8).
    String wrong = Files.readString(table).replace("<outputEntry id=\"Rule_MultiSector_out\"><text>8</text>",
        "<outputEntry id=\"Rule_MultiSector_out\"><text>10</text>");
    assertThat(wrong).isNotEqualTo(Files.readString(table));
    Run run = new DecisionTestRunner().run("portal-answer-deadline", wrong.getBytes(StandardCharsets.UTF_8),
        DecisionTests.shipped("portal-answer-deadline").orElseThrow());
    assertThat(run.passed()).isFalse();
    List<Result> failed = run.results().stream().filter(r -> !r.ok()).toList();
    assertThat(failed).hasSize(1);
    Result r = failed.get(0);
    assertThat(r.name()).contains("8 ngày");
    assertThat(r.ruleId()).isEqualTo("Rule_MultiSector");
    assertThat(r.actual()).isEqualTo(Map.of("workingDays", 10));
    assertThat(r.messageVi()).contains("không đạt", "mong đợi 8", "thực tế 10", "Rule_MultiSector");
    assertThat(r.messageEn()).contains("failed", "expected 8", "actual 10");
  }

  @Test
  void aWrongTestFailsToo() throws IOException {
    Path table = DMN.resolve("incoming/incoming-handling-deadline.dmn");
    Run run = new DecisionTestRunner().run("incoming-handling-deadline", Files.readAllBytes(table), List.of(
        new TestCase("khẩn mà 3 ngày (sai)", Map.of("urgency", "khan", "documentType", "cong-van"),
            Map.of("workingDays", 3))));
    assertThat(run.passed()).isFalse();
    assertThat(run.results().get(0).ruleId()).isEqualTo("Rule_FlashUrgent");
    assertThat(run.results().get(0).messageEn()).contains("expected 3, actual 0");
  }

  @Test
  void aScriptInADraftTableIsNeverRun() throws IOException {
    Path table = DMN.resolve("portal/portal-question-routing.dmn");
    String scripted = Files.readString(table).replace("<outputEntry id=\"Rule_Other_out\"><text>\"vpubnd\"</text>",
        "<outputEntry id=\"Rule_Other_out\" expressionLanguage=\"javascript\"><text>java.lang.System.exit(3)</text>");
    assertThat(scripted).contains("javascript");
    Run run = new DecisionTestRunner().run("portal-question-routing", scripted.getBytes(StandardCharsets.UTF_8),
        List.of(new TestCase("khác", new java.util.HashMap<>(java.util.Collections.singletonMap("field", "khac")),
            Map.of("suggestedAgency", "vpubnd"))));
    assertThat(run.passed()).isFalse();
    assertThat(run.results().get(0).messageEn()).contains("cannot be evaluated");
  }
}
