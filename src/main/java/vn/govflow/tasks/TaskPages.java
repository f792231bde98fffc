package vn.govflow.tasks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.govflow.audit.AuditLog;
import vn.govflow.casework.CaseTypes;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** One task in the inbox: the case it belongs to, claim or hand back, and its form. */
@Controller
class TaskPages {
  private final TaskListService tasks;
  private final CurrentUserProvider users;
  private final AuditLog audit;
  private final CaseTypes caseTypes;

  TaskPages(TaskListService tasks, CurrentUserProvider users, AuditLog audit, CaseTypes caseTypes) {
    this.tasks = tasks;
    this.users = users;
    this.audit = audit;
    this.caseTypes = caseTypes;
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable String id, Model model, Locale locale) {
    CurrentUser me = users.require();
    Task task = tasks.visibleTask(me, id);
    return show(me, task, model, null, null, locale);
  }

  @PostMapping("/tasks/assign")
  String assign(@org.springframework.web.bind.annotation.RequestParam(value = "taskIds", required = false)
                java.util.List<String> taskIds,
                @org.springframework.web.bind.annotation.RequestParam(required = false) String assignee,
                RedirectAttributes flash) {
    CurrentUser me = users.require();
    int n = tasks.assign(me, taskIds, assignee);
    audit.record("task.assign", "task", String.join(",", taskIds), "→ " + assignee);
    flash.addFlashAttribute("assigned", n);
    return "redirect:/tasks";
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, RedirectAttributes flash) {
    CurrentUser me = users.require();
    tasks.claim(me, id);
    audit.record("task.claim", "task", id, null);
    return "redirect:/tasks/" + id;
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id) {
    CurrentUser me = users.require();
    tasks.unclaim(me, id);
    audit.record("task.unclaim", "task", id, null);
    return "redirect:/tasks";
  }

  @PostMapping("/tasks/{id}/complete")
  String complete(@PathVariable String id, HttpServletRequest request, Model model, Locale locale,
                  RedirectAttributes flash) {
    CurrentUser me = users.require();
    Task task = tasks.visibleTask(me, id);
    TaskForm form = tasks.form(task, locale).orElse(null);
    try {
      Map<String, Object> variables = form == null ? Map.of() : form.read(request.getParameterMap());
      tasks.complete(me, id, variables);
    } catch (UserError e) {
      if (e.status().value() >= 500) {
        throw e;
      }
      // Show the form again with what the person typed and what to fix.
      // Each field's problem is also shown beside the field itself (a list's cells beside the list).
      boolean en = "en".equals(locale.getLanguage());
      Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
      e.fieldProblems().stream().filter(p -> p.field() != null).forEach(p -> fieldErrors.merge(p.field().replaceFirst("\\[.*$", ""),
          en ? p.messageEn() : p.messageVi(), (a, b) -> a + " " + b));
      model.addAttribute("fieldErrors", fieldErrors);
      return show(me, task, model, en ? e.messageEn() : e.messageVi(), request.getParameterMap(), locale);
    }
    audit.record("task.complete", "task", id, task.getName());
    flash.addFlashAttribute("done", task.getName());
    return "redirect:/tasks";
  }

  private String show(CurrentUser me, Task task, Model model, String error, Map<String, String[]> submitted,
                      Locale locale) {
    TaskSummary summary = tasks.tasksFor(me).stream().filter(t -> t.id().equals(task.getId())).findFirst()
        .orElse(null);
    model.addAttribute("me", me);
    model.addAttribute("task", task);
    model.addAttribute("summary", summary);
    model.addAttribute("caseLink", summary == null ? null
        : caseTypes.caseLink(summary.processDefinitionKey(), summary.businessKey()).orElse(null));
    model.addAttribute("mine", me.username().equals(task.getAssignee()));
    model.addAttribute("form", tasks.form(task, locale).orElse(null));
    model.addAttribute("error", error);
    model.addAttribute("submitted", submitted == null ? Map.of() : submitted);
    if (!model.containsAttribute("fieldErrors")) {
      model.addAttribute("fieldErrors", Map.of());
    }
    return "task";
  }
}
