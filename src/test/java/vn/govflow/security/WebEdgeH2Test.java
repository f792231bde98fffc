package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * The web edge, each hole tried as the attack: pages under a Content-Security-Policy, a SameSite session
 * cookie, no state change (sign-out included) by a forged cross-site POST to Camunda's webapp API, every
 * /api/ error as our bilingual problem+json, no engine internals in errors for non-administrators, and the
 * engine's user directory limited to the caller's agency.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebEdgeH2Test extends H2IntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // --- Content-Security-Policy and cookies -------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"/", "/tasks", "/incoming/register", "/incoming/new", "/notifications", "/questions",
      "/portal", "/portal/ask", "/portal/track?code=HD-2026-ABCDEFGH", "/no-such-page", "/api/v1/me"})
  void everyPageOfOursSendsAStrictContentSecurityPolicy(String path) {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> r = lan.get(path, "text/html");
    List<String> policies = r.headers().allValues("Content-Security-Policy");
    assertThat(policies).hasSize(1);
    assertThat(policies.get(0)).contains("default-src 'self'").contains("script-src 'self'")
        .contains("style-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'self'")
        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
  }

  @Test
  void theSignInPageSendsItToo() {
    HttpResponse<String> r = anonymous().get("/", "text/html");
    assertThat(r.uri().getPath()).isEqualTo("/sso/login");
    assertThat(r.headers().allValues("Content-Security-Policy")).singleElement().asString()
        .contains("script-src 'self'").doesNotContain("unsafe-inline");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/"})
  void camundasWebappsSendTheirOwnNonceBasedPolicyAndOnlyThat(String path) {
    SsoClient head = signIn("hungtv.skhcn");
    HttpResponse<String> r = head.get(path, "text/html");
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> policies = r.headers().allValues("Content-Security-Policy");
    assertThat(policies).hasSize(1);
    assertThat(policies.get(0)).contains("'nonce-").contains("'strict-dynamic'").contains("object-src 'none'")
        .doesNotContain("https:");
    // The nonce in the header is the one the page's scripts carry.
    Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policies.get(0));
    assertThat(nonce.find()).isTrue();
    assertThat(r.body()).contains("nonce=\"" + nonce.group(1) + "\"");
  }

  @Test
  void theSessionCookieIsSameSiteLaxAndHttpOnly() {
    SsoClient c = anonymous();
    HttpResponse<String> r = c.sendWithoutRedirects(HttpRequest.newBuilder(URI.create(baseUrl() + "/tasks"))
        .header("Accept", "text/html").GET());
    List<String> session = r.headers().allValues("Set-Cookie").stream()
        .filter(h -> h.startsWith("GOVFLOW_SESSION=")).toList();
    assertThat(session).isNotEmpty().allSatisfy(h -> assertThat(h).contains("SameSite=Lax").contains("HttpOnly"));
  }

  @Test
  void noTemplateHasAnInlineScriptHandlerOrStyle() throws IOException {
    Path templates = Path.of("src/main/resources/templates");
    Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    Pattern style = Pattern.compile("<style|\\s(th:)?style\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String html = Files.readString(f);
        for (Pattern p : List.of(inlineScript, handler, style)) {
          Matcher m = p.matcher(html);
          while (m.find()) {
            found.add(templates.relativize(f) + ": " + m.group().strip());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  // --- Forged requests to Camunda's webapp API ---------------------------------------------------------------

  @Test
  void aForgedSignOutThroughCamundasApiIsRefusedAndThePersonStaysSignedIn() throws Exception {
    // An administrator (the webapps' own sign-out, the control below, is theirs: POST /camunda/api/admin/** needs
    // the administrator role) has Tasklist open: Camunda has given his session its CSRF token.
    SsoClient lan = signIn("khailv.skhcn");
    String camundaToken = camundaToken(lan);
    assertThat(camundaToken).isNotBlank();

    // Another site's form posts to the sign-out endpoint: her cookies, no token.
    HttpResponse<String> forged = lan.send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/camunda/api/admin/auth/user/default/logout"))
        .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(forged.body());
    assertThat(problem.get("code").asText()).isEqualTo("csrf");
    assertThat(problem.get("messageVi").asText()).contains("CSRF");
    assertThat(problem.get("messageEn").asText()).contains("CSRF");
    // A guessed token does no better.
    HttpResponse<String> guessed = lan.send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", "0123456789ABCDEF").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(guessed.statusCode()).isEqualTo(403);

    // Still signed in, in GovFlow and in the webapps, with the same Camunda token.
    assertThat(lan.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);
    assertThat(lan.get("/camunda/api/engine/engine/default/task/count", "application/json").statusCode())
        .isEqualTo(200);

    // The webapps themselves, with the session's token (unchanged by the refusals), still sign out.
    HttpResponse<String> real = lan.send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", camundaToken).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(real.statusCode()).isLessThan(300);
  }

  @Test
  void aForgedWriteThroughCamundasApiChangesNothing() throws Exception {
    String code = JSON.readTree(anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/api/v1/portal/questions")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new vn.govflow.portal.QuestionRequest(
            "INDIVIDUAL", "hoi-dap", "Hà Văn Khách", "Việt Nam", "Nông dân", "Bắc Hà, Lào Cai", null, null, null,
            null, "khach@example.vn", null, "khoa-hoc-cong-nghe", "000.00.12.H37", "Giống lúa mới?", true)))))
        .body()).get("trackingCode").asText();
    String pi = bean(JdbcTemplate.class).queryForObject(
        "SELECT process_instance_id FROM portal_question WHERE tracking_code = ?", String.class, code);
    TaskService tasks = bean(TaskService.class);
    vn.govflow.support.Await.until(() -> tasks.createTaskQuery().processInstanceId(pi).count() > 0);
    Task triage = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    SsoClient editor = signIn("ngocct.vpubnd");
    camundaToken(editor);

    HttpResponse<String> forged = editor.send(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/camunda/api/engine/engine/default/task/" + triage.getId() + "/claim"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"ngocct.vpubnd\"}")));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(triage.getId()).singleResult().getAssignee()).isNull();
    assertThat(editor.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);
  }

  /** What a browser does: load Tasklist (which hands the person to Camunda and gives the session its token). */
  private String camundaToken(SsoClient c) {
    HttpResponse<String> page = c.get("/camunda/app/tasklist/default/", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    return page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> c.send(HttpRequest.newBuilder(URI.create(
            baseUrl() + "/camunda/api/admin/auth/user/default")).header("X-XSRF-TOKEN", "Fetch").GET())
        .headers().firstValue("X-XSRF-TOKEN").orElse(null));
  }

  // --- Errors under /api/ ------------------------------------------------------------------------------------

  @Test
  void malformedJsonIsOurBilingualProblem() throws Exception {
    SsoClient hung = signIn("hungtv.skhcn");
    HttpResponse<String> r = hung.postJson("/api/v1/tasks/assign", "{\"taskIds\": [\"a\",");
    assertProblem(r, 400, "unreadable-body");
  }

  @Test
  void wrongMediaTypeIsOurBilingualProblem() throws Exception {
    SsoClient hung = signIn("hungtv.skhcn");
    HttpResponse<String> r = hung.send(hung.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/api/v1/tasks/assign"))).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("taskIds=a")));
    assertProblem(r, 415, "media-type");
  }

  @Test
  void methodNotAllowedIsOurBilingualProblem() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> r = lan.send(lan.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")))
        .DELETE());
    assertProblem(r, 405, "method");
  }

  @Test
  void anUnknownPathIsA404ProblemNotAnHtmlPage() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    assertProblem(lan.get("/api/v1/no-such-thing", "application/json"), 404, "not-found");
    // Even when the caller is a browser asking for HTML.
    HttpResponse<String> html = lan.get("/api/v1/no-such-thing/either", "text/html,*/*");
    assertProblem(html, 404, "not-found");
    assertThat(html.body()).doesNotContain("<html");
  }

  @Test
  void aMissingOrMistypedParameterIsOurBilingualProblem() throws Exception {
    SsoClient hung = signIn("hungtv.skhcn");
    HttpResponse<String> missing = hung.get("/api/v1/sla/incoming-document/completed?to=2026-01-31",
        "application/json");
    JsonNode m = assertProblem(missing, 400, "missing-parameter");
    assertThat(m.at("/errors/0/field").asText()).isEqualTo("from");
    HttpResponse<String> mistyped = hung.get("/api/v1/sla/incoming-document/completed?from=yesterday&to=2026-01-31",
        "application/json");
    JsonNode t = assertProblem(mistyped, 400, "invalid-parameter");
    assertThat(t.at("/errors/0/field").asText()).isEqualTo("from");
    assertProblem(hung.get("/api/v1/notifications?unread=perhaps", "application/json"), 400, "invalid-parameter");
  }

  private static JsonNode assertProblem(HttpResponse<String> r, int status, String code) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("messageVi").asText()).isNotBlank();
    assertThat(body.get("messageEn").asText()).isNotBlank().isNotEqualTo(body.get("messageVi").asText());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    return body;
  }

  // --- Engine errors -----------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task/no-such-task", "/engine-rest/task?sortBy=NAME_;DROP&sortOrder=asc",
      "/engine-rest/process-instance?variables=broken", "/camunda/api/engine/engine/default/task/no-such-task",
      "/camunda/api/engine/engine/default/process-definition/no-such-definition"})
  void engineErrorsShowNoInternalsToStaff(String path, CapturedOutput output) throws Exception {
    SsoClient anh = signIn("anhdd.skhcn");
    HttpResponse<String> r = anh.get(path, "application/json");
    assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("org.camunda").doesNotContain("java.")
        .doesNotContain("SELECT").doesNotContain("ACT_").doesNotContain("\tat ");
    JsonNode body = JSON.readTree(r.body());
    String errorId = body.get("errorId").asText();
    assertThat(errorId).matches("[0-9a-f]{8}");
    assertThat(body.get("messageVi").asText()).contains(errorId);
    assertThat(body.get("messageEn").asText()).contains(errorId);
    // The id leads an administrator to Camunda's own words in the log.
    assertThat(output.getAll()).contains("Engine error " + errorId);
  }

  @Test
  void administratorsKeepCamundasDetail() throws Exception {
    SsoClient admin = signIn("khailv.skhcn");
    HttpResponse<String> r = admin.get("/engine-rest/task/no-such-task", "application/json");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("type").asText()).isEqualTo("InvalidRequestException");
  }

  // --- The engine's user directory ---------------------------------------------------------------------------

  @Test
  void aHandlerSeesOnlyTheirOwnAgencysPeopleAndGroupsOnTheEngineApi() throws Exception {
    SsoClient anh = signIn("anhdd.skhcn");
    JsonNode users = JSON.readTree(anh.get("/engine-rest/user?maxResults=500", "application/json").body());
    List<String> ids = users.findValuesAsText("id");
    assertThat(ids).contains("anhdd.skhcn", "hungtv.skhcn", "lannt.skhcn").allMatch(id -> id.endsWith(".skhcn"));
    assertThat(users.findValuesAsText("email")).allMatch(e -> e.endsWith(".skhcn@laocai.gov.vn"));
    assertThat(users.toString()).doesNotContain("vpubnd");
    assertThat(JSON.readTree(anh.get("/engine-rest/user/count", "application/json").body()).get("count").asInt())
        .isEqualTo(ids.size());
    assertThat(anh.get("/engine-rest/user/sonnv.vpubnd/profile", "application/json").statusCode()).isEqualTo(404);
    assertThat(anh.get("/engine-rest/user?emailLike=%25vpubnd%25&maxResults=100", "application/json").body()).isEqualTo("[]");

    JsonNode groups = JSON.readTree(anh.get("/engine-rest/group?maxResults=500", "application/json").body());
    assertThat(groups.findValuesAsText("id")).contains("skhcn", "skhcn-clerk", "skhcn-handler")
        .noneMatch(g -> g.startsWith("vpubnd")).doesNotContain("camunda-admin");
    assertThat(anh.get("/engine-rest/user?memberOfGroup=vpubnd-head&maxResults=100", "application/json").body()).isEqualTo("[]");

    // The webapps' lookups (Tasklist's assignee picker, Admin's lists) go through the same directory.
    JsonNode webapp = JSON.readTree(anh.get("/camunda/api/engine/engine/default/user?maxResults=500",
        "application/json").body());
    assertThat(webapp.findValuesAsText("id")).isNotEmpty().allMatch(id -> id.endsWith(".skhcn"));
  }

  @Test
  void anAdministratorSeesEveryone() throws Exception {
    SsoClient admin = signIn("khailv.skhcn");
    JsonNode users = JSON.readTree(admin.get("/engine-rest/user?maxResults=500", "application/json").body());
    assertThat(users.findValuesAsText("id")).contains("anhdd.skhcn", "sonnv.vpubnd", "ngocct.vpubnd");
    JsonNode groups = JSON.readTree(admin.get("/engine-rest/group?maxResults=500", "application/json").body());
    assertThat(groups.findValuesAsText("id")).contains("skhcn-head", "vpubnd-head", "camunda-admin");
  }
}
