package vn.govflow.casework;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every deadline comes from a decision table a designer can edit, never from a number in a model or in Java.
 * A user task's due date is {@code ${caseDeadlines.taskDue(execution)}}: the module's {@code <module>-task-deadline}
 * decision, from the same deployment as the process, given the task id and the case's urgency, answers the
 * working days ({@code P<n>WD} for the working-day calendar). A decision that answers nothing is a defect of the
 * table: the step fails (a retry, then an incident someone resolves), it never guesses.
 */
@Component
public class CaseDeadlines {
  private final DecisionService decisions;
  private final RepositoryService repository;
  private final java.util.function.Supplier<ProcessEngineConfiguration> engine;

  /** The services are looked up lazily: the engine itself resolves this bean while it is being built. */
  @org.springframework.beans.factory.annotation.Autowired
  public CaseDeadlines(@Lazy DecisionService decisions, @Lazy RepositoryService repository,
                       org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
    this(decisions, repository, () -> engine.getObject().getProcessEngineConfiguration());
  }

  public CaseDeadlines(DecisionService decisions, RepositoryService repository, ProcessEngineConfiguration engine) {
    this(decisions, repository, () -> engine);
  }

  private CaseDeadlines(DecisionService decisions, RepositoryService repository,
                        java.util.function.Supplier<ProcessEngineConfiguration> engine) {
    this.decisions = decisions;
    this.repository = repository;
    this.engine = engine;
  }

  /** The due date description of the user task being created: {@code P<n>WD}. */
  public String taskDue(DelegateExecution execution) {
    ProcessDefinition process = repository.getProcessDefinition(execution.getProcessDefinitionId());
    String decisionKey = module(process.getKey()) + "-task-deadline";
    DecisionDefinition decision = repository.createDecisionDefinitionQuery().deploymentId(process.getDeploymentId())
        .decisionDefinitionKey(decisionKey).singleResult();
    if (decision == null) {
      throw new IllegalStateException("The deployment of " + process.getKey() + " has no decision " + decisionKey);
    }
    Map<String, Object> inputs = Variables.createVariables()
        .putValue("taskId", execution.getCurrentActivityId())
        .putValue("urgency", execution.getVariable("urgency"));
    return "P" + workingDays(decision.getId(), decisionKey, inputs) + "WD";
  }

  /**
   * The same due date as an instant, for the timers that remind and escalate on the task's own deadline
   * (docs/process-conventions.md): a boundary timer is created just before its task, in the same transaction and
   * at the same engine time, so this is exactly the due date the task is about to get. It goes through the
   * engine's due-date calendar, as the task's {@code P<n>WD} does.
   */
  public java.util.Date taskDueAt(DelegateExecution execution) {
    String due = taskDue(execution);
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration() != null
        ? Context.getProcessEngineConfiguration() : (ProcessEngineConfigurationImpl) engine.get();
    return configuration.getBusinessCalendarManager()
        .getBusinessCalendar(org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar.NAME).resolveDuedate(due);
  }

  /** The latest version of a decision answering {@code workingDays}, for deadlines known before any process runs. */
  public int workingDays(String decisionKey, Map<String, Object> inputs) {
    return withoutAuthorization(() -> {
      // The province-wide table: an agency's variant (a tenant) applies through its own process deployment.
      DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
          .withoutTenantId().latestVersion().singleResult();
      if (d == null) {
        throw new IllegalStateException("No decision " + decisionKey + " is deployed");
      }
      return workingDays(d.getId(), decisionKey, inputs);
    });
  }

  private int workingDays(String decisionId, String decisionKey, Map<String, Object> inputs) {
    // The table is GovFlow's own rule, evaluated for the case: the person whose action created the task needs
    // no right to evaluate decisions themselves.
    DmnDecisionResult result = withoutAuthorization(() -> decisions.evaluateDecisionById(decisionId)
        .variables(inputs).evaluate());
    List<Object> days = result.collectEntries("workingDays");
    if (days.isEmpty() || !(days.get(0) instanceof Number n) || n.intValue() < 0) {
      throw new IllegalStateException("The decision " + decisionKey + " gave no number of working days for " + inputs
          + ": add a rule to the table");
    }
    return n.intValue();
  }

  private <T> T withoutAuthorization(java.util.concurrent.Callable<T> call) {
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return current.runWithoutAuthorization(call);
    }
    return ((ProcessEngineConfigurationImpl) engine.get()).getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(call));
  }

  static String module(String processKey) {
    int dash = processKey.indexOf('-');
    return dash < 0 ? processKey : processKey.substring(0, dash);
  }
}
