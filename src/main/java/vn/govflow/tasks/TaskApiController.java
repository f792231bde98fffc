package vn.govflow.tasks;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** The caller's tasks: list, claim, complete. Only one's own or one's groups' tasks are reachable (else 404). */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApiController {
  private final TaskListService tasks;
  private final TaskService taskService;
  private final CurrentUserProvider users;
  private final AuditLog audit;

  TaskApiController(TaskListService tasks, TaskService taskService, CurrentUserProvider users, AuditLog audit) {
    this.tasks = tasks;
    this.taskService = taskService;
    this.users = users;
    this.audit = audit;
  }

  @GetMapping
  List<TaskSummary> list() {
    return tasks.tasksFor(users.require());
  }

  @PostMapping("/{id}/claim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void claim(@PathVariable String id) {
    CurrentUser me = users.require();
    tasks.claim(me, id);
    audit.record("task.claim", "task", id, null);
  }

  @PostMapping("/{id}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> variables) {
    CurrentUser me = users.require();
    Task task = tasks.visibleTask(me, id);
    if (task.getAssignee() == null) {
      throw new UserError(HttpStatus.CONFLICT, "task-not-claimed",
          "Hãy nhận xử lý công việc trước khi hoàn thành.", "Claim the task before completing it.");
    }
    if (!task.getAssignee().equals(me.username())) {
      throw new UserError(HttpStatus.FORBIDDEN, "task-not-yours",
          "Công việc này đang do người khác xử lý.", "This task is assigned to someone else.");
    }
    VariableMap vars = Variables.createVariables();
    if (variables != null) {
      vars.putAll(variables);
    }
    taskService.complete(id, vars);
    audit.record("task.complete", "task", id, task.getName());
  }
}
