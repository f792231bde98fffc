package vn.govflow.portal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govflow.support.MailH2IntegrationTest;

/** The answer e-mail sent once, on H2. Mail is on (see MailH2IntegrationTest). */
class PortalMailOnceH2IsolatedTest extends MailH2IntegrationTest implements PortalMailOnceScenarios {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @Override
  public GreenMailExtension smtp() {
    return smtp;
  }
}
