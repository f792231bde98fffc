package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.SsoClient;

/**
 * The task guard (issue 14), each hole written as the attack a signed-in person would send, through our API and
 * through the engine's REST API (what Tasklist and Cockpit call): only the holder acts, a task takes only its
 * form's fields, the case is the business key checked in our tables, and each decision checks its role.
 */
interface TaskGuardScenarios extends IncomingTestSupport {

  /** A document registered by the clerk (optionally presented to a leader), its id and process instance. */
  private String[] registered(SsoClient clerk, String extra) throws Exception {
    HttpResponse<String> r = register(clerk, document("G" + System.nanoTime() % 1_000_000 + "/UBND",
        "Kiểm tra chốt chặn công việc", extra), "a.txt", text("x"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = JSON.readTree(r.body());
    return new String[] {created.get("id").asText(), created.get("processInstanceId").asText()};
  }

  private List<String> steps(String documentId) {
    return bean(JdbcTemplate.class).queryForList("SELECT step FROM case_history WHERE case_type = 'incoming' AND case_id = ?"
        + " ORDER BY occurred_at, id", String.class, documentId);
  }

  private String status(String documentId) {
    return bean(JdbcTemplate.class).queryForObject("SELECT status FROM inc_document WHERE id = ?", String.class,
        documentId);
  }

  private String code(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type")).as(r.body())
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    return JSON.readTree(r.body()).get("code").asText();
  }

  @Test
  default void aLeaderCompletingHisDirectionWithAnotherAgencysDocumentIdChangesNothingOfTheirs() throws Exception {
    String[] theirs = registered(signIn("hoadt.vpubnd"), "");
    String[] ours = registered(signIn("lannt.skhcn"), "");
    Task direct = awaitTask(ours[1], "Task_Direct");
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    String attack = "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\","
        + " \"handlingDaysOverride\": 365, \"documentId\": \"" + theirs[0] + "\"}";

    HttpResponse<String> viaApi = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete", attack);
    assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(400);
    assertThat(code(viaApi)).isEqualTo("task-variable-governed");

    HttpResponse<String> viaEngine = hung.postJson("/engine-rest/task/" + direct.getId() + "/complete",
        "{\"variables\": {\"decision\": {\"value\": \"assign\"}, \"leadType\": {\"value\": \"person\"},"
            + " \"leadHandler\": {\"value\": \"anhdd.skhcn\"}, \"documentId\": {\"value\": \"" + theirs[0] + "\"}}}");
    assertThat(viaEngine.statusCode()).as(viaEngine.body()).isEqualTo(400);
    assertThat(code(viaEngine)).isEqualTo("task-variable-governed");

    assertThat(status(theirs[0])).isEqualTo(IncomingDocument.REGISTERED);
    assertThat(steps(theirs[0])).containsExactly("REGISTERED");
    assertThat(bean(TaskService.class).createTaskQuery().taskId(direct.getId()).count()).isEqualTo(1);
    assertThat(bean(RuntimeService.class).getVariable(ours[1], "documentId")).isEqualTo(ours[0]);
  }

  /**
   * A process instance started beside GovFlow (a designer's, say) naming another agency's document as its case:
   * the delegates find the document by the business key and see it is not that document's handling.
   */
  @Test
  default void aProcessThatIsNotTheDocumentsHandlingCannotDirectIt() throws Exception {
    String[] theirs = registered(signIn("hoadt.vpubnd"), "");
    String forged = bean(RuntimeService.class).startProcessInstanceByKey("incoming-document", theirs[0],
        Map.of("documentId", theirs[0], "agency", "skhcn", "agencyCode", "000.00.12.H37", "title", "Giả mạo",
            "urgency", "thuong", "peopleOptions", new java.util.ArrayList<>(),
            "departmentOptions", new java.util.ArrayList<>())).getId();
    Task direct = awaitTask(forged, "Task_Direct");
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    HttpResponse<String> r = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    assertThat(code(r)).isEqualTo("incoming-case-mismatch");
    assertThat(status(theirs[0])).isEqualTo(IncomingDocument.REGISTERED);
    assertThat(steps(theirs[0])).containsExactly("REGISTERED");
    bean(RuntimeService.class).deleteProcessInstance(forged, "test");
  }

  @Test
  default void aHandlerCannotSetDocumentIdOnHisOwnTaskThroughTheEngine() throws Exception {
    String[] theirs = registered(signIn("hoadt.vpubnd"), "");
    String[] ours = registered(signIn("lannt.skhcn"), "");
    Task handle = directedToAnh(ours[1]);
    SsoClient anh = signIn("anhdd.skhcn");
    String value = "{\"value\": \"" + theirs[0] + "\", \"type\": \"String\"}";

    HttpResponse<String> put = anh.putJson("/engine-rest/task/" + handle.getId() + "/variables/documentId", value);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
    assertThat(code(put)).isEqualTo("task-variable-governed");
    HttpResponse<String> local = anh.putJson("/engine-rest/task/" + handle.getId() + "/localVariables/documentId",
        value);
    assertThat(local.statusCode()).as(local.body()).isEqualTo(400);
    HttpResponse<String> modify = anh.postJson("/engine-rest/task/" + handle.getId() + "/variables",
        "{\"modifications\": {\"documentId\": " + value + "}}");
    assertThat(modify.statusCode()).as(modify.body()).isEqualTo(400);
    // Not a field of the handling form either: refused even under a harmless-looking name.
    HttpResponse<String> other = anh.putJson("/engine-rest/task/" + handle.getId() + "/variables/leadHandler",
        "{\"value\": \"thaomt.vpubnd\", \"type\": \"String\"}");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(400);
    assertThat(code(other)).isEqualTo("task-field-not-in-form");
    // The case's own variables are not the staff's to write at all.
    HttpResponse<String> instance = anh.putJson("/engine-rest/process-instance/" + ours[1]
        + "/variables/documentId", value);
    assertThat(instance.statusCode()).as(instance.body()).isIn(403, 404);

    assertThat(bean(RuntimeService.class).getVariable(ours[1], "documentId")).isEqualTo(ours[0]);
    assertThat(bean(RuntimeService.class).getVariable(ours[1], "leadHandler")).isEqualTo("anhdd.skhcn");
    assertThat(bean(TaskService.class).getVariablesLocal(handle.getId())).doesNotContainKey("documentId");

    // With TASK_WORK the engine lets the holder work the task, not edit its variables apart from completing it:
    // even his own form's field is written only by completing (what Tasklist's form does).
    assertThat(anh.putJson("/engine-rest/task/" + handle.getId() + "/localVariables/proposal",
        "{\"value\": \"Đề xuất lưu.\", \"type\": \"String\"}").statusCode()).isEqualTo(403);
    assertThat(bean(TaskService.class).getVariablesLocal(handle.getId())).doesNotContainKey("proposal");
    assertThat(anh.postJson("/engine-rest/task/" + handle.getId() + "/complete",
        "{\"variables\": {\"outcome\": {\"value\": \"filed\"}}}").statusCode()).isEqualTo(204);
    await(() -> IncomingDocument.DONE.equals(status(ours[0])));
    assertThat(status(theirs[0])).isEqualTo(IncomingDocument.REGISTERED);
  }

  @Test
  default void aDeputyCannotCompleteTheHeadsTaskThroughTheEngine() throws Exception {
    String[] ours = registered(signIn("lannt.skhcn"), ", \"directingLeader\": \"hungtv.skhcn\"");
    Task direct = awaitTask(ours[1], "Task_Direct");
    assertThat(direct.getAssignee()).isEqualTo("hungtv.skhcn");
    SsoClient tuan = signIn("tuanlm.skhcn");

    HttpResponse<String> complete = tuan.postJson("/engine-rest/task/" + direct.getId() + "/complete",
        "{\"variables\": {\"decision\": {\"value\": \"assign\"}, \"leadType\": {\"value\": \"person\"},"
            + " \"leadHandler\": {\"value\": \"anhdd.skhcn\"}}}");
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
    assertThat(code(complete)).isEqualTo("task-not-yours");
    assertThat(tuan.postJson("/engine-rest/task/" + direct.getId() + "/submit-form",
        "{\"variables\": {\"decision\": {\"value\": \"return\"}, \"returnReason\": {\"value\": \"x\"}}}")
        .statusCode()).isEqualTo(403);
    assertThat(tuan.postJson("/engine-rest/task/" + direct.getId() + "/resolve", "{\"variables\": {}}")
        .statusCode()).isEqualTo(403);
    // Nor take it over, nor pass it on.
    assertThat(tuan.postJson("/engine-rest/task/" + direct.getId() + "/assignee", "{\"userId\": \"tuanlm.skhcn\"}")
        .statusCode()).isEqualTo(403);
    assertThat(tuan.postJson("/engine-rest/task/" + direct.getId() + "/delegate", "{\"userId\": \"tuanlm.skhcn\"}")
        .statusCode()).isEqualTo(403);
    assertThat(tuan.postJson("/engine-rest/task/" + direct.getId() + "/claim", "{\"userId\": \"tuanlm.skhcn\"}")
        .statusCode()).isEqualTo(409);

    Task still = bean(TaskService.class).createTaskQuery().taskId(direct.getId()).singleResult();
    assertThat(still).isNotNull();
    assertThat(still.getAssignee()).isEqualTo("hungtv.skhcn");
    assertThat(still.getDelegationState()).isNull();
    assertThat(status(ours[0])).isEqualTo(IncomingDocument.REGISTERED);
    assertThat(steps(ours[0])).containsExactly("REGISTERED");

    // The head himself, through the same API: accepted, and the slip names him.
    SsoClient hung = signIn("hungtv.skhcn");
    HttpResponse<String> own = hung.postJson("/engine-rest/task/" + direct.getId() + "/complete",
        "{\"variables\": {\"decision\": {\"value\": \"assign\"}, \"leadType\": {\"value\": \"person\"},"
            + " \"leadHandler\": {\"value\": \"anhdd.skhcn\"}, \"direction\": {\"value\": \"Xử lý.\"}}}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT actor FROM case_history WHERE case_id = ?"
        + " AND step = 'DIRECTED'", String.class, ours[0])).isEqualTo("hungtv.skhcn");
  }

  @Test
  default void identityLinksAndTaskPropertiesOnTheEngineAreForAdministratorsOnly() throws Exception {
    String[] ours = registered(signIn("lannt.skhcn"), "");
    Task handle = directedToAnh(ours[1]);
    SsoClient anh = signIn("anhdd.skhcn");

    HttpResponse<String> share = anh.postJson("/engine-rest/task/" + handle.getId() + "/identity-links",
        "{\"groupId\": \"vpubnd-handler\", \"type\": \"candidate\"}");
    assertThat(share.statusCode()).as(share.body()).isEqualTo(403);
    assertThat(code(share)).isEqualTo("task-admin-only");
    assertThat(anh.postJson("/engine-rest/task/" + handle.getId() + "/identity-links",
        "{\"userId\": \"thaomt.vpubnd\", \"type\": \"candidate\"}").statusCode()).isEqualTo(403);
    // Handing his own task to someone of another agency, or changing its deadline: refused too.
    assertThat(anh.postJson("/engine-rest/task/" + handle.getId() + "/assignee", "{\"userId\": \"thaomt.vpubnd\"}")
        .statusCode()).isEqualTo(403);
    HttpResponse<String> delegate = anh.postJson("/engine-rest/task/" + handle.getId() + "/delegate",
        "{\"userId\": \"thaomt.vpubnd\"}");
    assertThat(delegate.statusCode()).as(delegate.body()).isEqualTo(400);
    assertThat(code(delegate)).isEqualTo("task-delegate-outside");
    assertThat(anh.putJson("/engine-rest/task/" + handle.getId(),
        "{\"name\": \"Giải quyết văn bản\", \"due\": \"2099-01-01T00:00:00.000+0700\"}").statusCode()).isEqualTo(403);
    assertThat(anh.send(anh.withXsrf(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
        + "/engine-rest/task/" + handle.getId()))).DELETE()).statusCode()).isEqualTo(403);

    List<IdentityLink> links = bean(TaskService.class).getIdentityLinksForTask(handle.getId());
    assertThat(links).noneMatch(l -> "vpubnd-handler".equals(l.getGroupId()) || "thaomt.vpubnd".equals(l.getUserId()));
    Task still = bean(TaskService.class).createTaskQuery().taskId(handle.getId()).singleResult();
    assertThat(still.getAssignee()).isEqualTo("anhdd.skhcn");
    assertThat(still.getDueDate()).isEqualTo(handle.getDueDate());
    assertThat(still.getDelegationState()).isNull();
    assertThat(still.getOwner()).isNull();
    // The other agency's staff still see nothing of the case.
    assertThat(signIn("thaomt.vpubnd").get("/engine-rest/task?processInstanceId=" + ours[1]
        + "&firstResult=0&maxResults=10").body())
        .isEqualTo("[]");
    // Handing his own task back through the engine: it was given to him by name, with no pool to go back to;
    // GovFlow's own "hand back" does it after its checks.
    HttpResponse<String> unclaim = anh.postJson("/engine-rest/task/" + handle.getId() + "/unclaim", "");
    assertThat(unclaim.statusCode()).as(unclaim.body()).isEqualTo(403);
    assertThat(code(unclaim)).isEqualTo("task-no-pool");
    assertThat(anh.postJson("/api/v1/tasks/" + handle.getId() + "/unclaim", "").statusCode()).isEqualTo(204);
    assertThat(bean(TaskService.class).createTaskQuery().taskId(handle.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  default void theHolderHandsAPooledTaskBackThroughTheEngineAndNobodyElseDoes() throws Exception {
    String[] ours = registered(signIn("lannt.skhcn"), "");
    Task direct = awaitTask(ours[1], "Task_Direct");
    assertThat(direct.getAssignee()).isNull();
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/engine-rest/task/" + direct.getId() + "/claim", "{\"userId\": \"hungtv.skhcn\"}")
        .statusCode()).isEqualTo(204);

    // Another candidate of the same pool (the deputy head) and a clerk cannot give the head's task back.
    SsoClient tuan = signIn("tuanlm.skhcn");
    for (SsoClient other : List.of(tuan, signIn("lannt.skhcn"))) {
      HttpResponse<String> r = other.postJson("/engine-rest/task/" + direct.getId() + "/unclaim", "");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
      assertThat(code(r)).isEqualTo("task-not-yours");
    }
    assertThat(bean(TaskService.class).createTaskQuery().taskId(direct.getId()).singleResult().getAssignee())
        .isEqualTo("hungtv.skhcn");

    // The head himself, as Tasklist's "unclaim" sends it: the task goes back to the leaders' pool.
    HttpResponse<String> back = hung.postJson("/engine-rest/task/" + direct.getId() + "/unclaim", "");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(204);
    assertThat(bean(TaskService.class).createTaskQuery().taskId(direct.getId()).singleResult().getAssignee()).isNull();
    assertThat(bean(TaskService.class).getIdentityLinksForTask(direct.getId()))
        .anyMatch(l -> l.getGroupId() != null && l.getGroupId().endsWith("-head"));
    // Not his any more: he cannot hand it back twice.
    assertThat(hung.postJson("/engine-rest/task/" + direct.getId() + "/unclaim", "").statusCode()).isEqualTo(403);

    // From the pool the deputy takes it; setting someone else as assignee stays the administrators'.
    assertThat(tuan.postJson("/engine-rest/task/" + direct.getId() + "/claim", "{\"userId\": \"tuanlm.skhcn\"}")
        .statusCode()).isEqualTo(204);
    assertThat(tuan.postJson("/engine-rest/task/" + direct.getId() + "/assignee", "{\"userId\": \"hungtv.skhcn\"}")
        .statusCode()).isEqualTo(403);
    assertThat(bean(TaskService.class).createTaskQuery().taskId(direct.getId()).singleResult().getAssignee())
        .isEqualTo("tuanlm.skhcn");
  }

  @Test
  default void aClerkCannotNameHerselfOrAnotherAgencysLeaderWhenResubmitting() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    String[] ours = registered(lan, "");
    SsoClient hung = signIn("hungtv.skhcn");
    Task direct = awaitTask(ours[1], "Task_Direct");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"return\", \"returnReason\": \"Thiếu phụ lục.\"}").statusCode()).isEqualTo(204);
    Task review = awaitTask(ours[1], "Task_ReviewReturned");
    assertThat(lan.postJson("/api/v1/tasks/" + review.getId() + "/claim", "").statusCode()).isEqualTo(204);

    for (String leader : List.of("lannt.skhcn", "sonnv.vpubnd", "anhdd.skhcn")) {
      HttpResponse<String> r = lan.postJson("/api/v1/tasks/" + review.getId() + "/complete",
          "{\"resubmit\": true, \"directingLeader\": \"" + leader + "\"}");
      assertThat(r.statusCode()).as(leader + ": " + r.body()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("errors").findValuesAsText("field")).containsExactly("directingLeader");
    }
    assertThat(bean(TaskService.class).createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    assertThat(bean(TaskService.class).createTaskQuery().processInstanceId(ours[1]).taskDefinitionKey("Task_Direct")
        .count()).isZero();

    assertThat(lan.postJson("/api/v1/tasks/" + review.getId() + "/complete",
        "{\"resubmit\": true, \"directingLeader\": \"tuanlm.skhcn\"}").statusCode()).isEqualTo(204);
    assertThat(awaitTask(ours[1], "Task_Direct").getAssignee()).isEqualTo("tuanlm.skhcn");
  }

  @Test
  default void aTaskTakesOnlyItsFormsFieldsOnEveryPath() throws Exception {
    String[] ours = registered(signIn("lannt.skhcn"), "");
    SsoClient hung = signIn("hungtv.skhcn");
    Task direct = awaitTask(ours[1], "Task_Direct");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);

    HttpResponse<String> api = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\", \"deadlineDays\": 365}");
    assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
    assertThat(code(api)).isEqualTo("task-field-not-in-form");
    assertThat(JSON.readTree(api.body()).get("messageEn").asText()).contains("deadlineDays");

    HttpResponse<String> form = hung.postJson("/engine-rest/task/" + direct.getId() + "/submit-form",
        "{\"variables\": {\"decision\": {\"value\": \"assign\"}, \"leadType\": {\"value\": \"person\"},"
            + " \"leadHandler\": {\"value\": \"anhdd.skhcn\"}, \"peopleOptions\": {\"value\": \"[]\", \"type\": \"Json\"}}}");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(400);
    assertThat(code(form)).isEqualTo("task-field-not-in-form");

    assertThat(bean(TaskService.class).createTaskQuery().taskId(direct.getId()).count()).isEqualTo(1);
    assertThat(status(ours[0])).isEqualTo(IncomingDocument.REGISTERED);
    assertThat(bean(RuntimeService.class).getVariables(ours[1])).doesNotContainKey("deadlineDays");

    // The form's own fields through submit-form (what Tasklist sends): accepted.
    HttpResponse<String> ok = hung.postJson("/engine-rest/task/" + direct.getId() + "/submit-form",
        "{\"variables\": {\"decision\": {\"value\": \"assign\"}, \"leadType\": {\"value\": \"person\"},"
            + " \"leadHandler\": {\"value\": \"anhdd.skhcn\"}, \"direction\": {\"value\": \"Xử lý.\"}}}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(awaitTask(ours[1], "Task_Handle").getAssignee()).isEqualTo("anhdd.skhcn");
  }

  /** The head claims the direction task and gives the document to Đỗ Đức Anh; his handling task, once open. */
  private Task directedToAnh(String processInstanceId) {
    SsoClient hung = signIn("hungtv.skhcn");
    Task direct = awaitTask(processInstanceId, "Task_Direct");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\", \"direction\": \"Xử lý, báo cáo kết quả.\"}")
        .statusCode()).isEqualTo(204);
    return awaitTask(processInstanceId, "Task_Handle");
  }
}
