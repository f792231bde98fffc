package vn.govflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.notify.NotificationService.Message;

/** The service over H2 with real transactions and a real SMTP server (GreenMail on a free port). */
class NotificationServiceTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final Person ANH = person("anhdd.skhcn", "Đỗ Đức Anh", "anhdd.skhcn@laocai.gov.vn", true);
  static final Person MAI = person("maivt.skhcn", "Vũ Thị Mai", "maivt.skhcn@laocai.gov.vn", true);
  static final Person NO_MAIL = person("namhv.skhcn", "Hoàng Văn Nam", null, true);
  static final Person GONE = person("cu.skhcn", "Người Đã Nghỉ", "cu@laocai.gov.vn", false);
  static final Message ASSIGNED = new Message("Công văn đến số 12 được giao cho bạn xử lý",
      "Incoming document no. 12 was assigned to you", "Hạn xử lý: 20/03/2026.", "Due: 20/03/2026.",
      "/documents/incoming/42");

  NotificationTestDb db;
  IdentityDirectory directory;
  JavaMailSenderImpl mail;

  @BeforeEach
  void setUp() {
    db = new NotificationTestDb();
    directory = mock(IdentityDirectory.class);
    Map<String, Person> people = Map.of(ANH.username(), ANH, MAI.username(), MAI, NO_MAIL.username(), NO_MAIL,
        GONE.username(), GONE);
    when(directory.person(org.mockito.ArgumentMatchers.anyString()))
        .thenAnswer(i -> Optional.ofNullable(people.get(i.<String>getArgument(0))));
    mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(SMTP.getSmtp().getPort());
    Properties props = new Properties();
    props.setProperty("mail.smtp.connectiontimeout", "2000");
    props.setProperty("mail.smtp.timeout", "2000");
    mail.setJavaMailProperties(props);
  }

  private NotificationService service(JavaMailSender sender) {
    return new NotificationService(db.mapper, directory, sender, db.transactions, Runnable::run,
        "https://govflow.example.vn/", "GovFlow <no-reply@govflow.example.vn>", Clock.systemUTC());
  }

  private Notification only(String username) {
    List<Notification> list = db.mapper.findByRecipient(username, false, 100);
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  @Test
  void oneNotificationIsOneRowAndOneVietnameseEmailSentAfterCommit() throws Exception {
    NotificationService service = service(mail);
    db.tx.executeWithoutResult(s -> {
      service.notify("anhdd.skhcn", NotificationKind.ASSIGNED, ASSIGNED);
      assertThat(SMTP.getReceivedMessages()).as("nothing leaves before the commit").isEmpty();
    });

    Notification n = only("anhdd.skhcn");
    assertThat(n.kind()).isEqualTo("ASSIGNED");
    assertThat(n.agencyCode()).isEqualTo("000.00.12.H37");
    assertThat(n.subjectVi()).isEqualTo(ASSIGNED.subjectVi());
    assertThat(n.link()).isEqualTo("/documents/incoming/42");
    assertThat(n.read()).isFalse();
    assertThat(n.emailStatus()).isEqualTo(EmailStatus.SENT);
    assertThat(n.emailError()).isNull();

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Công văn đến số 12 được giao cho bạn xử lý");
    assertThat(received[0].getRecipients(RecipientType.TO)[0].toString()).isEqualTo("anhdd.skhcn@laocai.gov.vn");
    String body = (String) received[0].getContent();
    assertThat(body).contains("Kính gửi Đỗ Đức Anh", "Hạn xử lý: 20/03/2026.", "Due: 20/03/2026.",
        "https://govflow.example.vn/documents/incoming/42");
    assertThat(body.indexOf("Hạn xử lý")).as("Vietnamese first, English below").isLessThan(body.indexOf("Due:"));
  }

  @Test
  void withoutAMailSenderItIsInAppOnly() {
    service(null).notify("anhdd.skhcn", NotificationKind.REMINDER, ASSIGNED);
    assertThat(only("anhdd.skhcn").emailStatus()).isEqualTo(EmailStatus.DISABLED);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void aPersonWithoutAnAddressGetsNoEmail() {
    service(mail).notify("namhv.skhcn", NotificationKind.ASSIGNED, ASSIGNED);
    assertThat(only("namhv.skhcn").emailStatus()).isEqualTo(EmailStatus.NO_ADDRESS);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void anSmtpFailureKeepsTheNotificationAndRecordsTheError() {
    SMTP.stop();
    NotificationService service = service(mail);
    db.tx.executeWithoutResult(s -> service.notify("anhdd.skhcn", NotificationKind.ESCALATION, ASSIGNED));

    Notification n = only("anhdd.skhcn");
    assertThat(n.emailStatus()).isEqualTo(EmailStatus.FAILED);
    assertThat(n.emailError()).isNotBlank().containsIgnoringCase("connect");
    assertThat(n.subjectVi()).isEqualTo(ASSIGNED.subjectVi());
  }

  @Test
  void aFailedEmailIsTriedAgainUntilTheServerAnswers() throws Exception {
    SMTP.stop();
    NotificationService service = service(mail);
    db.tx.executeWithoutResult(s -> service.notify("anhdd.skhcn", NotificationKind.ESCALATION, ASSIGNED));
    long id = only("anhdd.skhcn").id();
    assertThat(db.mapper.attempts(id)).isEqualTo(1);

    assertThat(service.resendFailed()).isEqualTo(1);
    assertThat(only("anhdd.skhcn").emailStatus()).isEqualTo(EmailStatus.FAILED);
    assertThat(db.mapper.attempts(id)).isEqualTo(2);

    SMTP.start();
    mail.setPort(SMTP.getSmtp().getPort()); // a dynamic port: the restarted server may listen elsewhere
    assertThat(service.resendFailed()).isEqualTo(1);
    assertThat(only("anhdd.skhcn").emailStatus()).isEqualTo(EmailStatus.SENT);
    assertThat(db.mapper.attempts(id)).isEqualTo(3);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo(ASSIGNED.subjectVi());
    assertThat((String) SMTP.getReceivedMessages()[0].getContent()).contains("Kính gửi Đỗ Đức Anh",
        "https://govflow.example.vn/documents/incoming/42");
    assertThat(service.resendFailed()).as("sent ones are not sent again").isZero();
  }

  @Test
  void aServerThatStaysDownIsTriedFiveTimesInAll() {
    SMTP.stop();
    NotificationService service = service(mail);
    db.tx.executeWithoutResult(s -> service.notify("anhdd.skhcn", NotificationKind.ESCALATION, ASSIGNED));
    long id = only("anhdd.skhcn").id();
    for (int round = 0; round < 10; round++) {
      service.resendFailed();
    }
    assertThat(db.mapper.attempts(id)).isEqualTo(NotificationService.MAX_ATTEMPTS);
    assertThat(only("anhdd.skhcn").emailStatus()).isEqualTo(EmailStatus.FAILED);
  }

  @Test
  void anEmailLostFromTheQueueIsSentByTheNextRoundOnceItIsOld() throws Exception {
    // The application stopped with the e-mail queued: the row stays NOT_SENT.
    NotificationService stopped = new NotificationService(db.mapper, directory, mail, db.transactions, task -> { },
        "https://govflow.example.vn/", "GovFlow <no-reply@govflow.example.vn>", Clock.systemUTC());
    db.tx.executeWithoutResult(s -> stopped.notify("maivt.skhcn", NotificationKind.ASSIGNED, ASSIGNED));
    assertThat(only("maivt.skhcn").emailStatus()).isEqualTo(EmailStatus.NOT_SENT);
    assertThat(service(mail).resendFailed()).as("may still be in the queue").isZero();

    NotificationService later = new NotificationService(db.mapper, directory, mail, db.transactions, Runnable::run,
        "https://govflow.example.vn/", "GovFlow <no-reply@govflow.example.vn>",
        Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(15)));
    assertThat(later.resendFailed()).isEqualTo(1);
    assertThat(only("maivt.skhcn").emailStatus()).isEqualTo(EmailStatus.SENT);
    assertThat(SMTP.getReceivedMessages()[0].getRecipients(RecipientType.TO)[0].toString())
        .isEqualTo("maivt.skhcn@laocai.gov.vn");
  }

  @Test
  void aSentCopyIsNeverSentAgainAndCarriesAStableMessageId() throws Exception {
    NotificationService service = service(mail);
    db.tx.executeWithoutResult(s -> service.notify("anhdd.skhcn", NotificationKind.ASSIGNED, ASSIGNED));
    long id = only("anhdd.skhcn").id();
    assertThat(only("anhdd.skhcn").emailStatus()).isEqualTo(EmailStatus.SENT);
    assertThat(SMTP.getReceivedMessages()[0].getMessageID())
        .isEqualTo("<govflow.notification." + id + "@govflow.example.vn>");

    // Whatever round comes later, a day on: nothing is sent again.
    NotificationService later = new NotificationService(db.mapper, directory, mail, db.transactions, Runnable::run,
        "https://govflow.example.vn/", "GovFlow <no-reply@govflow.example.vn>",
        Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(1)));
    assertThat(later.resendFailed()).isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(db.mapper.attempts(id)).isEqualTo(1);
  }

  @Test
  void aCopyLeftSendingByACrashIsSentOnceMoreWithTheSameMessageId() throws Exception {
    // The mail server accepts the e-mail, then the process loses its database before recording it as sent
    // (as a crash between the two would): the row stays SENDING, the outcome unknown.
    String trigger;
    try (var c = db.dataSource.getConnection()) {
      trigger = vn.govflow.support.FailOnceH2Trigger.install(c, "notification", "UPDATE", "email_status", "SENT", 1);
    }
    NotificationService service = service(mail);
    db.tx.executeWithoutResult(s -> service.notify("maivt.skhcn", NotificationKind.ASSIGNED, ASSIGNED));
    assertThat(vn.govflow.support.FailOnceH2Trigger.left(trigger)).as("the SENT record was refused").isZero();
    Notification n = only("maivt.skhcn");
    assertThat(n.emailStatus()).isEqualTo(EmailStatus.SENDING);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    String messageId = SMTP.getReceivedMessages()[0].getMessageID();
    assertThat(messageId).isEqualTo("<govflow.notification." + n.id() + "@govflow.example.vn>");

    assertThat(service.resendFailed()).as("may be being sent right now").isZero();
    NotificationService later = new NotificationService(db.mapper, directory, mail, db.transactions, Runnable::run,
        "https://govflow.example.vn/", "GovFlow <no-reply@govflow.example.vn>",
        Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(15)));
    assertThat(later.resendFailed()).isEqualTo(1);
    assertThat(only("maivt.skhcn").emailStatus()).isEqualTo(EmailStatus.SENT);
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[1].getMessageID()).as("the same message again").isEqualTo(messageId);
    assertThat(received[1].getRecipients(RecipientType.TO)[0].toString()).isEqualTo("maivt.skhcn@laocai.gov.vn");

    assertThat(later.resendFailed()).as("sent once more, then never again").isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aRolledBackCallerLeavesNoRowAndSendsNoMail() {
    NotificationService service = service(mail);
    db.tx.executeWithoutResult(s -> {
      service.notify("anhdd.skhcn", NotificationKind.ASSIGNED, ASSIGNED);
      s.setRollbackOnly();
    });
    assertThatThrownBy(() -> db.tx.executeWithoutResult(s -> {
      service.notifyAll(List.of("anhdd.skhcn", "maivt.skhcn"), NotificationKind.ASSIGNED, ASSIGNED);
      throw new IllegalStateException("the step failed");
    })).hasMessage("the step failed");

    assertThat(db.rows()).isZero();
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void unknownAndInactivePeopleAreSkippedAndDuplicatesNotifiedOnce() {
    service(mail).notifyAll(List.of("anhdd.skhcn", "khongco.skhcn", "cu.skhcn", "anhdd.skhcn", "maivt.skhcn"),
        NotificationKind.ASSIGNED, ASSIGNED);
    assertThat(db.jdbc.queryForList("SELECT recipient FROM notification ORDER BY id", String.class))
        .containsExactly("anhdd.skhcn", "maivt.skhcn");
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    service(mail).notify("khongco.skhcn", NotificationKind.ASSIGNED, ASSIGNED);
    assertThat(db.rows()).isEqualTo(2);
  }

  @Test
  void aGroupIsItsMembers() {
    when(directory.membersOf("skhcn-handler")).thenReturn(List.of("anhdd.skhcn", "maivt.skhcn"));
    service(null).notifyGroup("skhcn-handler", NotificationKind.REMINDER, ASSIGNED);
    service(null).notifyGroup("nobody-here", NotificationKind.REMINDER, ASSIGNED);
    assertThat(db.jdbc.queryForList("SELECT recipient FROM notification ORDER BY id", String.class))
        .containsExactly("anhdd.skhcn", "maivt.skhcn");
  }

  @Test
  void mailLeavesOnItsOwnThreadAndItsStatusIsStillRecorded() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    NotificationService service = new NotificationService(db.mapper, directory, mail, db.transactions, executor,
        "https://govflow.example.vn", null, Clock.systemUTC());
    db.tx.executeWithoutResult(s -> service.notify("maivt.skhcn", NotificationKind.RETURNED, ASSIGNED));
    service.close();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(only("maivt.skhcn").emailStatus()).isEqualTo(EmailStatus.SENT);
  }

  @Test
  void readingConcernsOnlyOnesOwnNotifications() {
    NotificationService service = service(null);
    service.notifyAll(List.of("anhdd.skhcn", "maivt.skhcn"), NotificationKind.ASSIGNED, ASSIGNED);
    service.notify("anhdd.skhcn", NotificationKind.REMINDER, ASSIGNED);
    long maisId = only("maivt.skhcn").id();

    assertThat(service.markRead("anhdd.skhcn", maisId)).isFalse();
    assertThat(service.find("anhdd.skhcn", maisId)).isEmpty();
    assertThat(service.list("maivt.skhcn", true)).hasSize(1);

    List<Notification> anhs = service.list("anhdd.skhcn", false);
    assertThat(anhs).extracting(Notification::kind).containsExactly("REMINDER", "ASSIGNED");
    assertThat(service.markRead("anhdd.skhcn", anhs.get(1).id())).isTrue();
    assertThat(service.markRead("anhdd.skhcn", anhs.get(1).id())).as("again: still fine").isTrue();
    assertThat(service.countUnread("anhdd.skhcn")).isEqualTo(1);
    assertThat(service.markAllRead("anhdd.skhcn")).isEqualTo(1);
    assertThat(service.list("anhdd.skhcn", true)).isEmpty();
    assertThat(service.countUnread("maivt.skhcn")).isEqualTo(1);
  }

  @Test
  void linksStayInsideGovFlowAndLongTextIsClipped() {
    assertThatThrownBy(() -> new Message("a", "a", null, null, "https://evil.example/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Message("a", "a", null, null, "//evil.example/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Message(" ", "a", null, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> service(null).notify("anhdd.skhcn", "assigned", ASSIGNED))
        .isInstanceOf(IllegalArgumentException.class);

    service(null).notify("anhdd.skhcn", NotificationKind.ASSIGNED,
        new Message("Đ".repeat(400), "D".repeat(400), "x".repeat(5000), null, null));
    Notification n = only("anhdd.skhcn");
    assertThat(n.subjectVi()).hasSize(NotificationService.SUBJECT_MAX).endsWith("…");
    assertThat(n.bodyVi()).hasSize(NotificationService.BODY_MAX);
    assertThat(n.link()).isNull();
  }

  static Person person(String username, String name, String email, boolean active) {
    return new Person(username, name, email, "000.00.12.H37", null, null, Person.KIND_PERSON, null, active,
        Set.of("handler"));
  }
}
