package vn.govflow.portal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.engine.ModuleDelegates;
import vn.govflow.casework.CaseReminders;
import vn.govflow.casework.TaskRules;

/**
 * The beans the portal-question process calls by name; the rules live in {@link AnswerRules}, the steps in
 * {@link QuestionRouting} and {@link AnswerDelivery}.
 */
@Configuration
@ModuleDelegates("portal")
class PortalDelegates {
  /** On every user task's completion: its role, its form's rules, then the history entry. */
  @Bean
  TaskRules portalTaskHistory(AnswerRules rules) {
    return TaskRules.forProcess(PortalCaseType.PROCESS_KEY)
        .task("Task_Triage", t -> rules.checkTask(t, rules::checkTriage))
        .task("Task_Classify", t -> rules.checkTask(t, rules::checkClassify))
        .task("Task_GiveOpinion", t -> rules.checkTask(t, rules::checkOpinion))
        .task("Task_AgencyOpinion", t -> rules.checkTask(t, rules::checkOpinion))
        .task("Task_Draft", t -> rules.checkTask(t, rules::checkDraft))
        .task("Task_Approve", t -> rules.checkTask(t, rules::checkApproval))
        .build();
  }

  @Bean
  JavaDelegate portalRoute(QuestionRouting routing) {
    return routing::route;
  }

  @Bean
  JavaDelegate portalForward(QuestionRouting routing) {
    return routing::forward;
  }

  @Bean
  JavaDelegate portalDeadline(QuestionRouting routing) {
    return routing::deadline;
  }

  @Bean
  JavaDelegate portalStatus(QuestionRouting routing) {
    return execution -> routing.status(execution, (String) execution.getVariableLocal("status"));
  }

  /** Instances started on deployments before the shared {@code caseReminders} still name this bean. */
  @Bean
  JavaDelegate portalNotify(CaseReminders reminders) {
    return reminders::execute;
  }

  @Bean
  JavaDelegate portalSendAnswer(AnswerDelivery delivery) {
    return delivery::sendAnswer;
  }

  @Bean
  JavaDelegate portalSendAppointment(AnswerDelivery delivery) {
    return delivery::sendAppointment;
  }

  @Bean
  JavaDelegate portalPublish(AnswerDelivery delivery) {
    return delivery::publish;
  }
}
