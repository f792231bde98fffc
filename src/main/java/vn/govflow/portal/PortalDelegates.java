package vn.govflow.portal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the portal-question process calls by name; the rules live in {@link PortalHandling}. */
@Configuration
class PortalDelegates {
  @Bean
  TaskListener portalTaskHistory(PortalHandling handling) {
    return handling::checkTask;
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

  @Bean
  JavaDelegate portalNotify(PortalHandling handling) {
    return execution -> handling.notifyDeadline(execution, (String) execution.getVariableLocal("kind"));
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
