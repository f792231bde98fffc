package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import vn.govflow.support.SsoClient;

/**
 * The published version of a question (issue #13 item 16; seed 003 Art 11.7, 27): a portal editor takes out the
 * personal data the asker typed into the question and the answer quotes; the public answer page, the tracking
 * page and the public API show the edited text, the staff page the original; erasure (Art 27.2) removes the
 * asker's data from both.
 */
interface PortalPublicationScenarios extends PortalTestApi {
  String NAME = "Hoàng Thị Thu Trang";
  String PHONE = "0987654321";
  String EMAIL = "thutrang.hoang@example.vn";
  String ASKED = "Xin hỏi doanh nghiệp khởi nghiệp sáng tạo về vật liệu tái chế được hỗ trợ những gì?";

  default void complete(SsoClient who, Task task, String json) {
    who.postJson("/api/v1/tasks/" + task.getId() + "/claim", "");
    HttpResponse<String> r = who.postJson("/api/v1/tasks/" + task.getId() + "/complete", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  /** What anyone reads without signing in, as text (the pages HTML-unescaped). */
  default String publicViews(String id, String code) {
    SsoClient anyone = anonymous();
    return HtmlUtils.htmlUnescape(anyone.get("/portal/answers/" + id, "text/html").body())
        + anyone.get("/api/v1/portal/answers?q=" + URLEncoder.encode("vat lieu tai che", StandardCharsets.UTF_8),
            "application/json").body()
        + anyone.get("/api/v1/portal/questions/" + code, "application/json").body()
        + HtmlUtils.htmlUnescape(anyone.get("/portal/track?code=" + code, "text/html").body());
  }

  @Test
  default void theEditorTakesPersonalDataOutOfThePublishedVersion() throws Exception {
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    // The asker writes their name and phone number into the question, as people do.
    String question = "Tôi là " + NAME + ", điện thoại " + PHONE + ", thư " + EMAIL + ". " + ASKED;
    String body = JSON.writeValueAsString(new QuestionRequest("INDIVIDUAL", "hoi-dap", NAME, "Việt Nam",
        "Giám đốc", "Số 9 đường Trần Hưng Đạo, Lào Cai", null, null, null, null, EMAIL, PHONE,
        "khoa-hoc-cong-nghe", "000.00.12.H37", question, true));
    HttpResponse<String> asked = ask(body, someAddress());
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    String code = JSON.readTree(asked.body()).get("trackingCode").asText();
    String id = jdbc.queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?", String.class, code);
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM portal_question WHERE id = ?", String.class, id);

    SsoClient editor = signIn("ngocct.vpubnd");
    complete(editor, awaitTask(pi, "Task_Triage"), "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}");
    SsoClient leader = signIn("hungtv.skhcn");
    complete(leader, awaitTask(pi, "Task_Classify"), "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}");
    // The answer quotes the asker's name.
    complete(signIn("anhdd.skhcn"), awaitTask(pi, "Task_Draft"), "{\"answer\": \"Kính gửi bà " + NAME
        + ": doanh nghiệp được hỗ trợ theo Nghị định 80/2021/NĐ-CP.\", \"publication\": \"public\", \"citations\":"
        + " [{\"number\": \"80/2021/NĐ-CP\", \"summary\": \"Hỗ trợ doanh nghiệp nhỏ và vừa\", \"issuedOn\":"
        + " \"2021-08-26\", \"issuer\": \"Chính phủ\"}]}");
    complete(leader, awaitTask(pi, "Task_Approve"), "{\"approval\": \"approve\"}");
    awaitCondition(() -> "ANSWERED".equals(jdbc.queryForObject("SELECT status FROM portal_question WHERE id = ?",
        String.class, id)));

    // Published as written: the public sees the name and the number (what the editor is there to prevent).
    assertThat(publicViews(id, code)).contains(NAME).contains(PHONE);

    // A handler may not edit the published version.
    assertThat(signIn("anhdd.skhcn").putJson("/api/v1/questions/" + id + "/publication",
        "{\"question\": \"x\", \"answer\": \"y\"}").statusCode()).isEqualTo(403);

    // The editor opens the staff page and saves the edited texts through its form.
    String staffPage = editor.get("/questions/" + id).body();
    assertThat(staffPage).contains("id=\"q-publication-form\"").contains("Bản đăng công khai")
        .contains("biên tập viên chưa biên tập");
    String redactedQuestion = "Tôi là [đã ẩn], điện thoại [đã ẩn], thư " + EMAIL + ". " + ASKED;
    String redactedAnswer = "Kính gửi bà [đã ẩn]: doanh nghiệp được hỗ trợ theo Nghị định 80/2021/NĐ-CP.";
    HttpResponse<String> saved = editor.sendWithoutRedirects(editor.withXsrf(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/questions/" + id + "/publication")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("question", redactedQuestion,
            "answer", redactedAnswer)))));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("/questions/" + id);

    // Every public view shows the edited text, and nothing of what the editor took out.
    String after = publicViews(id, code);
    assertThat(after).contains(ASKED).contains("Kính gửi bà [đã ẩn]").doesNotContain(NAME).doesNotContain(PHONE);
    // Searching for the number the editor took out finds nothing.
    assertThat(JSON.readTree(anonymous().get("/api/v1/portal/answers?q=" + PHONE, "application/json").body()))
        .isEmpty();

    // Staff read the original, and see that the public reads an edited version, and who edited it.
    String staff = HtmlUtils.htmlUnescape(leader.get("/questions/" + id).body());
    assertThat(staff).contains(question)
        .contains("Trang công khai và API hiển thị bản do biên tập viên biên tập lúc").contains("ngocct.vpubnd")
        .contains("Biên tập bản đăng công khai");
    // The original answer stays as the leader approved it.
    assertThat(jdbc.queryForObject("SELECT answer FROM portal_question WHERE id = ?", String.class, id))
        .contains("Kính gửi bà " + NAME);

    // Erasure (Art 27.2) removes the asker's data from the original and the published version alike: the
    // e-mail address the editor left in is gone from the public pages too.
    assertThat(after).contains(EMAIL);
    HttpResponse<String> erased = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/api/v1/portal/questions/" + code + "/erase-personal-data")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(erased.statusCode()).isEqualTo(204);
    Map<String, Object> row = jdbc.queryForMap("SELECT question, answer, published_question, published_answer,"
        + " published_search_text FROM portal_question WHERE id = ?", id);
    assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(NAME)
        .doesNotContain(PHONE).doesNotContain(EMAIL).doesNotContain("thutrang"));
    assertThat(String.valueOf(row.get("published_question"))).contains(ASKED);
    assertThat(publicViews(id, code)).contains(ASKED).doesNotContain(EMAIL).doesNotContain(NAME)
        .doesNotContain(PHONE);
  }
}
