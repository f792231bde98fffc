package vn.govflow.portal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.engine.ModuleDelegates;
import vn.govflow.casework.CaseReminders;
import vn.govflow.casework.TaskRules;

/** The beans the portal-question process calls by name; the rules live in {@link PortalHandling}. */
@Configuration
@ModuleDelegates("portal")
class PortalDelegates {
  /** On every user task's completion: its role, its form's rules, then the history entry. */
  @Bean
  TaskRules portalTaskHistory(PortalHandling handling) {
    return TaskRules.forProcess(PortalCaseType.PROCESS_KEY)
        .task("Task_Triage", t -> handling.checkTask(t, handling::checkTriage))
        .task("Task_Classify", t -> handling.checkTask(t, handling::checkClassify))
        .task("Task_GiveOpinion", t -> handling.checkTask(t, handling::checkOpinion))
        .task("Task_Draft", t -> handling.checkTask(t, handling::checkDraft))
        .task("Task_Approve", t -> handling.checkTask(t, handling::checkApproval))
        .build();
  }

  @Bean
  JavaDelegate portalRoute(PortalHandling handling) {
    return handling::route;
  }

  @Bean
  JavaDelegate portalForward(PortalHandling handling) {
    return handling::forward;
  }

  @Bean
  JavaDelegate portalDeadline(PortalHandling handling) {
    return handling::deadline;
  }

  @Bean
  JavaDelegate portalStatus(PortalHandling handling) {
    return execution -> handling.status(execution, (String) execution.getVariableLocal("status"));
  }

  /** Instances started on deployments before the shared {@code caseReminders} still name this bean. */
  @Bean
  JavaDelegate portalNotify(CaseReminders reminders) {
    return reminders::execute;
  }

  @Bean
  JavaDelegate portalSendAnswer(PortalHandling handling) {
    return handling::sendAnswer;
  }

  @Bean
  JavaDelegate portalSendAppointment(PortalHandling handling) {
    return handling::sendAppointment;
  }

  @Bean
  JavaDelegate portalPublish(PortalHandling handling) {
    return handling::publish;
  }
}
