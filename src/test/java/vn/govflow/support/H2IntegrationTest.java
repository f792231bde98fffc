package vn.govflow.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Integration tests on the embedded default database: an H2 file database, as the run command uses. */
public abstract class H2IntegrationTest extends IntegrationTestBase {
  static final int PORT = TestDatabases.freePort();
  static final Path DATA = TestDatabases.tempDir("govflow-h2-");

  @DynamicPropertySource
  static void h2(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("govflow.data-dir", DATA::toString);
  }

  @Override
  protected int port() {
    return PORT;
  }
}
