package vn.govflow.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.identity.Agency;
import vn.govflow.identity.Department;
import vn.govflow.identity.EngineGroup;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * SLA figures for any process, read only from what every process leaves in the engine (docs/process-conventions.md):
 * the {@code agency}, {@code title}, {@code dueAt}, {@code leadHandler} and {@code leadDepartment} variables, the
 * business key, and the open user tasks. It never reads another module's tables, so a new subsystem shows up here
 * without changes.
 */
@Service
public class SlaService {
  /** Page size for every engine query: below the engine's result cap, and bounded memory per round trip. */
  static final int PAGE = 1000;
  static final String UNASSIGNED_VI = "chưa phân công";
  static final String UNASSIGNED_EN = "unassigned";
  private static final String[] CASE_VARIABLES = {"agency", "dueAt", "title", "leadHandler", "leadDepartment"};

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final IdentityDirectory directory;
  private final WorkingDayCalendar calendar;

  SlaService(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
             RepositoryService repositoryService, IdentityDirectory directory, WorkingDayCalendar calendar) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.directory = directory;
    this.calendar = calendar;
  }

  /** The running cases of {@code processKey} owned by {@code agency} (short name), as of now. */
  public SlaReport report(String processKey, String agency) {
    return report(processKey, agency, Instant.now());
  }

  SlaReport report(String processKey, String agency, Instant now) {
    Instant soon = calendar.deadline(now, 1).dueAt().toInstant();
    List<Case> cases = new ArrayList<>();
    // Instances filtered by agency in the database; then one variable query and one task query per page.
    for (int first = 0; ; first += PAGE) {
      List<ProcessInstance> page = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
          .variableValueEquals("agency", agency).orderByProcessInstanceId().asc().listPage(first, PAGE);
      if (!page.isEmpty()) {
        cases.addAll(cases(page));
      }
      if (page.size() < PAGE) {
        break;
      }
    }

    SlaCounts totals = SlaCounts.ZERO;
    Map<String, SlaCounts> byDepartment = new HashMap<>();
    Map<String, SlaCounts> byHandler = new HashMap<>();
    List<SlaReport.OverdueCase> overdue = new ArrayList<>();
    for (Case c : cases) {
      DueState state = DueState.of(c.dueAt, now, soon);
      totals = totals.plus(state);
      byDepartment.merge(key(c.leadDepartment), SlaCounts.ZERO.plus(state), SlaService::sum);
      byHandler.merge(key(c.leadHandler), SlaCounts.ZERO.plus(state), SlaService::sum);
      if (state == DueState.OVERDUE) {
        overdue.add(new SlaReport.OverdueCase(c.processInstanceId, c.businessKey, c.title, at(c.dueAt),
            round1(calendar.workingDaysBetween(c.dueAt, now)), c.leadHandler, personName(c.leadHandler),
            c.leadDepartment, departmentName(c.leadDepartment), c.holders));
      }
    }
    overdue.sort(Comparator.comparing(SlaReport.OverdueCase::dueAt).thenComparing(SlaReport.OverdueCase::businessKey,
        Comparator.nullsLast(Comparator.naturalOrder())));

    return new SlaReport(processKey, processName(processKey), agency, agencyName(agency),
        at(now.truncatedTo(ChronoUnit.SECONDS)), at(soon), totals,
        lines(byDepartment, (id, counts) -> new SlaReport.DepartmentLine(id,
            id == null ? UNASSIGNED_VI : departmentName(id),
            id == null ? UNASSIGNED_EN : directory.department(id).map(Department::nameEn).orElse(id), counts),
            SlaReport.DepartmentLine::counts, SlaReport.DepartmentLine::name),
        lines(byHandler, (u, counts) -> new SlaReport.HandlerLine(u, u == null ? UNASSIGNED_VI : personName(u), counts),
            SlaReport.HandlerLine::counts, SlaReport.HandlerLine::fullName),
        List.copyOf(overdue));
  }

  /**
   * Cases of {@code processKey} owned by {@code agency} that ended in [{@code from}, {@code to}), on time or late
   * against the last {@code dueAt} they had, from the engine's history.
   */
  public CompletedReport completed(String processKey, String agency, Instant from, Instant to) {
    int onTime = 0;
    int late = 0;
    int none = 0;
    for (int first = 0; ; first += PAGE) {
      // The engine's finishedAfter/Before bounds are inclusive: the half-open range is applied below.
      List<HistoricProcessInstance> page = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(processKey).finished().variableValueEquals("agency", agency)
          .finishedAfter(Date.from(from)).finishedBefore(Date.from(to)).orderByProcessInstanceId().asc()
          .listPage(first, PAGE);
      Map<String, Instant> dueAt = new HashMap<>();
      String[] ids = page.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
      if (ids.length > 0) {
        for (int v = 0; ; v += PAGE) {
          List<HistoricVariableInstance> vars = historyService.createHistoricVariableInstanceQuery()
              .processInstanceIdIn(ids).variableNameIn("dueAt").disableBinaryFetching()
              .disableCustomObjectDeserialization().orderByVariableId().asc().listPage(v, PAGE);
          for (HistoricVariableInstance var : vars) {
            if (Objects.equals(var.getExecutionId(), var.getProcessInstanceId()) && var.getTaskId() == null) {
              Instant due = instant(var.getValue());
              if (due != null) {
                dueAt.put(var.getProcessInstanceId(), due);
              }
            }
          }
          if (vars.size() < PAGE) {
            break;
          }
        }
      }
      for (HistoricProcessInstance p : page) {
        Instant end = p.getEndTime().toInstant();
        if (end.isBefore(from) || !end.isBefore(to)) {
          continue;
        }
        Instant due = dueAt.get(p.getId());
        if (due == null) {
          none++;
        } else if (end.isAfter(due)) {
          late++;
        } else {
          onTime++;
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return new CompletedReport(processKey, agency, at(from), at(to), onTime, late, none, onTime + late + none);
  }

  /** The agency's display name for its short name (the {@code agency} variable), or the short name itself. */
  public String agencyName(String shortName) {
    return directory.agencies().stream().filter(a -> a.shortName().equals(shortName)).map(Agency::name)
        .findFirst().orElse(shortName);
  }

  private List<Case> cases(List<ProcessInstance> instances) {
    String[] ids = instances.stream().map(ProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> vars = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<VariableInstance> page = runtimeService.createVariableInstanceQuery().processInstanceIdIn(ids)
          .variableNameIn(CASE_VARIABLES).disableBinaryFetching().disableCustomObjectDeserialization()
          .orderByVariableName().asc().orderByActivityInstanceId().asc().listPage(first, PAGE);
      for (VariableInstance v : page) {
        // Only the case's own variables: a task-local "title" must not overwrite the case's.
        if (Objects.equals(v.getExecutionId(), v.getProcessInstanceId()) && v.getTaskId() == null) {
          vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    Map<String, List<SlaReport.Holder>> holders = holders(ids);
    List<Case> cases = new ArrayList<>(instances.size());
    for (ProcessInstance p : instances) {
      Map<String, Object> v = vars.getOrDefault(p.getId(), Map.of());
      cases.add(new Case(p.getId(), p.getBusinessKey(), text(v.get("title")), instant(v.get("dueAt")),
          text(v.get("leadHandler")), text(v.get("leadDepartment")), holders.getOrDefault(p.getId(), List.of())));
    }
    return cases;
  }

  /** Assignees of the open tasks; for an unassigned task its candidate groups (or candidate users). */
  private Map<String, List<SlaReport.Holder>> holders(String[] instanceIds) {
    Map<String, Set<SlaReport.Holder>> found = new LinkedHashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<Task> page = taskService.createTaskQuery().processInstanceIdIn(instanceIds).orderByTaskCreateTime().asc()
          .orderByTaskId().asc().listPage(first, PAGE);
      for (Task t : page) {
        Set<SlaReport.Holder> set = found.computeIfAbsent(t.getProcessInstanceId(), k -> new LinkedHashSet<>());
        if (t.getAssignee() != null) {
          set.add(new SlaReport.Holder(SlaReport.Holder.USER, t.getAssignee(), personName(t.getAssignee())));
        } else {
          set.addAll(candidates(t.getId()));
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    Map<String, List<SlaReport.Holder>> result = new HashMap<>();
    found.forEach((k, v) -> result.put(k, List.copyOf(v)));
    return result;
  }

  // The engine has no bulk query for candidate links: one small indexed lookup per unassigned task.
  private List<SlaReport.Holder> candidates(String taskId) {
    List<SlaReport.Holder> groups = new ArrayList<>();
    List<SlaReport.Holder> users = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getGroupId() != null) {
        groups.add(new SlaReport.Holder(SlaReport.Holder.GROUP, link.getGroupId(),
            directory.group(link.getGroupId()).map(EngineGroup::name).orElse(link.getGroupId())));
      } else if (link.getUserId() != null) {
        users.add(new SlaReport.Holder(SlaReport.Holder.USER, link.getUserId(), personName(link.getUserId())));
      }
    }
    return groups.isEmpty() ? users : groups;
  }

  private static <L> List<L> lines(Map<String, SlaCounts> counts, BiFunction<String, SlaCounts, L> line,
                                   java.util.function.Function<L, SlaCounts> countsOf,
                                   java.util.function.Function<L, String> nameOf) {
    // Worst first: most overdue, then most due soon, then by name.
    return counts.entrySet().stream().map(e -> line.apply(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))
        .sorted(Comparator.comparing((L l) -> -countsOf.apply(l).overdue())
            .thenComparing(l -> -countsOf.apply(l).dueSoon())
            .thenComparing(nameOf, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  private static SlaCounts sum(SlaCounts a, SlaCounts b) {
    return new SlaCounts(a.onTime() + b.onTime(), a.dueSoon() + b.dueSoon(), a.overdue() + b.overdue(),
        a.noDeadline() + b.noDeadline(), a.total() + b.total());
  }

  private static String key(String id) {
    return id == null ? "" : id;
  }

  private String personName(String username) {
    return username == null ? null : directory.person(username).map(Person::fullName).orElse(username);
  }

  private String departmentName(String id) {
    return id == null ? null : directory.department(id).map(Department::name).orElse(id);
  }

  private String processName(String processKey) {
    // The province-wide model's name (agencies' variants are tenants of the same key).
    ProcessDefinition d = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .withoutTenantId().latestVersion().singleResult();
    return d == null || d.getName() == null ? processKey : d.getName();
  }

  /** In the calendar's zone; to the millisecond, as java.util.Date stores it (deadlines are whole seconds). */
  private OffsetDateTime at(Instant i) {
    return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS).atZone(zone()).toOffsetDateTime();
  }

  private ZoneId zone() {
    return calendar.zone();
  }

  private static double round1(double d) {
    return Math.round(d * 10) / 10.0;
  }

  private static String text(Object o) {
    return o == null || o.toString().isBlank() ? null : o.toString();
  }

  /** The convention says java.util.Date; an ISO-8601 string is tolerated so a slip does not hide a case. */
  static Instant instant(Object o) {
    if (o instanceof Date d) {
      return d.toInstant();
    }
    if (o instanceof String s && !s.isBlank()) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private record Case(String processInstanceId, String businessKey, String title, Instant dueAt,
                      String leadHandler, String leadDepartment, List<SlaReport.Holder> holders) {}
}
