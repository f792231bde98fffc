package vn.govflow.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Integration tests on the embedded default database: an H2 file database, as the run command uses. */
public abstract class H2IntegrationTest extends IntegrationTestBase {
  protected static final int PORT = TestDatabases.freePort();
  static final Path DATA = TestDatabases.tempDir("govflow-h2-");
  /** A second GovFlow that signs in with this one as its external issuer (see ExternalIssuerIsolatedTest). */
  public static final int EXTERNAL_CLIENT_PORT = TestDatabases.freePort();

  @DynamicPropertySource
  static void h2(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("govflow.data-dir", DATA::toString);
    registry.add("govflow.sso.additional-redirect-uris",
        () -> "http://localhost:" + EXTERNAL_CLIENT_PORT + "/login/oauth2/code/govflow");
  }

  @Override
  protected int port() {
    return PORT;
  }
}
