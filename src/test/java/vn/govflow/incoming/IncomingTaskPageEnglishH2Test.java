package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * The leader's task page for a new incoming document: the form in English once they chose English (and still
 * so on the next visit, by the cookie), in Vietnamese for someone who did not; a form sent back with a problem
 * says what to fix in the page's language, naming the field as the page does.
 */
class IncomingTaskPageEnglishH2Test extends H2IntegrationTest implements IncomingTestSupport {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @Test
  void theDirectionFormIsEnglishForALeaderWhoChoseEnglishAndVietnameseOtherwise() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> created = register(lan, document("EN1/UBND-" + System.nanoTime() % 100000,
        "Về việc kiểm tra an toàn thông tin", ""), "a.txt", text("x"));
    assertThat(created.statusCode()).isEqualTo(201);
    String task = awaitTask(JSON.readTree(created.body()).get("processInstanceId").asText(), "Task_Direct").getId();
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/api/v1/tasks/" + task + "/claim", "").statusCode()).isEqualTo(204);

    HttpResponse<String> english = hung.get("/tasks/" + task + "?lang=en");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body()).contains("<strong>Incoming document:</strong>", required("Decision"), ">Assign for handling<",
        ">Return to the clerk<", required("Reason for returning"), required("Assign the lead to"), ">A department or unit<",
        required("Lead handler"), ">Coordinators<", "Time limit for handling (working days; leave empty for the default)");
    assertThat(english.body()).doesNotContain("Quyết định", "Giao xử lý", "Trả lại văn thư", "Người chủ trì xử lý",
        "Người phối hợp", "Thời hạn giải quyết");
    // Options from the directory are data: the people's names as they are.
    assertThat(english.body()).contains("Đỗ Đức Anh");
    // The choice is remembered: the next visit without ?lang is English too.
    assertThat(hung.get("/tasks/" + task).body()).contains(required("Decision")).doesNotContain("Quyết định");

    // Sent back without a decision: the message in English, with the English label.
    HttpResponse<String> refused = completeEmpty(hung, task, english.body());
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("The form is not valid: Required: Decision.").doesNotContain("Quyết định");

    // Someone who never chose English (no language cookie) reads the form's own Vietnamese.
    SsoClient vietnamese = signIn("hungtv.skhcn");
    HttpResponse<String> page = vietnamese.get("/tasks/" + task);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(required("Quyết định"), ">Giao xử lý<", ">Trả lại văn thư<", required("Người chủ trì xử lý"),
        ">Người phối hợp<").doesNotContain("Assign for handling", required("Decision"), "Incoming document:");
    assertThat(completeEmpty(vietnamese, task, page.body()).body()).contains("Biểu mẫu chưa hợp lệ: Cần nhập: Quyết định.");
  }

  /** A required field's label as the page writes it: its text, then the shared "*" mark (fragments/forms). */
  private static String required(String label) {
    return ">" + label + "</span><span class=\"required\"";
  }

  /** Posts the task's form as the page does with nothing chosen (its CSRF field only). */
  private HttpResponse<String> completeEmpty(SsoClient client, String task, String page) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("the task page's form carries a CSRF field").isTrue();
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/tasks/" + task + "/complete"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("_csrf", csrf.group(1))))));
  }
}
