package vn.govflow.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * Tells people about their work: always in GovFlow (a row written in the caller's transaction, so a rolled
 * back step notifies nobody), and by e-mail when a mail server is configured and the person has an address.
 * The e-mail leaves only after the caller's transaction commits, on a mail thread, so a slow or failed SMTP
 * server neither delays nor undoes the work; its outcome is recorded on the row and logged.
 */
public class NotificationService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
  /** The list shows at most this many: older ones are history, not work. */
  public static final int LIST_LIMIT = 100;
  static final int SUBJECT_MAX = 300;
  static final int BODY_MAX = 4000;
  static final int ERROR_MAX = 1000;
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

  /**
   * What to say, in Vietnamese and English. {@code link} is a path inside GovFlow (e.g.
   * {@code /documents/incoming/42}); e-mails make it absolute with {@code govflow.public-url}.
   */
  public record Message(String subjectVi, String subjectEn, String bodyVi, String bodyEn, String link) {
    public Message {
      if (subjectVi == null || subjectVi.isBlank() || subjectEn == null || subjectEn.isBlank()) {
        throw new IllegalArgumentException("A notification needs a subject in Vietnamese and in English");
      }
      // Only paths inside GovFlow: a notification (and an e-mail) must never point people elsewhere.
      if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\")
          || link.chars().anyMatch(c -> c <= ' ' || c == 0x7f) || link.length() > 500)) {
        throw new IllegalArgumentException("A notification link must be a path inside GovFlow: " + link);
      }
    }
  }

  private final NotificationMapper mapper;
  private final IdentityDirectory directory;
  private final JavaMailSender mailSender;
  private final TransactionTemplate required;
  private final TransactionTemplate requiresNew;
  private final Executor mailExecutor;
  private final String publicUrl;
  private final String mailFrom;
  private final String messageDomain;
  private final Clock clock;

  /**
   * @param mailSender   null when no mail server is configured: in-app only, e-mail status DISABLED
   * @param mailExecutor runs the sending after commit ({@code Runnable::run} sends on the committing thread)
   */
  public NotificationService(NotificationMapper mapper, IdentityDirectory directory, JavaMailSender mailSender,
                             PlatformTransactionManager transactions, Executor mailExecutor, String publicUrl,
                             String mailFrom, Clock clock) {
    this.mapper = Objects.requireNonNull(mapper);
    this.directory = Objects.requireNonNull(directory);
    this.mailSender = mailSender;
    this.required = new TransactionTemplate(transactions);
    this.requiresNew = new TransactionTemplate(transactions);
    this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.mailExecutor = Objects.requireNonNull(mailExecutor);
    this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    this.mailFrom = mailFrom;
    this.messageDomain = MailOnce.domainOf(mailFrom);
    this.clock = clock;
  }

  /** Notifies one person; an unknown or inactive username is skipped with a log line. */
  public void notify(String recipientUsername, String kind, Message message) {
    notifyAll(recipientUsername == null ? List.of() : List.of(recipientUsername), kind, message);
  }

  /** Notifies each person once (duplicates ignored); unknown or inactive usernames are skipped. */
  public void notifyAll(Collection<String> recipients, String kind, Message message) {
    Objects.requireNonNull(message, "message");
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("A notification kind is upper case, at most 30 characters: " + kind);
    }
    List<Person> people = new LinkedHashSet<>(recipients).stream()
        .map(username -> recipient(username, kind))
        .flatMap(Optional::stream)
        .toList();
    if (people.isEmpty()) {
      return;
    }
    // Joins the caller's transaction when there is one, so the rows share its fate.
    required.executeWithoutResult(status -> {
      for (Person person : people) {
        insert(person, kind, message);
      }
    });
  }

  /** Notifies the active members of an engine group (e.g. {@code skhcn-clerk}, a department id). */
  public void notifyGroup(String engineGroupId, String kind, Message message) {
    List<String> members = directory.membersOf(engineGroupId);
    if (members.isEmpty()) {
      log.info("Notification {} to group {} skipped: the group has no active members", kind, engineGroupId);
    }
    notifyAll(members, kind, message);
  }

  /** The person's notifications, newest first, at most {@value #LIST_LIMIT}. */
  public List<Notification> list(String username, boolean unreadOnly) {
    return mapper.findByRecipient(username, unreadOnly, LIST_LIMIT);
  }

  public int countUnread(String username) {
    return mapper.countUnread(username);
  }

  /** One of the person's own notifications, or empty (also when it is someone else's). */
  public Optional<Notification> find(String username, long id) {
    return Optional.ofNullable(mapper.findById(id)).filter(n -> n.recipient().equals(username));
  }

  /** Marks one of the person's own notifications read; false when there is no such notification of theirs. */
  public boolean markRead(String username, long id) {
    return mapper.markRead(id, username, now()) == 1;
  }

  /** Marks all the person's unread notifications read and says how many there were. */
  public int markAllRead(String username) {
    return mapper.markAllRead(username, now());
  }

  private Optional<Person> recipient(String username, String kind) {
    Optional<Person> person = directory.person(username);
    if (person.isEmpty() || !person.get().active()) {
      log.info("Notification {} to {} skipped: {}", kind, username, person.isEmpty() ? "unknown" : "inactive");
      return Optional.empty();
    }
    return person;
  }

  private void insert(Person person, String kind, Message message) {
    NotificationMapper.NewRow row = new NotificationMapper.NewRow();
    row.recipient = person.username();
    row.agencyCode = person.agencyCode();
    row.kind = kind;
    row.subjectVi = clip(message.subjectVi(), SUBJECT_MAX);
    row.subjectEn = clip(message.subjectEn(), SUBJECT_MAX);
    row.bodyVi = clip(message.bodyVi(), BODY_MAX);
    row.bodyEn = clip(message.bodyEn(), BODY_MAX);
    row.link = message.link();
    row.createdAt = now();
    row.emailStatus = mailSender == null ? EmailStatus.DISABLED
        : person.email() == null || person.email().isBlank() ? EmailStatus.NO_ADDRESS : EmailStatus.NOT_SENT;
    mapper.insert(row);
    if (row.emailStatus == EmailStatus.NOT_SENT) {
      long id = row.id;
      afterCommit(() -> dispatch(id, person, message));
    }
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  private void dispatch(long id, Person person, Message message) {
    try {
      mailExecutor.execute(() -> send(id, EmailStatus.NOT_SENT, person, message));
    } catch (RejectedExecutionException e) {
      log.warn("Notification {}: e-mail to {} not queued: {}", id, person.username(), e.toString());
      record(id, EmailStatus.FAILED, "Mail queue full or stopped");
    }
  }

  private void send(long id, EmailStatus seen, Person person, Message message) {
    // Committed before the send: a crash during it leaves SENDING (unknown), never NOT_SENT or FAILED, which
    // would be sent again as if surely unsent. A SENT copy is not marked, so not sent again.
    try {
      if (requiresNew.execute(s -> mapper.markSending(id, seen, now())) == 0) {
        log.info("Notification {}: e-mail sent or being sent elsewhere, not sent again", id);
        return;
      }
    } catch (RuntimeException e) {
      log.warn("Notification {}: could not mark the e-mail as being sent; the next round tries again: {}", id,
          describe(e));
      return;
    }
    try {
      MimeMessage mime = mailSender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(mime, false, "UTF-8");
      if (mailFrom != null && !mailFrom.isBlank()) {
        mail.setFrom(mailFrom);
      }
      mail.setTo(person.email());
      mail.setSubject(clip(message.subjectVi(), SUBJECT_MAX));
      mail.setText(mailBody(person, message));
      // The same on every try (Spring's sender keeps an explicit one): a resend is the same message.
      mime.setHeader("Message-ID", messageId(id));
      mailSender.send(mime);
      record(id, EmailStatus.SENT, null);
    } catch (MessagingException | RuntimeException e) {
      log.warn("Notification {}: e-mail to {} failed, the in-app notification stays: {}", id, person.username(),
          describe(e));
      record(id, EmailStatus.FAILED, describe(e));
    }
  }

  /** The Message-ID of a notification's e-mail copy, the same on every try. */
  String messageId(long id) {
    return MailOnce.idOf("notification." + id, messageDomain);
  }

  /** E-mail copies are tried at most this many times, within {@link #RESEND_WITHIN}. */
  public static final int MAX_ATTEMPTS = 5;
  static final java.time.Duration RESEND_WITHIN = java.time.Duration.ofDays(2);
  /**
   * A copy still NOT_SENT this long after its commit was lost from the queue; one still SENDING this long after
   * its try began was interrupted by a stop (its outcome is unknown).
   */
  static final java.time.Duration QUEUE_LOST_AFTER = java.time.Duration.ofMinutes(10);

  /**
   * Tries again the e-mail copies that failed (a mail server that was down) or never left (the application
   * stopped with them queued), on the calling thread; the in-app notifications were there all along.
   *
   * @return how many were tried
   */
  public int resendFailed() {
    if (mailSender == null) {
      return 0;
    }
    OffsetDateTime now = now();
    int tried = 0;
    for (long id : mapper.toResend(now.minus(RESEND_WITHIN), now.minus(QUEUE_LOST_AFTER), MAX_ATTEMPTS, 200)) {
      Notification n = mapper.findById(id);
      Optional<Person> person = directory.person(n.recipient()).filter(Person::active)
          .filter(p -> p.email() != null && !p.email().isBlank());
      if (person.isEmpty()) {
        record(id, EmailStatus.NO_ADDRESS, "No active recipient with an address any more");
        continue;
      }
      if (n.emailStatus() == EmailStatus.SENDING) {
        log.warn("Notification {}: the e-mail's earlier try was interrupted and may have been sent; sending again"
            + " with the same Message-ID {}", id, messageId(id));
      }
      send(id, n.emailStatus(), person.get(),
          new Message(n.subjectVi(), n.subjectEn(), n.bodyVi(), n.bodyEn(), n.link()));
      tried++;
    }
    return tried;
  }

  /** Vietnamese first, the English below it, both with the same absolute link. */
  String mailBody(Person person, Message message) {
    String url = message.link() == null ? null : publicUrl + message.link();
    StringBuilder b = new StringBuilder();
    b.append("Kính gửi ").append(person.fullName()).append(",\n\n");
    b.append(message.subjectVi()).append("\n");
    if (message.bodyVi() != null && !message.bodyVi().isBlank()) {
      b.append("\n").append(message.bodyVi()).append("\n");
    }
    if (url != null) {
      b.append("\nXem chi tiết: ").append(url).append("\n");
    }
    b.append("\n---- English ----\n\n");
    b.append("Dear ").append(person.fullName()).append(",\n\n");
    b.append(message.subjectEn()).append("\n");
    if (message.bodyEn() != null && !message.bodyEn().isBlank()) {
      b.append("\n").append(message.bodyEn()).append("\n");
    }
    if (url != null) {
      b.append("\nDetails: ").append(url).append("\n");
    }
    b.append("\n--\nThư gửi tự động từ GovFlow, vui lòng không trả lời. "
        + "This message was sent automatically by GovFlow; please do not reply.\n");
    return b.toString();
  }

  /** Runs after the caller's commit, possibly on its thread: a transaction of its own, never the finished one. */
  private void record(long id, EmailStatus status, String error) {
    try {
      requiresNew.executeWithoutResult(s -> mapper.updateEmail(id, status, clip(error, ERROR_MAX)));
    } catch (RuntimeException e) {
      log.error("Notification {}: could not record e-mail status {}", id, status, e);
    }
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      b.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(")");
    }
    return b.toString();
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /** Lets queued e-mails leave before the application stops (bounded, so shutdown never hangs). */
  @Override
  public void close() {
    if (mailExecutor instanceof ExecutorService executor) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
          log.warn("Stopping with unsent notification e-mails; their rows stay NOT_SENT");
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        executor.shutdownNow();
      }
    }
  }
}
