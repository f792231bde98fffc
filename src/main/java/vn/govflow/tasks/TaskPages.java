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
import vn.govflow.web.FormErrors;

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
                RedirectAttributes flash, Locale locale) {
    CurrentUser me = users.require();
    int n;
    try {
      n = tasks.assign(me, taskIds, assignee);
    } catch (UserError e) {
      if (!"tasks-selection".equals(e.code()) && !"tasks-assignee".equals(e.code())) {
        throw e;
      }
      // Back to the list, which says what to fix (error summary, "Lỗi:" title) instead of a bare problem page.
      flash.addFlashAttribute("assignError", "en".equals(locale.getLanguage()) ? e.messageEn() : e.messageVi());
      flash.addFlashAttribute("assignErrorField", "tasks-assignee".equals(e.code()) ? "assignee" : "tasks");
      return "redirect:/tasks";
    }
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
      // Show the form again with what the person typed and what to fix: each problem in the summary at the top
      // as a link to its control, and beside the field itself (a list's cells beside the list, the cell marked).
      boolean en = "en".equals(locale.getLanguage());
      Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
      FormErrors formErrors = FormErrors.none();
      java.util.Set<String> invalidCells = new java.util.HashSet<>();
      for (var p : e.fieldProblems()) {
        if (p.field() == null) {
          continue;
        }
        String message = en ? p.messageEn() : p.messageVi();
        String key = p.field().replaceFirst("\\[.*$", "");
        fieldErrors.merge(key, message, (a, b) -> a + " " + b);
        String control = controlId(form, key, p.field(), request.getParameterMap());
        if (control != null && control.startsWith("f-" + key + "-")) {
          invalidCells.add(control);
        }
        formErrors.add(control, message);
      }
      model.addAttribute("fieldErrors", fieldErrors);
      model.addAttribute("formErrors", formErrors);
      model.addAttribute("invalidCells", invalidCells);
      return show(me, task, model, en ? e.messageEn() : e.messageVi(), request.getParameterMap(), locale);
    }
    audit.record("task.complete", "task", id, task.getName());
    flash.addFlashAttribute("done", task.getName());
    return "redirect:/tasks";
  }

  /**
   * The id of the control a problem is about, for the summary's link: f-key for a field of the form, the cell's
   * id for a list cell (list[row].child, the row counted as the page shows the submitted rows), else null (a
   * problem about something the form does not show).
   */
  static String controlId(TaskForm form, String key, String problemField, Map<String, String[]> submitted) {
    TaskForm.Field field = form == null ? null
        : form.fields().stream().filter(f -> key.equals(f.key())).findFirst().orElse(null);
    if (field == null) {
      return null;
    }
    java.util.regex.Matcher cell = java.util.regex.Pattern.compile("^[A-Za-z0-9_]+\\[(\\d{1,3})]\\.([A-Za-z0-9_]+)$")
        .matcher(problemField);
    if (!field.list()) {
      return "f-" + key;
    }
    if (!cell.matches()) {
      return "list-" + key;
    }
    // The page numbers the submitted rows 0, 1, ... in ascending order of their index (see Field.rows).
    java.util.SortedSet<Integer> rows = new java.util.TreeSet<>();
    java.util.regex.Pattern rowName = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(key)
        + "\\[(\\d{1,3})]\\..*$");
    for (String name : submitted.keySet()) {
      java.util.regex.Matcher m = rowName.matcher(name);
      if (m.matches()) {
        rows.add(Integer.parseInt(m.group(1)));
      }
    }
    int position = rows.headSet(Integer.parseInt(cell.group(1))).size();
    return "f-" + key + "-" + position + "-" + cell.group(2);
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
      model.addAttribute("formErrors", FormErrors.none());
      model.addAttribute("invalidCells", java.util.Set.of());
    }
    // A refused completion's page title starts "Lỗi:" even when the refusal names no field.
    model.addAttribute("pageErrors", error != null);
    return "task";
  }
}
