package vn.govflow.portal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an answer to the asker's own address (seed 003 Art 11: an answer may be sent directly instead of, or
 * as well as, being published). Plain text only: nothing the asker or the handler typed can become markup.
 * Called from an asynchronous service task, so an SMTP failure is retried by the engine and ends as an
 * incident, never as a silently lost answer.
 */
@Component
class AnswerMail {
  private final ObjectProvider<JavaMailSender> sender;
  private final String publicUrl;
  private final String from;

  AnswerMail(ObjectProvider<JavaMailSender> sender, @Value("${govflow.public-url}") String publicUrl,
             @Value("${govflow.notify.mail-from:GovFlow <no-reply@localhost>}") String from) {
    this.sender = sender;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    this.from = from;
  }

  /** False when no mail server is configured (spring.mail.host unset). */
  boolean enabled() {
    return sender.getIfAvailable() != null;
  }

  void send(PortalQuestion q, String agencyName, String answer, String answerEn, List<Map<String, Object>> citations,
            String messageId) {
    StringBuilder body = new StringBuilder();
    body.append("Kính gửi ").append(q.fullName() == null ? "Quý vị" : q.fullName()).append(",\n\n")
        .append(agencyName).append(" trả lời câu hỏi mã ").append(q.trackingCode()).append(" của Quý vị như sau.\n\n")
        .append("CÂU HỎI\n").append(q.question()).append("\n\nTRẢ LỜI\n").append(answer).append('\n');
    if (!citations.isEmpty()) {
      body.append("\nVĂN BẢN ĐƯỢC VIỆN DẪN\n");
      for (Map<String, Object> c : citations) {
        body.append("- ").append(c.get("number")).append(" ngày ").append(c.get("issuedOn")).append(" của ")
            .append(c.get("issuer")).append(": ").append(c.get("summary")).append('\n');
      }
    }
    if (answerEn != null) {
      body.append("\n---\nANSWER (ENGLISH)\n").append(answerEn).append('\n');
    }
    body.append("\nTra cứu câu hỏi / Track your question: ").append(publicUrl).append("/portal/track?code=")
        .append(q.trackingCode()).append("\n\nThư này được gửi tự động từ Cổng thông tin; vui lòng không trả lời thư.\n");
    send(q, "Trả lời câu hỏi " + q.trackingCode() + (answerEn != null ? " / Answer to your question" : ""), body,
        messageId);
  }

  /** The appointment (giấy hẹn) of a special case: when the answer is promised by. */
  void sendAppointment(PortalQuestion q, String agencyName, String when, String messageId) {
    StringBuilder body = new StringBuilder();
    body.append("Kính gửi ").append(q.fullName() == null ? "Quý vị" : q.fullName()).append(",\n\n")
        .append(agencyName).append(" đã nhận câu hỏi mã ").append(q.trackingCode()).append(". Đây là trường hợp cần thêm")
        .append(" thời gian xem xét; cơ quan hẹn trả lời Quý vị trước ").append(when).append(".\n");
    if (q.foreigner()) {
      body.append("\nYour question ").append(q.trackingCode()).append(" needs more time to examine; the agency will")
          .append(" answer by ").append(when).append(" (Vietnam time).\n");
    }
    body.append("\nTra cứu câu hỏi / Track your question: ").append(publicUrl).append("/portal/track?code=")
        .append(q.trackingCode()).append("\n\nThư này được gửi tự động từ Cổng thông tin; vui lòng không trả lời thư.\n");
    send(q, "Giấy hẹn trả lời câu hỏi " + q.trackingCode() + (q.foreigner() ? " / Appointment" : ""), body,
        messageId);
  }

  /** {@code messageId}: the same on every try, so a resend is recognised as the same message (issue 12). */
  private void send(PortalQuestion q, String subject, StringBuilder body, String messageId) {
    JavaMailSender mail = sender.getObject();
    try {
      MimeMessage m = mail.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(m, false, "UTF-8");
      h.setFrom(from);
      h.setTo(q.email());
      h.setSubject(subject);
      h.setText(body.toString(), false);
      // Spring's sender keeps an explicitly set Message-ID instead of generating a new one.
      m.setHeader("Message-ID", messageId);
      mail.send(m);
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not build the e-mail for " + q.trackingCode(), e);
    }
  }
}
