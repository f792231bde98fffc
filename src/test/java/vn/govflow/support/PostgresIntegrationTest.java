package vn.govflow.support;

import java.nio.file.Path;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same integration tests on PostgreSQL (embedded binaries), the production database. */
@Import(PostgresLifecycle.class)
public abstract class PostgresIntegrationTest extends IntegrationTestBase {
  protected static final int PORT = TestDatabases.freePort();
  static final Path DATA = TestDatabases.tempDir("govflow-pg-");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("govflow.data-dir", DATA::toString);
    registry.add("spring.datasource.url", () -> TestDatabases.postgresUrl("govflow"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Override
  protected int port() {
    return PORT;
  }
}
