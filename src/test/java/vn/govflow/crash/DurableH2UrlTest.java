package vn.govflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govflow.durability.DurabilityConfig;
import vn.govflow.durability.DurabilityProperties.Mode;

/** Whatever H2 file URL an operator gives, SAFE mode writes and syncs each commit; FAST leaves it as given. */
class DurableH2UrlTest {

  @Test
  void safeModeMakesEveryFileDatabaseWriteAtCommit() {
    assertThat(DurabilityConfig.h2Url("jdbc:h2:file:./data/db/govflow;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
        Mode.SAFE)).isEqualTo("jdbc:h2:durable:./data/db/govflow;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
    assertThat(DurabilityConfig.h2Url("jdbc:h2:/srv/govflow/db", Mode.SAFE))
        .isEqualTo("jdbc:h2:durable:/srv/govflow/db;WRITE_DELAY=0");
    // An operator's own delay would lose acknowledged work: SAFE replaces it.
    assertThat(DurabilityConfig.h2Url("jdbc:h2:file:/srv/db;write_delay=500;LOCK_TIMEOUT=1", Mode.SAFE))
        .isEqualTo("jdbc:h2:durable:/srv/db;LOCK_TIMEOUT=1;WRITE_DELAY=0");
    assertThat(DurabilityConfig.h2Url("jdbc:h2:durable:/srv/db;WRITE_DELAY=0", Mode.SAFE))
        .isEqualTo("jdbc:h2:durable:/srv/db;WRITE_DELAY=0");
  }

  @Test
  void otherDatabasesAndFastModeAreLeftAsGiven() {
    assertThat(DurabilityConfig.h2Url("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", Mode.SAFE))
        .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
    assertThat(DurabilityConfig.h2Url("jdbc:h2:tcp://db.internal/govflow", Mode.SAFE))
        .isEqualTo("jdbc:h2:tcp://db.internal/govflow");
    assertThat(DurabilityConfig.h2Url("jdbc:h2:file:./data/db/govflow", Mode.FAST))
        .isEqualTo("jdbc:h2:file:./data/db/govflow");
  }

  /** The pool opens the rewritten URL: H2 knows the durable: file system and runs with no write delay. */
  @Test
  void aSafePoolOpensTheDatabaseWithNoWriteDelay(@TempDir Path dir) throws Exception {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
      pool.setUsername("sa");
      DurabilityConfig.configure(pool, Mode.SAFE);
      assertThat(pool.getJdbcUrl()).startsWith("jdbc:h2:durable:").endsWith(";WRITE_DELAY=0");
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        s.execute("INSERT INTO t VALUES (1)");
        ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY'");
        java.util.List<String> values = new java.util.ArrayList<>();
        while (rs.next()) {
          values.add(rs.getString(1));
        }
        assertThat(values).isNotEmpty().containsOnly("0");
      }
    }
    assertThat(dir.resolve("db.mv.db")).exists();
  }
}
