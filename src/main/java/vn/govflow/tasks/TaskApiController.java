package vn.govflow.tasks;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
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

  record Assignment(List<String> taskIds, String assignee) {}

  @PostMapping("/assign")
  Map<String, Integer> assign(@RequestBody Assignment body) {
    CurrentUser me = users.require();
    int n = tasks.assign(me, body.taskIds(), body.assignee());
    audit.record("task.assign", "task", String.join(",", body.taskIds()), "→ " + body.assignee());
    return Map.of("assigned", n);
  }

  @PostMapping("/{id}/claim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void claim(@PathVariable String id) {
    CurrentUser me = users.require();
    tasks.claim(me, id);
    audit.record("task.claim", "task", id, null);
  }

  @PostMapping("/{id}/unclaim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unclaim(@PathVariable String id) {
    tasks.unclaim(users.require(), id);
    audit.record("task.unclaim", "task", id, null);
  }

  @PostMapping("/{id}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> variables) {
    CurrentUser me = users.require();
    VariableMap vars = Variables.createVariables();
    if (variables != null) {
      vars.putAll(variables);
    }
    String name = tasks.visibleTask(me, id).getName();
    tasks.complete(me, id, vars);
    audit.record("task.complete", "task", id, name);
  }

  /**
   * Runs an engine call, turning the engine's answers into ones a person can act on: a rule a listener
   * enforced (its UserError, wrapped by the engine), or a race lost to someone else (409).
   */
  static void engineCall(Runnable call) {
    try {
      call.run();
    } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
      throw new UserError(HttpStatus.CONFLICT, "task-conflict",
          "Công việc vừa được người khác nhận hoặc xử lý. Tải lại danh sách công việc.",
          "Someone else has just claimed or completed this task. Reload your task list.");
    } catch (ProcessEngineException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof UserError ue) {
          throw ue;
        }
      }
      if (e instanceof NullValueException) {
        throw new UserError(HttpStatus.CONFLICT, "task-gone", "Công việc đã được hoàn thành hoặc không còn tồn tại.",
            "The task has already been completed or no longer exists.");
      }
      throw e;
    }
  }
}
