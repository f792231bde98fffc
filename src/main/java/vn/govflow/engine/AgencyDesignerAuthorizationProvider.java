package vn.govflow.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import vn.govflow.identity.Agency;
import vn.govflow.identity.EngineGroup;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

/**
 * Camunda's default task grants plus read-only grants for the designers of the agency that owns a case
 * (issue #14: designers see instances, tasks and variables of their own agency only). Camunda tenants do not fit:
 * a portal question moves between agencies within one instance.
 *
 * <p>A task is granted to the designer group {@code <agency>-process-designer} when it is offered to that
 * agency's people (a candidate group of the agency or one of its departments, or an assignee or candidate user
 * working there) and the case's governing variable ({@code agency}, else {@code agencyCode}) names the same
 * agency. Both must hold: the variable alone would show a portal question to the agency its asker addressed
 * before the editors accept and route it (our API shows it to nobody there until then); the people alone would
 * let a model offer one agency's case to another's groups. The grant is READ and READ_VARIABLE on the task and
 * its history, and READ on the instance and its history; the instance's grants of other agencies' designers are
 * withdrawn then, as the case has moved to this agency (their grants on tasks their agency worked stay).
 *
 * <p>Camunda calls {@code newTask} when the task is inserted, before its candidates and assignee are set, so the
 * grant is made from the assignee and identity-link hooks. {@code newProcessInstance} is called before the start
 * variables are set, so an instance is granted with its first task of the agency.
 */
class AgencyDesignerAuthorizationProvider extends DefaultAuthorizationProvider {
  static final String DESIGNER_GROUP_SUFFIX = "-" + Roles.PROCESS_DESIGNER;

  private final IdentityDirectory directory;

  AgencyDesignerAuthorizationProvider(IdentityDirectory directory) {
    this.directory = directory;
  }

  /**
   * Groups of an agency that read its cases, read-only: its process designers, and its head and deputy heads
   * (leaders follow their agency's cases in Cockpit; issue #13 item 22).
   */
  static final List<String> READER_ROLES = List.of(Roles.PROCESS_DESIGNER, Roles.HEAD, Roles.DEPUTY_HEAD);

  /** The designer group of an agency (short name). */
  static String designerGroup(String agencyShortName) {
    return agencyShortName + DESIGNER_GROUP_SUFFIX;
  }

  /** The agency-role groups that read the agency's cases (see {@link #READER_ROLES}). */
  static List<String> readerGroups(String agencyShortName) {
    return READER_ROLES.stream().map(r -> agencyShortName + "-" + r).toList();
  }

  /** Exactly an agency's reader group ("skhcn-head"), never "skhcn-department-head" or a province-wide role. */
  private boolean isReaderGroup(String groupId) {
    return directory.agencies().stream().anyMatch(a -> readerGroups(a.shortName()).contains(groupId));
  }

  /**
   * Camunda grants the person who deploys ALL on that deployment, DELETE included, and deleting a deployment
   * cascades to its running cases: that stays the administrators' act (designers read every deployment anyway).
   */
  @Override
  public AuthorizationEntity[] newDeployment(org.camunda.bpm.engine.repository.Deployment deployment) {
    return new AuthorizationEntity[0];
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return with(super.newTaskAssignee(task, oldAssignee, newAssignee), task, agencyOfUser(newAssignee));
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return with(super.newTaskOwner(task, oldOwner, newOwner), task, agencyOfUser(newOwner));
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    return with(super.newTaskUserIdentityLink(task, userId, type), task, agencyOfUser(userId));
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return with(super.newTaskGroupIdentityLink(task, groupId, type), task, agencyOfGroup(groupId));
  }

  /**
   * The designer grants of a task that is offered to {@code offeredTo}, when that agency owns its case; empty
   * otherwise. New entities have no id; entities already stored come back with the missing permissions added.
   */
  List<AuthorizationEntity> designerGrants(TaskEntity task, Optional<String> offeredTo) {
    Optional<String> owner = owningAgency(task);
    if (offeredTo.isEmpty() || owner.isEmpty() || !offeredTo.equals(owner) || task.getId() == null) {
      return List.of();
    }
    List<AuthorizationEntity> grants = new ArrayList<>();
    boolean historic = isHistoricInstancePermissionsEnabled();
    String instance = task.getProcessInstanceId();
    if (instance != null
        && getGrantAuthorizationByGroupId(designerGroup(owner.get()), Resources.PROCESS_INSTANCE, instance) == null) {
      withdrawOtherReaders(instance, owner.get());
    }
    // The designers read the case's tasks too; the leaders read the instance (and so, through its history, the
    // tasks' history) but get no task grant of ours: their groups are the tasks' candidate groups, whose grants
    // are Camunda's own (the work permission) and must stay exactly Camunda's.
    String designers = designerGroup(owner.get());
    grants.add(grant(designers, Resources.TASK, task.getId(), null, TaskPermissions.READ,
        TaskPermissions.READ_VARIABLE));
    if (historic) {
      grants.add(grant(designers, Resources.HISTORIC_TASK, task.getId(), task, HistoricTaskPermissions.READ,
          HistoricTaskPermissions.READ_VARIABLE));
    }
    for (String group : readerGroups(owner.get())) {
      if (instance != null) {
        grants.add(grant(group, Resources.PROCESS_INSTANCE, instance, null, Permissions.READ));
        if (historic) {
          grants.add(grant(group, Resources.HISTORIC_PROCESS_INSTANCE, instance, task,
              HistoricProcessInstancePermissions.READ));
        }
      }
    }
    return grants;
  }

  /** The agency (short name) that owns the task's case, from the variables only GovFlow writes. */
  Optional<String> owningAgency(TaskEntity task) {
    ExecutionEntity execution = task.getExecution();
    if (execution == null) {
      return Optional.empty();
    }
    if (execution.getVariable("agency") instanceof String shortName) {
      return directory.agencies().stream().map(Agency::shortName).filter(shortName::equals).findFirst();
    }
    if (execution.getVariable("agencyCode") instanceof String code) {
      return directory.agency(code).map(Agency::shortName);
    }
    return Optional.empty();
  }

  /** The agency (short name) a person works in. */
  Optional<String> agencyOfUser(String userId) {
    return directory.person(userId).filter(p -> p.active()).flatMap(p -> directory.agency(p.agencyCode()))
        .map(Agency::shortName);
  }

  /** The agency (short name) of an agency, agency-role or department group; none for province-wide groups. */
  Optional<String> agencyOfGroup(String groupId) {
    Optional<EngineGroup> group = directory.group(groupId);
    if (group.isEmpty()) {
      return Optional.empty();
    }
    return switch (group.get().type()) {
      case "AGENCY" -> Optional.of(groupId);
      case "AGENCY_ROLE" -> directory.agencies().stream().map(Agency::shortName)
          .filter(a -> Roles.ALL.stream().anyMatch(r -> groupId.equals(a + "-" + r))).findFirst();
      case "DEPARTMENT" -> directory.department(groupId).flatMap(d -> directory.agency(d.agencyCode()))
          .map(Agency::shortName);
      default -> Optional.empty();
    };
  }

  private AuthorizationEntity[] with(AuthorizationEntity[] defaults, Task task, Optional<String> offeredTo) {
    if (!(task instanceof TaskEntity entity) || offeredTo.isEmpty()) {
      return defaults;
    }
    List<AuthorizationEntity> grants = designerGrants(entity, offeredTo);
    if (grants.isEmpty()) {
      return defaults;
    }
    List<AuthorizationEntity> all = new ArrayList<>(defaults == null ? List.of() : Arrays.asList(defaults));
    all.addAll(grants);
    return all.toArray(new AuthorizationEntity[0]);
  }

  /**
   * The stored or pending grant of a group on a resource with these permissions added. A grant created earlier
   * in the same command (another link of the same task, a parallel task of the same instance) is merged by
   * {@link #createAuthorization}, which the database would otherwise refuse as a duplicate.
   */
  private AuthorizationEntity grant(String group, Resource resource, String resourceId, Task historyOf,
                                    Permission... permissions) {
    AuthorizationEntity existing = getGrantAuthorizationByGroupId(group, resource, resourceId);
    if (existing != null) {
      addPermissions(existing, permissions);
      return existing;
    }
    AuthorizationEntity created = createAuthorization(null, group, resource, resourceId, permissions);
    if (historyOf != null) {
      // History grants are removed with the instance's history (removal-time cleanup), as Camunda's own are.
      provideRemovalTime(created, historyOf);
    }
    return created;
  }

  /** Withdraws other agencies' readers' grants on an instance that now belongs to agency {@code keep}. */
  private void withdrawOtherReaders(String processInstanceId, String keep) {
    List<String> kept = readerGroups(keep);
    CommandContext context = Context.getCommandContext();
    context.runWithoutAuthorization(() -> {
      for (Resource resource : new Resource[] {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE}) {
        AuthorizationQueryImpl query = new AuthorizationQueryImpl();
        query.authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource).resourceId(processInstanceId);
        for (Authorization a : context.getAuthorizationManager().selectAuthorizationByQueryCriteria(query)) {
          if (a.getGroupId() != null && !kept.contains(a.getGroupId()) && isReaderGroup(a.getGroupId())) {
            context.getAuthorizationManager().delete((AuthorizationEntity) a);
          }
        }
      }
      return null;
    });
  }
}
