package vn.govflow.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.govflow.audit.AuditEvent;
import vn.govflow.audit.AuditService;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/**
 * Issue #10 items 5 and 6 as a designer of Sở KH&amp;CN (huybq.skhcn) sees them through the API: the versions of a
 * process, which of his agency's running cases can move to a new version (a case waiting in a step the new version
 * removed cannot) and moving them, the statistics per element and one case's path. Cases of another agency (Văn
 * phòng UBND tỉnh) are neither listed, counted, shown nor moved.
 */
public interface MigrationAndStatisticsScenarios extends GovFlowUnderTest {
  String DESIGNER = "huybq.skhcn";
  String SKHCN = "000.00.12.H37";
  String VPUBND = "000.00.01.H37";
  ObjectMapper JSON = new ObjectMapper();

  private static BpmnModelInstance model(String key, String name, String... tasks) {
    AbstractFlowNodeBuilder<?, ?> b = Bpmn.createExecutableProcess(key).name(name)
        .camundaHistoryTimeToLive(3650).startEvent("StartEvent").name("Bắt đầu");
    for (String task : tasks) {
      b = b.userTask(task).name("Bước " + task.substring("Task_".length())).camundaCandidateGroups("skhcn-handler");
    }
    return b.endEvent("EndEvent").name("Kết thúc").done();
  }

  private String deploy(String key, String... tasks) {
    RepositoryService repository = bean(RepositoryService.class);
    String deployment = repository.createDeployment().name(key).addModelInstance(key + ".bpmn",
        model(key, "Quy trình thử chuyển phiên bản", tasks)).deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
  }

  private String start(String definitionId, String agencyCode, String title) {
    return bean(RuntimeService.class).startProcessInstanceById(definitionId, "BK-" + System.nanoTime(),
        Map.of("agencyCode", agencyCode, "title", title)).getId();
  }

  private void complete(String instanceId, String taskKey) {
    TaskService tasks = bean(TaskService.class);
    tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult()
        .getId());
  }

  /**
   * A process designer of the provincial office (the demo data has none): the same account DesignDeployScenarios
   * creates, made here when absent so either class may run first.
   */
  default SsoClient officeDesigner() {
    String username = "dsgtest.vpubnd";
    IdentityDirectory directory = bean(IdentityDirectory.class);
    if (directory.person(username).isEmpty()) {
      JdbcTemplate jdbc = bean(JdbcTemplate.class);
      jdbc.update("INSERT INTO idn_person (username, full_name, email, agency_code, department_id, job_position_code,"
          + " kind, password_hash, active) VALUES (?, 'Thử Thiết Kế', NULL, ?, 'vpubnd-hcto', 'chuyen-vien', 'PERSON',"
          + " ?, TRUE)", username, VPUBND, bean(PasswordEncoder.class).encode(SsoClient.DEMO_PASSWORD));
      jdbc.update("INSERT INTO idn_person_role (username, role) VALUES (?, 'process-designer')", username);
      directory.refresh();
    }
    return signIn(username);
  }

  private static JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText(null)));
    return out;
  }

  private static JsonNode byId(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.path(field).asText())) {
        return n;
      }
    }
    return null;
  }

  @Test
  default void theDesignerSeesAndMovesHisAgencysMovableCasesAndIsToldWhyTheOthersStay() throws Exception {
    String key = "designer-migration-" + System.nanoTime();
    String v1 = deploy(key, "Task_Check", "Task_Sign");
    String waitingAtCheck = start(v1, SKHCN, "Hồ sơ chờ kiểm tra");
    String waitingAtSign = start(v1, SKHCN, "Hồ sơ chờ ký");
    complete(waitingAtSign, "Task_Check");
    String theirs = start(v1, VPUBND, "Hồ sơ của Văn phòng");
    // Version 2 drops the signing step and adds an archiving one.
    String v2 = deploy(key, "Task_Check", "Task_Archive");
    SsoClient huy = signIn(DESIGNER);

    JsonNode versions = ok(huy.get("/api/v1/designer/processes/" + key + "/versions", "application/json"));
    assertThat(texts(versions, "definitionId")).containsExactly(v2, v1);
    assertThat(byId(versions, "definitionId", v1).get("running").asLong()).isEqualTo(2);
    assertThat(byId(versions, "definitionId", v1).get("version").asInt()).isEqualTo(1);
    assertThat(byId(versions, "definitionId", v2).get("running").asLong()).isZero();
    // Each version's own diagram, for the insight page to draw the version chosen (not always the newest).
    JsonNode first = ok(huy.get("/api/v1/designer/processes/" + key + "/versions/" + v1, "application/json"));
    assertThat(first.get("version").asInt()).isEqualTo(1);
    assertThat(first.get("content").asText()).contains("Task_Sign").doesNotContain("Task_Archive");
    assertThat(ok(huy.get("/api/v1/designer/processes/" + key + "/versions/" + v2, "application/json"))
        .get("content").asText()).contains("Task_Archive").doesNotContain("Task_Sign");
    assertThat(huy.get("/api/v1/designer/processes/portal-question/versions/" + v1, "application/json")
        .statusCode()).as("another process's version").isEqualTo(404);

    String fromTo = "{\"from\": \"" + v1 + "\", \"to\": \"" + v2 + "\"";
    // The provincial office's designer sees only the office's case, and may not move cases onto the
    // province-wide version (he does not own it: DesignOwnership), not even his own agency's.
    SsoClient office = officeDesigner();
    JsonNode officePreview = ok(office.postJson("/api/v1/designer/processes/" + key + "/migration/preview",
        fromTo + "}"));
    assertThat(texts(officePreview.get("instances"), "instanceId")).containsExactly(theirs);
    assertThat(officePreview.get("mayMigrate").asBoolean()).isFalse();
    HttpResponse<String> notOwner = office.postJson("/api/v1/designer/processes/" + key + "/migration", fromTo
        + ", \"instanceIds\": [\"" + theirs + "\"]}");
    assertThat(notOwner.statusCode()).as(notOwner.body()).isEqualTo(403);
    assertThat(notOwner.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(byId(ok(office.get("/api/v1/designer/processes/" + key + "/versions", "application/json")),
        "definitionId", v1).get("running").asLong()).isEqualTo(1);
    JsonNode previewed = ok(huy.postJson("/api/v1/designer/processes/" + key + "/migration/preview", fromTo + "}"));
    // Sở KH&CN runs the province's shared systems: its designer owns the shared version (DesignOwnership).
    assertThat(previewed.get("mayMigrate").asBoolean()).isTrue();
    JsonNode preview = previewed.get("instances");
    assertThat(texts(preview, "instanceId")).containsExactlyInAnyOrder(waitingAtCheck, waitingAtSign);
    JsonNode movable = byId(preview, "instanceId", waitingAtCheck);
    assertThat(movable.get("movable").asBoolean()).isTrue();
    assertThat(movable.get("title").asText()).isEqualTo("Hồ sơ chờ kiểm tra");
    assertThat(movable.get("reasonsVi")).isEmpty();
    JsonNode stuck = byId(preview, "instanceId", waitingAtSign);
    assertThat(stuck.get("movable").asBoolean()).isFalse();
    assertThat(stuck.get("reasonsVi").get(0).asText()).contains("Bước Sign", "Task_Sign", "không có trong phiên bản mới");
    assertThat(stuck.get("reasonsEn").get(0).asText()).contains("Task_Sign", "the new version does not have");
    // The preview moved nothing (its trial migrations were rolled back).
    RuntimeService runtime = bean(RuntimeService.class);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2).count()).isZero();

    JsonNode outcome = ok(huy.postJson("/api/v1/designer/processes/" + key + "/migration", fromTo
        + ", \"instanceIds\": [\"" + waitingAtCheck + "\", \"" + waitingAtSign + "\", \"" + theirs + "\"]}"));
    assertThat(outcome.get("moved").get(0).asText()).isEqualTo(waitingAtCheck);
    assertThat(outcome.get("moved")).hasSize(1);
    assertThat(texts(outcome.get("notMoved"), "instanceId")).containsExactly(waitingAtSign, theirs);
    assertThat(byId(outcome.get("notMoved"), "instanceId", waitingAtSign).get("reasonsVi").get(0).asText())
        .contains("Task_Sign");
    assertThat(byId(outcome.get("notMoved"), "instanceId", theirs).get("reasonsEn").get(0).asText())
        .contains("No such running case of your agency");

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waitingAtCheck).singleResult()
        .getProcessDefinitionId()).isEqualTo(v2);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waitingAtSign).singleResult()
        .getProcessDefinitionId()).isEqualTo(v1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(theirs).singleResult()
        .getProcessDefinitionId()).isEqualTo(v1);
    // The moved case goes on in the new version.
    complete(waitingAtCheck, "Task_Check");
    assertThat(bean(TaskService.class).createTaskQuery().processInstanceId(waitingAtCheck).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_Archive");
    List<AuditEvent> audited = bean(AuditService.class).recent(null, DESIGNER, "designer.migrate", 50);
    assertThat(audited).anyMatch(e -> waitingAtCheck.equals(e.objectId()) && e.detail().contains(v2));
    assertThat(audited).noneMatch(e -> waitingAtSign.equals(e.objectId()) || theirs.equals(e.objectId()));
  }

  @Test
  default void statisticsAndPathsCountOnlyTheDesignersAgency() throws Exception {
    String key = "designer-statistics-" + System.nanoTime();
    String v1 = deploy(key, "Task_Check", "Task_Sign");
    String done = start(v1, SKHCN, "Hồ sơ xong");
    complete(done, "Task_Check");
    complete(done, "Task_Sign");
    String atSign = start(v1, SKHCN, "Hồ sơ chờ ký");
    complete(atSign, "Task_Check");
    String atCheck = start(v1, SKHCN, "Hồ sơ chờ kiểm tra");
    String theirs = start(v1, VPUBND, "Hồ sơ của Văn phòng");
    complete(theirs, "Task_Check");
    complete(theirs, "Task_Sign");
    SsoClient huy = signIn(DESIGNER);

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    JsonNode stats = ok(huy.get("/api/v1/designer/processes/" + key + "/statistics?definitionId=" + v1
        + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1), "application/json"));
    JsonNode start = byId(stats, "elementId", "StartEvent");
    assertThat(start.get("finished").asLong()).isEqualTo(3);
    JsonNode check = byId(stats, "elementId", "Task_Check");
    assertThat(check.get("finished").asLong()).isEqualTo(2);
    assertThat(check.get("running").asLong()).isEqualTo(1);
    assertThat(check.get("avgDurationMs").isNumber()).isTrue();
    assertThat(check.get("avgDurationMs").asLong()).isGreaterThanOrEqualTo(0);
    JsonNode sign = byId(stats, "elementId", "Task_Sign");
    assertThat(sign.get("finished").asLong()).isEqualTo(1);
    assertThat(sign.get("running").asLong()).isEqualTo(1);
    assertThat(byId(stats, "elementId", "EndEvent").get("finished").asLong()).isEqualTo(1);
    // Without a version: every version of the process; a period before it ran: nothing finished in it.
    JsonNode all = ok(huy.get("/api/v1/designer/processes/" + key + "/statistics?from=" + today.minusDays(1)
        + "&to=" + today.plusDays(1), "application/json"));
    assertThat(byId(all, "elementId", "Task_Check").get("finished").asLong()).isEqualTo(2);
    JsonNode before = ok(huy.get("/api/v1/designer/processes/" + key + "/statistics?from=" + today.minusDays(20)
        + "&to=" + today.minusDays(10), "application/json"));
    assertThat(before).isEmpty();

    JsonNode path = ok(huy.get("/api/v1/designer/instances/" + atSign + "/path", "application/json"));
    assertThat(path.get("definitionId").asText()).isEqualTo(v1);
    assertThat(texts(path.get("elements"), "elementId")).containsExactly("StartEvent", "Task_Check", "Task_Sign");
    assertThat(path.get("elements").get(1).get("endedAt").isTextual()).isTrue();
    assertThat(path.get("elements").get(2).get("endedAt").isNull()).isTrue();
    assertThat(texts(ok(huy.get("/api/v1/designer/instances/" + done + "/path", "application/json"))
        .get("elements"), "elementId")).containsExactly("StartEvent", "Task_Check", "Task_Sign", "EndEvent");
    assertThat(atCheck).isNotNull();

    // Another agency's case: not counted above, not shown, not even said to exist.
    HttpResponse<String> theirPath = huy.get("/api/v1/designer/instances/" + theirs + "/path", "application/json");
    assertThat(theirPath.statusCode()).isEqualTo(404);
    // The same answer as for an id that does not exist (the problem only echoes the address asked for).
    assertThat(theirPath.body()).contains("\"code\":\"not-found\"").doesNotContain("Task_Check")
        .doesNotContain("Văn phòng");

    // The provincial office's designer: his agency's case only, nothing of Sở KH&CN's.
    SsoClient office = officeDesigner();
    JsonNode officeStats = ok(office.get("/api/v1/designer/processes/" + key + "/statistics?definitionId=" + v1
        + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1), "application/json"));
    assertThat(byId(officeStats, "elementId", "StartEvent").get("finished").asLong()).isEqualTo(1);
    assertThat(byId(officeStats, "elementId", "Task_Check").get("running").asLong()).isZero();
    assertThat(byId(officeStats, "elementId", "Task_Sign").get("running").asLong()).isZero();
    assertThat(office.get("/api/v1/designer/instances/" + atSign + "/path", "application/json").statusCode())
        .isEqualTo(404);
    assertThat(texts(ok(office.get("/api/v1/designer/instances/" + theirs + "/path", "application/json"))
        .get("elements"), "elementId")).containsExactly("StartEvent", "Task_Check", "Task_Sign", "EndEvent");

    // Someone who is not a process designer sees none of it.
    SsoClient clerk = signIn("hoadt.vpubnd");
    assertThat(clerk.get("/api/v1/designer/processes/" + key + "/statistics", "application/json").statusCode())
        .isEqualTo(403);
    assertThat(clerk.get("/api/v1/designer/instances/" + theirs + "/path", "application/json").statusCode())
        .isEqualTo(403);
    assertThat(clerk.get("/api/v1/designer/processes/" + key + "/versions", "application/json").statusCode())
        .isEqualTo(403);
  }
}
