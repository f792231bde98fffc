package vn.govflow.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/**
 * The rules of acting on a task, whichever API is used (ours, the engine's REST API, Tasklist, Cockpit): only
 * the task's holder completes, resolves or delegates it; only a candidate claims it; a task takes only the fields
 * of its own Camunda Form; the variables that identify and govern a case are written by GovFlow alone. The
 * engine applies these through {@link TaskGuardPlugin}; our API calls {@link #checkCompletion} itself.
 */
public final class TaskGuard {
  /** Written only by GovFlow's own code (docs/process-conventions.md and the business keys' mirrors). */
  public static final Set<String> GOVERNING = Set.of("documentId", "questionId", "agency", "agencyCode", "dueAt",
      "title", "urgency");

  private final ProcessEngineConfigurationImpl engine;
  private final Function<String, Optional<String>> agencyOf;
  private final java.util.function.Supplier<Set<String>> moduleGoverning;

  /** agencyOf: an active person's agency code (empty for anyone else), from GovFlow's identity tables. */
  TaskGuard(ProcessEngineConfigurationImpl engine, Function<String, Optional<String>> agencyOf) {
    this(engine, agencyOf, Set::of);
  }

  /** moduleGoverning: the governing variables the subsystems declare with their task rules. */
  TaskGuard(ProcessEngineConfigurationImpl engine, Function<String, Optional<String>> agencyOf,
            java.util.function.Supplier<Set<String>> moduleGoverning) {
    this.engine = engine;
    this.agencyOf = agencyOf;
    this.moduleGoverning = moduleGoverning;
  }

  /** What the rules need to know about a task, read with the engine's authorization checks off. */
  public record TaskFacts(String taskId, String assignee, String processInstanceId, Set<String> candidateUsers,
                          Set<String> candidateGroups, Set<String> formFields) {
    boolean candidate(String userId, Collection<String> groups) {
      return candidateUsers.contains(userId) || groups.stream().anyMatch(candidateGroups::contains);
    }
  }

  /** The acting person as the engine knows them: id, groups, and whether they administer the engine. */
  public record Actor(String userId, Set<String> groups, boolean admin) {}

  /** The facts of a task, or null when there is no such task (the engine then answers as it always does). */
  public TaskFacts facts(String taskId) {
    if (taskId == null) {
      return null;
    }
    return engine.getCommandExecutorTxRequired().execute(new ReadFacts(taskId));
  }

  /** The engine's current authentication as an actor, or null when GovFlow itself is acting. */
  Actor currentActor() {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return null;
    }
    Set<String> groups = new LinkedHashSet<>();
    if (auth.getGroupIds() != null) {
      groups.addAll(auth.getGroupIds());
    }
    boolean admin = engine.getAdminUsers() != null && engine.getAdminUsers().contains(auth.getUserId())
        || engine.getAdminGroups() != null && groups.stream().anyMatch(engine.getAdminGroups()::contains);
    return new Actor(auth.getUserId(), groups, admin);
  }

  /**
   * Completing (or resolving, or submitting the form of) a task: the caller holds it, and the variables are
   * fields of its form and none of the case's governing variables.
   */
  public void checkCompletion(String userId, TaskFacts task, Map<String, ?> variables) {
    requireHolder(userId, task);
    checkFields(task, variables == null ? Set.of() : variables.keySet());
  }

  /** Setting or removing a task's variables (the task's own or its process's, through the task). */
  void checkTaskVariables(Actor actor, TaskFacts task, Collection<String> names) {
    checkGoverning(names);
    if (actor.admin()) {
      return;
    }
    requireHolder(actor.userId(), task);
    checkFields(task, names);
  }

  void checkClaim(Actor actor, TaskFacts task, String claimant) {
    if (claimant == null) {
      // TaskService.claim(id, null) hands the task back, as the engine's unclaim does.
      checkHandBack(actor, task);
      return;
    }
    // Held by someone else: the engine would refuse the claim with a server error; an administrator reassigns.
    if (task.assignee() != null && !task.assignee().equals(claimant)) {
      throw new UserError(HttpStatus.CONFLICT, "task-claimed", "Công việc đã có người nhận xử lý.",
          "Someone else already holds this task.");
    }
    if (actor.admin()) {
      return;
    }
    if (!claimant.equals(actor.userId())) {
      throw adminOnly();
    }
    if (task.assignee() == null && !task.candidate(actor.userId(), actor.groups())) {
      throw new UserError(HttpStatus.FORBIDDEN, "task-not-candidate", "Bạn không thuộc nhóm được nhận công việc này.",
          "You are not among the people or groups this task is offered to.");
    }
  }

  /**
   * Setting the assignee: administrators; anyone else may only hand back their own task to its pool (Tasklist's
   * "unclaim") or take an open one.
   */
  void checkAssign(Actor actor, TaskFacts task, String assignee) {
    if (actor.admin()) {
      return;
    }
    if (assignee == null) {
      checkHandBack(actor, task);
      return;
    }
    if (actor.userId().equals(assignee) && task.assignee() == null && task.candidate(actor.userId(), actor.groups())) {
      return;
    }
    throw adminOnly();
  }

  /**
   * Handing a task back (unclaim) through the engine: its holder, and only when it has candidates to go back to;
   * a task given to a person by name would otherwise be left with nobody able to take it.
   */
  void checkHandBack(Actor actor, TaskFacts task) {
    if (actor.admin()) {
      return;
    }
    if (task.assignee() == null || !task.assignee().equals(actor.userId())) {
      throw new UserError(HttpStatus.FORBIDDEN, "task-not-yours", "Chỉ người đang xử lý công việc mới trả lại được"
          + " công việc.", "Only the person holding a task can hand it back.");
    }
    if (task.candidateUsers().isEmpty() && task.candidateGroups().isEmpty()) {
      throw new UserError(HttpStatus.FORBIDDEN, "task-no-pool", "Công việc này được giao đích danh cho bạn, không có"
          + " nhóm để trả lại. Hãy đề nghị người giao việc giao lại.", "This task was given to you by name and has no"
          + " group to go back to. Ask whoever assigned it to reassign it.");
    }
  }

  /** Delegating: the holder, to an active colleague of the same agency (never sharing the case outside it). */
  /** Delegation is the holder's, administrators included (they reassign instead), and stays in the agency. */
  void checkDelegate(Actor actor, TaskFacts task, String delegate) {
    requireHolder(actor.userId(), task);
    Optional<String> mine = agencyOf.apply(actor.userId());
    if (delegate == null || mine.isEmpty() || !mine.equals(agencyOf.apply(delegate))) {
      throw new UserError(HttpStatus.BAD_REQUEST, "task-delegate-outside",
          "Chỉ ủy quyền công việc cho người đang công tác cùng cơ quan.",
          "A task can be delegated only to an active colleague of your agency.");
    }
  }

  void requireAdmin(Actor actor) {
    if (!actor.admin()) {
      throw adminOnly();
    }
  }

  void checkGoverning(Collection<String> names) {
    Set<String> governing = new TreeSet<>(names);
    Set<String> all = new java.util.HashSet<>(GOVERNING);
    all.addAll(moduleGoverning.get());
    governing.retainAll(all);
    if (!governing.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "task-variable-governed",
          "Không được sửa thông tin định danh, quản lý hồ sơ: " + String.join(", ", governing) + ".",
          "These identify and govern the case and are set by GovFlow only: " + String.join(", ", governing) + ".");
    }
  }

  private static void requireHolder(String userId, TaskFacts task) {
    if (task.assignee() == null) {
      throw new UserError(HttpStatus.CONFLICT, "task-not-claimed",
          "Hãy nhận xử lý công việc trước khi hoàn thành.", "Claim the task before completing it.");
    }
    if (!task.assignee().equals(userId)) {
      throw new UserError(HttpStatus.FORBIDDEN, "task-not-yours", "Công việc này không giao cho bạn hoặc đang do"
          + " người khác xử lý.", "This task is not yours or someone else is working on it.");
    }
  }

  private void checkFields(TaskFacts task, Collection<String> names) {
    checkGoverning(names);
    Set<String> extra = new TreeSet<>(names);
    extra.removeAll(task.formFields());
    if (!extra.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "task-field-not-in-form",
          "Biểu mẫu của công việc không có trường: " + String.join(", ", extra) + ".",
          "The task's form has no field: " + String.join(", ", extra) + ".");
    }
  }

  private static UserError adminOnly() {
    return new UserError(HttpStatus.FORBIDDEN, "task-admin-only",
        "Chỉ quản trị hệ thống được giao việc, đổi người xử lý hoặc sửa thuộc tính công việc trên giao diện của"
            + " máy quy trình. Lãnh đạo giao việc trong GovFlow.",
        "Only administrators may assign tasks, change who is linked to them or change their properties through"
            + " the engine's API. Leaders assign work in GovFlow.");
  }

  /** Reads a task's holder, candidates and form fields inside the engine, its authorization checks off. */
  private record ReadFacts(String taskId) implements Command<TaskFacts> {
    @Override
    public TaskFacts execute(CommandContext context) {
      context.disableAuthorizationCheck();
      try {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
          return null;
        }
        Set<String> users = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : task.getIdentityLinks()) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
            if (link.getUserId() != null) {
              users.add(link.getUserId());
            }
            if (link.getGroupId() != null) {
              groups.add(link.getGroupId());
            }
          }
        }
        return new TaskFacts(taskId, task.getAssignee(), task.getProcessInstanceId(), users, groups,
            formFields(context, task));
      } finally {
        context.enableAuthorizationCheck();
      }
    }

    /** The keys of the task's Camunda Form (a dynamic list by its path); none when it has no such form. */
    private static Set<String> formFields(CommandContext context, TaskEntity task) {
      if (task.getTaskDefinition() == null || task.getTaskDefinition().getCamundaFormDefinitionKey() == null) {
        return Set.of();
      }
      try (InputStream in = new GetDeployedTaskFormCmd(task.getId()).execute(context)) {
        Set<String> keys = new TreeSet<>();
        for (TaskForm.Field f : TaskForm.parse(in, Map.of()).fields()) {
          if (f.key() != null) {
            keys.add(f.key());
          }
        }
        return keys;
      } catch (IOException | RuntimeException e) {
        // No readable form: no field is accepted (closed, not open).
        return Set.of();
      }
    }
  }
}
