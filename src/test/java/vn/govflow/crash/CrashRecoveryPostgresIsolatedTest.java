package vn.govflow.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import vn.govflow.support.TestDatabases;

/**
 * The crash test on PostgreSQL: the embedded server runs in this test JVM, so it outlives the child's kill as a
 * database server outlives a crashed application server.
 */
class CrashRecoveryPostgresIsolatedTest extends CrashRecoveryScenario {
  private final Path data = TestDatabases.tempDir("govflow-crash-pg-");
  private final String url = TestDatabases.postgresUrl("govflow_crash");

  @AfterAll
  static void stopPostgres() {
    TestDatabases.stopPostgres();
  }

  @Override
  List<String> databaseArgs() {
    return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
        "--spring.datasource.password=");
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  @Override
  Path dataDir() {
    return data;
  }
}
