package vn.govflow.portal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.TestDatabases;

/** The answer e-mail sent once, on H2. Its own JVM: mail is on. */
class PortalMailOnceH2IsolatedTest extends H2IntegrationTest implements PortalMailOnceScenarios {
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
