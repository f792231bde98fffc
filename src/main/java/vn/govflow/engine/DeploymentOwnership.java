package vn.govflow.engine;

import java.util.Optional;

/**
 * Who may deploy a person's new deployment, checked by the engine's {@link DeploymentCheck} on every deployment a
 * person makes (only the designer's endpoint, see {@link DesignerOnlyDeployments}): a province-wide deployment (no
 * tenant) or an agency's variant (tenant = the agency code). Implemented by the designer module.
 */
public interface DeploymentOwnership {
  /** Empty when {@code userId} may deploy for {@code tenantId} (null: province-wide); else {vi, en} of the refusal. */
  Optional<String[]> refusal(String userId, String tenantId);
}
