package vn.govflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.H2IntegrationTest;

/** The defaults GovFlow runs with: H2 writes each commit at once, a dead process's jobs come back in 2 minutes. */
class DurabilityDefaultsH2Test extends H2IntegrationTest {

  @Test
  void theEmbeddedDatabaseWritesEveryCommitBeforeAnswering() {
    HikariDataSource pool = (HikariDataSource) bean(DataSource.class);
    assertThat(pool.getJdbcUrl()).startsWith("jdbc:h2:durable:").endsWith(";WRITE_DELAY=0");
    // H2 lists the setting twice (the database's and the session's view); both must say 0.
    assertThat(bean(JdbcTemplate.class).queryForList("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
        + " WHERE SETTING_NAME = 'WRITE_DELAY'", String.class)).isNotEmpty().containsOnly("0");
  }

  @Test
  void jobsOfADeadProcessAreRetriedAfterTwoMinutes() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) bean(ProcessEngine.class)
        .getProcessEngineConfiguration();
    assertThat(cfg.getJobExecutor().getLockTimeInMillis()).isEqualTo(120_000);
  }
}
