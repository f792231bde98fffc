package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/**
 * The whole pipeline on a real database: models deployed at start, a process started, its deadline decided by
 * DMN and turned into a due date by the working-day calendar, the task found, claimed and completed through
 * the API by the right person only, every step audited. Run on H2 and on PostgreSQL.
 */
interface PlatformPipelineScenarios extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();

  @Test
  default void modelsFromTheRepositoryAreDeployedAtStart() {
    assertThat(bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("platform-check").count()).isPositive();
    assertThat(bean(RepositoryService.class).createDecisionDefinitionQuery().decisionDefinitionKey("platform-check-deadline").count())
        .isPositive();
    String deploymentId = bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("platform-check")
        .latestVersion().singleResult().getDeploymentId();
    assertThat(bean(RepositoryService.class).getDeploymentResourceNames(deploymentId))
        .anySatisfy(n -> assertThat(n).endsWith("platform-check-acknowledge.form"))
        .anySatisfy(n -> assertThat(n).endsWith("platform-check-deadline.dmn"));
  }

  @Test
  default void taskGetsAWorkingDayDueDateAndOnlyItsAgencyHandlersCanWorkOnIt() throws Exception {
    Instant before = Instant.now();
    ProcessInstance pi = bean(RuntimeService.class).startProcessInstanceByKey("platform-check", "check-" + System.nanoTime(),
        Map.of("agency", "skhcn", "urgency", "khan"));
    Task task = bean(TaskService.class).createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getName()).isEqualTo("Xác nhận đã nhận");
    // "khan" → 2 working days (DMN), counted by the calendar from when the task was created.
    Instant expected = bean(WorkingDayCalendar.class).deadline(task.getCreateTime().toInstant(), 2).dueAt().toInstant();
    assertThat(task.getDueDate().toInstant()).isEqualTo(expected);
    assertThat(expected).isAfter(before);
    assertThat(bean(TaskService.class).getIdentityLinksForTask(task.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("skhcn-handler"));

    SsoClient anh = signIn("anhdd.skhcn");
    SsoClient thao = signIn("thaomt.vpubnd");

    JsonNode anhTasks = JSON.readTree(anh.get("/api/v1/tasks").body());
    assertThat(anhTasks.findValuesAsText("id")).contains(task.getId());
    JsonNode thaoTasks = JSON.readTree(thao.get("/api/v1/tasks").body());
    assertThat(thaoTasks.findValuesAsText("id")).doesNotContain(task.getId());

    // Another agency's handler: the task does not exist for them.
    assertThat(thao.postJson("/api/v1/tasks/" + task.getId() + "/claim", "").statusCode()).isEqualTo(404);
    assertThat(thao.postJson("/api/v1/tasks/" + task.getId() + "/complete", "{}").statusCode()).isEqualTo(404);

    assertThat(anh.postJson("/api/v1/tasks/" + task.getId() + "/claim", "").statusCode()).isEqualTo(204);
    // Claimed by Anh: Mai (same agency, same group) is told it is not hers.
    SsoClient mai = signIn("maivt.skhcn");
    assertThat(mai.postJson("/api/v1/tasks/" + task.getId() + "/complete", "{}").statusCode()).isEqualTo(403);
    assertThat(mai.postJson("/api/v1/tasks/" + task.getId() + "/claim", "").body()).contains("Đỗ Đức Anh");

    HttpResponse<String> done = anh.postJson("/api/v1/tasks/" + task.getId() + "/complete",
        "{\"acknowledged\": true, \"comment\": \"Đã nắm nội dung\"}");
    assertThat(done.statusCode()).isEqualTo(204);
    assertThat(bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(bean(HistoryService.class).createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("comment").singleResult().getValue()).isEqualTo("Đã nắm nội dung");

    Integer audited = bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = 'anhdd.skhcn'"
        + " AND action = 'task.complete' AND object_id = ?", Integer.class, task.getId());
    assertThat(audited).isEqualTo(1);
  }

  @Test
  default void engineUsersAndGroupsComeFromTheIdentityTables() {
    assertThat(bean(IdentityService.class).createUserQuery().memberOfGroup("skhcn-clerk").list())
        .extracting(u -> u.getId()).containsExactly("lannt.skhcn");
    assertThat(bean(IdentityService.class).createUserQuery().userId("hungtv.skhcn").singleResult().getFirstName()).isEqualTo("Hùng");
    assertThat(bean(IdentityService.class).createGroupQuery().groupMember("huybq.skhcn").list()).extracting(g -> g.getId())
        .contains("process-designer", "skhcn-process-designer", "skhcn-handler", "skhcn", "skhcn-cds");
    assertThat(bean(IdentityService.class).checkPassword("lannt.skhcn", SsoClient.DEMO_PASSWORD)).isFalse();
  }

  @Test
  default void auditRowsCannotBeChangedOrDeleted() {
    signIn("hoadt.vpubnd");
    Long id = bean(JdbcTemplate.class).queryForObject("SELECT MAX(id) FROM audit_event", Long.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> bean(JdbcTemplate.class).update("UPDATE audit_event SET actor = 'someone-else' WHERE id = ?", id))
        .hasMessageContaining("append-only");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bean(JdbcTemplate.class).update("DELETE FROM audit_event WHERE id = ?", id))
        .hasMessageContaining("append-only");
  }
}
