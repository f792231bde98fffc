package vn.govflow.designer;

import java.util.List;

/**
 * An extra check a model must pass before it is deployed from the designer, run both by "validate" and by
 * "deploy" so what the designer sees is what deployment enforces. Beans implementing it are collected in order.
 */
public interface DesignGate {
  /** The problems of {@code content} (the draft's bytes) for the model {@code key} of {@code kind}; empty if none. */
  List<DesignProblem> check(DesignKind kind, String key, byte[] content);

  /**
   * The same for an agency's variant ({@code agency} = its code, null for the province-wide model); a gate with
   * per-agency data (a variant's own table tests) overrides this one.
   */
  default List<DesignProblem> check(DesignKind kind, String key, String agency, byte[] content) {
    return check(kind, key, content);
  }
}
