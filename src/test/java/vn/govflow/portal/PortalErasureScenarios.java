package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.govflow.audit.AuditService;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.DatabaseSearch;
import vn.govflow.support.SsoClient;

/**
 * Erasure on request (seed 003 Art 27.2) is complete: after the asker erases their personal data, a search of
 * the whole database (every text and binary column of our tables, the engine's ACT_* tables and byte arrays, the
 * audit log) for their name, e-mail, phone, address and question as sent finds nothing; the log keeps that the
 * erasure happened, and the audit log is still append-only.
 */
interface PortalErasureScenarios extends PortalTestApi {
  String NAME = "Trương Thị Bích Ngọc";
  String EMAIL = "bichngoc.truong@example.vn";
  String PHONE = "0912345678";
  String ADDRESS = "Số 17 ngõ Hoa Sữa, phường Cốc Lếu, Lào Cai";

  /** The editor routes the question to Sở KH&CN, its head gives it to Anh as its own remit: Anh's draft task. */
  default Task routedToAnh(String pi) {
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
    return awaitTask(pi, "Task_Draft");
  }

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
    Task draft = routedToAnh(pi);
    bean(TaskService.class).createComment(draft.getId(), pi, "Đã gọi " + PHONE + " để hỏi thêm");
    SsoClient anh = signIn("anhdd.skhcn");
    assertThat(anh.postJson("/api/v1/tasks/" + draft.getId() + "/complete",
        "{\"answer\": \"Kính gửi bà " + NAME + ": hồ sơ nộp tại Cục Sở hữu trí tuệ.\", \"publication\": \"private\","
            + " \"citations\": [{\"number\": \"50/2005/QH11\", \"summary\": \"Luật Sở hữu trí tuệ\","
            + " \"issuedOn\": \"2005-11-29\", \"issuer\": \"Quốc hội\"}]}").statusCode()).isEqualTo(204);
    awaitTask(pi, "Task_Approve");

    // Before: the engine and the audit log do hold the asker's data (else the test below proves nothing).
    assertThat(findings()).isNotEmpty();
    String submitIp = jdbc.queryForObject("SELECT client_ip FROM audit_event WHERE action = 'portal.question.submit'"
        + " AND object_id = ?", String.class, id);
    assertThat(submitIp).isNotNull();

    HttpResponse<String> erased = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/api/v1/portal/questions/" + code + "/erase-personal-data")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(erased.statusCode()).isEqualTo(204);

    assertThat(findings()).isEmpty();
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
    org.camunda.bpm.engine.task.Task open = bean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
        .processInstanceId(pi).initializeFormKeys().list().get(0);
    String stillThere = bean(vn.govflow.tasks.TaskListService.class).form(open, java.util.Locale.forLanguageTag("vi"))
        .orElseThrow().fields().stream().map(f -> String.valueOf(f.html()))
        .map(org.springframework.web.util.HtmlUtils::htmlUnescape).collect(java.util.stream.Collectors.joining());
    assertThat(stillThere).contains("thủ tục đăng ký quyền sở hữu trí tuệ").doesNotContain(NAME);
  }

  /**
   * The asker's values are found wherever they were copied, not only where a field holds exactly them: inside a
   * longer text, in another case, inside a JSON variable, in bytes, in a task comment, a staff comment on a step,
   * a decision's inputs and outputs, an incident's message and an audit detail about something else.
   */
  @Test
  default void erasureFindsTheAskerInsideLongerTextsJsonBytesCommentsDecisionsIncidentsAndTheAuditLog()
      throws Exception {
    String name = "Hoàng Minh Châu";
    // Unique per run: the search covers the whole database, which other tests' askers share.
    String digits = String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    String email = "minhchau.hoang." + digits + "@example.vn";
    String phone = "09" + digits;
    String address = "Tổ 5 phường Kim Tân, thành phố Lào Cai";
    String askerIp = someAddress();
    String question = "Tôi là " + name + " (" + address + "). Doanh nghiệp khởi nghiệp của tôi được hỗ trợ"
        + " những gì khi chuyển đổi số? Xin trả lời qua thư " + email + " hoặc gọi " + phone + ".";
    // Needles: the values as typed, the phone as people write it, and the question as the asker sent it.
    String spaced = phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
    String[] needles = {name, email, phone, spaced, spaced.substring(1), address, question, askerIp};
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    DataSource db = bean(DataSource.class);
    RuntimeService runtime = bean(RuntimeService.class);
    TaskService tasks = bean(TaskService.class);

    HttpResponse<String> asked = ask(JSON.writeValueAsString(new QuestionRequest("INDIVIDUAL", "hoi-dap", name,
        "Việt Nam", "Chủ doanh nghiệp", address, null, null, null, null, email, phone, "khoa-hoc-cong-nghe",
        "000.00.12.H37", question, true)), askerIp);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    String code = JSON.readTree(asked.body()).get("trackingCode").asText();
    String id = jdbc.queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?", String.class, code);
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM portal_question WHERE id = ?", String.class, id);

    // Staff work the case: the leader returns the draft with a comment that reaches the asker.
    Task draft = routedToAnh(pi);
    SsoClient leader = signIn("hungtv.skhcn");
    SsoClient anh = signIn("anhdd.skhcn");
    assertThat(anh.postJson("/api/v1/tasks/" + draft.getId() + "/complete",
        "{\"answer\": \"Kính gửi ông " + name + ": doanh nghiệp được hỗ trợ theo chương trình chuyển đổi số.\","
            + " \"publication\": \"private\", \"citations\": [{\"number\": \"50/2005/QH11\","
            + " \"summary\": \"Luật Sở hữu trí tuệ\", \"issuedOn\": \"2005-11-29\", \"issuer\": \"Quốc hội\"}]}")
        .statusCode()).isEqualTo(204);
    Task approve = awaitTask(pi, "Task_Approve");
    leader.postJson("/api/v1/tasks/" + approve.getId() + "/claim", "");
    assertThat(leader.postJson("/api/v1/tasks/" + approve.getId() + "/complete",
        "{\"approval\": \"return\", \"returnComment\": \"Gọi lại cho ông Châu theo số " + spaced + " hoặc thư "
            + email.toUpperCase(java.util.Locale.ROOT) + " để hỏi quy mô doanh nghiệp.\"}").statusCode())
        .isEqualTo(204);
    Task redraft = awaitTask(pi, "Task_Draft");

    // What integrations and staff tools put beside it through the engine's API.
    runtime.setVariable(pi, "contactNote", "Người hỏi muốn nhận trả lời qua " + email.toUpperCase(java.util.Locale.ROOT));
    runtime.setVariable(pi, "contactNote", "Liên hệ: " + name + ", +84 " + spaced.substring(1)); // the first value stays in history
    runtime.setVariable(pi, "askerCard", SpinValues.jsonValue("{\"asker\": {\"name\": \"" + name + "\", \"email\": \""
        + email + "\", \"phone\": \"" + phone + "\"}, \"channel\": \"portal\"}").create());
    runtime.setVariable(pi, "letter", Variables.byteArrayValue(("Kính gửi " + name + ", " + address)
        .getBytes(StandardCharsets.UTF_8)));
    byte[] binary = concat(new byte[] {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, (byte) 0xFF},
        email.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFE, 0x01});
    runtime.setVariable(pi, "scan", Variables.byteArrayValue(binary));
    tasks.createComment(redraft.getId(), pi, "Đã gọi " + phone + ", ông " + name + " sẽ gửi thêm giấy tờ");
    tasks.createComment(redraft.getId(), null, "Thư " + email.toUpperCase(java.util.Locale.ROOT) + " bị trả về");
    runtime.createIncident("failedJob", redraft.getExecutionId(), null, "Không gửi được thư tới " + email + ": hộp thư đầy");
    recordDecision(pi, question, email);
    bean(AuditService.class).recordAs(null, null, null, "mail.bounce", "mail", "answer-" + code, "FAILURE",
        "Thư gửi " + email.toUpperCase(java.util.Locale.ROOT) + " bị trả về: hộp thư đầy");

    // Before: each kind of place does hold the asker (else the search below proves nothing); PostgreSQL names
    // tables in lower case.
    List<String> before = DatabaseSearch.find(db, needles);
    assertThat(before).anyMatch(f -> f.equalsIgnoreCase("ACT_GE_BYTEARRAY.BYTES_ ∋ " + email))
        .anyMatch(f -> f.equalsIgnoreCase("ACT_HI_DEC_IN.TEXT_ ∋ " + question))
        .anyMatch(f -> f.equalsIgnoreCase("ACT_HI_COMMENT.MESSAGE_ ∋ " + email))
        .anyMatch(f -> f.equalsIgnoreCase("ACT_RU_INCIDENT.INCIDENT_MSG_ ∋ " + email))
        .anyMatch(f -> f.equalsIgnoreCase("ACT_HI_DETAIL.TEXT_ ∋ " + email))
        .anyMatch(f -> f.equalsIgnoreCase("case_history.comment ∋ " + email))
        .anyMatch(f -> f.equalsIgnoreCase("audit_event.detail ∋ " + email));

    // All or nothing: when the erasure's last step fails (here the database refuses its closing event row), the
    // engine's, the audit log's and the notifications' rewrites are rolled back with it.
    String refuse = "ALTER TABLE case_history ADD CONSTRAINT test_refuse_erasure"
        + " CHECK (NOT (step = 'PERSONAL_DATA_ERASED' AND case_id = '" + id + "'))";
    jdbc.execute(refuse);
    try {
      HttpResponse<String> failed = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
          + "/api/v1/portal/questions/" + code + "/erase-personal-data")).POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
    } finally {
      jdbc.execute("ALTER TABLE case_history DROP CONSTRAINT test_refuse_erasure");
    }
    assertThat(DatabaseSearch.find(db, needles)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'audit.redact' AND object_id = ?",
        Integer.class, id)).isZero();

    HttpResponse<String> erased = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/api/v1/portal/questions/" + code + "/erase-personal-data")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(erased.statusCode()).isEqualTo(204);

    assertThat(DatabaseSearch.find(db, needles)).isEmpty();
    // The log keeps that the erasure happened, without the asker's address; the bounce keeps what happened.
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'portal.question.erase-personal-data'"
        + " AND object_id = ? AND client_ip IS NULL AND detail = ?", Integer.class, id, code)).isEqualTo(1);
    Map<String, Object> bounce = jdbc.queryForMap("SELECT action, outcome, detail, redacted_by FROM audit_event"
        + " WHERE object_type = 'mail' AND object_id = ?", "answer-" + code);
    assertThat(bounce).containsEntry("action", "mail.bounce").containsEntry("outcome", "FAILURE")
        .containsEntry("detail", "[đã xóa]");
    assertThat(jdbc.queryForObject("SELECT action FROM audit_event WHERE id = ?", String.class,
        bounce.get("redacted_by"))).isEqualTo("audit.redact");
    // The staff's comment keeps its sense without the asker; the engine's values stay readable.
    assertThat(jdbc.queryForList("SELECT comment FROM case_history WHERE case_id = ? AND step = ?",
        String.class, id, "Task_Approve")).singleElement().asString()
        .contains("để hỏi quy mô doanh nghiệp").contains("[đã xóa]");
    org.camunda.spin.json.SpinJsonNode card = (org.camunda.spin.json.SpinJsonNode) runtime.getVariable(pi, "askerCard");
    assertThat(card.prop("asker").prop("email").stringValue()).isEqualTo("[đã xóa]");
    assertThat(card.prop("channel").stringValue()).isEqualTo("portal");
    assertThat(new String((byte[]) runtime.getVariable(pi, "letter"), StandardCharsets.UTF_8))
        .isEqualTo("Kính gửi [đã xóa], [đã xóa]");
    assertThat(new String((byte[]) runtime.getVariable(pi, "scan"), StandardCharsets.UTF_8)).isEqualTo("[đã xóa]");

    // The public tracking page and API still answer for the code, without the asker.
    HttpResponse<String> page = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/portal/track?code="
        + code)).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(code).contains("chuyển đổi số").doesNotContain(name).doesNotContain(email)
        .doesNotContain(phone);
    HttpResponse<String> api = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/api/v1/portal/questions/" + code)).GET());
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(api.body()).get("question").asText()).contains("chuyển đổi số").doesNotContain(name);

    // The case goes on: the handler still completes the redraft.
    assertThat(anh.postJson("/api/v1/tasks/" + redraft.getId() + "/complete",
        "{\"answer\": \"Doanh nghiệp được hỗ trợ theo chương trình chuyển đổi số.\", \"publication\": \"private\","
            + " \"noCitationReason\": \"Hướng dẫn chung\"}").statusCode()).isEqualTo(204);
    awaitTask(pi, "Task_Approve");
  }

  /**
   * A decision evaluated in the case with the question as its input, written by the engine's own history
   * handler (the portal's tables decide on the field alone, so no shipped model puts the text there yet).
   */
  private void recordDecision(String pi, String question, String email) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) bean(ProcessEngine.class)
        .getProcessEngineConfiguration();
    DecisionDefinition routing = bean(ProcessEngine.class).getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("portal-question-routing").latestVersion().singleResult();
    org.camunda.bpm.engine.runtime.ProcessInstance instance = bean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceId(pi).singleResult();
    cfg.getCommandExecutorTxRequired().execute((Command<Void>) ctx -> {
      HistoricDecisionInstanceEntity d = new HistoricDecisionInstanceEntity();
      d.setDecisionDefinitionId(routing.getId());
      d.setDecisionDefinitionKey(routing.getKey());
      d.setDecisionDefinitionName(routing.getName());
      d.setProcessDefinitionId(instance.getProcessDefinitionId());
      d.setProcessDefinitionKey("portal-question");
      d.setProcessInstanceId(pi);
      d.setRootProcessInstanceId(pi);
      d.setExecutionId(pi);
      d.setActivityId("Task_SuggestAgency");
      d.setActivityInstanceId("Task_SuggestAgency:" + pi);
      d.setEvaluationTime(new java.util.Date());
      HistoricDecisionInputInstanceEntity in = new HistoricDecisionInputInstanceEntity(pi, null);
      in.setClauseId("Input_Question");
      in.setClauseName("Câu hỏi");
      in.setValue(Variables.stringValue(question));
      d.addInput(in);
      HistoricDecisionOutputInstanceEntity out = new HistoricDecisionOutputInstanceEntity(pi, null);
      out.setClauseId("Output_Contact");
      out.setClauseName("Liên hệ");
      out.setVariableName("contact");
      out.setValue(SpinValues.jsonValue("{\"email\": \"" + email + "\"}").create());
      d.addOutput(out);
      HistoricDecisionEvaluationEvent event = new HistoricDecisionEvaluationEvent();
      event.setRootHistoricDecisionInstance(d);
      event.setRequiredHistoricDecisionInstances(List.of());
      cfg.getHistoryEventHandler().handleEvent(event);
      return null;
    });
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
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

  /**
   * Every place (table.column) in the whole database where the asker's name, e-mail, phone or address is, or the
   * beginning of the e-mail where the case's title (the question's first 119 characters) cuts it.
   */
  private List<String> findings() {
    return DatabaseSearch.find(bean(DataSource.class), NAME, EMAIL, PHONE, ADDRESS, "bichngoc.truo");
  }

  private static boolean commentBytesMention(JdbcTemplate jdbc, String pi) {
    return jdbc.queryForList("SELECT FULL_MSG_ FROM ACT_HI_COMMENT WHERE PROC_INST_ID_ = ?", byte[].class, pi)
        .stream().filter(b -> b != null).map(b -> new String(b, StandardCharsets.UTF_8))
        .anyMatch(s -> s.contains(PHONE));
  }
}
