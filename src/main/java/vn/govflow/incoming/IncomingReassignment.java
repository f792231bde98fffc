package vn.govflow.incoming;

import static vn.govflow.incoming.Text.trim;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.identity.CurrentUser;

/** The lead handler's request to be reassigned: it interrupts the handling and goes back to the leader. */
@Service
class IncomingReassignment {
  private final IncomingService incoming;
  private final TaskService taskService;
  private final RuntimeService runtime;
  private final AuditLog audit;

  IncomingReassignment(IncomingService incoming, TaskService taskService, RuntimeService runtime, AuditLog audit) {
    this.incoming = incoming;
    this.taskService = taskService;
    this.runtime = runtime;
    this.audit = audit;
  }

  /**
   * The lead handler asks the leader to give the document to someone else (interrupts the handling and
   * brings it back to the leader's direction task).
   */
  @Transactional
  public void requestReassignment(String id, String reason, CurrentUser me) {
    IncomingDocument d = incoming.find(id, me).orElseThrow(UserError::notFound);
    String why = trim(reason);
    if (why == null) {
      throw new UserError(HttpStatus.BAD_REQUEST, "incoming-reason", "Cần ghi lý do đề nghị giao lại.",
          "Give the reason for asking to be reassigned.", List.of(new FieldProblem("reason",
              "Cần ghi lý do đề nghị giao lại.", "Give the reason for asking to be reassigned.")), Map.of());
    }
    boolean handling = d.processInstanceId() != null && taskService.createTaskQuery()
        .processInstanceId(d.processInstanceId()).taskDefinitionKey("Task_Handle").taskAssignee(me.username())
        .count() > 0;
    if (!handling) {
      throw UserError.forbidden("Chỉ người chủ trì đang xử lý văn bản mới đề nghị giao lại được.",
          "Only the lead handler currently handling the document can ask to be reassigned.");
    }
    incoming.recordEvent(id, me.username(), "REASSIGN_REQUESTED", why);
    runtime.createMessageCorrelation("IncomingReassignRequested").processInstanceId(d.processInstanceId())
        .setVariable("reassignReason", why).correlate();
    audit.record("incoming.reassign-request", "incoming-document", id, why);
  }
}
