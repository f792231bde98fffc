package vn.govflow.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GovFlow on H2 with mail switched on: SMTP at {@link #SMTP_PORT} on the loopback address, where each test class
 * runs its own GreenMail ({@code new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")}, started and emptied per test).
 * Mail on changes what GovFlow does, so these tests cannot share the JVM of the other H2 tests; they share one
 * JVM and one GovFlow among themselves (the surefire execution "mail" in pom.xml lists them). The settings are
 * the same for all of them, declared only here, so that Spring's context cache sees one configuration.
 */
public abstract class MailH2IntegrationTest extends H2IntegrationTest {
  public static final int SMTP_PORT = TestDatabases.freePort();
  /** The provincial office's mailbox for the portal's periodic reports (PortalReportSendingIsolatedTest). */
  public static final String REPORT_OFFICE = "baocao@vpubnd.laocai.gov.vn";

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("govflow.portal.report.send-to", () -> REPORT_OFFICE);
    // Only PortalReportSendingIsolatedTest sends reports: the hourly run must not add mails of its own.
    registry.add("govflow.portal.report.send-cron", () -> "-");
  }
}
