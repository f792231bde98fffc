package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.MailH2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * A private answer reaches the asker's mailbox, and a mail server that is down loses nothing: the sending is
 * retried by the engine while the answer stays readable through the tracking code. Mail is on (see MailH2IntegrationTest).
 */
class PortalAnswerMailIsolatedTest extends MailH2IntegrationTest implements PortalTestApi {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  /** Asks, then the editor, the leader and the handler take it to approval with a private answer. */
  String answerPrivately(String question, String answer) throws Exception {
    HttpResponse<String> r = ask(individual(question), someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    String pi = bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question"
        + " WHERE tracking_code = ?", String.class, code);
    complete(signIn("ngocct.vpubnd"), awaitTask(pi, "Task_Triage"), "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}");
    SsoClient leader = signIn("hungtv.skhcn");
    complete(leader, awaitTask(pi, "Task_Classify"), "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}");
    complete(signIn("anhdd.skhcn"), awaitTask(pi, "Task_Draft"), "{\"answer\": \"" + answer + "\","
        + " \"publication\": \"private\", \"citations\": [{\"number\": \"13/2023/NĐ-CP\", \"summary\":"
        + " \"Bảo vệ dữ liệu cá nhân\", \"issuedOn\": \"2023-04-17\", \"issuer\": \"Chính phủ\"}]}");
    complete(leader, awaitTask(pi, "Task_Approve"), "{\"approval\": \"approve\"}");
    return code;
  }

  static MimeMessage toAsker() {
    for (MimeMessage m : smtp.getReceivedMessages()) {
      try {
        if (m.getAllRecipients()[0].toString().equals("dan@example.vn")) {
          return m;
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }

  void complete(SsoClient who, Task task, String json) {
    who.postJson("/api/v1/tasks/" + task.getId() + "/claim", "");
    HttpResponse<String> r = who.postJson("/api/v1/tasks/" + task.getId() + "/complete", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  @Test
  void aPrivateAnswerIsMailedToTheAskerAndNotPublished() throws Exception {
    String code = answerPrivately("Dữ liệu cá nhân của tôi được xử lý thế nào?", "Theo Nghị định 13/2023/NĐ-CP.");

    // The handler was e-mailed the assignment too; the asker's mail is the one to their address.
    awaitCondition(() -> toAsker() != null);
    MimeMessage m = toAsker();
    assertThat(m.getSubject()).isEqualTo("Trả lời câu hỏi " + code);
    String body = String.valueOf(m.getContent());
    assertThat(body).contains("Kính gửi Nguyễn Văn Dân").contains("Sở Khoa học và Công nghệ trả lời")
        .contains("Theo Nghị định 13/2023/NĐ-CP.").contains("13/2023/NĐ-CP ngày 2023-04-17 của Chính phủ")
        .contains("/portal/track?code=" + code);

    JsonNode tracked = JSON.readTree(anonymous().get("/api/v1/portal/questions/" + code, "application/json").body());
    assertThat(tracked.get("status").asText()).isEqualTo("ANSWERED");
    assertThat(tracked.get("answer").asText()).isEqualTo("Theo Nghị định 13/2023/NĐ-CP.");
    assertThat(anonymous().get("/api/v1/portal/answers?q=du%20lieu%20ca%20nhan", "application/json").body())
        .doesNotContain(code).doesNotContain("Theo Nghị định 13/2023/NĐ-CP.");
    awaitCondition(() -> bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM portal_question"
        + " WHERE tracking_code = ? AND answer_sent_at IS NOT NULL", Integer.class, code) == 1);
    String id = bean(JdbcTemplate.class).queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?",
        String.class, code);
    JsonNode view = JSON.readTree(signIn("ngocct.vpubnd").get("/api/v1/questions/" + id, "application/json").body());
    assertThat(view.get("events").findValuesAsText("step")).contains("ANSWERED", "ANSWER_SENT");
    assertThat(view.get("events").toString()).contains("d***@example.vn");
  }

  @Test
  void aMailServerThatIsDownLeavesTheSendingToBeRetried() throws Exception {
    smtp.stop();
    String code = answerPrivately("Thư gửi không được thì sao?", "Câu trả lời vẫn xem được qua mã tra cứu.");
    String pi = bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question"
        + " WHERE tracking_code = ?", String.class, code);
    ManagementService management = bean(ManagementService.class);
    awaitCondition(() -> management.createJobQuery().processInstanceId(pi).withException().count() == 1);
    Job job = management.createJobQuery().processInstanceId(pi).singleResult();
    assertThat(job.getRetries()).isEqualTo(2);
    assertThat(job.getExceptionMessage()).isNotBlank();
    // Published part done, the sending waits for its retry; the asker can already read the answer.
    assertThat(bean(org.camunda.bpm.engine.RuntimeService.class).getActiveActivityIds(job.getExecutionId()))
        .containsExactly("Task_SendAnswer");
    JsonNode tracked = JSON.readTree(anonymous().get("/api/v1/portal/questions/" + code, "application/json").body());
    assertThat(tracked.get("answer").asText()).isEqualTo("Câu trả lời vẫn xem được qua mã tra cứu.");
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM portal_question WHERE tracking_code = ?"
        + " AND answer_sent_at IS NULL", Integer.class, code)).isEqualTo(1);
  }
}
