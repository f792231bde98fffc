package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govflow.support.MailH2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * Issue #13 item 3 with SMTP configured: the direction's own reminder reaches the leaders who may direct by e-mail
 * too, and its escalation the leader holding it and the head (real GreenMail). Mail is on (see MailH2IntegrationTest).
 */
class DirectionReminderMailIsolatedTest extends MailH2IntegrationTest implements IncomingTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @Test
  void theDirectionsReminderAndEscalationAreEmailed() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> created = register(lan, document("MR" + System.nanoTime() % 100000 + "/UBND",
        "Thư nhắc hạn chỉ đạo", ""), "a.txt", text("x"));
    String id = JSON.readTree(created.body()).get("id").asText();
    String pi = JSON.readTree(created.body()).get("processInstanceId").asText();
    Task direct = awaitTask(pi, "Task_Direct");
    ManagementService jobs = bean(ManagementService.class);

    jobs.executeJob(jobs.createJobQuery().processInstanceId(pi).timers().activityId("BoundaryEvent_DirectRemind")
        .singleResult().getId());
    await(() -> mails("Sắp đến hạn bước \"Cho ý kiến chỉ đạo\"").size() >= 2);
    List<MimeMessage> reminders = mails("Sắp đến hạn bước \"Cho ý kiến chỉ đạo\"");
    assertThat(reminders.stream().map(DirectionReminderMailIsolatedTest::recipient))
        .contains("hungtv.skhcn@laocai.gov.vn", "tuanlm.skhcn@laocai.gov.vn")
        .doesNotContain("lannt.skhcn@laocai.gov.vn", "anhdd.skhcn@laocai.gov.vn");
    assertThat(body(reminders.get(0))).contains("/incoming/" + id);

    SsoClient tuan = signIn("tuanlm.skhcn");
    assertThat(tuan.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    jobs.executeJob(jobs.createJobQuery().processInstanceId(pi).timers().activityId("BoundaryEvent_DirectOverdue")
        .singleResult().getId());
    await(() -> mails("Quá hạn bước \"Cho ý kiến chỉ đạo\"").size() >= 2);
    assertThat(mails("Quá hạn bước \"Cho ý kiến chỉ đạo\"").stream().map(DirectionReminderMailIsolatedTest::recipient))
        .contains("hungtv.skhcn@laocai.gov.vn", "tuanlm.skhcn@laocai.gov.vn")
        .doesNotContain("anhdd.skhcn@laocai.gov.vn");
  }

  static List<MimeMessage> mails(String subjectStart) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().startsWith(subjectStart);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage m) {
    try {
      return String.valueOf(m.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
