package vn.govflow.engine;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.govflow.identity.Roles;

/**
 * The engine authorizations GovFlow's roles need, created once and kept (idempotent at every start). Staff
 * reach tasks through candidate groups (the engine grants those per task); these are the standing grants.
 */
@Component
class EngineAuthorizations {
  private final AuthorizationService authorizations;

  EngineAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensure() {
    for (String role : Roles.ALL) {
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    for (String role : new String[] {Roles.PROCESS_DESIGNER, Roles.HEAD, Roles.DEPUTY_HEAD}) {
      grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    String designer = Roles.PROCESS_DESIGNER;
    grant(designer, Resources.DEPLOYMENT, Authorization.ANY, Permissions.ALL);
    grant(designer, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.ALL);
    grant(designer, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.ALL);
    grant(designer, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.ALL);
    grant(designer, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
    grant(designer, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY,
        org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    long existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count();
    if (existing > 0) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.addPermission(permission);
    authorizations.saveAuthorization(a);
  }
}
