package vn.govflow.outgoing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.govflow.audit.AuditLog;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.CaseTextFields;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;

/**
 * The rules of each user task of outgoing-document, checked when the task completes (from the API, the pages or
 * the task list alike): who may act, what the form must say, and the status and history that follow. The acting
 * person's place comes from the directory and our tables, never from a process variable.
 */
@Service
class OutgoingHandling {
  private final OutgoingMapper mapper;
  private final OutgoingDraftMapper drafts;
  private final OutgoingStaff staff;
  private final CaseHistory history;
  private final AuditLog audit;
  private final Clock clock;

  OutgoingHandling(OutgoingMapper mapper, OutgoingDraftMapper drafts, OutgoingStaff staff, CaseHistory history,
                   AuditLog audit, @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.drafts = drafts;
    this.staff = staff;
    this.history = history;
    this.audit = audit;
    this.clock = Clock.system(ZoneId.of(zone));
  }

  /** Task_Draft starts (first time, after a return, after the opinions): the handler holds the draft again. */
  void startDrafting(DelegateExecution execution) {
    execution.setVariable("next", "review");
    String id = execution.getProcessBusinessKey();
    mapper.moveStatus(id, OutgoingStatus.CONSULTING.name(), OutgoingStatus.DRAFTING.name());
    mapper.moveStatus(id, OutgoingStatus.IN_REVIEW.name(), OutgoingStatus.DRAFTING.name());
  }

  /** Task_Draft completes: to the consultation (asked through the API) or into the review chain. */
  void checkDraft(DelegateTask task) {
    OutgoingDocument doc = document(task);
    String actor = actor(task);
    if (!doc.drafter().equals(actor)) {
      throw UserError.forbidden("Chỉ người soạn thảo được trình dự thảo.", "Only the drafter submits the draft.");
    }
    if (doc.state() != OutgoingStatus.DRAFTING) {
      throw OutgoingDrafting.conflict("outgoing-wrong-status", "Dự thảo không ở bước soạn thảo.",
          "The draft is not being drafted.");
    }
    int version = drafts.lastVersionNo(doc.id());
    if ("consult".equals(task.getVariable("next"))) {
      mapper.moveStatus(doc.id(), OutgoingStatus.DRAFTING.name(), OutgoingStatus.CONSULTING.name());
      return;
    }
    List<String> departmentHeads = staff.departmentHeads(doc.departmentId(), doc.drafter());
    List<String> supervisors = staff.supervisors(doc.departmentId(), doc.agencyCode());
    List<String> signers = "deputy".equals(task.getVariable("signerLevel")) ? supervisors
        : staff.heads(doc.agencyCode());
    if (signers.isEmpty()) {
      throw OutgoingDrafting.conflict("outgoing-no-signer", "Cơ quan chưa có lãnh đạo để ký văn bản.",
          "The agency has no leader to sign the document.");
    }
    task.getExecution().setVariable("departmentHeads", String.join(",", departmentHeads));
    task.getExecution().setVariable("departmentReview", !departmentHeads.isEmpty());
    task.getExecution().setVariable("supervisors", String.join(",", supervisors));
    task.getExecution().setVariable("signers", String.join(",", signers));
    mapper.moveStatus(doc.id(), OutgoingStatus.DRAFTING.name(), OutgoingStatus.IN_REVIEW.name());
    history.record(OutgoingCaseType.TYPE, doc.id(), now(), actor, null, "SUBMITTED", "Phiên bản " + version);
    audit.record("outgoing.draft.submit", "outgoing-document", doc.id(), "v" + version);
  }

  /** Task_GiveOpinion / Task_AgencyOpinion: the opinion's text goes to out_opinion beside its version. */
  void checkOpinion(DelegateTask task) {
    OutgoingDocument doc = document(task);
    String actor = actor(task);
    boolean agency = "Task_AgencyOpinion".equals(task.getTaskDefinitionKey());
    Map<?, ?> request = (Map<?, ?>) task.getVariable(agency ? "agencyRequest" : "opinionRequest");
    int position = ((Number) request.get("position")).intValue();
    if (agency && !staff.isStaffOf(actor, String.valueOf(request.get("agencyCode")))) {
      throw UserError.forbidden("Chỉ lãnh đạo, văn thư của cơ quan được hỏi ý kiến mới góp ý.",
          "Only the consulted agency's leaders or clerk give its opinion.");
    }
    Object text = CaseTextFields.submitted().get("opinion");
    String opinion = text == null ? "" : text.toString().trim();
    if (opinion.isEmpty() || opinion.length() > 4000) {
      OutgoingDrafting.fail(List.of(new FieldProblem("opinion", "Nhập ý kiến góp ý (tối đa 4.000 ký tự).",
          "Give the opinion (at most 4,000 characters).")));
    }
    OffsetDateTime at = now();
    if (drafts.giveOpinion(doc.id(), position, actor, at, opinion) != 1) {
      throw OutgoingDrafting.conflict("outgoing-opinion-given", "Ý kiến này đã được gửi.",
          "This opinion was already given.");
    }
    Integer version = drafts.consultedVersion(doc.id());
    history.record(OutgoingCaseType.TYPE, doc.id(), at, actor, null, "OPINION_GIVEN",
        "Phiên bản " + version + ": " + opinion);
    audit.record("outgoing.draft.opinion", "outgoing-document", doc.id(), "v" + version + ", ý kiến " + position);
  }

  /** Task_ReviewDepartment / Task_ReviewDeputy: approve, or return to the handler with a comment. */
  void checkReview(DelegateTask task) {
    OutgoingDocument doc = document(task);
    String actor = actor(task);
    boolean department = "Task_ReviewDepartment".equals(task.getTaskDefinitionKey());
    List<String> allowed = department ? staff.departmentHeads(doc.departmentId(), doc.drafter())
        : staff.supervisors(doc.departmentId(), doc.agencyCode());
    if (!allowed.contains(actor)) {
      throw UserError.forbidden(department ? "Chỉ lãnh đạo phòng soạn thảo được kiểm tra dự thảo."
              : "Chỉ phó thủ trưởng phụ trách được duyệt dự thảo.",
          department ? "Only the drafting department's head reviews the draft."
              : "Only the supervising deputy head approves the draft.");
    }
    requireInReview(doc);
    String decision = decision(task, "approve");
    String comment = comment();
    if ("return".equals(decision)) {
      returned(doc, actor, comment);
      return;
    }
    String step = department ? "APPROVED_DEPARTMENT" : "APPROVED_DEPUTY";
    history.record(OutgoingCaseType.TYPE, doc.id(), now(), actor, null, step, comment);
    audit.record("outgoing.draft.approve", "outgoing-document", doc.id(), step);
  }

  /** Task_Sign: "sign" only once the signature is stored (the sign action), or return with a comment. */
  void checkSign(DelegateTask task) {
    OutgoingDocument doc = document(task);
    String actor = actor(task);
    String decision = decision(task, "sign");
    if ("sign".equals(decision)) {
      if (doc.state() != OutgoingStatus.SIGNED || !actor.equals(doc.signer())) {
        throw OutgoingDrafting.conflict("outgoing-not-signed", "Văn bản chưa được ký số: hãy ký trên trang văn bản.",
            "The document is not digitally signed yet: sign it on its page.");
      }
      return;
    }
    List<String> signers = "deputy".equals(task.getVariable("signerLevel"))
        ? staff.supervisors(doc.departmentId(), doc.agencyCode()) : staff.heads(doc.agencyCode());
    if (!signers.contains(actor)) {
      throw UserError.forbidden("Chỉ người có thẩm quyền ký được trả lại ở bước này.",
          "Only the signer may return the draft at this step.");
    }
    requireInReview(doc);
    returned(doc, actor, comment());
  }

  /**
   * Task_Issue: completed by the issuing action once the document is ISSUED, never before (through the engine's
   * REST API the clerk is told to issue on GovFlow's page).
   */
  void checkIssued(DelegateTask task) {
    OutgoingDocument doc = document(task);
    // As the issuing action requires (OutgoingIssueService.issue): the agency's clerk, whoever holds the step.
    if (!staff.withRole(doc.agencyCode(), vn.govflow.identity.Roles.CLERK).contains(actor(task))) {
      throw UserError.forbidden("Chỉ văn thư cơ quan được phát hành văn bản.",
          "Only the agency's clerk issues documents.");
    }
    if (doc.state() != OutgoingStatus.ISSUED) {
      throw OutgoingDrafting.conflict("outgoing-not-issued", "Văn bản chưa được cấp số và phát hành: hãy cấp số,"
          + " phát hành trên trang văn bản của GovFlow.",
          "The document has not been numbered and issued yet: number and issue it on its GovFlow page.");
    }
  }

  private void returned(OutgoingDocument doc, String actor, String comment) {
    if (comment == null) {
      OutgoingDrafting.fail(List.of(new FieldProblem("comment", "Ghi ý kiến khi trả lại dự thảo.",
          "Give a comment when returning the draft.")));
    }
    OffsetDateTime at = now();
    drafts.setReturned(doc.id(), actor, at, comment);
    history.record(OutgoingCaseType.TYPE, doc.id(), at, actor, null, "RETURNED", comment);
    audit.record("outgoing.draft.return", "outgoing-document", doc.id(), "returned to " + doc.drafter());
  }

  private static void requireInReview(OutgoingDocument doc) {
    if (doc.state() != OutgoingStatus.IN_REVIEW) {
      throw OutgoingDrafting.conflict("outgoing-wrong-status", "Văn bản không ở bước duyệt.",
          "The document is not in review.");
    }
  }

  /**
   * The decision submitted with this completion, never a process variable: the previous step's decision stays one,
   * and an empty completion through the engine's REST API would otherwise act on it (the deputy's step approved
   * by the department head's "approve"). Written back for the gateway after the step.
   */
  private static String decision(DelegateTask task, String yes) {
    Object d = CaseTextFields.submitted().get("decision");
    if (!yes.equals(d) && !"return".equals(d)) {
      OutgoingDrafting.fail(List.of(new FieldProblem("decision", "Chọn đồng ý hoặc trả lại.",
          "Choose to approve or to return.")));
    }
    task.getExecution().setVariable("decision", d);
    return (String) d;
  }

  private static String comment() {
    Object c = CaseTextFields.submitted().get("comment");
    if (c == null || c.toString().isBlank()) {
      return null;
    }
    String text = c.toString().trim();
    if (text.length() > 4000) {
      OutgoingDrafting.fail(List.of(new FieldProblem("comment", "Ý kiến tối đa 4.000 ký tự.",
          "The comment has at most 4,000 characters.")));
    }
    return text;
  }

  private OutgoingDocument document(DelegateTask task) {
    String id = task.getExecution().getProcessBusinessKey();
    OutgoingDocument doc = id == null ? null : mapper.find(id);
    if (doc == null || doc.processInstanceId() != null && !doc.processInstanceId().equals(task.getProcessInstanceId())) {
      throw new UserError(HttpStatus.CONFLICT, "outgoing-case-mismatch",
          "Quy trình này không phải quy trình của văn bản đi nào.",
          "This process instance is not the process of any outgoing document.");
    }
    return doc;
  }

  /** The engine's signed-in person (task list, engine REST) or else the task's holder (our API claims first). */
  private static String actor(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  static List<String> split(String csv) {
    List<String> out = new ArrayList<>();
    if (csv != null) {
      for (String s : csv.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }
}
