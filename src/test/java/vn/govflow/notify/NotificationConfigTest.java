package vn.govflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import vn.govflow.identity.IdentityDirectory;

/** The wiring: Spring Boot's mail sender exists only with spring.mail.host, and e-mail follows it. */
class NotificationConfigTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private ApplicationContextRunner runner(NotificationTestDb db) {
    IdentityDirectory directory = mock(IdentityDirectory.class);
    when(directory.person(anyString())).thenReturn(Optional.of(NotificationServiceTest.ANH));
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
        .withUserConfiguration(NotificationConfig.class)
        .withBean(NotificationMapper.class, () -> db.mapper)
        .withBean(IdentityDirectory.class, () -> directory)
        .withBean(PlatformTransactionManager.class, () -> db.transactions)
        .withPropertyValues("govflow.public-url=https://govflow.example.vn");
  }

  @Test
  void withoutAMailHostNotificationsStayInApp() {
    NotificationTestDb db = new NotificationTestDb();
    runner(db).run(context -> {
      context.getBean(NotificationService.class).notify("anhdd.skhcn", NotificationKind.ASSIGNED,
          NotificationServiceTest.ASSIGNED);
      assertThat(db.mapper.findByRecipient("anhdd.skhcn", false, 10)).extracting(Notification::emailStatus)
          .containsExactly(EmailStatus.DISABLED);
    });
  }

  @Test
  void withAMailHostTheMailLeavesOnTheMailThreadAfterCommit() {
    NotificationTestDb db = new NotificationTestDb();
    runner(db).withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP.getSmtp().getPort(),
        "govflow.notify.mail-from=GovFlow <no-reply@govflow.example.vn>").run(context -> {
          db.tx.executeWithoutResult(s -> context.getBean(NotificationService.class).notify("anhdd.skhcn",
              NotificationKind.ASSIGNED, NotificationServiceTest.ASSIGNED));
          assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
          assertThat(SMTP.getReceivedMessages()[0].getFrom()[0].toString())
              .isEqualTo("GovFlow <no-reply@govflow.example.vn>");
          context.close(); // waits for the mail thread, which records the outcome
          assertThat(db.mapper.findByRecipient("anhdd.skhcn", false, 10)).extracting(Notification::emailStatus)
              .containsExactly(EmailStatus.SENT);
        });
  }
}
