package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.SsoClient;

/**
 * Erasure on request (seed 003 Art 27.2) is complete: after the asker erases their personal data, a search of
 * our tables, the engine's runtime and history and the audit log for their name, e-mail, phone and address
 * finds nothing; the log keeps that the erasure happened, and the audit log is still append-only.
 */
interface PortalErasureScenarios extends PortalTestApi {
  String NAME = "Trương Thị Bích Ngọc";
  String EMAIL = "bichngoc.truong@example.vn";
  String PHONE = "0912345678";
  String ADDRESS = "Số 17 ngõ Hoa Sữa, phường Cốc Lếu, Lào Cai";

  /** Tables searched, with their text columns. */
  Map<String, String[]> SEARCHED = Map.of(
      "ACT_HI_VARINST", new String[] {"NAME_", "TEXT_", "TEXT2_"},
      "ACT_HI_DETAIL", new String[] {"NAME_", "TEXT_", "TEXT2_"},
      "ACT_HI_TASKINST", new String[] {"NAME_", "DESCRIPTION_"},
      "ACT_RU_VARIABLE", new String[] {"NAME_", "TEXT_", "TEXT2_"},
      "ACT_HI_COMMENT", new String[] {"MESSAGE_"},
      "audit_event", new String[] {"actor", "detail", "client_ip", "user_agent"},
      "portal_question", new String[] {"full_name", "address", "email", "phone", "question", "answer",
          "search_text"});

  @Test
  default void erasureLeavesNoPersonalDataInTheEngineOrTheAuditLog() throws Exception {
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    // The asker repeats who they are in the question itself, as people do.
    String question = "Tôi là " + NAME + ", nhà ở " + ADDRESS + ", điện thoại " + PHONE + ", thư " + EMAIL
        + ". Xin hỏi thủ tục đăng ký quyền sở hữu trí tuệ cho sáng chế?";
    String body = JSON.writeValueAsString(new QuestionRequest("INDIVIDUAL", "hoi-dap", NAME, "Việt Nam", "Kỹ sư",
        ADDRESS, null, null, null, null, EMAIL, PHONE, "khoa-hoc-cong-nghe", "000.00.12.H37", question, true));
    HttpResponse<String> asked = ask(body, someAddress());
    assertThat(asked.statusCode()).isEqualTo(201);
    String code = JSON.readTree(asked.body()).get("trackingCode").asText();
    String id = jdbc.queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?", String.class, code);
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM portal_question WHERE id = ?", String.class, id);

    // Staff work it: the handler's draft names the asker, a comment on a task carries the phone number.
    Task triage = awaitTask(pi, "Task_Triage");
    SsoClient editor = signIn("ngocct.vpubnd");
    editor.postJson("/api/v1/tasks/" + triage.getId() + "/claim", "");
    assertThat(editor.postJson("/api/v1/tasks/" + triage.getId() + "/complete",
        "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}").statusCode()).isEqualTo(204);
    Task classify = awaitTask(pi, "Task_Classify");
    SsoClient leader = signIn("hungtv.skhcn");
    leader.postJson("/api/v1/tasks/" + classify.getId() + "/claim", "");
    assertThat(leader.postJson("/api/v1/tasks/" + classify.getId() + "/complete",
        "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}").statusCode()).isEqualTo(204);
    Task draft = awaitTask(pi, "Task_Draft");
    bean(TaskService.class).createComment(draft.getId(), pi, "Đã gọi " + PHONE + " để hỏi thêm");
    SsoClient anh = signIn("anhdd.skhcn");
    assertThat(anh.postJson("/api/v1/tasks/" + draft.getId() + "/complete",
        "{\"answer\": \"Kính gửi bà " + NAME + ": hồ sơ nộp tại Cục Sở hữu trí tuệ.\", \"publication\": \"private\","
            + " \"citations\": [{\"number\": \"50/2005/QH11\", \"summary\": \"Luật Sở hữu trí tuệ\","
            + " \"issuedOn\": \"2005-11-29\", \"issuer\": \"Quốc hội\"}]}").statusCode()).isEqualTo(204);
    awaitTask(pi, "Task_Approve");

    // Before: the engine and the audit log do hold the asker's data (else the test below proves nothing).
    assertThat(findings(jdbc)).isNotEmpty();
    String submitIp = jdbc.queryForObject("SELECT client_ip FROM audit_event WHERE action = 'portal.question.submit'"
        + " AND object_id = ?", String.class, id);
    assertThat(submitIp).isNotNull();

    HttpResponse<String> erased = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/api/v1/portal/questions/" + code + "/erase-personal-data")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(erased.statusCode()).isEqualTo(204);

    assertThat(findings(jdbc)).isEmpty();
    assertThat(commentBytesMention(jdbc, pi)).isFalse();
    // The submission's row keeps what happened, not from where.
    Map<String, Object> submit = jdbc.queryForMap("SELECT client_ip, user_agent, redacted_by FROM audit_event"
        + " WHERE action = 'portal.question.submit' AND object_id = ?", id);
    assertThat(submit.get("client_ip")).isNull();
    assertThat(submit.get("user_agent")).isNull();
    assertThat(submit.get("redacted_by")).isNotNull();
    // The log keeps that an erasure happened, and the redaction itself, both without the asker's address.
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'portal.question.erase-personal-data'"
        + " AND object_id = ? AND client_ip IS NULL", Integer.class, id)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'audit.redact' AND object_id = ?"
        + " AND id = ?", Integer.class, id, submit.get("redacted_by"))).isEqualTo(1);
    // The case goes on: the leader's task still opens, the question is there without the asker.
    String stillThere = (String) bean(RuntimeService.class).getVariable(pi, "questionText");
    assertThat(stillThere).contains("thủ tục đăng ký quyền sở hữu trí tuệ").doesNotContain(NAME);
  }

  @Test
  default void theAuditLogStaysAppendOnlyBesideTheRedaction() {
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    signIn("lannt.skhcn");
    Long row = jdbc.queryForObject("SELECT MAX(id) FROM audit_event WHERE action = 'auth.sign-in'", Long.class);
    // An ordinary update, a deletion, a "redaction" naming no redaction row, and one that rewrites the actor.
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET detail = 'x' WHERE id = ?", row))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", row))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET client_ip = NULL, redacted_by = ? WHERE id = ?",
        row, row)).hasMessageContaining("append-only");
    Long anyRedaction = jdbc.queryForObject("SELECT MAX(id) FROM audit_event WHERE action = 'audit.redact'", Long.class);
    if (anyRedaction != null) {
      assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'someone', redacted_by = ? WHERE id = ?",
          anyRedaction, row)).hasMessageContaining("append-only");
    }
    assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, row))
        .isEqualTo("lannt.skhcn");
  }

  /** Every place (table.column) where the asker's name, e-mail, phone or address is still found. */
  private static List<String> findings(JdbcTemplate jdbc) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, String[]> t : SEARCHED.entrySet()) {
      for (String column : t.getValue()) {
        for (String value : new String[] {NAME, EMAIL, PHONE, ADDRESS}) {
          Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + t.getKey() + " WHERE " + column + " LIKE ?",
              Integer.class, "%" + value + "%");
          if (n != null && n > 0) {
            found.add(t.getKey() + "." + column + " ∋ " + value);
          }
        }
      }
    }
    return found;
  }

  private static boolean commentBytesMention(JdbcTemplate jdbc, String pi) {
    return jdbc.queryForList("SELECT FULL_MSG_ FROM ACT_HI_COMMENT WHERE PROC_INST_ID_ = ?", byte[].class, pi)
        .stream().filter(b -> b != null).map(b -> new String(b, StandardCharsets.UTF_8))
        .anyMatch(s -> s.contains(PHONE));
  }
}
