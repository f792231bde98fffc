package vn.govflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The sent mark over H2 with real transactions and a real SMTP server (GreenMail on a free port). */
class MailOnceTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  NotificationTestDb db;
  JavaMailSenderImpl mail;
  MailOnce once;

  @BeforeEach
  void setUp() {
    db = new NotificationTestDb();
    mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(SMTP.getSmtp().getPort());
    Properties props = new Properties();
    props.setProperty("mail.smtp.connectiontimeout", "2000");
    props.setProperty("mail.smtp.timeout", "2000");
    mail.setJavaMailProperties(props);
    once = new MailOnce(db.mailSent, db.transactions, "Cổng <no-reply@govflow.example.vn>", Clock.systemUTC());
  }

  void send(String messageId) {
    try {
      MimeMessage m = mail.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(m, false, "UTF-8");
      h.setFrom("no-reply@govflow.example.vn");
      h.setTo("dan@example.vn");
      h.setSubject("Trả lời câu hỏi");
      h.setText("Nội dung");
      m.setHeader("Message-ID", messageId);
      mail.send(m);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sentOnceThoughTheCallerRollsBackAndTriesAgain() throws Exception {
    assertThatThrownBy(() -> db.tx.executeWithoutResult(s -> {
      once.send("q-1", MailOnce.PORTAL_ANSWER, this::send);
      throw new IllegalStateException("the step failed after the send");
    })).hasMessage("the step failed after the send");
    MailOnce.Result again = db.tx.execute(s -> once.send("q-1", MailOnce.PORTAL_ANSWER, this::send));

    assertThat(again.alreadySent()).isTrue();
    assertThat(again.sentAt()).isNotNull();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(SMTP.getReceivedMessages()[0].getMessageID())
        .isEqualTo("<govflow.portal-answer.q-1@govflow.example.vn>");
  }

  @Test
  void aRefusedSendingIsTriedAgainWithTheSameMessageIdAndIsNoUnknownOutcome() throws Exception {
    SMTP.stop();
    assertThatThrownBy(() -> once.send("q-2", MailOnce.PORTAL_APPOINTMENT, this::send))
        .isInstanceOf(org.springframework.mail.MailException.class);
    assertThat(db.mailSent.find("q-2", MailOnce.PORTAL_APPOINTMENT).state()).isEqualTo("FAILED");

    SMTP.start();
    mail.setPort(SMTP.getSmtp().getPort());
    MailOnce.Result r = once.send("q-2", MailOnce.PORTAL_APPOINTMENT, this::send);
    assertThat(r.alreadySent()).isFalse();
    assertThat(r.resentAfterUnknown()).as("the server had refused it: surely not sent before").isFalse();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(SMTP.getReceivedMessages()[0].getMessageID())
        .isEqualTo("<govflow.portal-appointment.q-2@govflow.example.vn>");
    MailOnce.Mark mark = db.mailSent.find("q-2", MailOnce.PORTAL_APPOINTMENT);
    assertThat(mark.state()).isEqualTo("SENT");
    assertThat(mark.attempts()).isEqualTo(2);
  }

  @Test
  void theMessageIdNamesTheSendersDomain() {
    assertThat(MailOnce.domainOf("GovFlow <no-reply@localhost>")).isEqualTo("localhost");
    assertThat(MailOnce.domainOf("no-reply@so.laocai.gov.vn")).isEqualTo("so.laocai.gov.vn");
    assertThat(MailOnce.domainOf("")).isEqualTo("govflow.localhost");
    assertThat(MailOnce.domainOf("not an address <")).isEqualTo("govflow.localhost");
  }
}
