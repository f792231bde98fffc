package vn.govflow.portal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govflow.support.PostgresIntegrationTest;
import vn.govflow.support.TestDatabases;

/** The answer e-mail sent once, on PostgreSQL. Its own JVM: mail is on. */
class PortalMailOncePostgresIsolatedTest extends PostgresIntegrationTest implements PortalMailOnceScenarios {
  static final int SMTP_PORT = TestDatabases.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Override
  public GreenMailExtension smtp() {
    return smtp;
  }
}
