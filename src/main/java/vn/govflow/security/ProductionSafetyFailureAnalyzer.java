package vn.govflow.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import vn.govflow.security.ProductionSafetyCheck.ProductionSafetyException;

/** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" box instead of a stack trace. */
class ProductionSafetyFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSafetyException> {
  @Override
  protected FailureAnalysis analyze(Throwable root, ProductionSafetyException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the environment variables listed above (README, section Configuration), or run on localhost.", cause);
  }
}
