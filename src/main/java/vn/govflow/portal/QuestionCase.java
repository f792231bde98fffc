package vn.govflow.portal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.govflow.casework.CaseHistory;
import vn.govflow.common.error.UserError;

/** The question a process instance or task answers, and the steps written to its history. */
@Component
class QuestionCase {
  private final PortalMapper mapper;
  private final CaseHistory history;

  QuestionCase(PortalMapper mapper, CaseHistory history) {
    this.mapper = mapper;
    this.history = history;
  }

  /**
   * The question this process instance answers: its business key, checked in our table to be the question whose
   * handling this instance is. A {@code questionId} variable is never trusted for it.
   */
  String caseOf(DelegateExecution execution) {
    return caseOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }

  String caseOf(DelegateTask task) {
    return caseOf(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
  }

  private String caseOf(String businessKey, String processInstanceId) {
    PortalMapper.Handling h = businessKey == null ? null : mapper.handling(businessKey);
    if (h == null || h.processInstanceId() != null && !h.processInstanceId().equals(processInstanceId)) {
      throw new UserError(HttpStatus.CONFLICT, "portal-case-mismatch",
          "Quy trình này không phải quy trình trả lời của câu hỏi nào.",
          "This process instance is not the answering of any question.");
    }
    return businessKey;
  }

  void event(Object questionId, String actor, String step, String comment) {
    history.record(PortalCaseType.TYPE, (String) questionId, actor, null, step, comment);
  }

  boolean hasEvent(String questionId, String step) {
    return history.hasStep(PortalCaseType.TYPE, questionId, step);
  }
}
