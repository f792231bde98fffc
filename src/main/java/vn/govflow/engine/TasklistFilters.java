package vn.govflow.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.govflow.identity.Agency;
import vn.govflow.identity.EngineGroup;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * Camunda Tasklist's filters, created at every start when missing (found by owner and name, so a start never
 * duplicates one and an administrator's edit stays). Without a filter Tasklist shows "No filter available" and no
 * task. The engine's hardening forbids expressions in stored queries ({@code currentUser()}), so the filters name
 * their people: each person has "Việc của tôi" (tasks assigned to them), readable by them alone; each agency has
 * "Việc của nhóm tôi" (tasks offered to the agency's groups and departments, not yet taken), readable by the
 * agency's group. Only administrators may create or change filters (nobody else holds FILTER CREATE/UPDATE).
 * A person or agency added later gets theirs at the next start.
 */
@Component
class TasklistFilters {
  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
  static final String MINE = "Việc của tôi";
  static final String MY_GROUPS = "Việc của nhóm tôi";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final IdentityDirectory directory;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                  IdentityDirectory directory) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.directory = directory;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensure() {
    int created = 0;
    for (Person p : directory.people()) {
      if (p.active() && Person.KIND_PERSON.equals(p.kind())) {
        created += ensure(MINE, p.username(), "My tasks: assigned to me", -10,
            tasks.createTaskQuery().taskAssignee(p.username()), p.username(), null);
      }
    }
    for (Agency a : directory.agencies()) {
      String[] groups = directory.groups().stream()
          .filter(g -> groupOfAgency(g, a))
          .map(EngineGroup::id).toArray(String[]::new);
      if (groups.length > 0) {
        created += ensure(MY_GROUPS, a.shortName(), "My groups' tasks: offered to my agency's groups, not yet taken",
            -5, tasks.createTaskQuery().taskCandidateGroupIn(List.of(groups)).taskUnassigned(), null, a.shortName());
      }
    }
    if (created > 0) {
      log.info("Created {} Tasklist filters", created);
    }
  }

  private boolean groupOfAgency(EngineGroup g, Agency a) {
    return switch (g.type()) {
      case "AGENCY" -> g.id().equals(a.shortName());
      case "AGENCY_ROLE" -> g.id().startsWith(a.shortName() + "-");
      case "DEPARTMENT" -> directory.department(g.id()).map(d -> d.agencyCode().equals(a.code())).orElse(false);
      default -> false;
    };
  }

  /**
   * Creates the filter {@code name} unless its reader has one; grants READ to the reader. A person's filter is
   * owned by them (Camunda then grants its owner every permission on it); an agency's has no owner (an owner must
   * be a user) and is found by its group's grant.
   */
  private int ensure(String name, String key, String descriptionEn, int priority, TaskQuery query, String user,
                     String group) {
    String owner = user;
    List<Filter> existing = user != null
        ? filters.createTaskFilterQuery().filterName(name).filterOwner(user).list()
        : filters.createTaskFilterQuery().filterName(name).list().stream()
            .filter(f -> f.getOwner() == null && authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.FILTER)
                .resourceId(f.getId()).groupIdIn(group).count() > 0)
            .toList();
    Filter filter;
    int created = 0;
    if (existing.isEmpty()) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", descriptionEn);
      properties.put("priority", priority);
      properties.put("refresh", true);
      filter = filters.newTaskFilter(name).setOwner(owner).setQuery(query).setProperties(properties);
      filters.saveFilter(filter);
      created = 1;
    } else {
      filter = existing.get(0);
    }
    var granted = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(Resources.FILTER).resourceId(filter.getId());
    if ((user != null ? granted.userIdIn(user) : granted.groupIdIn(group)).count() == 0) {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      if (user != null) {
        read.setUserId(user);
      } else {
        read.setGroupId(group);
      }
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.setPermissions(new Permission[] {Permissions.READ});
      authorizations.saveAuthorization(read);
    }
    return created;
  }
}
