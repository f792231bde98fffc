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

  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final IdentityDirectory directory;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;

  TaskListService(TaskService taskService, RepositoryService repositoryService, RuntimeService runtimeService,
                  IdentityDirectory directory,
                  WorkingDayCalendar calendar, @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
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
    Instant now = Instant.now();
    Instant soon = calendar.deadline(now, 1).dueAt().toInstant();
    return found.stream().map(t -> summary(t, definitions.get(t.getProcessDefinitionId()), now, soon))
        .sorted(Comparator.comparing((TaskSummary s) -> !TaskSummary.OVERDUE.equals(s.dueState()))
            .thenComparing(TaskSummary::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskSummary::created))
        .toList();
  }

  /**
   * The task if the person may work on it (theirs, or unclaimed in one of their groups). A task of their own
   * agency held by someone else is 403; anything else (another agency's, or none) is 404, revealing nothing.
   */
  public Task visibleTask(CurrentUser user, String taskId) {
    Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
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
    boolean sameAgency = agency != null && directory.agency(user.agencyCode())
        .map(a -> a.shortName().equals(agency)).orElse(false);
    if (sameAgency) {
      throw new UserError(HttpStatus.FORBIDDEN, "task-not-yours", "Công việc này không giao cho bạn hoặc đang do"
          + " người khác xử lý.", "This task is not yours or someone else is working on it.");
    }
    throw UserError.notFound();
  }

  private static List<String> withFallback(List<String> groups) {
    // An empty IN list is not valid SQL; a group nobody has keeps the query meaningful.
    return groups.isEmpty() ? List.of("-none-") : groups;
  }

  public void claim(CurrentUser user, String taskId) {
    Task task = visibleTask(user, taskId);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
      throw new UserError(HttpStatus.CONFLICT, "task-claimed", "Công việc đã được người khác nhận xử lý.",
          "Someone else has already claimed this task.");
    }
    taskService.claim(taskId, user.username());
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

  private TaskSummary summary(Task t, ProcessDefinition def, Instant now, Instant soon) {
    OffsetDateTime due = toOffset(t.getDueDate());
    String state = due == null ? TaskSummary.NO_DEADLINE
        : due.toInstant().isBefore(now) ? TaskSummary.OVERDUE
        : !due.toInstant().isAfter(soon) ? TaskSummary.DUE_SOON : TaskSummary.ON_TIME;
    return new TaskSummary(t.getId(), t.getName(), def == null ? null : def.getKey(),
        def == null ? null : (def.getName() != null ? def.getName() : def.getKey()),
        null, t.getAssignee(), toOffset(t.getCreateTime()), due, state, t.getFormKey());
  }

  private OffsetDateTime toOffset(Date d) {
    return d == null ? null : d.toInstant().atZone(zone).toOffsetDateTime();
  }
}
