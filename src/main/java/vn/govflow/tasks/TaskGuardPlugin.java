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
import org.springframework.context.annotation.Lazy;
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
  private TaskGuard guard;

  TaskGuardPlugin(@Lazy IdentityDirectory directory) {
    this.directory = directory;
  }

  /** The guard, once the engine is configured (our API shares it). */
  TaskGuard guard() {
    return guard;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    guard = new TaskGuard(configuration, user -> directory.person(user)
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind())).map(Person::agencyCode));
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
          return next.execute(handBack(actor, command));
        }
      }
      return next.execute(command);
    }
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
