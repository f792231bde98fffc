package vn.govflow.engine;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.govflow.identity.EngineGroup;
import vn.govflow.identity.Roles;

/**
 * The engine authorizations GovFlow's roles need, made to match at every start (older databases converge: a grant
 * that says more than this is trimmed, a designer's grant on a resource not listed here is removed). Staff
 * reach tasks through candidate groups (the engine grants those per task); these are the standing grants.
 * Designers' standing grants are on definitions and deployments only; their own agency's instances, tasks,
 * variables and history are granted per case by {@link AgencyDesignerAuthorizationProvider}.
 */
@Component
class EngineAuthorizations {
  /** What designers hold on every resource id (ANY); any other designer grant on ANY is removed. */
  static final Map<Resource, Permission[]> DESIGNER = Map.of(
      Resources.APPLICATION, new Permission[] {Permissions.ACCESS},
      // No DELETE: removing a deployment (and, cascaded, its running cases) is the administrators' act.
      Resources.DEPLOYMENT, new Permission[] {Permissions.CREATE, Permissions.READ},
      Resources.PROCESS_DEFINITION, new Permission[] {Permissions.READ},
      Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ},
      Resources.DECISION_REQUIREMENTS_DEFINITION, new Permission[] {Permissions.READ});

  private final AuthorizationService authorizations;

  EngineAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensure() {
    // Camunda 7.24 gives its admin group no bypass: administrators act through grants of every permission on
    // every resource, as Camunda's own first-admin setup creates them (province-wide administrators).
    for (Resource resource : Resources.values()) {
      grant(EngineGroup.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    for (String role : Roles.ALL) {
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    for (String role : new String[] {Roles.PROCESS_DESIGNER, Roles.HEAD, Roles.DEPUTY_HEAD}) {
      grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    // Leaders see the province's process models in Cockpit (read only, as designers do); the instances they see
    // are their own agency's, granted per case by AgencyDesignerAuthorizationProvider.
    for (String role : new String[] {Roles.HEAD, Roles.DEPUTY_HEAD}) {
      grant(role, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    }
    String designer = Roles.PROCESS_DESIGNER;
    for (Authorization a : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(designer).list()) {
      if (!Authorization.ANY.equals(a.getResourceId())) {
        continue;
      }
      Permission[] wanted = DESIGNER.entrySet().stream().filter(e -> e.getKey().resourceType() == a.getResourceType())
          .map(Map.Entry::getValue).findFirst().orElse(null);
      if (wanted == null) {
        authorizations.deleteAuthorization(a.getId());
      } else if (!sameGrant(a, wanted)) {
        a.setPermissions(wanted);
        authorizations.saveAuthorization(a);
      }
    }
    DESIGNER.forEach((resource, permissions) -> {
      if (resource != Resources.APPLICATION) {
        grant(designer, resource, Authorization.ANY, permissions);
      }
    });
  }

  private static boolean sameGrant(Authorization a, Permission[] wanted) {
    Permission[] all = a.getPermissions(Permissions.values());
    Set<String> held = new HashSet<>();
    for (Permission p : all) {
      held.add(p.getName());
    }
    held.remove(Permissions.NONE.getName());
    Set<String> want = new HashSet<>();
    for (Permission p : wanted) {
      want.add(p.getName());
    }
    return !a.isEveryPermissionGranted() && held.equals(want);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    long existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count();
    if (existing > 0) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId(groupId);
    a.setResource(resource);
    a.setResourceId(resourceId);
    a.setPermissions(permissions);
    authorizations.saveAuthorization(a);
  }
}
