package vn.govflow.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import vn.govflow.calendar.TestCalendars;
import vn.govflow.calendar.WorkingDaysExpressions;
import vn.govflow.support.ModuleEngine;

/**
 * A bare Camunda engine for baselines: its own database on the same embedded PostgreSQL, the same model, decision
 * table and forms, the settings GovFlow's engine runs with (full history, JSON variables, UUIDs, working-day
 * calendar), no job executor, and no-op beans for the incoming and outgoing models. The direction bean sets only
 * what the model itself reads ({@code dueAt}, an empty {@code opinionRequests}); everything else GovFlow's beans do (checks, register row, phiếu,
 * notifications, the outgoing task rules) is left out: the variables those set, the caller passes.
 */
final class BareEngine implements AutoCloseable {
  /** The incoming module's models, found by folder as the process tests find them. */
  static final String MODULE = "incoming";

  final ProcessEngine engine;
  private final HikariDataSource dataSource;

  BareEngine(String jdbcUrl) {
    this(jdbcUrl, MODULE);
  }

  /** A bare engine with one module's models ({@code ModuleEngine.resources(module)}) deployed. */
  BareEngine(String jdbcUrl, String module) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(jdbcUrl);
    hikari.setUsername("postgres");
    hikari.setPassword("");
    hikari.setMaximumPoolSize(10);
    hikari.setPoolName("bare-engine");
    dataSource = new HikariDataSource(hikari);

    ProcessEngineConfigurationImpl c = new StandaloneProcessEngineConfiguration();
    c.setProcessEngineName("bare-benchmark");
    c.setDataSource(dataSource);
    c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    c.setJobExecutorActivate(false);
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setIdGenerator(new StrongUuidGenerator());
    c.setJavaSerializationFormatEnabled(false);
    c.setDefaultSerializationFormat("application/json");
    c.setEnforceHistoryTimeToLive(true);
    c.setHistoryTimeToLive("P3650D");
    c.setMetricsEnabled(true);
    c.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin())));
    TestCalendars.install(c, TestCalendars.calendar());
    WorkingDaysExpressions workingDays = (WorkingDaysExpressions) c.getBeans().get("workingDays");
    JavaDelegate noop = execution -> { };
    TaskListener noopListener = task -> { };
    c.getBeans().put("incomingDirection", (JavaDelegate) execution -> {
      Object decided = execution.getVariable("deadlineDays");
      int days = decided instanceof Number n ? n.intValue() : 10;
      execution.setVariable("dueAt", workingDays.dueAt(ClockUtil.getCurrentTime(), days));
      // The opinion round's collection, as IncomingSteps stores it (the benchmark directs with no coordinators).
      execution.setVariable("opinionRequests", org.camunda.bpm.engine.variable.Variables.objectValue(
          new ArrayList<java.util.Map<String, Object>>()).serializationDataFormat(
          org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON).create());
    });
    c.getBeans().put("incomingStatus", noop);
    c.getBeans().put("caseReminders", noop);
    c.getBeans().put("incomingTaskHistory", noopListener);
    c.getBeans().put("incomingOpinions", noopListener);
    c.getBeans().put("incomingReceipt", noop); // the receipt notice to a sender in the province
    c.getBeans().put("incomingForward", noop); // the clerk's direct forward (not on the benchmark's path)
    // outgoing-document: the draft step's start listener and the task rules (their variables come from the caller)
    c.getBeans().put("outgoingDraftStep", noop);
    c.getBeans().put("outgoingTaskRules", noopListener);
    engine = c.buildProcessEngine();
    c.getBeans().put("caseDeadlines", new vn.govflow.casework.CaseDeadlines(engine.getDecisionService(),
        engine.getRepositoryService(), c));

    var deployment = engine.getRepositoryService().createDeployment().name("benchmark").enableDuplicateFiltering(true);
    for (String r : ModuleEngine.resources(module)) {
      deployment.addClasspathResource(r);
    }
    deployment.deploy();
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      dataSource.close();
    }
  }
}
