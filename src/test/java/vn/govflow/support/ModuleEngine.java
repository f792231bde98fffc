package vn.govflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.govflow.calendar.TestCalendars;
import vn.govflow.calendar.WorkingDaysExpressions;
import vn.govflow.casework.CaseDeadlines;

/**
 * The in-memory engine a module's process tests run on, with the settings the application uses (full history,
 * Spin, Java serialization off, the real working-day calendar), and the module's models found by folder:
 * everything under {@code processes/<module>}, {@code dmn/<module>} and {@code forms/<module>}, so a new
 * decision table or form is deployed without editing a list.
 */
public final class ModuleEngine {
  /** The folders a module keeps its models in (see docs/process-conventions.md). */
  public static final List<String> MODEL_FOLDERS = List.of("processes", "dmn", "forms");

  private ModuleEngine() {}

  /** A coverage-recording H2 engine configuration for the module; the caller adds the module's bean doubles. */
  public static ProcessCoverageInMemProcessEngineConfiguration configuration(String module) {
    ProcessCoverageInMemProcessEngineConfiguration c = new ProcessCoverageInMemProcessEngineConfiguration();
    c.setJdbcUrl("jdbc:h2:mem:" + module + "-process;DB_CLOSE_DELAY=1000");
    c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    c.setJobExecutorActivate(false);
    c.setProcessEngineName(module + "-process-test");
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setJavaSerializationFormatEnabled(false);
    c.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin())));
    TestCalendars.install(c, TestCalendars.calendar());
    return c;
  }

  /** The {@code workingDays} expression bean {@link #configuration} installed (for start variables). */
  public static WorkingDaysExpressions workingDays(ProcessEngineConfigurationImpl c) {
    return (WorkingDaysExpressions) c.getBeans().get("workingDays");
  }

  /**
   * Adds the real {@code caseDeadlines} bean (task due dates from the module's task-deadline decision); it needs
   * the built engine's services, so it is registered once the engine exists.
   */
  public static void registerCaseDeadlines(ProcessEngine engine) {
    ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    c.getBeans().putIfAbsent("caseDeadlines", new CaseDeadlines(engine.getDecisionService(),
        engine.getRepositoryService(), c));
  }

  /** Classpath names of every model file of the module, in a stable order. */
  public static List<String> resources(String module) {
    TreeMap<String, Resource> found = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String folder : MODEL_FOLDERS) {
      String prefix = folder + "/" + module + "/";
      try {
        for (Resource r : resolver.getResources("classpath*:" + prefix + "**/*.*")) {
          String url = r.getURL().toString();
          if (r.isReadable() && !url.endsWith("/")) {
            found.putIfAbsent(url.substring(url.lastIndexOf(prefix)), r);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (found.keySet().stream().noneMatch(n -> n.startsWith("processes/"))) {
      throw new IllegalArgumentException("No process model under processes/" + module + " on the classpath");
    }
    return List.copyOf(found.keySet());
  }

  /** Deploys every model file of the module; returns the deployment id (delete it after the test). */
  public static String deploy(ProcessEngine engine, String module) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(module);
    for (String name : resources(module)) {
      deployment.addClasspathResource(name);
    }
    return deployment.deploy().getId();
  }

  /** Removes a deployment with its instances, jobs and history, as {@code @Deployment} does after each test. */
  public static void undeploy(ProcessEngine engine, String deploymentId) {
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true, true, true);
    }
  }
}
