package vn.govflow.incoming;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.engine.ModuleDelegates;
import vn.govflow.casework.CaseReminders;
import vn.govflow.casework.TaskRules;

/**
 * The beans the incoming-document process calls by name. Each only hands over to {@link IncomingSteps} (service
 * tasks) or {@link IncomingHandling} (form rules), where the work lives and can be tested without the engine.
 */
@Configuration
@ModuleDelegates("incoming")
class IncomingDelegates {
  @Bean
  JavaDelegate incomingDirection(IncomingSteps steps) {
    return steps::applyDirection;
  }

  /** Task_ForwardDirect: the clerk passed the document straight to its handler (issue #13 item 11a). */
  @Bean
  JavaDelegate incomingForward(IncomingSteps steps) {
    return steps::forwardDirectly;
  }

  /** The start event's listener: a receipt notice to a sender inside the province (issue #13 item 11c). */
  @Bean
  ExecutionListener incomingReceipt(IncomingSteps steps) {
    return steps::acknowledgeReceipt;
  }

  @Bean
  JavaDelegate incomingStatus(IncomingSteps steps) {
    return execution -> steps.markStatus(execution, (String) execution.getVariableLocal("status"));
  }

  /** Instances started on deployments before the shared {@code caseReminders} still name this bean. */
  @Bean
  JavaDelegate incomingNotify(CaseReminders reminders) {
    return reminders::execute;
  }

  /**
   * On every user task's completion: checks the form against the task's rules and writes the phiếu giải quyết.
   * The model names the opinion task's listener separately ({@code incomingOpinions}); it is the same table.
   */
  @Bean
  TaskRules incomingTaskHistory(IncomingHandling handling) {
    return TaskRules.forProcess(IncomingService.PROCESS_KEY)
        .task("Task_Direct", handling::checkDirection)
        .task("Task_ReviewReturned", handling::recordReview)
        .task("Task_PickHandler", handling::checkPickedHandler)
        .task("Task_GiveOpinion", handling::checkOpinion)
        .task("Task_Handle", handling::checkHandled)
        .task("Task_Handover", handling::recordHandover)
        .build();
  }

  @Bean
  TaskListener incomingOpinions(TaskRules incomingTaskHistory) {
    return incomingTaskHistory;
  }
}
