package vn.govflow.portal.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.govflow.calendar.WorkingDaysExpressions;

/**
 * Test doubles of the nine beans the portal-question process calls, doing what the contract says and recording
 * every call. Registered in the engine's beans map under the names the model uses.
 */
final class PortalTestDelegates {
  /** Agency short name → staff usernames, as the identity directory would answer for peopleOptions. */
  static final Map<String, List<String>> AGENCY_STAFF = Map.of(
      "skhcn", List.of("cv.an", "cv.binh", "cv.chi"),
      "vpubnd", List.of("cv.hoa", "cv.khanh"));

  final TaskHistory history = new TaskHistory();
  final Status status = new Status();
  final Route route = new Route();
  final Forward forward = new Forward();
  final Deadline deadline;
  final Notify notify = new Notify();
  final Publish publish = new Publish();
  final SendAnswer send = new SendAnswer();
  final SendAppointment appointment = new SendAppointment();

  PortalTestDelegates(WorkingDaysExpressions workingDays) {
    this.deadline = new Deadline(workingDays);
  }

  void reset() {
    history.calls.clear();
    status.calls.clear();
    route.calls.clear();
    forward.calls.clear();
    deadline.calls.clear();
    notify.calls.clear();
    publish.calls.clear();
    send.calls.clear();
    appointment.calls.clear();
  }

  static Object peopleOptions(String agency) {
    StringBuilder options = new StringBuilder("[");
    for (String u : AGENCY_STAFF.get(agency)) {
      options.append(options.length() > 1 ? "," : "").append("{\"label\":\"").append(u)
          .append("\",\"value\":\"").append(u).append("\"}");
    }
    return SpinValues.jsonValue(options.append("]").toString()).create();
  }

  static String knownAgency(Object value, String what) {
    if (!(value instanceof String s) || !AGENCY_STAFF.containsKey(s)) {
      throw new IllegalArgumentException("Unknown agency for " + what + ": " + value);
    }
    return s;
  }

  /** {@code portalTaskHistory}: records which user tasks completed (the real one checks forms, writes history). */
  static final class TaskHistory implements TaskListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void notify(DelegateTask task) {
      calls.add(task.getTaskDefinitionKey());
    }
  }

  /** {@code portalStatus}: writes the question's status; reads the local input {@code status}. */
  static final class Status implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      calls.add(execution.getProcessBusinessKey() + ":" + execution.getVariableLocal("status"));
    }
  }

  /** {@code portalRoute}: validates {@code routeTo}, sets {@code agency} = routeTo and its {@code peopleOptions}. */
  static final class Route implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      String agency = knownAgency(execution.getVariable("routeTo"), "routeTo");
      calls.add(execution.getProcessBusinessKey() + ":" + agency);
      execution.setVariable("agency", agency);
      execution.setVariable("peopleOptions", peopleOptions(agency));
    }
  }

  /**
   * {@code portalForward}: validates {@code forwardTo} (known, not the current agency), sets {@code agency} =
   * forwardTo, {@code forwardedFrom}, refreshes {@code peopleOptions} and clears the previous leader's
   * classification so the new agency's leader starts clean. Never touches {@code dueAt}.
   */
  static final class Forward implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      String from = (String) execution.getVariable("agency");
      String to = knownAgency(execution.getVariable("forwardTo"), "forwardTo");
      if (to.equals(from)) {
        throw new IllegalArgumentException("Cannot forward a question to the agency that holds it: " + to);
      }
      calls.add(from + "->" + to);
      execution.setVariable("forwardedFrom", from);
      execution.setVariable("agency", to);
      execution.setVariable("peopleOptions", peopleOptions(to));
      execution.setVariable("classification", null);
      execution.setVariable("forwardTo", null);
      execution.setVariable("handler", null);
    }
  }

  /**
   * {@code portalDeadline}: {@code dueAt} = {@code answerDays} working days counted from {@code receivedAt} on the
   * calendar; {@code coordinators} becomes a java.util.List (empty unless multi-sector) for the multi-instance.
   */
  static final class Deadline implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final WorkingDaysExpressions workingDays;

    Deadline(WorkingDaysExpressions workingDays) {
      this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object days = execution.getVariable("answerDays");
      if (!(days instanceof Number n)) {
        throw new IllegalArgumentException("No answer deadline for classification "
            + execution.getVariable("classification") + " and appointment " + execution.getVariable("appointmentDays"));
      }
      Date dueAt = workingDays.dueAt(execution.getVariable("receivedAt"), n.intValue());
      calls.add(execution.getProcessBusinessKey() + ":" + n.intValue() + ":" + dueAt.toInstant());
      execution.setVariable("dueAt", dueAt);
      List<String> coordinators = "multi-sector".equals(execution.getVariable("classification"))
          ? strings(execution.getVariable("coordinators")) : List.of();
      execution.setVariable("coordinators", Variables.objectValue(new ArrayList<>(coordinators))
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

  /** {@code caseReminders} (shared casework delegate): reminder or escalation (local input {@code kind}) to the handler, leader and editors. */
  static final class Notify implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      Date dueAt = (Date) execution.getVariable("dueAt");
      calls.add(execution.getVariableLocal("kind") + ":" + execution.getVariable("agency") + ":"
          + execution.getVariable("handler") + ":" + dueAt.toInstant());
    }
  }

  /** {@code portalPublish}: publishes and/or sends the approved answer per {@code publication}. */
  static final class Publish implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      Object citations = execution.getVariable("citations");
      int count = citations instanceof SpinJsonNode json ? json.elements().size() : 0;
      calls.add(execution.getProcessBusinessKey() + ":" + execution.getVariable("agency") + ":"
          + execution.getVariable("publication") + ":" + count);
    }
  }

  /** {@code portalSendAnswer}: sends the approved answer to the asker's address. */
  static final class SendAnswer implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      calls.add(execution.getProcessBusinessKey() + ":" + execution.getVariable("publication"));
    }
  }

  /** {@code portalSendAppointment}: tells the asker the appointment date of a special case. */
  static final class SendAppointment implements JavaDelegate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      calls.add(execution.getProcessBusinessKey() + ":" + ((Date) execution.getVariable("dueAt")).toInstant());
    }
  }
}
