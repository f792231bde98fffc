package vn.govflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda tenants are labels only in GovFlow: an agency's variant of a process is deployed with tenantId = the
 * agency code so the engine keeps its versions apart from the shared model's (docs/decisions.md "Designer
 * ownership and agency variants"). The tenant check is off: with it, a signed-in person without tenant
 * memberships would see no instance or task of a variant, and a case moves between agencies (the portal routes
 * questions) while its instance keeps its definition's tenant. Who sees what stays with the authorizations.
 */
@Component
class EngineTenants extends AbstractProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantCheckEnabled(false);
  }
}
