package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/** The engine's hardening, checked on the running engine rather than trusted from configuration. */
class EngineHardeningTest extends H2IntegrationTest {
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;

  @Test
  void configurationIsHardened() {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(c.isAuthorizationEnabled()).isTrue();
    assertThat(c.getHistory()).isEqualTo("full");
    assertThat(c.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(c.isEnableExpressionsInStoredQueries()).isFalse();
    assertThat(c.isConfigureScriptEngineHostAccess()).isFalse();
    assertThat(c.isEnableScriptEngineLoadExternalResources()).isFalse();
    assertThat(c.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(c.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(c.getHistoryTimeToLive()).isEqualTo("P3650D");
  }

  /**
   * The engine resolves exactly the vocabulary, and the vocabulary names every delegate and listener bean the
   * application has (a new module's delegate missing here would not resolve in its own models).
   */
  @Test
  void theSandboxIsInstalledAndItsVocabularyMatchesTheBeans() {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(c.getExpressionManager()).isInstanceOf(ModelExpressionManager.class);
    assertThat(c.getBeans().keySet()).containsExactlyInAnyOrderElementsOf(ModelVocabulary.beanNames());
    assertThat(c.getCustomPreDeployers()).anySatisfy(d -> assertThat(d).isInstanceOf(DeploymentCheck.class));
    assertThat(c.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(c.getDeserializationTypeValidator()).isInstanceOf(SandboxDeserializationValidator.class);
    for (String name : ModelVocabulary.beanNames()) {
      assertThat(context().containsBean(name)).as(name).isTrue();
    }
    java.util.Set<String> delegates = new java.util.TreeSet<>();
    for (Class<?> type : new Class<?>[] {org.camunda.bpm.engine.delegate.JavaDelegate.class,
        org.camunda.bpm.engine.delegate.TaskListener.class, org.camunda.bpm.engine.delegate.ExecutionListener.class}) {
      delegates.addAll(java.util.List.of(context().getBeanNamesForType(type)));
    }
    assertThat(ModelVocabulary.beanNames()).containsAll(delegates);
  }

  @Test
  void expressionsInQueriesAreRefused() {
    assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").list())
        .hasMessageContaining("xpressions are forbidden");
    Filter filter = filters.newTaskFilter("mine").setQuery(tasks.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}"));
    assertThatThrownBy(() -> filters.saveFilter(filter)).hasMessageContaining("xpressions are forbidden");
  }

  @Test
  void unboundedQueriesThroughTheRestApiAreRefused() {
    SsoClient anh = signIn("anhdd.skhcn");
    // Refused (400); staff get the shield's bilingual message with an error id, not the engine's own text.
    var unbounded = anh.get("/engine-rest/history/process-instance");
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(unbounded.body()).contains("\"code\":\"engine-bad-request\"").contains("errorId")
        .doesNotContain("Exception");
    assertThat(anh.get("/engine-rest/history/process-instance?maxResults=10").statusCode()).isEqualTo(200);
  }

}
