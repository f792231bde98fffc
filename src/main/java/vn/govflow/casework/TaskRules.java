package vn.govflow.casework;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The rules a process's user tasks are checked against on completion, declared per task id. A task with no entry
 * is refused loudly rather than completed unchecked, and {@code CaseworkLintH2Test} fails when an entry names a
 * task the model does not have or a task with a form has no entry: renaming a task in a modeler breaks a test,
 * it does not silently drop the task's checks. "No rules" is an explicit entry.
 *
 * <p>Registered as the process's complete listener bean ({@code camunda:taskListener delegateExpression}).
 */
public final class TaskRules implements TaskListener {
  private static final TaskListener NONE = task -> { };

  private final String processKey;
  private final Map<String, TaskListener> rules;
  private final Set<String> governing;

  private TaskRules(String processKey, Map<String, TaskListener> rules, Set<String> governing) {
    this.processKey = processKey;
    this.rules = Collections.unmodifiableMap(rules);
    this.governing = Set.copyOf(governing);
  }

  public static Builder forProcess(String processKey) {
    return new Builder(Objects.requireNonNull(processKey));
  }

  public String processKey() {
    return processKey;
  }

  /** The task ids with an entry (rules or an explicit "no rules"). */
  public Set<String> taskIds() {
    return rules.keySet();
  }

  /**
   * The process variables that decide who acts on the case (set by the module's own code, from the directory and
   * its tables): the task guard refuses them to everyone, an engine administrator included, as it refuses the
   * shared governing variables.
   */
  public Set<String> governingVariables() {
    return governing;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskListener rule = rules.get(task.getTaskDefinitionKey());
    if (rule == null) {
      // A model/rules mismatch is a deployment defect: fail the completion, never let it through unchecked.
      throw new IllegalStateException("No rules are declared for task " + task.getTaskDefinitionKey()
          + " of process " + processKey);
    }
    rule.notify(task);
  }

  public static final class Builder {
    private final String processKey;
    private final Map<String, TaskListener> rules = new LinkedHashMap<>();
    private final Set<String> governing = new java.util.LinkedHashSet<>();

    private Builder(String processKey) {
      this.processKey = processKey;
    }

    public Builder task(String taskId, TaskListener rule) {
      if (rules.putIfAbsent(Objects.requireNonNull(taskId), Objects.requireNonNull(rule)) != null) {
        throw new IllegalStateException("Two rule entries for task " + taskId + " of " + processKey);
      }
      return this;
    }

    /** The task is completed as its form allows, with nothing more to check. */
    public Builder noRules(String taskId) {
      return task(taskId, NONE);
    }

    /** Variables only GovFlow's code writes (see {@link TaskRules#governingVariables()}). */
    public Builder governing(String... names) {
      governing.addAll(java.util.List.of(names));
      return this;
    }

    public TaskRules build() {
      return new TaskRules(processKey, new LinkedHashMap<>(rules), governing);
    }
  }
}
