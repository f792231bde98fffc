package vn.govflow.incoming;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the incoming-document process calls by name. Each only hands over to {@link IncomingHandling},
 * where the rules live and can be tested without the engine.
 */
@Configuration
class IncomingDelegates {
  @Bean
  JavaDelegate incomingDirection(IncomingHandling handling) {
    return handling::applyDirection;
  }

  @Bean
  JavaDelegate incomingStatus(IncomingHandling handling) {
    return execution -> handling.markStatus(execution, (String) execution.getVariableLocal("status"));
  }

  @Bean
  JavaDelegate incomingNotify(IncomingHandling handling) {
    return execution -> handling.notifyDeadline(execution, (String) execution.getVariableLocal("kind"));
  }

  /** On every user task's completion: checks the form against the rules and writes the phiếu giải quyết. */
  @Bean
  TaskListener incomingTaskHistory(IncomingHandling handling) {
    return task -> {
      switch (task.getTaskDefinitionKey()) {
        case "Task_Direct" -> handling.checkDirection(task);
        case "Task_PickHandler" -> handling.checkPickedHandler(task);
        case "Task_GiveOpinion" -> handling.checkOpinion(task);
        case "Task_Handle" -> handling.checkHandled(task);
        case "Task_ReviewReturned" -> handling.recordReview(task);
        default -> { }
      }
    };
  }

  /** The model names the opinion listener separately; it is the same check. */
  @Bean
  TaskListener incomingOpinions(IncomingHandling handling) {
    return handling::checkOpinion;
  }
}
