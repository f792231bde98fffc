package vn.govflow.identity;

/**
 * A group as the engine sees it. Types: ROLE (a role province-wide, e.g. "process-designer"),
 * AGENCY ("skhcn"), AGENCY_ROLE ("skhcn-clerk": what processes use as candidate groups), DEPARTMENT
 * ("skhcn-cds") and SYSTEM ("camunda-admin", the engine's built-in administrators).
 */
public record EngineGroup(String id, String name, String type) {
  public static final String CAMUNDA_ADMIN = "camunda-admin";
}
