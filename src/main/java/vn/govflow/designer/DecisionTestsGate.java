package vn.govflow.designer;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.govflow.designer.DecisionTestRunner.Result;
import vn.govflow.designer.DecisionTestRunner.Run;
import vn.govflow.designer.DecisionTests.Tests;

/**
 * A decision table is deployed only while its own tests pass (issue #10): validate and deploy both run the
 * province-wide tests (the designer's newest draft of them, else the shipped file) against the draft table. A
 * failing case is an error at the rule that gave the wrong output, or at the decision when no rule matched.
 */
@Component
class DecisionTestsGate implements DesignGate {
  static final String RULE = "dmn-test";
  private final DecisionTests tests;

  DecisionTestsGate(DecisionTests tests) {
    this.tests = tests;
  }

  @Override
  public List<DesignProblem> check(DesignKind kind, String key, byte[] content) {
    return check(kind, key, null, content);
  }

  /** A variant's own tests when it has a draft of them, else the province-wide ones (DecisionTests.current). */
  @Override
  public List<DesignProblem> check(DesignKind kind, String key, String agency, byte[] content) {
    if (kind != DesignKind.DMN || key == null || !DecisionTests.KEY.matcher(key).matches()) {
      return List.of();
    }
    Tests current = tests.current(key, agency);
    if (current.cases().isEmpty()) {
      return List.of(DesignProblem.warning(key, RULE, "Bảng quyết định chưa có kiểm thử nào (dữ liệu vào → kết "
          + "quả mong đợi).", "The decision table has no tests yet (inputs → expected outputs)."));
    }
    Run run = tests.run(key, content, current.cases());
    List<DesignProblem> problems = new ArrayList<>();
    if (run.errorVi() != null) {
      problems.add(DesignProblem.error(key, RULE, run.errorVi(), run.errorEn()));
    }
    for (Result r : run.results()) {
      if (!r.ok()) {
        problems.add(DesignProblem.error(r.ruleId() == null ? key : r.ruleId(), RULE, r.messageVi(), r.messageEn()));
      }
    }
    return problems;
  }
}
