package vn.govflow.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import vn.govflow.support.TestDatabases;

/** The crash test on the embedded default: an H2 file database in the child's data directory. */
class CrashRecoveryH2IsolatedTest extends CrashRecoveryScenario {
  private final Path data = TestDatabases.tempDir("govflow-crash-h2-");

  @Override
  List<String> databaseArgs() {
    return List.of(); // application.yaml's H2 URL, as `java -jar` runs it
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db").resolve("govflow"), "sa", "");
  }

  @Override
  Path dataDir() {
    return data;
  }
}
