package vn.govflow.designer;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Runs a decision table's own tests against a DMN XML with a standalone DMN engine: nothing is deployed. The
 * engine is configured like the process engine's (its FEEL engine, its expression provider and its default
 * expression languages) when one is given, so a test sees what a running case would.
 */
public final class DecisionTestRunner {
  /** One test: the inputs (variable name → value) and the outputs expected of the first matching rule. */
  public record TestCase(String name, Map<String, Object> inputs, Map<String, Object> expected) {}

  /**
   * One test's outcome. {@code actual} holds the expected outputs' actual values (null where no rule matched);
   * {@code ruleId} is the first rule that matched, or null.
   */
  public record Result(String name, boolean ok, Map<String, Object> expected, Map<String, Object> actual,
                       String ruleId, String messageVi, String messageEn) {}

  /** All outcomes; {@code passed} when every case is ok. {@code error*} set when the table itself could not run. */
  public record Run(boolean passed, List<Result> results, String errorVi, String errorEn) {}

  private final DmnEngineConfiguration template;
  /** Evaluates inside whatever context the process engine's expression provider needs (a command context). */
  private final java.util.function.Function<Supplier<Run>, Run> around;

  /** A runner with the DMN engine's defaults (the build test: FEEL for entries, as the process engine uses). */
  public DecisionTestRunner() {
    this(null, Supplier::get);
  }

  /**
   * @param template the process engine's DMN configuration (its FEEL and expression providers are reused), or null
   * @param around   runs an evaluation inside the process engine's command context when needed
   */
  public DecisionTestRunner(DmnEngineConfiguration template, java.util.function.Function<Supplier<Run>, Run> around) {
    this.template = template;
    this.around = around;
  }

  /** Runs {@code cases} against the decision {@code key} in {@code dmnXml}. */
  public Run run(String key, byte[] dmnXml, List<TestCase> cases) {
    List<List<String>> matched = new ArrayList<>();
    DmnDecisionTableEvaluationListener listener = new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        if (key.equals(event.getDecision().getKey())) {
          matched.add(event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList());
        }
      }
    };
    DmnEngine engine = engine(listener);
    DmnDecision decision;
    try {
      decision = engine.parseDecision(key, new ByteArrayInputStream(dmnXml));
    } catch (RuntimeException e) {
      return new Run(false, List.of(), "Không đọc được bảng quyết định '" + key + "' để chạy kiểm thử: "
          + e.getMessage(), "The decision table '" + key + "' cannot be read to run its tests: " + e.getMessage());
    }
    return around.apply(() -> {
      List<Result> results = new ArrayList<>();
      for (TestCase c : cases) {
        matched.clear();
        Map<String, Object> inputs = c.inputs() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(c.inputs());
        try {
          DmnDecisionResult result = engine.evaluateDecision(decision, inputs);
          DmnDecisionResultEntries first = result.isEmpty() ? null : result.get(0);
          String rule = matched.stream().filter(l -> !l.isEmpty()).map(l -> l.get(0)).findFirst().orElse(null);
          results.add(compare(c, first, rule));
        } catch (RuntimeException e) {
          results.add(new Result(c.name(), false, c.expected(), Map.of(), null,
              "Trường hợp '" + c.name() + "': bảng không tính được với dữ liệu này: " + e.getMessage(),
              "Case '" + c.name() + "': the table cannot be evaluated with these inputs: " + e.getMessage()));
        }
      }
      return new Run(results.stream().allMatch(Result::ok), results, null, null);
    });
  }

  private DmnEngine engine(DmnDecisionTableEvaluationListener listener) {
    DefaultDmnEngineConfiguration c =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (template instanceof DefaultDmnEngineConfiguration t) {
      c.setElProvider(t.getElProvider());
      c.setFeelEngineFactory(t.getFeelEngineFactory());
      c.setDefaultInputExpressionExpressionLanguage(t.getDefaultInputExpressionExpressionLanguage());
      c.setDefaultInputEntryExpressionLanguage(t.getDefaultInputEntryExpressionLanguage());
      c.setDefaultOutputEntryExpressionLanguage(t.getDefaultOutputEntryExpressionLanguage());
      c.setDefaultLiteralExpressionLanguage(t.getDefaultLiteralExpressionLanguage());
      c.setEnableFeelLegacyBehavior(t.isEnableFeelLegacyBehavior());
    }
    // No scripts, ever: a draft runs here before any model check, and GovFlow's tables use FEEL (or JUEL, through
    // the engine's sandboxed expression manager) only.
    c.setScriptEngineResolver(language -> {
      throw new IllegalArgumentException("Scripts are not allowed in decision tables (" + language + ").");
    });
    c.customPostDecisionTableEvaluationListeners(List.of(listener));
    return c.buildEngine();
  }

  private static Result compare(TestCase c, DmnDecisionResultEntries first, String rule) {
    Map<String, Object> expected = c.expected() == null ? Map.of() : c.expected();
    Map<String, Object> actual = new LinkedHashMap<>();
    List<String> wrongVi = new ArrayList<>();
    List<String> wrongEn = new ArrayList<>();
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      Object value = first == null ? null : first.getEntry(e.getKey());
      actual.put(e.getKey(), value);
      if (!same(e.getValue(), value)) {
        wrongVi.add(e.getKey() + ": mong đợi " + show(e.getValue(), true) + ", thực tế " + show(value, true));
        wrongEn.add(e.getKey() + ": expected " + show(e.getValue(), false) + ", actual " + show(value, false));
      }
    }
    if (wrongVi.isEmpty()) {
      return new Result(c.name(), true, expected, actual, rule, "Trường hợp '" + c.name() + "': đạt.",
          "Case '" + c.name() + "': passed.");
    }
    String whereVi = rule == null ? " (không hàng nào khớp)" : " (hàng " + rule + ")";
    String whereEn = rule == null ? " (no rule matched)" : " (rule " + rule + ")";
    return new Result(c.name(), false, expected, actual, rule,
        "Trường hợp '" + c.name() + "' không đạt" + whereVi + ": " + String.join("; ", wrongVi) + ".",
        "Case '" + c.name() + "' failed" + whereEn + ": " + String.join("; ", wrongEn) + ".");
  }

  /** Equal as a designer means it: 5 = 5.0 = 5L; null = no value. */
  static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    if (expected instanceof Number a && actual instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    if (expected instanceof Number || actual instanceof Number) {
      return Objects.equals(String.valueOf(expected), String.valueOf(actual));
    }
    return Objects.equals(expected, actual);
  }

  private static String show(Object value, boolean vi) {
    if (value == null) {
      return vi ? "(không có)" : "(none)";
    }
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
