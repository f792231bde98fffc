package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.incoming.IncomingTestSupport;
import vn.govflow.support.SsoClient;

/**
 * Issue #14: a process designer (huybq.skhcn, Sở KH&CN) reads, through the engine's REST API, the instances, tasks
 * and variables of his own agency's cases and nothing of another agency's; he still may not act on them. A
 * portal question is his agency's only while it is routed to it: not while the editors triage it, and no longer
 * once it is forwarded to another agency.
 */
public interface AgencyDesignerScenarios extends IncomingTestSupport {
  String DESIGNER = "huybq.skhcn";

  /** A registered incoming document waiting for its head's direction: document id, instance, direction task. */
  record Case(String documentId, String processInstanceId, String directTaskId) {}

  default Case registered(String clerk, String leader) throws Exception {
    HttpResponse<String> r = register(signIn(clerk), document("TK-" + System.nanoTime() + "/UBND-VP",
        "Văn bản thử quyền người thiết kế", ", \"directingLeader\": \"" + leader + "\""), "tk.txt",
        text("Văn bản thử quyền người thiết kế quy trình"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = JSON.readTree(r.body());
    String pi = created.get("processInstanceId").asText();
    return new Case(created.get("id").asText(), pi, awaitTask(pi, "Task_Direct").getId());
  }

  private static String json(SsoClient c, String path, int expected) {
    HttpResponse<String> r = c.get(path, "application/json");
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(expected);
    return r.body();
  }

  @Test
  default void designerReadsHisOwnAgencysCasesAndNoneOfAnothers() throws Exception {
    Case ours = registered("lannt.skhcn", "hungtv.skhcn");
    Case theirs = registered("hoadt.vpubnd", "sonnv.vpubnd");
    SsoClient huy = signIn(DESIGNER);

    String instances = json(huy, "/engine-rest/process-instance?maxResults=500", 200);
    assertThat(instances).contains(ours.processInstanceId()).doesNotContain(theirs.processInstanceId());
    String tasks = json(huy, "/engine-rest/task?maxResults=500", 200);
    assertThat(tasks).contains(ours.directTaskId()).doesNotContain(theirs.directTaskId());
    assertThat(json(huy, "/engine-rest/task/" + ours.directTaskId(), 200)).contains("Task_Direct");
    assertThat(huy.get("/engine-rest/task/" + theirs.directTaskId(), "application/json").statusCode()).isEqualTo(404);

    // Variables: the task's (its case's, through the task) and the instance's, own agency only.
    assertThat(json(huy, "/engine-rest/task/" + ours.directTaskId() + "/variables", 200))
        .contains(ours.documentId());
    assertThat(huy.get("/engine-rest/task/" + theirs.directTaskId() + "/variables", "application/json")
        .statusCode()).isIn(403, 404);
    assertThat(json(huy, "/engine-rest/process-instance/" + ours.processInstanceId() + "/variables", 200))
        .contains(ours.documentId());
    HttpResponse<String> theirVariables = huy.get("/engine-rest/process-instance/" + theirs.processInstanceId()
        + "/variables", "application/json");
    assertThat(theirVariables.statusCode()).isIn(403, 404);
    assertThat(theirVariables.body()).doesNotContain(theirs.documentId());

    // History: the instance, its tasks and its variables, own agency only.
    String history = json(huy, "/engine-rest/history/process-instance?maxResults=500", 200);
    assertThat(history).contains(ours.processInstanceId()).doesNotContain(theirs.processInstanceId());
    assertThat(json(huy, "/engine-rest/history/task?maxResults=500", 200)).contains(ours.directTaskId())
        .doesNotContain(theirs.directTaskId());
    assertThat(json(huy, "/engine-rest/history/variable-instance?maxResults=500&processInstanceId="
        + ours.processInstanceId(), 200)).contains(ours.documentId());
    assertThat(json(huy, "/engine-rest/history/variable-instance?maxResults=500&processInstanceId="
        + theirs.processInstanceId(), 200)).doesNotContain(theirs.documentId());

    // Cockpit: a definition's running instances, as its page lists them (both cases are of the same definition).
    String definition = bean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
        .processInstanceId(ours.processInstanceId()).singleResult().getProcessDefinitionId();
    HttpResponse<String> page = huy.get("/camunda/app/cockpit/default/", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    String camundaToken = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> huy.send(HttpRequest.newBuilder(
        URI.create(baseUrl() + "/camunda/api/admin/auth/user/default")).header("X-XSRF-TOKEN", "Fetch").GET())
        .headers().firstValue("X-XSRF-TOKEN").orElse(null));
    HttpResponse<String> cockpit = huy.send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/camunda/api/cockpit/plugin/base/default/process-instance?maxResults=500"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("X-XSRF-TOKEN", camundaToken)
        .POST(HttpRequest.BodyPublishers.ofString("{\"processDefinitionId\": \"" + definition + "\"}")));
    assertThat(cockpit.statusCode()).as(cockpit.body()).isEqualTo(200);
    assertThat(cockpit.body()).contains(ours.processInstanceId()).doesNotContain(theirs.processInstanceId());

    // Reading is all: completing, taking or handing the task on is still refused, and nothing changes.
    HttpResponse<String> complete = huy.send(huy.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/engine-rest/task/" + ours.directTaskId() + "/complete")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {}}"))));
    assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
    HttpResponse<String> assign = huy.send(huy.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/engine-rest/task/" + ours.directTaskId() + "/assignee")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"" + DESIGNER + "\"}"))));
    assertThat(assign.statusCode()).as(assign.body()).isEqualTo(403);
    Task direct = bean(TaskService.class).createTaskQuery().taskId(ours.directTaskId()).singleResult();
    assertThat(direct).isNotNull();
    assertThat(direct.getAssignee()).isEqualTo("hungtv.skhcn");

    // The designer's standing rights are kept: definitions are read, our own API still shows nothing more.
    assertThat(json(huy, "/engine-rest/process-definition?maxResults=50&key=incoming-document", 200)).contains("incoming-document");
    assertThat(huy.get("/api/v1/incoming-documents/" + theirs.documentId(), "application/json").statusCode())
        .isEqualTo(404);
  }

  @Test
  default void aPortalQuestionIsTheDesignersOnlyWhileItIsRoutedToHisAgency() throws Exception {
    HttpResponse<String> asked = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/api/v1/portal/questions")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"askerType\": \"INDIVIDUAL\", \"category\": \"hoi-dap\","
            + " \"fullName\": \"Trần Thị Hỏi\", \"nationality\": \"Việt Nam\", \"occupation\": \"Giáo viên\","
            + " \"address\": \"Lào Cai\", \"email\": \"hoi@example.vn\", \"field\": \"khoa-hoc-cong-nghe\","
            // Addressed to Sở KH&CN: still not the Department's until the editors accept and route it.
            + " \"agencyCode\": \"000.00.12.H37\", \"question\": \"Câu hỏi thử quyền người thiết kế\","
            + " \"consent\": true}")));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    String code = JSON.readTree(asked.body()).get("trackingCode").asText();
    String pi = bean(JdbcTemplate.class).queryForObject(
        "SELECT process_instance_id FROM portal_question WHERE tracking_code = ?", String.class, code);
    SsoClient huy = signIn(DESIGNER);

    // While the editors hold it, the question is not his: neither the task nor its history.
    String triage = awaitTask(pi, "Task_Triage").getId();
    assertThat(json(huy, "/engine-rest/task?maxResults=500", 200)).doesNotContain(triage);
    assertThat(json(huy, "/engine-rest/history/task?maxResults=500&processInstanceId=" + pi, 200))
        .doesNotContain(triage);
    SsoClient editor = signIn("ngocct.vpubnd");
    done(editor, triage, "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}");

    // Routed to Sở KH&CN (an asynchronous step, hence the wait): the leader's classification task and the
    // instance are the designer's to read, and with the instance its history, the editors' triage included.
    String classify = awaitTask(pi, "Task_Classify").getId();
    assertThat(json(huy, "/engine-rest/history/task?maxResults=500&processInstanceId=" + pi, 200))
        .contains(triage);
    assertThat(json(huy, "/engine-rest/task?maxResults=500", 200)).contains(classify);
    assertThat(json(huy, "/engine-rest/process-instance?maxResults=500", 200)).contains(pi);
    assertThat(json(huy, "/engine-rest/process-instance/" + pi + "/variables", 200)).contains(code);

    // Forwarded to the Provincial Office: the case has left his agency, its new task is not his.
    SsoClient hung = signIn("hungtv.skhcn");
    done(hung, classify, "{\"classification\": \"outside-remit\", \"forwardTo\": \"vpubnd\","
        + " \"note\": \"Thuộc thẩm quyền Văn phòng UBND tỉnh\"}");
    String again = awaitNewTask(pi, "Task_Classify", classify);
    assertThat(json(huy, "/engine-rest/task?maxResults=500", 200)).doesNotContain(again);
    assertThat(json(huy, "/engine-rest/process-instance?maxResults=500", 200)).doesNotContain(pi);
    assertThat(huy.get("/engine-rest/process-instance/" + pi + "/variables", "application/json").statusCode())
        .isIn(403, 404);
    assertThat(json(huy, "/engine-rest/history/process-instance?maxResults=500", 200)).doesNotContain(pi);
    // What his agency worked on stays readable in history: the classification task it did.
    assertThat(json(huy, "/engine-rest/history/task?maxResults=500&processInstanceId=" + pi, 200))
        .contains(classify).doesNotContain(again);
  }

  @Test
  default void anOlderDatabaseIsGrantedAtStartOnceAndOnlyOnce() throws Exception {
    Case ours = registered("lannt.skhcn", "hungtv.skhcn");
    AuthorizationService authorizations = bean(AuthorizationService.class);
    String group = "skhcn-process-designer";
    List<Authorization> grants = designerGrants(authorizations, group, ours);
    assertThat(grants).hasSize(4);
    // As a database from before the provider: no designer grant on the case.
    grants.forEach(a -> authorizations.deleteAuthorization(a.getId()));
    SsoClient huy = signIn(DESIGNER);
    assertThat(json(huy, "/engine-rest/task?maxResults=500", 200)).doesNotContain(ours.directTaskId());

    bean(AgencyDesignerPlugin.class).grantOpenTasks();
    assertThat(designerGrants(authorizations, group, ours)).hasSize(4);
    assertThat(json(huy, "/engine-rest/task?maxResults=500", 200)).contains(ours.directTaskId());
    assertThat(json(huy, "/engine-rest/process-instance?maxResults=500", 200)).contains(ours.processInstanceId());

    // A second start adds nothing.
    bean(AgencyDesignerPlugin.class).grantOpenTasks();
    assertThat(designerGrants(authorizations, group, ours)).hasSize(4);
  }

  private static List<Authorization> designerGrants(AuthorizationService authorizations, String group, Case c) {
    List<Authorization> all = new java.util.ArrayList<>();
    for (String id : List.of(c.directTaskId(), c.processInstanceId())) {
      all.addAll(authorizations.createAuthorizationQuery().groupIdIn(group).resourceId(id).list());
    }
    return all;
  }

  private void done(SsoClient person, String taskId, String json) {
    HttpResponse<String> claimed = person.postJson("/api/v1/tasks/" + taskId + "/claim", "");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> r = person.postJson("/api/v1/tasks/" + taskId + "/complete", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  private String awaitNewTask(String pi, String key, String previous) {
    return vn.govflow.support.Await.newTask(bean(TaskService.class), pi, key, previous).getId();
  }

}
