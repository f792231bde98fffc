package vn.govflow.outgoing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.notify.MailOnce;

/**
 * E-mail copies to outside recipients (issue #9 item 4): the issued PDF and its appendices, sent after the issuing
 * transaction committed, at most twice per recipient ({@link MailOnce}), and never lost: a copy still unsent is
 * tried again by a sweep every few minutes. Recall and replacement notices go the same way, swept too.
 */
@Component
class OutgoingMailing {
  private static final Logger log = LoggerFactory.getLogger(OutgoingMailing.class);
  static final String ISSUED = "OUTGOING_ISSUED";
  static final String RECALLED = "OUTGOING_RECALLED";
  static final String REPLACED = "OUTGOING_REPLACED";
  /** How long the sweep keeps trying a recall or replacement notice. */
  static final int NOTICE_DAYS = 30;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final OutgoingMapper documents;
  private final OutgoingIssueMapper mapper;
  private final MailOnce mailOnce;
  private final ObjectProvider<JavaMailSender> sender;
  private final FileService files;
  private final String from;

  OutgoingMailing(OutgoingMapper documents, OutgoingIssueMapper mapper, MailOnce mailOnce,
                  ObjectProvider<JavaMailSender> sender, FileService files,
                  @Value("${govflow.notify.mail-from:GovFlow <no-reply@localhost>}") String from) {
    this.documents = documents;
    this.mapper = mapper;
    this.mailOnce = mailOnce;
    this.sender = sender;
    this.files = files;
    this.from = from;
  }

  /** The issued copy to each e-mail recipient still waiting for it; a failure is left to the sweep. */
  void sendIssued(String documentId) {
    OutgoingDocument d = documents.find(documentId);
    for (OutgoingRecipient r : emailRecipients(documentId)) {
      try {
        sendIssued(d, r);
      } catch (RuntimeException e) {
        log.warn("E-mail of outgoing document {} to recipient {} not sent now, the sweep tries again: {}",
            documentId, r.position(), e.toString());
      }
    }
  }

  private void sendIssued(OutgoingDocument d, OutgoingRecipient r) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return;
    }
    // mail_sent.case_id holds a document id; the recipient's position goes in the kind.
    MailOnce.Result result = mailOnce.send(d.id(), ISSUED + "_" + r.position(), messageId -> send(mail, messageId, r.email(),
        d.typeName() + " số " + d.numberSymbol() + " ngày " + DATE.format(d.issuedDate()) + ": " + d.subject(),
        "Kính gửi: " + r.name() + "\n\n" + d.typeName() + " số " + d.numberSymbol() + " ngày "
            + DATE.format(d.issuedDate()) + " về việc " + d.subject() + " được gửi kèm thư này (tệp PDF đã ký số)."
            + "\n\nThư này được gửi tự động từ GovFlow.\n", attachments(d)));
    mapper.mailed(d.id(), r.position(), result.sentAt());
  }

  /** Tells e-mail recipients that the document is recalled. */
  void sendRecalled(String documentId) {
    OutgoingDocument d = documents.find(documentId);
    notice(d, RECALLED, "Thu hồi văn bản số " + d.numberSymbol(),
        d.typeName() + " số " + d.numberSymbol() + " ngày " + DATE.format(d.issuedDate()) + " về việc "
            + d.subject() + " đã bị thu hồi.\nLý do: " + d.recallReason()
            + "\n\nĐề nghị không sử dụng văn bản này.\n");
  }

  /** Tells the replaced document's e-mail recipients which document replaces it. */
  void sendReplaced(String oldId, String newId) {
    OutgoingDocument old = documents.find(oldId);
    OutgoingDocument by = documents.find(newId);
    notice(old, REPLACED, "Văn bản số " + old.numberSymbol() + " được thay thế",
        old.typeName() + " số " + old.numberSymbol() + " ngày " + DATE.format(old.issuedDate())
            + " được thay thế bởi " + by.typeName() + " số " + by.numberSymbol() + " ngày "
            + DATE.format(by.issuedDate()) + ".\n");
  }

  private void notice(OutgoingDocument d, String kind, String subject, String body) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return;
    }
    for (OutgoingRecipient r : emailRecipients(d.id())) {
      try {
        mailOnce.send(d.id(), kind + "_" + r.position(),
            messageId -> send(mail, messageId, r.email(), subject, "Kính gửi: " + r.name() + "\n\n" + body, List.of()));
      } catch (RuntimeException e) {
        log.warn("{} notice of {} to recipient {} not sent: {}", kind, d.id(), r.position(), e.toString());
      }
    }
  }

  /**
   * Every few minutes: issued copies still unsent (mail server down at the time, or a crash after commit), and
   * recall and replacement notices still unsent for documents recalled or replaced in the last
   * {@value #NOTICE_DAYS} days ({@link MailOnce} skips every recipient already told). A minute's grace leaves the
   * sending right after the commit alone.
   */
  @Scheduled(fixedDelayString = "${govflow.outgoing.mail-sweep:PT5M}", initialDelayString = "PT1M")
  void sweep() {
    OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
    for (OutgoingIssueMapper.PendingMail p : mapper.pendingMail(before)) {
      try {
        OutgoingDocument d = documents.find(p.documentId());
        documents.recipients(p.documentId()).stream().filter(r -> r.position() == p.position()).findFirst()
            .ifPresent(r -> sendIssued(d, r));
      } catch (RuntimeException e) {
        log.warn("E-mail of outgoing document {} still not sent: {}", p.documentId(), e.toString());
      }
    }
    for (OutgoingIssueMapper.PendingNotice p : mapper.pendingNotices(before, before.minusDays(NOTICE_DAYS))) {
      try {
        if (OutgoingStatus.RECALLED.name().equals(p.status())) {
          sendRecalled(p.documentId());
        } else if (p.replacedById() != null) {
          sendReplaced(p.documentId(), p.replacedById());
        }
      } catch (RuntimeException e) {
        log.warn("Notice of outgoing document {} still not sent: {}", p.documentId(), e.toString());
      }
    }
  }

  private List<OutgoingRecipient> emailRecipients(String documentId) {
    return documents.recipients(documentId).stream()
        .filter(r -> OutgoingRecipient.OUTSIDE.equals(r.kind()) && r.email() != null && !r.email().isBlank())
        .toList();
  }

  private record Attachment(String name, byte[] bytes) {}

  private List<Attachment> attachments(OutgoingDocument d) {
    List<String> ids = new java.util.ArrayList<>();
    ids.add(d.issuedFileId());
    mapper.appendices(d.id()).stream().map(OutgoingIssueMapper.Appendix::signedFileId)
        .filter(f -> f != null).forEach(ids::add);
    return ids.stream().map(id -> {
      StoredFile f = files.findHeldByCase(id).orElseThrow();
      try (InputStream in = files.open(f)) {
        return new Attachment(f.originalName(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  private void send(JavaMailSender mail, String messageId, String to, String subject, String body,
                    List<Attachment> attachments) {
    try {
      MimeMessage m = mail.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(m, true, "UTF-8");
      h.setFrom(from);
      h.setTo(to);
      h.setSubject(subject.length() > 250 ? subject.substring(0, 249) + "…" : subject);
      h.setText(body, false);
      for (Attachment a : attachments) {
        h.addAttachment(a.name(), new ByteArrayResource(a.bytes()), "application/pdf");
      }
      m.setHeader("Message-ID", messageId);
      mail.send(m);
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not build the e-mail to " + to, e);
    }
  }
}
