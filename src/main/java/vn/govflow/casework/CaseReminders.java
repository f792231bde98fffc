package vn.govflow.casework;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;
import vn.govflow.notify.NotificationKind;
import vn.govflow.notify.NotificationService;

/**
 * The reminder before a case's deadline and the escalation after it, the same for every process: a service task
 * on a timer names {@code ${caseReminders}} with the local input {@code kind} = {@code reminder} or
 * {@code escalation}. The holders (the open tasks' assignees and candidate users, and {@code leadHandler} when
 * set) get the reminder; the escalation goes to them and to the leaders of the owning agency
 * ({@code <agency>-head}), plus the groups of the type's {@link ReminderPolicy}, which also records the step in
 * the case's history. Texts come from the case type's name, the title and the convention variable {@code dueAt}.
 *
 * <p>With the local input {@code deadlineOf} = a user task's id, the deadline is that task's own (the timers sit
 * on the task and take their dates from its due date, see docs/process-conventions.md): the holders are that
 * task's assignee, else its candidate users and the members of its candidate groups, and the texts give the
 * task's name and due time. When the task is no longer open (done while the job waited) nobody is told.
 */
@Component("caseReminders")
public class CaseReminders implements JavaDelegate {
  private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private final CaseTypes types;
  private final List<ReminderPolicy> policies;
  private final NotificationService notifications;
  private final IdentityDirectory directory;
  private final ZoneId zone;

  public CaseReminders(CaseTypes types, List<ReminderPolicy> policies, NotificationService notifications,
                       IdentityDirectory directory, WorkingDayCalendar calendar) {
    this.types = types;
    this.policies = List.copyOf(policies);
    this.notifications = notifications;
    this.directory = directory;
    this.zone = calendar.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifyDeadline(execution, (String) execution.getVariableLocal("kind"),
        (String) execution.getVariableLocal("deadlineOf"));
  }

  /** Sends the reminder ({@code kind} {@code reminder}) or the escalation ({@code escalation}) of the case. */
  public void notifyDeadline(DelegateExecution execution, String kind) {
    notifyDeadline(execution, kind, null);
  }

  /**
   * Sends the reminder or the escalation of the case ({@code deadlineOf} null) or of the open user task whose
   * definition key is {@code deadlineOf}.
   */
  public void notifyDeadline(DelegateExecution execution, String kind, String deadlineOf) {
    boolean escalation = "escalation".equals(kind);
    if (!escalation && !"reminder".equals(kind)) {
      // A typo in a model must not silently send the milder message.
      throw new IllegalStateException("The local variable kind must be reminder or escalation, not " + kind);
    }
    // The case's own facts, read as GovFlow: whoever set the job off (an operator retrying it in Cockpit)
    // needs no right to read the definition or the tasks themselves.
    var command = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
    if (command != null) {
      command.runWithoutAuthorization(() -> {
        send(execution, escalation, deadlineOf);
        return null;
      });
    } else {
      send(execution, escalation, deadlineOf);
    }
  }

  private void send(DelegateExecution execution, boolean escalation, String deadlineOf) {
    if (deadlineOf == null) {
      send(execution, escalation);
    } else {
      sendForTask(execution, escalation, deadlineOf);
    }
  }

  /** The reminder or escalation of one step: its own holders, name and due date. */
  private void sendForTask(DelegateExecution execution, boolean escalation, String taskKey) {
    String processKey = processKey(execution);
    CaseType type = types.byProcessKey(processKey)
        .orElseThrow(() -> new IllegalStateException("No case type is registered for process " + processKey));
    TaskService taskService = execution.getProcessEngineServices().getTaskService();
    List<Task> open = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey).active().list();
    if (open.isEmpty()) {
      // Done while this job waited: there is nothing left to remind anyone of.
      return;
    }
    Task task = open.get(0);
    Date dueDate = open.stream().map(Task::getDueDate).filter(java.util.Objects::nonNull).min(Date::compareTo)
        .orElse(null);
    String due = dueDate == null ? "" : DUE_FORMAT.format(dueDate.toInstant().atZone(zone));
    Set<String> holders = new LinkedHashSet<>();
    open.forEach(t -> holders.addAll(holdersOf(taskService, t)));
    String businessKey = execution.getProcessBusinessKey();
    String title = String.valueOf(execution.getVariable("title"));
    String step = "\"" + task.getName() + "\"";
    String link = businessKey == null ? "/tasks" : type.caseLink(businessKey);
    if (!escalation) {
      notifications.notifyAll(holders, NotificationKind.REMINDER, new NotificationService.Message(
          "Sắp đến hạn bước " + step + ": " + title, "Step due soon, " + step + ": " + title,
          type.nameVi() + " \"" + title + "\": bước " + step + " đến hạn lúc " + due + ".",
          type.nameEn() + " \"" + title + "\": the step " + step + " is due at " + due + ".", link));
      return;
    }
    String names = String.join(", ", holders.stream().map(this::personName).toList());
    NotificationService.Message m = new NotificationService.Message(
        "Quá hạn bước " + step + ": " + title, "Step overdue, " + step + ": " + title,
        type.nameVi() + " \"" + title + "\": bước " + step + " đã quá hạn (" + due + ")."
            + (names.isEmpty() ? "" : " Người đang xử lý: " + names + "."),
        type.nameEn() + " \"" + title + "\": the step " + step + " is past its deadline (" + due + ")."
            + (names.isEmpty() ? "" : " Held by: " + names + "."), link);
    Optional<ReminderPolicy> policy = policies.stream().filter(p -> p.processKey().equals(processKey)).findFirst();
    notifications.notifyAll(escalationRecipients(execution, holders, policy), NotificationKind.ESCALATION, m);
    if (businessKey != null) {
      policy.ifPresent(p -> p.recordEscalation(businessKey, "Quá hạn bước " + step + " (" + due
          + "), đã báo lãnh đạo"));
    }
  }

  /** The holders, then the owning agency's leaders (where the case is now) and the policy's groups, once each. */
  private Set<String> escalationRecipients(DelegateExecution execution, java.util.Collection<String> holders,
                                           Optional<ReminderPolicy> policy) {
    Set<String> recipients = new LinkedHashSet<>(holders);
    Set<String> groups = new LinkedHashSet<>();
    Object agency = execution.getVariable("agency");
    if (agency != null) {
      groups.add(agency + "-" + Roles.HEAD);
    }
    policy.ifPresent(p -> groups.addAll(p.escalateAlsoTo()));
    groups.forEach(g -> recipients.addAll(directory.membersOf(g)));
    return recipients;
  }

  /** Who holds one task: its assignee, else its candidate users and the members of its candidate groups. */
  private List<String> holdersOf(TaskService tasks, Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    Set<String> people = new LinkedHashSet<>();
    for (IdentityLink l : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(l.getType())) {
        if (l.getUserId() != null) {
          people.add(l.getUserId());
        } else if (l.getGroupId() != null) {
          people.addAll(directory.membersOf(l.getGroupId()));
        }
      }
    }
    return new ArrayList<>(people);
  }

  private void send(DelegateExecution execution, boolean escalation) {
    String processKey = processKey(execution);
    CaseType type = types.byProcessKey(processKey)
        .orElseThrow(() -> new IllegalStateException("No case type is registered for process " + processKey));
    Optional<ReminderPolicy> policy = policies.stream().filter(p -> p.processKey().equals(processKey)).findFirst();
    String businessKey = execution.getProcessBusinessKey();
    String title = String.valueOf(execution.getVariable("title"));
    Date dueAt = (Date) execution.getVariable("dueAt");
    String due = dueAt == null ? "" : DUE_FORMAT.format(dueAt.toInstant().atZone(zone));
    List<String> holders = holders(execution);
    String link = businessKey == null ? "/tasks" : type.caseLink(businessKey);
    if (!escalation) {
      notifications.notifyAll(holders, NotificationKind.REMINDER, new NotificationService.Message(
          type.nameVi() + " sắp đến hạn xử lý: " + title, type.nameEn() + " due soon: " + title,
          type.nameVi() + " \"" + title + "\" đến hạn xử lý lúc " + due + ".",
          type.nameEn() + " \"" + title + "\" is due at " + due + ".", link));
      return;
    }
    String names = String.join(", ", holders.stream().map(this::personName).toList());
    NotificationService.Message m = new NotificationService.Message(
        type.nameVi() + " quá hạn xử lý: " + title, type.nameEn() + " overdue: " + title,
        type.nameVi() + " \"" + title + "\" đã quá hạn xử lý (" + due + ")."
            + (names.isEmpty() ? "" : " Người đang xử lý: " + names + "."),
        type.nameEn() + " \"" + title + "\" is past its deadline (" + due + ")."
            + (names.isEmpty() ? "" : " Held by: " + names + "."), link);
    // One notification per person, even when a holder is also a leader.
    notifications.notifyAll(escalationRecipients(execution, holders, policy), NotificationKind.ESCALATION, m);
    if (businessKey != null) {
      policy.ifPresent(p -> p.recordEscalation(businessKey, "Quá hạn " + due + ", đã báo lãnh đạo"));
    }
  }

  /** Who holds the case now: the lead handler, then the open tasks' assignees and candidate users. */
  static List<String> holders(DelegateExecution execution) {
    Set<String> holders = new LinkedHashSet<>();
    Object lead = execution.getVariable("leadHandler");
    if (lead != null) {
      holders.add(lead.toString());
    }
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).active().list()) {
      if (t.getAssignee() != null) {
        holders.add(t.getAssignee());
      } else {
        for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null) {
            holders.add(l.getUserId());
          }
        }
      }
    }
    return new ArrayList<>(holders);
  }

  private String processKey(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
  }

  private String personName(String username) {
    return directory.person(username).map(Person::fullName).orElse(username);
  }
}
