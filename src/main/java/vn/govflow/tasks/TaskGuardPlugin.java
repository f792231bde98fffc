package vn.govflow.tasks;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.casework.CaseTextFields;
import vn.govflow.casework.TaskRules;
import org.springframework.stereotype.Component;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * Puts {@link TaskGuard} in front of every engine command a signed-in person starts (engine REST, Tasklist,
 * Cockpit set the engine's current authentication): it recognises the commands that act on a task or write a
 * case's variables and refuses, before anything runs, what the rules do not allow. Commands GovFlow runs for
 * itself (no engine authentication: our services, the job executor) and commands nested inside another (a
 * listener's) pass: our API checks its own calls with the same guard.
 */
@Component
class TaskGuardPlugin extends AbstractProcessEnginePlugin {
  private final IdentityDirectory directory;
  private final ObjectProvider<CaseTextFields> textFields;
  private TaskGuard guard;
  private ProcessEngineConfigurationImpl engine;

  private final ObjectProvider<TaskRules> taskRules;

  TaskGuardPlugin(@Lazy IdentityDirectory directory, ObjectProvider<CaseTextFields> textFields,
                  ObjectProvider<TaskRules> taskRules) {
    this.directory = directory;
    this.textFields = textFields;
    this.taskRules = taskRules;
  }

  /** The guard, once the engine is configured (our API shares it). */
  TaskGuard guard() {
    return guard;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    engine = configuration;
    guard = new TaskGuard(configuration, user -> directory.person(user)
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind())).map(Person::agencyCode),
        // Read when a command is checked: the rules' beans exist only once the engine is up.
        () -> taskRules.orderedStream().flatMap(r -> r.governingVariables().stream())
            .collect(java.util.stream.Collectors.toSet()));
    configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(new Interceptor());
    return list;
  }

  /** A refusal the engine's REST API and our callers turn into the UserError's problem+json. */
  static final class Refused extends ProcessEngineException {
    Refused(UserError cause) {
      super(cause.messageEn(), cause);
    }
  }

  private final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() == null) {
        TaskGuard.Actor actor = guard.currentActor();
        if (actor != null) {
          try {
            check(actor, command);
          } catch (UserError e) {
            throw new Refused(e);
          }
          return storingTexts(handBack(actor, command));
        }
        return storingTexts(command);
      }
      return next.execute(command);
    }

    /**
     * Completing a task whose form has fields a subsystem stores (CaseTextFields): they are taken out of the
     * submission, so that the engine never writes them as variables, and stored in the same transaction as the
     * completion, which the task's rules see through CaseTextFields.submitted(). Every caller goes through here:
     * GovFlow's task API and pages, the engine's REST API, our own services.
     */
    private <T> T storingTexts(Command<T> command) {
      String field = command instanceof CompleteTaskCmd ? "variables"
          : command instanceof SubmitTaskFormCmd ? "properties" : null;
      Object submitted = field == null ? null : fieldOrNull(command, field);
      if (!(submitted instanceof Map<?, ?> variables) || variables.isEmpty()
          || textFields.orderedStream().noneMatch(f -> f.anyTaskFields().stream().anyMatch(variables::containsKey))) {
        return next.execute(command);
      }
      String[] place = engine.getCommandExecutorTxRequired().execute(new ReadPlace(field(command, "taskId")));
      CaseTextFields stored = place == null || place[2] == null ? null : textFields.orderedStream()
          .filter(f -> f.processKey().equals(place[0])).findFirst().orElse(null);
      Set<String> names = stored == null ? Set.of() : stored.fields(place[1]);
      if (names.isEmpty()) {
        return next.execute(command);
      }
      Map<String, Object> taken = new LinkedHashMap<>();
      VariableMap rest = Variables.createVariables();
      for (Object key : variables.keySet()) {
        String name = String.valueOf(key);
        if (names.contains(name)) {
          taken.put(name, variables.get(key));
        } else if (variables instanceof VariableMap typed) {
          rest.putValueTyped(name, typed.getValueTyped(name));
        } else {
          rest.put(name, variables.get(key));
        }
      }
      if (taken.isEmpty()) {
        return next.execute(command);
      }
      setField(command, field, rest);
      Supplier<T> completion = () -> {
        stored.store(place[2], place[1], taken);
        return CaseTextFields.during(taken, () -> next.execute(command));
      };
      // The engine's transaction interceptor joins this transaction: the stored texts and the completion commit
      // or roll back together.
      return engine instanceof SpringProcessEngineConfiguration spring && spring.getTransactionManager() != null
          ? new TransactionTemplate(spring.getTransactionManager()).execute(status -> completion.get())
          : completion.get();
    }
  }

  /** A task's process definition key, task definition key and business key; null when it has no process. */
  private record ReadPlace(String taskId) implements Command<String[]> {
    @Override
    public String[] execute(CommandContext context) {
      if (taskId == null) {
        return null;
      }
      context.disableAuthorizationCheck();
      try {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null || task.getProcessInstanceId() == null || task.getProcessDefinitionId() == null) {
          return null;
        }
        String processKey = context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
        return new String[] {processKey, task.getTaskDefinitionKey(), task.getProcessInstance().getBusinessKey()};
      } finally {
        context.enableAuthorizationCheck();
      }
    }
  }

  /** Replaces a command's argument (see fieldOrNull); a missing field fails loudly. */
  private static void setField(Object target, String name, Object value) {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        f.set(target, value);
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot write " + name + " of " + target.getClass().getName(), e);
      }
    }
    throw new IllegalStateException("The engine's " + target.getClass().getName() + " has no field " + name);
  }

  private void check(TaskGuard.Actor actor, Command<?> command) {
    if (command instanceof CompleteTaskCmd) { // ResolveTaskCmd included
      TaskGuard.TaskFacts task = guard.facts(field(command, "taskId"));
      if (task != null) {
        guard.checkCompletion(actor.userId(), task, field(command, "variables"));
      }
    } else if (command instanceof SubmitTaskFormCmd) {
      TaskGuard.TaskFacts task = guard.facts(field(command, "taskId"));
      if (task != null) {
        guard.checkCompletion(actor.userId(), task, field(command, "properties"));
      }
    } else if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd) {
      TaskGuard.TaskFacts task = guard.facts(field(command, "entityId"));
      if (task != null) {
        guard.checkTaskVariables(actor, task, names(command));
      }
    } else if (command instanceof PatchTaskVariablesCmd) {
      TaskGuard.TaskFacts task = guard.facts(field(command, "entityId"));
      if (task != null) {
        guard.checkTaskVariables(actor, task, names(command));
      }
    } else if (command instanceof SetExecutionVariablesCmd || command instanceof RemoveExecutionVariablesCmd
        || command instanceof PatchExecutionVariablesCmd) {
      // A process instance's variables are the case itself: administrators only, and never the governing ones.
      guard.requireAdmin(actor);
      guard.checkGoverning(names(command));
    } else if (command instanceof ClaimTaskCmd) {
      TaskGuard.TaskFacts task = guard.facts(field(command, "taskId"));
      if (task != null) {
        guard.checkClaim(actor, task, field(command, "userId"));
      }
    } else if (command instanceof AssignTaskCmd) {
      TaskGuard.TaskFacts task = guard.facts(field(command, "taskId"));
      if (task != null) {
        guard.checkAssign(actor, task, field(command, "userId"));
      }
    } else if (command instanceof DelegateTaskCmd) {
      TaskGuard.TaskFacts task = guard.facts(field(command, "taskId"));
      if (task != null) {
        guard.checkDelegate(actor, task, field(command, "userId"));
      }
    } else if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd
        || command instanceof AbstractSetTaskPropertyCmd<?> || command instanceof DeleteTaskCmd
        || command instanceof SaveTaskCmd || command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd || command instanceof AbstractCorrelateMessageCmd
        || command instanceof SignalCmd || command instanceof SignalEventReceivedCmd
        || command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof ProcessInstanceModificationBatchCmd) {
      // Owners, candidates, properties, deletion, ending a task by an error, messages, signals and moving tokens:
      // each can hand a case to someone else or write its variables. Administrators only.
      guard.requireAdmin(actor);
    }
  }

  /**
   * The engine's unclaim (REST {@code /task/{id}/unclaim}, Tasklist) is setAssignee(id, null), which the engine
   * authorizes as assigning (TASK_ASSIGN or UPDATE); with {@code defaultUserPermissionNameForTask: TASK_WORK} the
   * holder has neither, and granting them would also let them assign. Once the guard has allowed the hand-back
   * (the holder, a task with candidates), it runs as claim(id, null): the same change, authorized as work on
   * the task, which the holder has. Administrators keep the engine's own command.
   */
  @SuppressWarnings("unchecked")
  private <T> Command<T> handBack(TaskGuard.Actor actor, Command<T> command) {
    if (command instanceof AssignTaskCmd && !actor.admin() && fieldOrNull(command, "userId") == null) {
      String taskId = field(command, "taskId");
      // A task that does not exist keeps the engine's own answer (404).
      if (guard.facts(taskId) != null) {
        return (Command<T>) new ClaimTaskCmd(taskId, null);
      }
    }
    return command;
  }

  /** The variable names a variable command writes or removes. */
  private static Collection<String> names(Command<?> command) {
    Set<String> names = new LinkedHashSet<>();
    if (command instanceof AbstractVariableCmd) {
      Object variables = fieldOrNull(command, "variables");
      if (variables instanceof Map<?, ?> m) {
        m.keySet().forEach(k -> names.add(String.valueOf(k)));
      }
      Object removed = fieldOrNull(command, "variableNames");
      if (removed instanceof Collection<?> c) {
        c.forEach(k -> names.add(String.valueOf(k)));
      }
    } else {
      Object variables = fieldOrNull(command, "variables");
      if (variables instanceof Map<?, ?> m) {
        m.keySet().forEach(k -> names.add(String.valueOf(k)));
      }
      Object deletions = fieldOrNull(command, "deletions");
      if (deletions instanceof Collection<?> c) {
        c.forEach(k -> names.add(String.valueOf(k)));
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static <V> V field(Object target, String name) {
    return (V) fieldOrNull(target, name);
  }

  /**
   * A command's field, read by reflection: the engine's commands keep their arguments in protected fields and
   * have no getters. A field missing after an engine upgrade fails loudly rather than letting the call through.
   */
  private static Object fieldOrNull(Object target, String name) {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + target.getClass().getName(), e);
      }
    }
    if ("variableNames".equals(name) || "deletions".equals(name) || "variables".equals(name)) {
      return null;
    }
    throw new IllegalStateException("The engine's " + target.getClass().getName() + " has no field " + name
        + ": the task guard must be updated for this engine version.");
  }
}
