package vn.govflow.tasks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;

/**
 * A person's inbox: tasks assigned to them and unclaimed tasks of their groups, overdue first, then by due
 * date. "Due soon" means due before the end of the next working day.
 */
@Service
public class TaskListService {
  static final int LIMIT = 500;
  private static final String BUSINESS_KEY = "\u0000businessKey";

  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final org.camunda.bpm.engine.HistoryService historyService;
  private final org.camunda.bpm.engine.FormService formService;
  private final IdentityDirectory directory;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final TaskGuardPlugin guard;
  private final java.util.List<vn.govflow.casework.CaseTexts> caseTexts;

  TaskListService(TaskService taskService, RepositoryService repositoryService, RuntimeService runtimeService,
                  org.camunda.bpm.engine.FormService formService,
                  org.camunda.bpm.engine.HistoryService historyService, IdentityDirectory directory,
                  WorkingDayCalendar calendar, @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone,
                  TaskGuardPlugin guard, java.util.List<vn.govflow.casework.CaseTexts> caseTexts) {
    this.guard = guard;
    this.caseTexts = caseTexts;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.formService = formService;
    this.historyService = historyService;
    this.directory = directory;
    this.calendar = calendar;
    this.zone = ZoneId.of(zone);
  }

  public List<TaskSummary> tasksFor(CurrentUser user) {
    List<String> groups = directory.groupIdsOf(user.username());
    var query = taskService.createTaskQuery().active().or().taskAssignee(user.username());
    if (!groups.isEmpty()) {
      query = query.taskCandidateGroupIn(groups);
    }
    List<Task> found = query.taskCandidateUser(user.username()).endOr().initializeFormKeys().orderByTaskCreateTime().asc()
        .listPage(0, LIMIT);
    Map<String, ProcessDefinition> definitions = definitions(found);
    Map<String, Map<String, Object>> caseVariables = caseVariables(found);
    Instant now = Instant.now();
    Instant soon = calendar.deadline(now, 1).dueAt().toInstant();
    return found.stream().map(t -> summary(t, definitions.get(t.getProcessDefinitionId()),
            caseVariables.getOrDefault(t.getProcessInstanceId(), Map.of()), now, soon))
        .sorted(Comparator.comparing((TaskSummary s) -> !s.urgent())
            .thenComparing(s -> !TaskSummary.OVERDUE.equals(s.dueState()))
            .thenComparing(TaskSummary::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskSummary::created))
        .toList();
  }

  /** The case-level variables every list shows (docs/process-conventions.md), in one query for all tasks. */
  private Map<String, Map<String, Object>> caseVariables(List<Task> tasks) {
    String[] ids = tasks.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull).distinct()
        .toArray(String[]::new);
    Map<String, Map<String, Object>> result = new java.util.HashMap<>();
    if (ids.length == 0) {
      return result;
    }
    for (int from = 0; from < ids.length; from += 500) {
      String[] chunk = java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + 500));
      runtimeService.createVariableInstanceQuery().processInstanceIdIn(chunk).variableNameIn("title", "urgency")
          .disableBinaryFetching().disableCustomObjectDeserialization().list()
          .forEach(v -> result.computeIfAbsent(v.getProcessInstanceId(), k -> new java.util.HashMap<>())
              .put(v.getName(), v.getValue()));
      runtimeService.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(List.of(chunk))).list()
          .forEach(pi -> result.computeIfAbsent(pi.getId(), k -> new java.util.HashMap<>())
              .put(BUSINESS_KEY, pi.getBusinessKey()));
    }
    return result;
  }

  /** Completes a task of the caller's after the engine's and the process's own checks. */
  public void complete(CurrentUser user, String taskId, Map<String, Object> variables) {
    Task task = visibleTask(user, taskId);
    if (task.getAssignee() == null) {
      throw new UserError(HttpStatus.CONFLICT, "task-not-claimed",
          "Hãy nhận xử lý công việc trước khi hoàn thành.", "Claim the task before completing it.");
    }
    // The same rules as the engine's API: the holder only, the form's fields only.
    TaskGuard.TaskFacts facts = guard.guard().facts(taskId);
    if (facts != null) {
      guard.guard().checkCompletion(user.username(), facts, variables);
    }
    try {
      TaskApiController.engineCall(() -> taskService.complete(taskId, variables));
    } catch (RuntimeException e) {
      // Two completions of one task at once: the loser may fail anywhere inside the engine (not always with an
      // optimistic-locking error; a subsystem's rule may refuse what the winner has just written, as a 400). Our
      // own attempt rolled back, so if the task is gone someone else completed it: tell the person so.
      if (!(e instanceof UserError ue && ue.status() == HttpStatus.CONFLICT)
          && taskService.createTaskQuery().taskId(taskId).count() == 0) {
        throw new UserError(HttpStatus.CONFLICT, "task-gone", "Công việc đã được hoàn thành hoặc không còn tồn tại.",
            "The task has already been completed or no longer exists.");
      }
      throw e;
    }
  }

  /**
   * The task's Camunda Form with the case's variables (options and current values), if it has one; its labels
   * and texts in the viewer's language (English from i18n/forms_en.properties, else the form's own).
   */
  public java.util.Optional<TaskForm> form(Task task, java.util.Locale locale) {
    if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
      return java.util.Optional.empty();
    }
    try (java.io.InputStream in = formService.getDeployedTaskForm(task.getId())) {
      Map<String, Object> variables = new java.util.HashMap<>(taskService.getVariables(task.getId()));
      variables.putAll(caseTexts(task));
      return java.util.Optional.of(TaskForm.parse(in, variables, zone, locale));
    } catch (org.camunda.bpm.engine.ProcessEngineException | java.io.IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** The case's long texts its forms show, from the subsystem's tables (see CaseTexts). */
  private Map<String, Object> caseTexts(Task task) {
    if (caseTexts.isEmpty() || task.getProcessInstanceId() == null) {
      return Map.of();
    }
    String key = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    for (vn.govflow.casework.CaseTexts texts : caseTexts) {
      if (texts.processKey().equals(key)) {
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
            .singleResult();
        return instance == null || instance.getBusinessKey() == null ? Map.of()
            : texts.texts(instance.getBusinessKey());
      }
    }
    return Map.of();
  }

  /**
   * The task if the person may work on it (theirs, or unclaimed in one of their groups). A task of their own
   * agency held by someone else is 403; anything else (another agency's, or none) is 404, revealing nothing.
   */
  public Task visibleTask(CurrentUser user, String taskId) {
    Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      // Completed a moment ago (another tab, a colleague): say so in the agency; reveal nothing outside it.
      HistoricTaskInstance done = taskId == null ? null
          : historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
      if (done != null && sameAgency(user, historicAgency(done.getProcessInstanceId()))) {
        throw new UserError(HttpStatus.CONFLICT, "task-gone", "Công việc đã được hoàn thành hoặc không còn tồn tại.",
            "The task has already been completed or no longer exists.");
      }
      throw UserError.notFound();
    }
    boolean mine = user.username().equals(task.getAssignee()) || (task.getAssignee() == null
        && taskService.createTaskQuery().taskId(taskId).or().taskCandidateUser(user.username())
            .taskCandidateGroupIn(withFallback(directory.groupIdsOf(user.username()))).endOr().count() > 0);
    if (mine) {
      return task;
    }
    Object agency = task.getProcessInstanceId() == null ? null
        : runtimeService.getVariable(task.getProcessInstanceId(), "agency");
    if (sameAgency(user, agency)) {
      throw new UserError(HttpStatus.FORBIDDEN, "task-not-yours", "Công việc này không giao cho bạn hoặc đang do"
          + " người khác xử lý.", "This task is not yours or someone else is working on it.");
    }
    throw UserError.notFound();
  }

  private boolean sameAgency(CurrentUser user, Object agencyShortName) {
    return agencyShortName != null && directory.agency(user.agencyCode())
        .map(a -> a.shortName().equals(agencyShortName)).orElse(false);
  }

  private Object historicAgency(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    HistoricVariableInstance v = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName("agency").singleResult();
    return v == null ? null : v.getValue();
  }

  private static List<String> withFallback(List<String> groups) {
    // An empty IN list is not valid SQL; a group nobody has keeps the query meaningful.
    return groups.isEmpty() ? List.of("-none-") : groups;
  }

  /** Claims a task of the person's groups; when a colleague got there first, 409 names who has it. */
  public void claim(CurrentUser user, String taskId) {
    try {
      visibleTask(user, taskId);
    } catch (UserError e) {
      if (e.status() == HttpStatus.FORBIDDEN) {
        throwIfClaimedByOther(user, taskId);
      }
      throw e;
    }
    TaskApiController.engineCall(() -> taskService.claim(taskId, user.username()));
  }

  private void throwIfClaimedByOther(CurrentUser user, String taskId) {
    Task current = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (current != null && current.getAssignee() != null && !current.getAssignee().equals(user.username())) {
      String who = directory.person(current.getAssignee()).map(vn.govflow.identity.Person::fullName)
          .orElse(current.getAssignee());
      throw new UserError(HttpStatus.CONFLICT, "task-claimed", "Công việc đã được " + who + " nhận xử lý.",
          "Already claimed by " + who + ".");
    }
  }

  /**
   * A leader gives several of their tasks (theirs or their groups') to one person of their agency at once.
   * All or nothing: every task is checked before any is assigned.
   */
  @org.springframework.transaction.annotation.Transactional
  public int assign(CurrentUser leader, List<String> taskIds, String assignee) {
    if (!(leader.hasRole(vn.govflow.identity.Roles.HEAD) || leader.hasRole(vn.govflow.identity.Roles.DEPUTY_HEAD)
        || leader.hasRole(vn.govflow.identity.Roles.DEPARTMENT_HEAD))) {
      throw UserError.forbidden("Chỉ lãnh đạo được giao nhiều công việc một lúc.",
          "Only leaders can assign several tasks at once.");
    }
    if (taskIds == null || taskIds.isEmpty() || taskIds.size() > 200) {
      throw UserError.badRequest("tasks-selection", "Chọn từ 1 đến 200 công việc.", "Select 1 to 200 tasks.");
    }
    boolean staff = assignee != null && directory.person(assignee)
        .filter(p -> p.active() && vn.govflow.identity.Person.KIND_PERSON.equals(p.kind())
            && leader.agencyCode().equals(p.agencyCode())).isPresent();
    if (!staff) {
      throw UserError.badRequest("tasks-assignee", "Chọn người nhận thuộc cơ quan.",
          "Choose a person of your agency.");
    }
    List<Task> selected = taskIds.stream().distinct().map(id -> visibleTask(leader, id)).toList();
    for (Task t : selected) {
      TaskApiController.engineCall(() -> taskService.setAssignee(t.getId(), assignee));
    }
    return selected.size();
  }

  public void unclaim(CurrentUser user, String taskId) {
    Task task = visibleTask(user, taskId);
    if (!user.username().equals(task.getAssignee())) {
      throw new UserError(HttpStatus.FORBIDDEN, "task-not-yours",
          "Công việc này đang do người khác xử lý.", "This task is assigned to someone else.");
    }
    TaskApiController.engineCall(() -> taskService.setAssignee(taskId, null));
  }

  private Map<String, ProcessDefinition> definitions(List<Task> tasks) {
    String[] ids = tasks.stream().map(Task::getProcessDefinitionId).filter(java.util.Objects::nonNull).distinct()
        .toArray(String[]::new);
    if (ids.length == 0) {
      return Map.of();
    }
    return repositoryService.createProcessDefinitionQuery().processDefinitionIdIn(ids).list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
  }

  private TaskSummary summary(Task t, ProcessDefinition def, Map<String, Object> vars, Instant now, Instant soon) {
    OffsetDateTime due = toOffset(t.getDueDate());
    String state = due == null ? TaskSummary.NO_DEADLINE
        : due.toInstant().isBefore(now) ? TaskSummary.OVERDUE
        : !due.toInstant().isAfter(soon) ? TaskSummary.DUE_SOON : TaskSummary.ON_TIME;
    return new TaskSummary(t.getId(), t.getName(), def == null ? null : def.getKey(),
        def == null ? null : (def.getName() != null ? def.getName() : def.getKey()),
        (String) vars.get(BUSINESS_KEY), t.getProcessInstanceId(), (String) vars.get("title"),
        (String) vars.get("urgency"), t.getAssignee(), toOffset(t.getCreateTime()), due, state);
  }

  private OffsetDateTime toOffset(Date d) {
    return d == null ? null : d.toInstant().atZone(zone).toOffsetDateTime();
  }
}
