package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.support.SsoClient;

/** A citizen asks without signing in and follows the question by its code; bad input stores nothing. */
interface PortalApiScenarios extends PortalTestApi {
  @Test
  default void citizenAsksWithoutSigningInAndFollowsTheQuestion() throws Exception {
    String script = "Thủ tục cấp phép <script>alert('x')</script> thế nào?";
    HttpResponse<String> r = ask(individual(script), someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = JSON.readTree(r.body());
    String code = created.get("trackingCode").asText();
    assertThat(code).matches("HD-\\d{4}-[A-Z0-9]{8}");
    OffsetDateTime received = OffsetDateTime.parse(created.get("receivedAt").asText());
    assertThat(OffsetDateTime.parse(created.get("dueAt").asText()).toInstant()).isEqualTo(
        bean(WorkingDayCalendar.class).deadline(received.toInstant(), 5).dueAt().toInstant());
    assertThat(created.get("dueAt").asText()).endsWith("17:00:00+07:00");

    HttpResponse<String> tracked = anonymous().get("/api/v1/portal/questions/" + code, "application/json");
    assertThat(tracked.statusCode()).isEqualTo(200);
    JsonNode t = JSON.readTree(tracked.body());
    assertThat(t.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(t.get("question").asText()).isEqualTo(script);
    assertThat(tracked.body()).doesNotContain("Hoàng Liên").doesNotContain("dan@example.vn")
        .doesNotContain("Nguyễn Văn Dân");
    assertThat(anonymous().get("/api/v1/portal/questions/HD-2026-ZZZZZZZZ", "application/json").statusCode())
        .isEqualTo(404);
    assertThat(anonymous().get("/api/v1/portal/questions/%27%20OR%201%3D1%20--", "application/json").statusCode())
        .isIn(400, 404);
  }

  /**
   * Issue #13 item 24: the form promises 10,000 characters, and a question that long is received; its text stays
   * in our table (not in a process variable, which the engine keeps in 4,000 characters) and the editors' task
   * page shows all of it.
   */
  @Test
  default void aQuestionOfTenThousandCharactersIsReceivedAndShownWhole() throws Exception {
    String tail = "Xin cảm ơn, hết câu hỏi số " + System.nanoTime() + ".";
    StringBuilder text = new StringBuilder("Về thủ tục chuyển giao công nghệ: ");
    while (text.length() < QuestionChecks.MAX_QUESTION - tail.length()) {
      text.append("nội dung câu hỏi dài ");
    }
    text.setLength(QuestionChecks.MAX_QUESTION - tail.length());
    text.append(tail);
    assertThat(text).hasSize(QuestionChecks.MAX_QUESTION);
    HttpResponse<String> r = ask(individual(text.toString()), someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    String pi = bean(JdbcTemplate.class).queryForObject(
        "SELECT process_instance_id FROM portal_question WHERE tracking_code = ?", String.class, code);
    String triage = awaitTask(pi, "Task_Triage").getId();
    assertThat(bean(org.camunda.bpm.engine.RuntimeService.class).getVariables(pi)).doesNotContainKey("questionText");

    SsoClient editor = signIn("ngocct.vpubnd");
    assertThat(editor.postJson("/api/v1/tasks/" + triage + "/claim", "").statusCode()).isEqualTo(204);
    HttpResponse<String> page = editor.get("/tasks/" + triage, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    // The form's texts are HTML-escaped character by character (&ecirc; …): read them as the browser shows them.
    assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page.body()))
        .contains("Về thủ tục chuyển giao công nghệ: nội dung câu hỏi dài").contains(tail);
  }

  /** Issue #13 item 14 (seed 003 Art 11.3): neither e-mail nor phone is required; the code is how they follow it. */
  @Test
  default void anAskerWithoutEmailOrPhoneIsReceivedAndFollowsByTheCode() throws Exception {
    String body = individual("Hỏi về thủ tục đăng ký đề tài khoa học cấp cơ sở, không để lại liên hệ")
        .replace("\"email\":\"dan@example.vn\"", "\"email\":null");
    assertThat(body).contains("\"email\":null").contains("\"phone\":null");
    HttpResponse<String> r = ask(body, someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    HttpResponse<String> tracked = anonymous().get("/api/v1/portal/questions/" + code, "application/json");
    assertThat(tracked.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(tracked.body()).get("status").asText()).isEqualTo("RECEIVED");
    // The form says so, next to the two fields.
    String form = anonymous().get("/portal/ask", "text/html").body();
    assertThat(form).contains("id=\"contact-hint\"").contains("aria-describedby=\"contact-hint\"")
        .contains("không bắt buộc");
  }

  /** Issue #13 item 13 (seed 003 Art 8.2d): a foreign organisation gets the English answer too, as a foreigner does. */
  @Test
  default void aForeignOrganisationIsAnsweredInEnglishToo() throws Exception {
    String body = JSON.writeValueAsString(new QuestionRequest("ORGANISATION", "hoi-dap", "Tanaka Hiroshi", "Nhật Bản",
        null, null, "Công ty TNHH Sakura Việt Nam", "Giám đốc", "GCN đầu tư 1234/2024", "Tokyo, Nhật Bản",
        "sakura@example.jp", null, "khoa-hoc-cong-nghe", "000.00.12.H37",
        "Thủ tục chuyển giao công nghệ từ nước ngoài vào Việt Nam?", true));
    HttpResponse<String> r = ask(body, someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT foreigner FROM portal_question WHERE tracking_code = ?",
        Boolean.class, code)).isTrue();
    // A Vietnamese organisation that names no nationality is not.
    HttpResponse<String> local = ask(body.replace("\"Nhật Bản\"", "null"), someAddress());
    assertThat(local.statusCode()).as(local.body()).isEqualTo(201);
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT foreigner FROM portal_question WHERE tracking_code = ?",
        Boolean.class, JSON.readTree(local.body()).get("trackingCode").asText())).isFalse();
  }

  @Test
  default void badQuestionsAreRefusedAndNothingIsStored() throws Exception {
    int before = stored();
    String address = someAddress();
    HttpResponse<String> organisation = ask("{\"askerType\": \"ORGANISATION\", \"field\": \"dau-tu\","
        + " \"question\": \"Hỏi về ưu đãi đầu tư\", \"phone\": \"0912345678\", \"consent\": true}", address);
    assertThat(organisation.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(organisation.body()).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "organisationName", "fullName", "representativePosition", "establishmentDecision", "headOfficeAddress");

    HttpResponse<String> complaint = ask(individual("Tôi khiếu nại quyết định thu hồi đất").replace(
        "\"category\":\"hoi-dap\"", "\"category\":\"khieu-nai\""), address);
    assertThat(complaint.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(complaint.body()).get("messageVi").asText()).contains("Ban Tiếp công dân");

    HttpResponse<String> tooLong = ask(individual("a".repeat(10_001)), address);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("question");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  default void questionGoesFromEditorToLeaderToHandlerAndTheAnswerReachesTheAsker() throws Exception {
    HttpResponse<String> r = ask(individual("Doanh nghiệp khởi nghiệp được hỗ trợ gì về chuyển đổi số?"), someAddress());
    assertThat(r.statusCode()).isEqualTo(201);
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    String pi = bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question"
        + " WHERE tracking_code = ?", String.class, code);

    org.camunda.bpm.engine.task.Task triage = awaitTask(pi, "Task_Triage");
    SsoClient editor = signIn("ngocct.vpubnd");
    assertThat(editor.postJson("/api/v1/tasks/" + triage.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(editor.postJson("/api/v1/tasks/" + triage.getId() + "/complete",
        "{\"decision\": \"accept\", \"routeTo\": \"nowhere\"}").statusCode()).isEqualTo(400);
    assertThat(editor.postJson("/api/v1/tasks/" + triage.getId() + "/complete",
        "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}").statusCode()).isEqualTo(204);

    org.camunda.bpm.engine.task.Task classify = awaitTask(pi, "Task_Classify");
    SsoClient leader = signIn("hungtv.skhcn");
    leader.postJson("/api/v1/tasks/" + classify.getId() + "/claim", "");
    assertThat(leader.postJson("/api/v1/tasks/" + classify.getId() + "/complete",
        "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}").statusCode()).isEqualTo(204);

    org.camunda.bpm.engine.task.Task draft = awaitTask(pi, "Task_Draft");
    SsoClient anh = signIn("anhdd.skhcn");
    assertThat(anh.postJson("/api/v1/tasks/" + draft.getId() + "/complete",
        "{\"answer\": \"Được hỗ trợ theo Nghị quyết của tỉnh.\", \"publication\": \"both\"}").body())
        .contains("citations");
    assertThat(anh.postJson("/api/v1/tasks/" + draft.getId() + "/complete",
        "{\"answer\": \"Được hỗ trợ theo Nghị quyết của tỉnh.\", \"publication\": \"both\","
            + " \"citations\": [{\"number\": \"15/2025/NQ-HĐND\", \"summary\": \"Chính sách hỗ trợ chuyển đổi số\","
            + " \"issuedOn\": \"2025-07-10\", \"issuer\": \"HĐND tỉnh Lào Cai\"}]}").statusCode()).isEqualTo(204);

    org.camunda.bpm.engine.task.Task approve = awaitTask(pi, "Task_Approve");
    leader.postJson("/api/v1/tasks/" + approve.getId() + "/claim", "");
    assertThat(leader.postJson("/api/v1/tasks/" + approve.getId() + "/complete", "{\"approval\": \"approve\"}")
        .statusCode()).isEqualTo(204);

    awaitCondition(() -> bean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
        .processInstanceId(pi).count() == 0);
    JsonNode answered = JSON.readTree(anonymous().get("/api/v1/portal/questions/" + code, "application/json").body());
    assertThat(answered.get("status").asText()).isEqualTo("ANSWERED");
    assertThat(answered.get("answer").asText()).isEqualTo("Được hỗ trợ theo Nghị quyết của tỉnh.");
    assertThat(answered.at("/citations/0/number").asText()).isEqualTo("15/2025/NQ-HĐND");
    assertThat(answered.get("answeringAgency").asText()).isEqualTo("Sở Khoa học và Công nghệ");
    assertThat(answered.toString()).doesNotContain("dan@example.vn");

    // Published: found without diacritics, with its citations, never with the asker's personal data.
    JsonNode found = JSON.readTree(anonymous().get("/api/v1/portal/answers?q=khoi%20nghiep%20chuyen%20doi%20so",
        "application/json").body());
    assertThat(found.findValuesAsText("answer")).contains("Được hỗ trợ theo Nghị quyết của tỉnh.");
    assertThat(found.toString()).doesNotContain("Nguyễn Văn Dân").doesNotContain("Hoàng Liên")
        .doesNotContain("dan@example.vn");
    String answerId = found.get(0).get("id").asText();
    String page = anonymous().get("/portal/answers/" + answerId, "text/html").body();
    assertThat(page).contains("15/2025/NQ-HĐND").contains("Sở Khoa học và Công nghệ")
        .doesNotContain("Nguyễn Văn Dân").doesNotContain("dan@example.vn");
    assertThat(anonymous().get("/portal?q=khoi%20nghiep", "text/html").body()).contains("Doanh nghiệp khởi nghiệp");

    // The asker asks for their personal data to be erased: gone from the database, the answer stays published.
    assertThat(anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/portal/questions/" + code
        + "/erase-personal-data")).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
    java.util.Map<String, Object> row = bean(JdbcTemplate.class).queryForMap("SELECT full_name, address, email,"
        + " client_ip, anonymised_at FROM portal_question WHERE tracking_code = ?", code);
    assertThat(row.get("FULL_NAME") != null ? row.get("FULL_NAME") : row.get("full_name")).isNull();
    assertThat(row.values().stream().filter(java.util.Objects::nonNull).count()).isEqualTo(1);
    assertThat(JSON.readTree(anonymous().get("/api/v1/portal/answers?q=khoi%20nghiep", "application/json").body())
        .findValuesAsText("id")).contains(answerId);
    assertThat(anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/api/v1/portal/questions/HD-2026-ZZZZZZZZ/erase-personal-data")).POST(HttpRequest.BodyPublishers.noBody()))
        .statusCode()).isEqualTo(404);
  }

  @Test
  default void aFloodFromOneAddressIsLimited() throws Exception {
    String address = someAddress();
    int accepted = 0;
    int limited = 0;
    for (int i = 0; i < 7; i++) {
      HttpResponse<String> r = ask(individual("Câu hỏi số " + i), address);
      if (r.statusCode() == 201) {
        accepted++;
      } else if (r.statusCode() == 429) {
        limited++;
        assertThat(JSON.readTree(r.body()).get("retryAfterSeconds").asLong()).isPositive();
      }
    }
    assertThat(accepted).isEqualTo(5);
    assertThat(limited).isEqualTo(2);
    // Another address is not affected.
    assertThat(ask(individual("Câu hỏi khác"), someAddress()).statusCode()).isEqualTo(201);
  }
}
