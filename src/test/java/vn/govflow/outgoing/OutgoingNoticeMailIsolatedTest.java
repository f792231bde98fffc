package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.Await;
import vn.govflow.support.MailH2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * Recall and replacement notices to outside e-mail recipients are not lost when the mail server is down at the
 * time: the outgoing mail sweep sends them once the server is back, once each (issue #9 item 7). GreenMail is
 * started and stopped by the test itself, since the server has to go down in the middle of a scenario.
 */
class OutgoingNoticeMailIsolatedTest extends MailH2IntegrationTest implements OutgoingIssueTestSupport {
  static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp");
  private GreenMail smtp;

  @AfterEach
  void stopMail() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aRecallNoticeThatFailedIsSentByTheSweepOnce() throws Exception {
    String to = "vanthu@thuhoi.example";
    mailUp();
    String id = signedDocument("ke-hoach", "Kế hoạch kiểm tra thiết bị đo lường", true,
        Recipient.email("Công ty Đo lường Lào Cai", to));
    SsoClient clerk = signIn("lannt.skhcn");
    String numberSymbol = issue(clerk, id);
    Await.until(() -> subjects(to).size() == 1);

    mailDown();
    HttpResponse<String> recalled = signIn("hungtv.skhcn").postJson("/api/v1/outgoing/" + id + "/recall",
        "{\"reason\": \"Ban hành sai thẩm quyền\"}");
    assertThat(recalled.statusCode()).as(recalled.body()).isEqualTo(200);
    mailUp();
    assertThat(subjects(to)).isEmpty();
    olderThanTheGrace(id);
    bean(OutgoingMailing.class).sweep();
    assertThat(subjects(to)).containsExactly("Thu hồi văn bản số " + numberSymbol);
    assertThat(body(to)).contains("Kính gửi: Công ty Đo lường Lào Cai", "Lý do: Ban hành sai thẩm quyền");
    bean(OutgoingMailing.class).sweep();
    assertThat(subjects(to)).hasSize(1);
  }

  @Test
  void aReplacementNoticeAndTheNewCopyThatFailedAreSentByTheSweepOnce() throws Exception {
    String to = "vanthu@thaythe.example";
    mailUp();
    SsoClient clerk = signIn("lannt.skhcn");
    String old = signedDocument("ke-hoach", "Kế hoạch tập huấn an toàn bức xạ", true,
        Recipient.email("Bệnh viện Đa khoa tỉnh", to));
    String oldNumber = issue(clerk, old);
    Await.until(() -> subjects(to).size() == 1);

    String by = signedDocument("ke-hoach", "Kế hoạch tập huấn an toàn bức xạ (thay thế)", true,
        Recipient.email("Bệnh viện Đa khoa tỉnh", to));
    HttpResponse<String> replaces = signIn("anhdd.skhcn").postJson("/api/v1/outgoing/" + by + "/replaces",
        "{\"replacesId\": \"" + old + "\"}");
    assertThat(replaces.statusCode()).as(replaces.body()).isEqualTo(200);
    HttpResponse<String> numbered = clerk.postJson("/api/v1/outgoing/" + by + "/number", "{}");
    assertThat(numbered.statusCode()).as(numbered.body()).isEqualTo(200);
    String newNumber = json(numbered.body()).get("numberSymbol").asText();
    mailDown();
    HttpResponse<String> issued = clerk.postJson("/api/v1/outgoing/" + by + "/issue", "{}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    assertThat(status(old)).isEqualTo("REPLACED");
    mailUp();
    olderThanTheGrace(old);
    olderThanTheGrace(by);
    bean(OutgoingMailing.class).sweep();
    assertThat(subjects(to)).hasSize(2).contains("Văn bản số " + oldNumber + " được thay thế")
        .anyMatch(s -> s.contains(" số " + newNumber + " ngày "));
    assertThat(body(to)).contains("được thay thế bởi", " số " + newNumber + " ngày ");
    bean(OutgoingMailing.class).sweep();
    assertThat(subjects(to)).hasSize(2);
  }

  private String issue(SsoClient clerk, String id) {
    HttpResponse<String> numbered = clerk.postJson("/api/v1/outgoing/" + id + "/number", "{}");
    assertThat(numbered.statusCode()).as(numbered.body()).isEqualTo(200);
    HttpResponse<String> issued = clerk.postJson("/api/v1/outgoing/" + id + "/issue", "{}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    return json(numbered.body()).get("numberSymbol").asText();
  }

  /** The sweep leaves the first minute after a change to the sending right after the commit. */
  private void olderThanTheGrace(String id) {
    bean(JdbcTemplate.class).update("UPDATE out_document SET updated_at = updated_at - INTERVAL '2' MINUTE,"
        + " issued_at = issued_at - INTERVAL '2' MINUTE WHERE id = ?", id);
  }

  private void mailUp() {
    smtp = new GreenMail(SMTP);
    smtp.start();
  }

  private void mailDown() {
    smtp.stop();
    smtp = null;
  }

  private List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private List<String> subjects(String address) {
    return to(address).stream().map(m -> {
      try {
        return m.getSubject();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private String body(String address) {
    StringBuilder all = new StringBuilder();
    for (MimeMessage m : to(address)) {
      all.append(text(m)).append('\n');
    }
    return all.toString();
  }

  /** The decoded text of a message or part (the notices are plain text, the copies multipart). */
  private static String text(jakarta.mail.Part part) {
    try {
      Object content = part.getContent();
      if (content instanceof String s) {
        return part.isMimeType("text/*") ? s : "";
      }
      if (content instanceof jakarta.mail.Multipart multi) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < multi.getCount(); i++) {
          b.append(text(multi.getBodyPart(i)));
        }
        return b.toString();
      }
      return "";
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
