package vn.govflow.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.govflow.identity.Agency;

/**
 * Starting a case and moving it between agencies: the one place that writes the convention variables
 * (docs/process-conventions.md), so the SLA pages, reminders and notifications find every subsystem's cases the
 * same way, and the engine's task guard can treat them as GovFlow's own.
 */
@Component
public class Cases {
  /** The variables every case carries; only GovFlow writes them (the task guard refuses them to everyone). */
  public static final List<String> CONVENTION_VARIABLES = List.of("agency", "agencyCode", "title", "urgency", "dueAt");
  /** Lists show one line; a longer title is cut with an ellipsis. */
  static final int TITLE_MAX = 250;

  private final RuntimeService runtime;
  private final RepositoryService repository;

  public Cases(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  /**
   * Starts the case's process with its business key and the convention variables; returns the instance id. The
   * owning agency's own variant of the process (deployed from the designer with tenantId = the agency code) is
   * started when one exists, else the province-wide model (no tenant).
   */
  public String start(CaseStart start) {
    String key = start.type().processKey();
    ProcessInstantiationBuilder builder = runtime.createProcessInstanceByKey(key).businessKey(start.businessKey())
        .setVariables(variables(start));
    String agency = start.owner() == null ? null : start.owner().code();
    if (agency != null && hasVariant(key, agency)) {
      builder.processDefinitionTenantId(agency);
    } else {
      builder.processDefinitionWithoutTenantId();
    }
    return builder.execute().getId();
  }

  /** Does the agency have its own variant of the process? */
  public boolean hasVariant(String processKey, String agencyCode) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).tenantIdIn(agencyCode)
        .count() > 0;
  }

  /** The variables {@link #start} passes: the subsystem's own, then the id and the conventions over them. */
  public static Map<String, Object> variables(CaseStart start) {
    for (String name : CONVENTION_VARIABLES) {
      if (start.variables().containsKey(name)) {
        throw new IllegalArgumentException("A case's " + name + " comes from its CaseStart fields, not variables");
      }
    }
    Map<String, Object> vars = new HashMap<>(start.variables());
    vars.put(start.type().idVariable(), start.businessKey());
    vars.put("agency", start.owner() == null ? null : start.owner().shortName());
    vars.put("agencyCode", start.owner() == null ? null : start.owner().code());
    vars.put("title", title(start.title()));
    vars.put("urgency", start.urgency().code());
    vars.put("dueAt", start.dueAt());
    return vars;
  }

  /** Hands a running case to another agency: both names of the owner change together. */
  public static void moveTo(VariableScope execution, Agency agency) {
    execution.setVariable("agency", agency.shortName());
    execution.setVariable("agencyCode", agency.code());
  }

  static String title(String title) {
    return title.length() <= TITLE_MAX ? title : title.substring(0, TITLE_MAX - 1) + "…";
  }
}
