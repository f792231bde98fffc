package vn.govflow.incoming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.govflow.common.error.UserError;

/**
 * The document a process instance handles: its business key, checked in our table to be the document whose
 * handling this instance is. A {@code documentId} variable is never trusted for it.
 */
@Component
class IncomingByProcess {
  private final IncomingMapper mapper;

  IncomingByProcess(IncomingMapper mapper) {
    this.mapper = mapper;
  }

  IncomingDocument of(DelegateExecution execution) {
    return of(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }

  IncomingDocument of(DelegateTask task) {
    return of(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
  }

  /** The document when this instance is its handling; empty otherwise (nothing to act on, nothing to refuse). */
  java.util.Optional<IncomingDocument> ifHandling(DelegateExecution execution) {
    IncomingDocument doc = execution.getProcessBusinessKey() == null ? null
        : mapper.find(execution.getProcessBusinessKey());
    boolean handling = doc != null && (doc.processInstanceId() == null
        || doc.processInstanceId().equals(execution.getProcessInstanceId()));
    return handling ? java.util.Optional.of(doc) : java.util.Optional.empty();
  }

  private IncomingDocument of(String businessKey, String processInstanceId) {
    IncomingDocument doc = businessKey == null ? null : mapper.find(businessKey);
    if (doc == null || doc.processInstanceId() != null && !doc.processInstanceId().equals(processInstanceId)) {
      throw new UserError(HttpStatus.CONFLICT, "incoming-case-mismatch",
          "Quy trình này không phải quy trình xử lý của văn bản đến nào.",
          "This process instance is not the handling of any incoming document.");
    }
    return doc;
  }
}
