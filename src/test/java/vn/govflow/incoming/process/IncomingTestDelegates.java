package vn.govflow.incoming.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.govflow.calendar.WorkingDaysExpressions;

/**
 * Test doubles of the four beans the incoming-document process calls, doing what the contract says and recording
 * every call. Registered in the engine's beans map under the names the model uses.
 */
final class IncomingTestDelegates {
  /** Department id → heads (usernames) and staff, as the identity directory would answer. */
  static final Map<String, List<String>> DEPARTMENT_HEADS = Map.of("phong-qlkh", List.of("tp.qlkh", "pp.qlkh"));
  static final Map<String, List<String>> DEPARTMENT_STAFF = Map.of("phong-qlkh", List.of("cv.an", "cv.binh"));

  final Direction direction;
  final Status status = new Status();
  final Notify notify = new Notify();
  final Opinions opinions = new Opinions();
  final TaskHistory history = new TaskHistory();

  IncomingTestDelegates(WorkingDaysExpressions workingDays) {
    this.direction = new Direction(workingDays);
  }

  void reset() {
    direction.calls.clear();
    status.calls.clear();
    status.failing = false;
    notify.calls.clear();
    opinions.calls.clear();
    history.calls.clear();
  }

  /**
   * {@code incomingDirection}: validates the leader's direction and sets dueAt, handlingDays, leadHandler,
   * coordinators (a List, empty when none) and, for a department, departmentHeads and departmentPeopleOptions.
   */
  static final class Direction implements JavaDelegate {
    final List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();
    private final WorkingDaysExpressions workingDays;

    Direction(WorkingDaysExpressions workingDays) {
      this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object override = execution.getVariable("handlingDaysOverride");
      int days = override instanceof Number n ? n.intValue() : ((Number) execution.getVariable("deadlineDays")).intValue();
      String leadType = execution.getVariable("leadType") == null ? "person" : (String) execution.getVariable("leadType");
      List<String> coordinators = strings(execution.getVariable("coordinators"));
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("businessKey", execution.getProcessBusinessKey());
      call.put("days", days);
      call.put("leadType", leadType);
      calls.add(call);

      if ("department".equals(leadType)) {
        String department = (String) execution.getVariable("leadDepartment");
        List<String> heads = DEPARTMENT_HEADS.get(department);
        if (heads == null) {
          throw new IllegalArgumentException("Unknown department " + department);
        }
        execution.setVariable("departmentHeads", String.join(",", heads));
        StringBuilder options = new StringBuilder("[");
        for (String u : DEPARTMENT_STAFF.get(department)) {
          options.append(options.length() > 1 ? "," : "").append("{\"label\":\"").append(u)
              .append("\",\"value\":\"").append(u).append("\"}");
        }
        execution.setVariable("departmentPeopleOptions", SpinValues.jsonValue(options.append("]").toString()).create());
        execution.setVariable("leadHandler", null);
      } else {
        Object lead = execution.getVariable("leadHandler");
        if (!(lead instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException("A lead handler is required");
        }
        execution.setVariable("leadDepartment", null);
      }
      execution.setVariable("handlingDays", days);
      execution.setVariable("dueAt", workingDays.dueAt(ClockUtil.getCurrentTime(), days));
      // Tasklist submits a taglist as a Json variable; the multi-instance needs a java.util.List.
      execution.setVariable("coordinators", Variables.objectValue(coordinators)
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }

    static List<String> strings(Object value) {
      List<String> out = new ArrayList<>();
      if (value instanceof SpinJsonNode json) {
        json.elements().forEach(e -> out.add(e.stringValue()));
      } else if (value instanceof Collection<?> c) {
        c.forEach(e -> out.add(String.valueOf(e)));
      }
      return out;
    }
  }

  /** {@code incomingStatus}: writes the status of the document record; reads the local input {@code status}. */
  static final class Status implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void execute(DelegateExecution execution) {
      if (failing) {
        throw new IllegalStateException("document store unavailable");
      }
      calls.add(execution.getProcessBusinessKey() + ":" + execution.getVariableLocal("status"));
    }
  }

  /** {@code caseReminders} (shared casework delegate): reminder or escalation (local input {@code kind}) to the lead handler. */
  static final class Notify implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      Date dueAt = (Date) execution.getVariable("dueAt");
      calls.add(execution.getVariableLocal("kind") + ":" + execution.getVariable("leadHandler") + ":" + dueAt.toInstant());
    }
  }

  /** {@code incomingOpinions}: on completion of a coordinator's task, collects the opinion for the lead handler. */
  static final class Opinions implements TaskListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void notify(DelegateTask task) {
      calls.add(task.getVariable("coordinator") + ":" + task.getVariable("opinion"));
    }
  }

  /** {@code incomingTaskHistory}: records which user tasks completed (the real one checks forms, writes the slip). */
  static final class TaskHistory implements TaskListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void notify(DelegateTask task) {
      calls.add(task.getTaskDefinitionKey());
    }
  }
}
