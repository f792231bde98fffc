package vn.govflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.durability.DurabilityConfig;
import vn.govflow.durability.DurabilityProperties.Mode;
import vn.govflow.support.TestDatabases;

/**
 * The embedded test server runs with synchronous_commit=off (zonky's default, for speed): a server crash would
 * lose the last commits. GovFlow's sessions in SAFE mode wait for the WAL flush anyway; FAST ones do not.
 */
class DurableSessionsPostgresIsolatedTest {
  private static final String URL = TestDatabases.postgresUrl("govflow_durable");

  @AfterAll
  static void stop() {
    TestDatabases.stopPostgres();
  }

  @Test
  void safeSessionsNeverCommitAsynchronously() {
    assertThat(setting(null)).as("the server's own setting").isEqualTo("off");
    assertThat(setting(Mode.SAFE)).isEqualTo("on");
    assertThat(setting(Mode.FAST)).isEqualTo("off");
  }

  private static String setting(Mode mode) {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl(URL);
      pool.setUsername("postgres");
      pool.setMaximumPoolSize(1);
      if (mode != null) {
        DurabilityConfig.configure(pool, mode);
      }
      return new JdbcTemplate(pool).queryForObject("SHOW synchronous_commit", String.class);
    }
  }
}
