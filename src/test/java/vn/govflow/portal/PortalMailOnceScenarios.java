package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.FailingWrites;
import vn.govflow.support.SsoClient;

/**
 * Issue 12: the answer e-mail goes to the asker once, whatever happens to the sending step after the mail server
 * accepted it. The step's transaction rolling back (here: the database refusing the history line) makes the
 * engine retry the step, which then finds the e-mail sent; a sending whose outcome was never recorded (as after
 * a crash) is sent once more with the same Message-ID, and the history says so, once.
 */
interface PortalMailOnceScenarios extends PortalTestApi {

  /** The test class's SMTP server (GreenMail). */
  GreenMailExtension smtp();

  /** Asks, then the editor, the leader and the handler take it to an approved private answer. */
  default String answerPrivately(String question, String answer) throws Exception {
    HttpResponse<String> r = ask(individual(question), someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    String pi = jdbc().queryForObject("SELECT process_instance_id FROM portal_question WHERE tracking_code = ?",
        String.class, code);
    complete(signIn("ngocct.vpubnd"), awaitTask(pi, "Task_Triage"), "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}");
    SsoClient leader = signIn("hungtv.skhcn");
    complete(leader, awaitTask(pi, "Task_Classify"), "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}");
    complete(signIn("anhdd.skhcn"), awaitTask(pi, "Task_Draft"), "{\"answer\": \"" + answer + "\","
        + " \"publication\": \"private\", \"noCitationReason\": \"Câu hỏi chung\"}");
    complete(leader, awaitTask(pi, "Task_Approve"), "{\"approval\": \"approve\"}");
    return code;
  }

  default void complete(SsoClient who, Task task, String json) {
    who.postJson("/api/v1/tasks/" + task.getId() + "/claim", "");
    HttpResponse<String> r = who.postJson("/api/v1/tasks/" + task.getId() + "/complete", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  default JdbcTemplate jdbc() {
    return bean(JdbcTemplate.class);
  }

  /** The answer e-mails of this question in the asker's mailbox. */
  default List<MimeMessage> answersTo(String code) {
    return toAsker("Trả lời câu hỏi " + code);
  }

  default List<MimeMessage> toAsker(String subject) {
    return Arrays.stream(smtp().getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals("dan@example.vn")
            && m.getSubject().equals(subject);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  default String processOf(String code) {
    return jdbc().queryForObject("SELECT process_instance_id FROM portal_question WHERE tracking_code = ?",
        String.class, code);
  }

  default String idOf(String code) {
    return jdbc().queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?", String.class, code);
  }

  /** The sending step once it failed: the engine will retry it later (R3/PT10M). */
  default Job failedSending(String pi) {
    ManagementService management = bean(ManagementService.class);
    awaitCondition(() -> management.createJobQuery().processInstanceId(pi).withException().count() == 1);
    Job job = management.createJobQuery().processInstanceId(pi).withException().singleResult();
    assertThat(job.getRetries()).isEqualTo(2);
    return job;
  }

  /** Brings the retry forward (instead of waiting its ten minutes) and waits for the process to end. */
  default void retryNowAndAwaitTheEnd(Job job, String pi) {
    bean(ManagementService.class).setJobDuedate(job.getId(), new Date());
    awaitCondition(() -> bean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(pi)
        .finished().count() == 1);
  }

  default List<Map<String, Object>> sentEvents(String code) {
    return jdbc().queryForList("SELECT comment FROM case_history WHERE case_id = ? AND step = ?",
        idOf(code), "ANSWER_SENT");
  }

  @Test
  default void aSendingStepRolledBackAfterTheMailServerAcceptedIsRetriedWithoutASecondEmail() throws Exception {
    // The history line the step writes after the send is refused once: the whole step rolls back.
    FailingWrites.install(bean(DataSource.class), "case_history", "INSERT", "step", "ANSWER_SENT", 1);
    String code = answerPrivately("Thủ tục cấp phép chuyển giao công nghệ ra sao?", "Nộp hồ sơ tại Sở.");
    String pi = processOf(code);
    Job job = failedSending(pi);
    assertThat(answersTo(code)).as("the mail server accepted it before the rollback").hasSize(1);
    assertThat(sentEvents(code)).isEmpty();

    retryNowAndAwaitTheEnd(job, pi);
    assertThat(answersTo(code)).as("the retried step does not send it again").hasSize(1);
    assertThat(sentEvents(code)).hasSize(1);
    assertThat(String.valueOf(sentEvents(code).get(0).get("comment"))).isEqualTo("d***@example.vn");
    assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM portal_question WHERE tracking_code = ?"
        + " AND answer_sent_at IS NOT NULL", Integer.class, code)).isEqualTo(1);
  }

  @Test
  default void aSendingWhoseOutcomeWasNeverRecordedIsSentOnceMoreWithTheSameMessageId() throws Exception {
    // The mail server accepts the answer, then recording it as sent fails (as a crash in between would).
    FailingWrites.install(bean(DataSource.class), "mail_sent", "UPDATE", "state", "SENT", 1);
    String code = answerPrivately("Hồ sơ đăng ký sáng chế gồm những gì?", "Theo hướng dẫn của Cục.");
    String pi = processOf(code);
    Job job = failedSending(pi);
    assertThat(answersTo(code)).hasSize(1);
    String messageId = answersTo(code).get(0).getMessageID();
    assertThat(messageId).isEqualTo("<govflow.portal-answer." + idOf(code) + "@localhost>");
    assertThat(jdbc().queryForObject("SELECT state FROM mail_sent WHERE case_id = ? AND kind = 'PORTAL_ANSWER'",
        String.class, idOf(code))).as("outcome unknown").isEqualTo("SENDING");

    retryNowAndAwaitTheEnd(job, pi);
    List<MimeMessage> answers = answersTo(code);
    assertThat(answers).as("sent once more").hasSize(2);
    assertThat(answers.get(1).getMessageID()).as("as the same message").isEqualTo(messageId);
    assertThat(sentEvents(code)).hasSize(1);
    assertThat(String.valueOf(sentEvents(code).get(0).get("comment")))
        .isEqualTo("d***@example.vn (gửi lại sau sự cố; cùng Message-ID " + messageId + ")");
    assertThat(jdbc().queryForObject("SELECT state FROM mail_sent WHERE case_id = ? AND kind = 'PORTAL_ANSWER'",
        String.class, idOf(code))).isEqualTo("SENT");
  }

  @Test
  default void anAppointmentStepRolledBackAfterTheMailServerAcceptedIsRetriedWithoutASecondEmail() throws Exception {
    FailingWrites.install(bean(DataSource.class), "case_history", "INSERT", "step", "APPOINTMENT", 1);
    HttpResponse<String> r = ask(individual("Đề tài khoa học cấp tỉnh được xét duyệt thế nào?"), someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    String pi = processOf(code);
    complete(signIn("ngocct.vpubnd"), awaitTask(pi, "Task_Triage"), "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}");
    complete(signIn("hungtv.skhcn"), awaitTask(pi, "Task_Classify"), "{\"classification\": \"special\","
        + " \"handler\": \"anhdd.skhcn\", \"appointmentDays\": 5}");
    Job job = failedSending(pi);
    String subject = "Giấy hẹn trả lời câu hỏi " + code;
    assertThat(toAsker(subject)).as("the mail server accepted it before the rollback").hasSize(1);

    bean(ManagementService.class).setJobDuedate(job.getId(), new Date());
    awaitTask(pi, "Task_Draft");
    assertThat(toAsker(subject)).as("the retried step does not send it again").hasSize(1);
    List<Map<String, Object>> events = jdbc().queryForList("SELECT comment FROM case_history"
        + " WHERE case_id = ? AND step = 'APPOINTMENT'", idOf(code));
    assertThat(events).hasSize(1);
    assertThat(String.valueOf(events.get(0).get("comment"))).endsWith("; đã gửi thư d***@example.vn.");
  }
}
