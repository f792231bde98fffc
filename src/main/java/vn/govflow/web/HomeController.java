package vn.govflow.web;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;
import vn.govflow.tasks.TaskListService;

/** The officials' pages: home (who I am) and my task list. */
@Controller
class HomeController {
  private final CurrentUserProvider users;
  private final TaskListService tasks;
  private final IdentityDirectory directory;
  private final String publicUrl;

  HomeController(CurrentUserProvider users, TaskListService tasks, IdentityDirectory directory,
                 @Value("${govflow.public-url}") String publicUrl) {
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.users = users;
    this.tasks = tasks;
    this.directory = directory;
  }

  @GetMapping("/")
  String home(Model model, Locale locale) {
    CurrentUser me = users.require();
    model.addAttribute("me", me);
    boolean en = "en".equals(locale.getLanguage());
    model.addAttribute("roleNames", me.roles().stream().sorted()
        .map(r -> (en ? Roles.NAMES_EN : Roles.NAMES_VI).getOrDefault(r, r)).collect(Collectors.joining(", ")));
    model.addAttribute("taskCount", tasks.tasksFor(me).size());
    return "home";
  }

  @GetMapping("/tasks")
  String tasks(Model model) {
    CurrentUser me = users.require();
    model.addAttribute("me", me);
    var list = tasks.tasksFor(me);
    model.addAttribute("tasks", list);
    // A refused bulk assignment (TaskPages.assign): the summary links to the person chosen or the first tick box.
    if (model.getAttribute("assignError") instanceof String message) {
      String field = "assignee".equals(model.getAttribute("assignErrorField")) ? "assignee"
          : list.isEmpty() ? null : "select-" + list.get(0).id();
      model.addAttribute("formErrors", FormErrors.none().add(field, message));
    }
    boolean leader = me.hasRole(Roles.HEAD) || me.hasRole(Roles.DEPUTY_HEAD) || me.hasRole(Roles.DEPARTMENT_HEAD);
    model.addAttribute("leader", leader);
    model.addAttribute("staff", leader ? directory.people().stream()
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && me.agencyCode().equals(p.agencyCode()))
        .sorted(java.util.Comparator.comparing(Person::fullName)).toList() : java.util.List.of());
    return "tasks";
  }

  /**
   * After signing out, or after a failed sign-in: {@code error} says which (account, address, failed), {@code
   * code} is the OAuth2 error code, {@code at} the address the sign-in began at (shown as text only; the link
   * always goes to the configured public URL).
   */
  @GetMapping("/signed-out")
  String signedOut(@RequestParam(required = false) String error, @RequestParam(required = false) String code,
                   @RequestParam(required = false) String at, Model model) {
    model.addAttribute("error", error);
    model.addAttribute("code", code != null && code.matches("[A-Za-z0-9_.-]{1,64}") ? code : "unknown");
    model.addAttribute("openedAt", at != null && at.matches("https?://[A-Za-z0-9.\\[\\]:-]{1,200}") ? at : null);
    model.addAttribute("publicUrl", publicUrl);
    return "signed-out";
  }
}
