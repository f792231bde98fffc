package vn.govflow.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an e-mail from a background step at most once per (case, kind), whatever happens to the step's own
 * transaction (issue 12): a SENDING mark is committed on its own before the SMTP send and SENT right after the
 * server accepted it, so a step retried after a rollback or a crash finds SENT and does not send again. A mark
 * still SENDING means the outcome is unknown (the process died between the two commits): the e-mail is sent
 * again, with the same Message-ID so mail clients recognise it as the same message.
 */
@Component
public class MailOnce {
  private static final Logger log = LoggerFactory.getLogger(MailOnce.class);

  /** The answer of a portal question, sent to the asker. */
  public static final String PORTAL_ANSWER = "PORTAL_ANSWER";
  /** The appointment (giấy hẹn) of a special portal question. */
  public static final String PORTAL_APPOINTMENT = "PORTAL_APPOINTMENT";

  /** A sent mark as stored. */
  public record Mark(String caseId, String kind, String messageId, String state, int attempts, OffsetDateTime sentAt) {}

  /**
   * What became of the e-mail. {@code alreadySent}: an earlier try had sent it, nothing left now;
   * {@code resentAfterUnknown}: an earlier try's outcome was unknown and it was sent again (same Message-ID).
   */
  public record Result(OffsetDateTime sentAt, String messageId, boolean alreadySent, boolean resentAfterUnknown) {}

  /**
   * What became of one e-mail so far, for the pages that show it: SENDING, SENT or FAILED, how many tries, the
   * last try's start, when the server accepted it, and the last failure as recorded (an exception's text).
   */
  public record Attempts(String kind, String state, int attempts, OffsetDateTime startedAt, OffsetDateTime sentAt,
                         String error) {}

  private final MailSentMapper mapper;
  private final TransactionTemplate own;
  private final String domain;
  private final Clock clock;

  @Autowired
  MailOnce(MailSentMapper mapper, PlatformTransactionManager transactions,
           @Value("${govflow.notify.mail-from:GovFlow <no-reply@localhost>}") String mailFrom) {
    this(mapper, transactions, mailFrom, Clock.systemDefaultZone());
  }

  MailOnce(MailSentMapper mapper, PlatformTransactionManager transactions, String mailFrom, Clock clock) {
    this.mapper = mapper;
    this.own = new TransactionTemplate(transactions);
    // Committed whatever the caller's transaction does: that is the point of the mark.
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.domain = domainOf(mailFrom);
    this.clock = clock;
  }

  /** The Message-ID every try of this e-mail carries. */
  public String messageId(String caseId, String kind) {
    return idOf(kind.toLowerCase(Locale.ROOT).replace('_', '-') + "." + caseId, domain);
  }

  /**
   * Sends unless already sent. {@code send} gets the Message-ID to set and must throw when the server did not
   * accept the message; the failure is recorded and rethrown (the engine retries the step).
   */
  public Result send(String caseId, String kind, Consumer<String> send) {
    String messageId = messageId(caseId, kind);
    Mark before = own.execute(s -> begin(caseId, kind, messageId));
    if (before != null && "SENT".equals(before.state())) {
      return new Result(before.sentAt(), before.messageId(), true, false);
    }
    boolean unknown = before != null && "SENDING".equals(before.state());
    if (unknown) {
      log.warn("E-mail {} of {}: an earlier try may have been sent (process stopped before recording it);"
          + " sending again with the same Message-ID {}", kind, caseId, messageId);
    }
    try {
      send.accept(messageId);
    } catch (RuntimeException e) {
      try {
        own.executeWithoutResult(s -> mapper.markFailed(caseId, kind, clip(e.toString())));
      } catch (RuntimeException recording) {
        e.addSuppressed(recording);
      }
      throw e;
    }
    // If this commit fails the mark stays SENDING: the next try resends with the same Message-ID.
    OffsetDateTime at = now();
    own.executeWithoutResult(s -> mapper.markSent(caseId, kind, at));
    return new Result(at, messageId, false, unknown);
  }

  /** Every e-mail of this case (by kind) as far as it went; empty when none was tried yet. */
  public java.util.List<Attempts> attempts(String caseId) {
    return mapper.attempts(caseId);
  }

  private Mark begin(String caseId, String kind, String messageId) {
    Mark before = mapper.find(caseId, kind);
    if (before == null) {
      mapper.insertSending(caseId, kind, messageId, now());
    } else if (!"SENT".equals(before.state())) {
      mapper.updateSending(caseId, kind, now());
    }
    return before;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private static String clip(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }

  static String idOf(String localPart, String domain) {
    return "<govflow." + localPart + "@" + domain + ">";
  }

  /** The domain of the sender's address (a Message-ID's right side names the sending site). */
  static String domainOf(String mailFrom) {
    try {
      String address = mailFrom == null || mailFrom.isBlank() ? "" : new InternetAddress(mailFrom).getAddress();
      int at = address.lastIndexOf('@');
      String d = at < 0 ? "" : address.substring(at + 1).trim();
      return d.matches("[A-Za-z0-9.-]+") ? d : "govflow.localhost";
    } catch (AddressException e) {
      return "govflow.localhost";
    }
  }
}
