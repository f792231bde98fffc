package vn.govflow.designer;

/**
 * One problem found in a model, shown on the diagram at its element. {@code elementId} is the BPMN/DMN element or
 * form component id, or null for the model as a whole; {@code rule} names the rule (e.g. {@code bpmnlint/…},
 * {@code camunda-7.24/history-ttl}, {@code govflow/delegate-module}, {@code engine-parse}, {@code dmn-test}).
 */
public record DesignProblem(String elementId, String rule, Severity severity, String messageVi, String messageEn) {
  public enum Severity {
    /** Deployment is refused while it stands. */
    ERROR,
    /** Shown, deployment allowed. */
    WARNING
  }

  public static DesignProblem error(String elementId, String rule, String messageVi, String messageEn) {
    return new DesignProblem(elementId, rule, Severity.ERROR, messageVi, messageEn);
  }

  public static DesignProblem warning(String elementId, String rule, String messageVi, String messageEn) {
    return new DesignProblem(elementId, rule, Severity.WARNING, messageVi, messageEn);
  }
}
