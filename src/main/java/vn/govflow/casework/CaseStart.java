package vn.govflow.casework;

import java.util.Date;
import java.util.Map;
import java.util.Objects;
import vn.govflow.identity.Agency;

/**
 * What starting a case needs: every variable docs/process-conventions.md requires is a field here, so a subsystem
 * cannot forget one.
 *
 * @param owner      the owning agency; null only for a case nobody owns yet (a portal question asked without
 *                   naming an agency, which the editors route), and then both {@code agency} and
 *                   {@code agencyCode} are set to null explicitly
 * @param dueAt      the case deadline when already known at the start (null: set later by the process)
 * @param variables  the subsystem's own variables (ids and short values only); they cannot override a convention
 *                   variable
 */
public record CaseStart(CaseType type, String businessKey, Agency owner, String title, Urgency urgency, Date dueAt,
                        Map<String, Object> variables) {
  public CaseStart {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(businessKey, "businessKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(urgency, "urgency");
    variables = variables == null ? Map.of() : variables;
  }
}
