package vn.govflow.web;

import java.util.Locale;
import java.util.stream.Collectors;
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

  HomeController(CurrentUserProvider users, TaskListService tasks, IdentityDirectory directory) {
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
    model.addAttribute("tasks", tasks.tasksFor(me));
    boolean leader = me.hasRole(Roles.HEAD) || me.hasRole(Roles.DEPUTY_HEAD) || me.hasRole(Roles.DEPARTMENT_HEAD);
    model.addAttribute("leader", leader);
    model.addAttribute("staff", leader ? directory.people().stream()
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && me.agencyCode().equals(p.agencyCode()))
        .sorted(java.util.Comparator.comparing(Person::fullName)).toList() : java.util.List.of());
    return "tasks";
  }

  @GetMapping("/signed-out")
  String signedOut(@RequestParam(required = false) String error, Model model) {
    model.addAttribute("error", error);
    return "signed-out";
  }
}
