package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.files.Samples;
import vn.govflow.support.SsoClient;

/**
 * A question's case as staff handle it: files the asker attached (upload rules, nothing kept when refused), the
 * staff page and API that only the editors and the agency it is routed to may read, and a rejection as a
 * duplicate that links the asker to the published answer.
 */
interface PortalCaseScenarios extends PortalTestApi {

  /** A multipart question: the JSON part "question" and one "files" part per file (name → bytes). */
  default HttpResponse<String> askWithFiles(String questionJson, Map<String, byte[]> files, String address) {
    String boundary = "----govflow" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"question\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + questionJson + "\r\n").getBytes(StandardCharsets.UTF_8));
    files.forEach((name, bytes) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bytes);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/portal/questions"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  default int storedFiles() {
    return bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM stored_file", Integer.class);
  }

  default String questionId(String trackingCode) {
    return bean(JdbcTemplate.class).queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?",
        String.class, trackingCode);
  }

  default String processOf(String trackingCode) {
    return bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question"
        + " WHERE tracking_code = ?", String.class, trackingCode);
  }

  default void complete(SsoClient who, Task task, String json) {
    who.postJson("/api/v1/tasks/" + task.getId() + "/claim", "");
    HttpResponse<String> r = who.postJson("/api/v1/tasks/" + task.getId() + "/complete", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  @Test
  default void askerAttachesFilesAndOnlyThoseHandlingTheQuestionReadThem() throws Exception {
    byte[] pdf = Samples.pdf("Giay chung nhan dang ky doanh nghiep");
    java.util.LinkedHashMap<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("Giấy chứng nhận đăng ký.pdf", pdf);
    files.put("ghi-chu.txt", Samples.txt("Ghi chú kèm theo câu hỏi"));
    HttpResponse<String> r = askWithFiles(individual("Doanh nghiệp của tôi có được hỗ trợ đổi mới công nghệ?"),
        files, someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    String id = questionId(code);

    // The editor sees the whole case: identity, contact, the files (names made plain), and can open them.
    SsoClient editor = signIn("ngocct.vpubnd");
    JsonNode view = JSON.readTree(editor.get("/api/v1/questions/" + id, "application/json").body());
    assertThat(view.at("/question/fullName").asText()).isEqualTo("Nguyễn Văn Dân");
    assertThat(view.at("/question/email").asText()).isEqualTo("dan@example.vn");
    assertThat(view.path("question").has("clientIp")).isFalse();
    assertThat(view.get("files").findValuesAsText("originalName"))
        .containsExactly("Giay_chung_nhan_dang_ky.pdf", "ghi-chu.txt");
    String pdfId = view.get("files").get(0).get("id").asText();
    HttpResponse<byte[]> download = editor.getBytes("/questions/" + id + "/files/" + pdfId);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    String page = editor.get("/questions/" + id, "text/html").body();
    assertThat(page).contains(code).contains("Nguyễn Văn Dân").contains("Giay_chung_nhan_dang_ky.pdf")
        .contains("Doanh nghiệp của tôi có được hỗ trợ đổi mới công nghệ?");

    // Nobody else: not the public (the file holds no agency, the general file API refuses it), not an agency
    // the question has not been routed to.
    SsoClient anh = signIn("anhdd.skhcn");
    assertThat(anh.get("/api/v1/questions/" + id, "application/json").statusCode()).isEqualTo(404);
    assertThat(anh.getBytes("/questions/" + id + "/files/" + pdfId).statusCode()).isEqualTo(404);
    assertThat(anh.getBytes("/api/v1/files/" + pdfId + "/content").statusCode()).isEqualTo(404);
    assertThat(anonymous().sendWithoutRedirects(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/questions/"
        + id)).header("Accept", "application/json")).statusCode()).isEqualTo(401);

    // The editors' list finds it by its code or by a word typed without diacritics; skhcn's list does not yet.
    assertThat(editor.get("/questions?q=" + code, "text/html").body()).contains(code).contains("/questions/" + id);
    String row = "href=\"/questions/" + id + "\"";
    assertThat(editor.get("/questions?q=doi%20moi%20cong%20nghe&state=RECEIVED", "text/html").body()).contains(row);
    assertThat(editor.get("/questions?q=" + code + "&state=ANSWERED", "text/html").body()).doesNotContain(row)
        .contains("Không có câu hỏi nào phù hợp.");
    assertThat(anh.get("/questions?q=" + code, "text/html").body()).doesNotContain(row);

    // Routed to skhcn: its staff now read the case, with the triage in its history; vpubnd's handler does not.
    Task triage = awaitTask(processOf(code), "Task_Triage");
    complete(editor, triage, "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}");
    awaitTask(processOf(code), "Task_Classify");
    JsonNode routed = JSON.readTree(anh.get("/api/v1/questions/" + id, "application/json").body());
    assertThat(routed.at("/handling/answeringAgency").asText()).isEqualTo("000.00.12.H37");
    assertThat(routed.get("events").findValuesAsText("step")).contains("Task_Triage", "ROUTED");
    assertThat(anh.getBytes("/questions/" + id + "/files/" + pdfId).body()).isEqualTo(pdf);
    assertThat(signIn("thaomt.vpubnd").get("/api/v1/questions/" + id, "application/json").statusCode())
        .isEqualTo(404);
    assertThat(anh.get("/questions?q=" + code, "text/html").body()).contains(row);
    assertThat(signIn("thaomt.vpubnd").get("/questions?q=" + code, "text/html").body()).doesNotContain(row);

    // The asker has their personal data erased (seed 003 Art 27.2): their files go with it.
    assertThat(anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/portal/questions/" + code
        + "/erase-personal-data")).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
    JsonNode erased = JSON.readTree(anh.get("/api/v1/questions/" + id, "application/json").body());
    assertThat(erased.get("files")).isEmpty();
    assertThat(erased.at("/question/fullName").isNull()).isTrue();
    assertThat(erased.get("events").findValuesAsText("comment")).anyMatch(c -> c.contains("2 tệp đính kèm"));
    assertThat(anh.getBytes("/questions/" + id + "/files/" + pdfId).statusCode()).isEqualTo(404);
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM stored_file WHERE id = ?",
        Integer.class, pdfId)).isZero();
    // Asking and erasing are in the audit log, by address, without the personal data.
    java.util.List<String> audited = bean(JdbcTemplate.class).queryForList("SELECT action FROM audit_event"
        + " WHERE object_id = ? ORDER BY id", String.class, id);
    assertThat(audited).contains("portal.question.submit", "portal.question.view",
        "portal.question.erase-personal-data");
    assertThat(bean(JdbcTemplate.class).queryForList("SELECT COALESCE(detail, '') FROM audit_event WHERE object_id = ?",
        String.class, id)).noneMatch(d -> d.contains("Nguyễn Văn Dân") || d.contains("dan@example.vn"));
  }

  @Test
  default void refusedAttachmentsKeepNothing() throws Exception {
    int questions = stored();
    int files = storedFiles();
    String address = someAddress();
    java.util.LinkedHashMap<String, byte[]> six = new java.util.LinkedHashMap<>();
    for (int i = 1; i <= 6; i++) {
      six.put("tep-" + i + ".txt", Samples.txt("Tệp " + i));
    }
    HttpResponse<String> tooMany = askWithFiles(individual("Sáu tệp"), six, address);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(tooMany.body()).get("errors").findValuesAsText("field")).contains("files");

    HttpResponse<String> program = askWithFiles(individual("Một chương trình"), Map.of("caidat.exe",
        new byte[] {'M', 'Z', 0, 0}), address);
    assertThat(program.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(program.body()).get("messageVi").asText()).contains("1 mục");
    assertThat(program.body()).contains("caidat.exe");

    // Text pretending to be a PDF: refused by its content after the question row was written, and rolled back.
    HttpResponse<String> fake = askWithFiles(individual("Tệp giả"), Map.of("hop-dong.pdf",
        Samples.txt("không phải PDF")), someAddress());
    assertThat(fake.statusCode()).as(fake.body()).isEqualTo(415);
    assertThat(stored()).isEqualTo(questions);
    assertThat(storedFiles()).isEqualTo(files);
  }

  @Test
  default void aDuplicateIsRefusedWithALinkToThePublishedAnswer() throws Exception {
    // A question answered and published earlier (as the report tests do, written straight to the table).
    String publishedId = UUID.randomUUID().toString();
    String publishedCode = "HD-2026-D" + publishedId.substring(0, 7).toUpperCase().replace('-', 'X');
    bean(JdbcTemplate.class).update("INSERT INTO portal_question(id, tracking_code, asker_type, field, question,"
        + " consent, foreigner, received_at, due_at, status, answering_agency, answer, citations, publication,"
        + " answered_at, search_text) VALUES (?, ?, 'INDIVIDUAL', 'khoa-hoc-cong-nghe', 'Hỏi về quỹ đổi mới', TRUE,"
        + " FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'ANSWERED', '000.00.12.H37', 'Quỹ hỗ trợ theo quy định.',"
        + " '[]', 'public', CURRENT_TIMESTAMP, 'hoi ve quy doi moi')", publishedId, publishedCode);

    HttpResponse<String> r = ask(individual("Quỹ đổi mới công nghệ hỗ trợ thế nào?"), someAddress());
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    Task triage = awaitTask(processOf(code), "Task_Triage");
    SsoClient editor = signIn("ngocct.vpubnd");
    editor.postJson("/api/v1/tasks/" + triage.getId() + "/claim", "");
    HttpResponse<String> unknown = editor.postJson("/api/v1/tasks/" + triage.getId() + "/complete",
        "{\"decision\": \"reject\", \"rejectReason\": \"duplicate\", \"duplicateOf\": \"HD-2026-ZZZZZZZZ\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).get("errors").findValuesAsText("field")).containsExactly("duplicateOf");

    // The editor pastes the public page's address.
    complete(editor, triage, "{\"decision\": \"reject\", \"rejectReason\": \"duplicate\", \"duplicateOf\": \""
        + baseUrl() + "/portal/answers/" + publishedId + "\"}");
    awaitCondition(() -> "REJECTED".equals(bean(JdbcTemplate.class).queryForObject(
        "SELECT status FROM portal_question WHERE tracking_code = ?", String.class, code)));
    JsonNode tracked = JSON.readTree(anonymous().get("/api/v1/portal/questions/" + code, "application/json").body());
    assertThat(tracked.get("rejectReason").asText()).isEqualTo("duplicate");
    assertThat(tracked.get("duplicateOf").asText()).isEqualTo("/portal/answers/" + publishedId);
    String page = anonymous().get("/portal/track?code=" + code, "text/html").body();
    assertThat(page).contains("trùng với câu hỏi đã được trả lời").contains("/portal/answers/" + publishedId);
  }

  /**
   * Camunda Tasklist submits the draft form through the engine's REST API, the citations list as a JSON variable:
   * the same rules apply there (a citation without its issuer is refused, the task stays open), and a complete
   * one is accepted and read.
   */
  @Test
  default void theEnginesRestApiAsTasklistUsesItObeysTheSameFormRules() throws Exception {
    HttpResponse<String> r = ask(individual("Câu hỏi trả lời qua Tasklist"), someAddress());
    String code = JSON.readTree(r.body()).get("trackingCode").asText();
    String pi = processOf(code);
    complete(signIn("ngocct.vpubnd"), awaitTask(pi, "Task_Triage"), "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}");
    complete(signIn("hungtv.skhcn"), awaitTask(pi, "Task_Classify"),
        "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}");
    Task draft = awaitTask(pi, "Task_Draft");
    SsoClient anh = signIn("anhdd.skhcn");
    String withoutIssuer = "[{\\\"number\\\": \\\"13/2023/NĐ-CP\\\", \\\"summary\\\": \\\"Bảo vệ dữ liệu cá nhân\\\","
        + " \\\"issuedOn\\\": \\\"2023-04-17\\\"}]";
    HttpResponse<String> refused = anh.postJson("/engine-rest/task/" + draft.getId() + "/submit-form",
        "{\"variables\": {\"answer\": {\"value\": \"Theo Nghị định 13.\", \"type\": \"String\"},"
            + " \"publication\": {\"value\": \"public\", \"type\": \"String\"},"
            + " \"citations\": {\"value\": \"" + withoutIssuer + "\", \"type\": \"Json\"}}}");
    // Camunda wraps a task listener's exception in its own 500; ours is answered as our API answers it.
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("messageEn").asText()).contains("Each citation needs its number and symbol, summary,"
        + " date and issuer");
    assertThat(problem.get("messageVi").asText()).contains("cơ quan ban hành");
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("citations");
    // Other engine errors reach staff as a short bilingual problem with an error id, never the engine's internals.
    HttpResponse<String> unknown = anh.postJson("/engine-rest/task/no-such-task/submit-form", "{\"variables\": {}}");
    assertThat(unknown.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).get("errorId").asText()).isNotBlank();
    assertThat(unknown.body()).doesNotContain("Exception").doesNotContain("org.camunda");
    assertThat(open(draft.getId())).isTrue();

    String complete = withoutIssuer.replace("\\\"2023-04-17\\\"}", "\\\"2023-04-17\\\", \\\"issuer\\\": \\\"Chính phủ\\\"}");
    HttpResponse<String> accepted = anh.postJson("/engine-rest/task/" + draft.getId() + "/submit-form",
        "{\"variables\": {\"answer\": {\"value\": \"Theo Nghị định 13.\", \"type\": \"String\"},"
            + " \"publication\": {\"value\": \"public\", \"type\": \"String\"},"
            + " \"citations\": {\"value\": \"" + complete + "\", \"type\": \"Json\"}}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    awaitTask(pi, "Task_Approve");
  }

  @Test
  default void thePublicPagesSpeakEnglishWhenAsked() {
    SsoClient visitor = anonymous();
    String ask = visitor.get("/portal/ask?lang=en", "text/html").body();
    assertThat(ask).contains("Science, technology, digital").contains("Department of Science and Technology")
        .doesNotContain("Khoa học, công nghệ, chuyển đổi số").doesNotContain(">Sở Khoa học và Công nghệ<");
    // The choice sticks (a cookie) for the next page.
    assertThat(visitor.get("/portal", "text/html").body()).contains("Science, technology, digital")
        .doesNotContain("Khoa học, công nghệ, chuyển đổi số");
    assertThat(anonymous().get("/portal", "text/html").body()).contains("Khoa học, công nghệ, chuyển đổi số");
  }

  default boolean open(String taskId) {
    return bean(org.camunda.bpm.engine.TaskService.class).createTaskQuery().taskId(taskId).count() == 1;
  }
}
