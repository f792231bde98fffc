package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.govflow.incoming.IncomingTestSupport;
import vn.govflow.support.SsoClient;

/**
 * Cockpit and Tasklist work for the roles README names (issue #13 item 22), read through the webapps' own REST
 * (what their pages call): a leader reads their agency's instances and only those, read-only; everyone has the
 * shared Tasklist filters, which list their own tasks; a handler creates no task and starts no process there.
 */
public interface CamundaWebappsForRolesScenarios extends IncomingTestSupport {
  String COCKPIT = "/camunda/api/engine/engine/default";

  /** A document of each agency; Sở KH&CN's direction task is with one of its handlers. */
  record Fixture(String skhcnInstance, String vpubndInstance, Task skhcnTask) {}

  default Fixture twoAgenciesEachWithADocument() throws Exception {
    String skhcnInstance = registered(signIn("lannt.skhcn"), "hungtv.skhcn");
    String vpubndInstance = registered(signIn("hoadt.vpubnd"), "sonnv.vpubnd");
    // The leader's direction gave the document to a handler of Sở KH&CN.
    Task skhcnTask = awaitTask(skhcnInstance, "Task_Direct");
    bean(TaskService.class).setAssignee(skhcnTask.getId(), "anhdd.skhcn");
    awaitTask(vpubndInstance, "Task_Direct");
    return new Fixture(skhcnInstance, vpubndInstance, skhcnTask);
  }

  private String registered(SsoClient clerk, String leader) throws Exception {
    HttpResponse<String> r = register(clerk, document("WA-" + System.nanoTime() + "/UBND-VP", "Cockpit và Tasklist",
        ", \"directingLeader\": \"" + leader + "\""), "webapps.txt", text("Văn bản thử Cockpit"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("processInstanceId").asText();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  private JsonNode json(SsoClient who, String path) throws Exception {
    HttpResponse<String> r = who.get(path, "application/json");
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  default void aLeaderReadsTheirAgencysInstancesInCockpitAndOnlyThose() throws Exception {
    Fixture fx = twoAgenciesEachWithADocument();
    String skhcnInstance = fx.skhcnInstance();
    String vpubndInstance = fx.vpubndInstance();
    Task skhcnTask = fx.skhcnTask();
    SsoClient head = signIn("hungtv.skhcn");
    // Cockpit's process list: the province's models.
    assertThat(json(head, COCKPIT + "/process-definition?latestVersion=true&firstResult=0&maxResults=50")).isNotEmpty();

    List<String> seen = ids(json(head, COCKPIT + "/process-instance?firstResult=0&maxResults=500"));
    long count = json(head, COCKPIT + "/process-instance/count").get("count").asLong();
    assertThat(seen).contains(skhcnInstance).doesNotContain(vpubndInstance);
    assertThat(count).isEqualTo(seen.size());
    // Every instance counted is a case of Sở KH&CN.
    RuntimeService runtime = bean(RuntimeService.class);
    for (String id : seen) {
      Object agency = runtime.getVariable(id, "agencyCode");
      Object shortName = runtime.getVariable(id, "agency");
      assertThat("000.00.12.H37".equals(agency) || "skhcn".equals(shortName)).as("instance %s of %s/%s", id,
          agency, shortName).isTrue();
    }
    // The deputy head too; the other agency's head sees his own, not Sở KH&CN's.
    assertThat(ids(json(signIn("tuanlm.skhcn"), COCKPIT + "/process-instance?firstResult=0&maxResults=500")))
        .contains(skhcnInstance).doesNotContain(vpubndInstance);
    assertThat(ids(json(signIn("sonnv.vpubnd"), COCKPIT + "/process-instance?firstResult=0&maxResults=500")))
        .contains(vpubndInstance).doesNotContain(skhcnInstance);

    // Read-only: the leader cannot cancel or suspend the case through the engine.
    assertThat(head.send(head.withXsrf(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(baseUrl() + "/engine-rest/process-instance/" + skhcnInstance)).DELETE()))
        .statusCode()).isEqualTo(403);
    assertThat(head.putJson("/engine-rest/process-instance/" + skhcnInstance + "/suspended", "{\"suspended\": true}")
        .statusCode()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(skhcnInstance).active().count()).isEqualTo(1);
  }

  @Test
  default void aHandlersTasklistFilterListsTheirOwnTasks() throws Exception {
    Fixture fx = twoAgenciesEachWithADocument();
    String skhcnInstance = fx.skhcnInstance();
    String vpubndInstance = fx.vpubndInstance();
    Task skhcnTask = fx.skhcnTask();
    SsoClient handler = signIn("anhdd.skhcn");
    JsonNode filters = json(handler, COCKPIT + "/filter?resourceType=Task&firstResult=0&maxResults=50");
    List<String> names = new ArrayList<>();
    filters.forEach(f -> names.add(f.get("name").asText()));
    // Exactly the two shared filters: their own, and their agency's (not another person's or agency's).
    assertThat(names).containsExactlyInAnyOrder("Việc của tôi", "Việc của nhóm tôi");
    String mine = null;
    for (JsonNode f : filters) {
      if (f.get("name").asText().equals("Việc của tôi")) {
        mine = f.get("id").asText();
      }
    }
    List<String> myTasks = ids(json(handler, COCKPIT + "/filter/" + mine + "/list?firstResult=0&maxResults=200"));
    assertThat(myTasks).contains(skhcnTask.getId());
    List<Task> assigned = bean(TaskService.class).createTaskQuery().taskAssignee("anhdd.skhcn").list();
    assertThat(myTasks).hasSize(assigned.size());
    // Another person has their own "Việc của tôi", listing their tasks, and cannot use this one.
    SsoClient other = signIn("sonnv.vpubnd");
    assertThat(other.get(COCKPIT + "/filter/" + mine + "/list?firstResult=0&maxResults=200", "application/json")
        .statusCode()).isEqualTo(403);
    JsonNode theirs = json(other, COCKPIT + "/filter?resourceType=Task&firstResult=0&maxResults=50");
    assertThat(theirs).hasSize(2);
    String theirMine = null;
    for (JsonNode f : theirs) {
      if (f.get("name").asText().equals("Việc của tôi")) {
        theirMine = f.get("id").asText();
      }
    }
    assertThat(theirMine).isNotEqualTo(mine);
    assertThat(ids(json(other, COCKPIT + "/filter/" + theirMine + "/list?firstResult=0&maxResults=200")))
        .doesNotContain(skhcnTask.getId())
        .containsAll(ids(JSON.valueToTree(bean(TaskService.class).createTaskQuery().taskAssignee("sonnv.vpubnd")
            .list().stream().map(t -> java.util.Map.of("id", t.getId())).toList())));
    // The handler's group filter: what is offered to Sở KH&CN's groups and not yet taken, never a taken task.
    String groups = null;
    for (JsonNode f : filters) {
      if (f.get("name").asText().equals("Việc của nhóm tôi")) {
        groups = f.get("id").asText();
      }
    }
    assertThat(ids(json(handler, COCKPIT + "/filter/" + groups + "/list?firstResult=0&maxResults=200")))
        .doesNotContain(skhcnTask.getId());
  }

  @Test
  default void aHandlerCreatesNoTaskAndStartsNoProcess() throws Exception {
    Fixture fx = twoAgenciesEachWithADocument();
    String skhcnInstance = fx.skhcnInstance();
    String vpubndInstance = fx.vpubndInstance();
    Task skhcnTask = fx.skhcnTask();
    SsoClient handler = signIn("anhdd.skhcn");
    long tasksBefore = bean(TaskService.class).createTaskQuery().count();
    assertThat(handler.postJson("/engine-rest/task/create", "{\"name\": \"Việc tự tạo\"}").statusCode())
        .isEqualTo(403);
    String key = bean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionId(bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(skhcnInstance)
            .singleResult().getProcessDefinitionId()).singleResult().getKey();
    long instancesBefore = bean(RuntimeService.class).createProcessInstanceQuery().count();
    // Refused: the handler may not even read the definition (404, as for a key that does not exist).
    assertThat(handler.postJson("/engine-rest/process-definition/key/" + key + "/start", "{}").statusCode())
        .isIn(403, 404);
    assertThat(bean(TaskService.class).createTaskQuery().count()).isEqualTo(tasksBefore);
    assertThat(bean(RuntimeService.class).createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    // Nor a filter of their own.
    assertThat(handler.postJson("/engine-rest/filter/create",
        "{\"resourceType\": \"Task\", \"name\": \"Của tôi\", \"query\": {}}").statusCode()).isEqualTo(403);
  }
}
