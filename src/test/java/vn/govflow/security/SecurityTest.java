package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/** Authentication and authorization at every door: pages, API, engine REST, webapps, the issuer itself. */
class SecurityTest extends H2IntegrationTest {
  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  JdbcTemplate jdbc;

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/me", "/api/v1/tasks", "/engine-rest/engine", "/engine-rest/process-definition/count",
      "/engine-rest/deployment/count", "/camunda/api/engine/engine", "/camunda/api/admin/auth/user/default"})
  void apiAndEngineRestRefuseAnonymousCallsWithProblemJson(String path) throws Exception {
    HttpResponse<String> r = anonymous().get(path, "application/json");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("messageVi").asText()).contains("đăng nhập");
    assertThat(body.get("messageEn").asText()).contains("Sign in");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/tasks", "/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/",
      "/camunda/app/admin/default/"})
  void pagesAndWebappsSendAnonymousPeopleToTheSignInPage(String path) {
    HttpResponse<String> r = anonymous().get(path, "text/html");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.uri().getPath()).isEqualTo("/sso/login");
    assertThat(r.body()).contains("Đăng nhập một lần").contains("name=\"password\"");
  }

  @Test
  void personSignsInThroughTheIssuerAndSeesTheirProfile() {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> home = lan.get("/");
    assertThat(home.body()).contains("Xin chào, Nguyễn Thị Lan").contains("Sở Khoa học và Công nghệ (000.00.12.H37)")
        .contains("Văn thư").contains("Văn phòng Sở");
    HttpResponse<String> english = lan.get("/?lang=en");
    assertThat(english.body()).contains("Hello, Nguyễn Thị Lan").contains("Clerk").contains("Job position");
  }

  @Test
  void wrongPasswordIsRefusedAndAudited() {
    SsoClient c = anonymous();
    HttpResponse<String> r = c.submitLogin("hungtv.skhcn", "wrong-password");
    assertThat(r.uri().getPath()).isEqualTo("/sso/login");
    assertThat(r.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
    assertThat(c.get("/api/v1/me").statusCode()).isEqualTo(401);
    Integer failures = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.sign-in-failed'"
        + " AND actor = 'hungtv.skhcn' AND outcome = 'FAILURE'", Integer.class);
    assertThat(failures).isGreaterThanOrEqualTo(1);
  }

  @Test
  void signInIsAudited() {
    signIn("tuanlm.skhcn");
    Integer signIns = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.sign-in'"
        + " AND actor = 'tuanlm.skhcn' AND agency_code = '000.00.12.H37'", Integer.class);
    assertThat(signIns).isGreaterThanOrEqualTo(1);
  }

  @Test
  void signingInAtTheIssuerAloneDoesNotSignIntoGovFlow() {
    // The issuer's session is kept apart: a direct post to its form must not open GovFlow's API.
    SsoClient c = anonymous();
    HttpResponse<String> page = c.get("/sso/login");
    String csrf = page.body().replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");
    HttpResponse<String> posted = c.sendWithoutRedirects(HttpRequest.newBuilder(URI.create(baseUrl() + "/sso/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(java.util.Map.of("username", "lannt.skhcn",
            "password", SsoClient.DEMO_PASSWORD, "_csrf", csrf)))));
    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(c.get("/api/v1/me").statusCode()).isEqualTo(401);
    // Visiting GovFlow then signs in through the OIDC flow, without asking for the password again (SSO).
    assertThat(c.get("/").body()).contains("Nguyễn Thị Lan");
    assertThat(c.get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void stateChangingCallsNeedTheXsrfHeaderWhenSignedInWithACookie() {
    SsoClient anh = signIn("anhdd.skhcn");
    String missing = "/api/v1/tasks/" + UUID.randomUUID() + "/claim";
    assertThat(anh.postJsonWithoutXsrf(missing, "{}").statusCode()).isEqualTo(403);
    // With the header the request reaches the application, which answers that no such task exists for them.
    HttpResponse<String> r = anh.postJson(missing, "{}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Không tìm thấy");
  }

  @Test
  void serviceClientUsesClientCredentials() throws Exception {
    String token = serviceToken();
    HttpResponse<String> me = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me"))
        .header("Authorization", "Bearer " + token).header("X-On-Behalf-Of", "lannt.skhcn"));
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(me.body());
    assertThat(body.get("username").asText()).isEqualTo("govflow-service");
    assertThat(body.get("onBehalfOf").asText()).isEqualTo("lannt.skhcn");
  }

  @Test
  void tamperedOrForeignTokensAreRefused() {
    String token = serviceToken();
    String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    HttpResponse<String> r = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me"))
        .header("Authorization", "Bearer " + tampered));
    assertThat(r.statusCode()).isEqualTo(401);
    String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
        + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
            "{\"sub\":\"govflow-service\",\"iss\":\"x\"}".getBytes()) + ".";
    assertThat(anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/engine"))
        .header("Authorization", "Bearer " + unsigned)).statusCode()).isEqualTo(401);
  }

  @Test
  void engineRestAndWebappsKnowTheSignedInPerson() throws Exception {
    SsoClient ha = signIn("hapt.skhcn");
    HttpResponse<String> tasks = ha.get("/engine-rest/task/count");
    assertThat(tasks.statusCode()).isEqualTo(200);
    // As in a browser: the webapp page is loaded first, which hands the person to Camunda's session.
    assertThat(ha.get("/camunda/app/tasklist/default/").body()).contains("Camunda Tasklist");
    HttpResponse<String> webUser = ha.get("/camunda/api/admin/auth/user/default");
    assertThat(webUser.statusCode()).isEqualTo(200);
    JsonNode user = json.readTree(webUser.body());
    assertThat(user.get("userId").asText()).isEqualTo("hapt.skhcn");
    assertThat(user.get("authorizedApps").toString()).contains("tasklist").doesNotContain("admin");
    HttpResponse<String> groups = ha.get("/engine-rest/group?member=hapt.skhcn&maxResults=50");
    assertThat(groups.body()).contains("skhcn-department-head").contains("skhcn-cds");
  }

  @Test
  void deployingToTheEngineGoesThroughTheDesignerOnly() throws Exception {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="t"><process id="designer-check" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="s"/></process></definitions>
        """;
    // Issue #10 item 5: the engine's REST deploy is refused to everyone, the administrator and the designer too.
    for (String who : new String[] {"khailv.skhcn", "hungtv.skhcn", "huybq.skhcn"}) {
      HttpResponse<String> refused = deploy(signIn(who), bpmn);
      assertThat(refused.statusCode()).as(who + ": " + refused.body()).isEqualTo(403);
      assertThat(json.readTree(refused.body()).get("code").asText()).isEqualTo("deploy-through-designer");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'designer-check'",
        Integer.class)).isZero();
    // The designer's page deploys, as the designer, and the engine's audit names him.
    SsoClient designer = signIn("huybq.skhcn");
    String key = "sec" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "-note";
    String form = """
        {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
          {"id": "Field_Note", "key": "note", "type": "textarea", "label": "Ghi chú"}]}
        """.formatted(key);
    HttpResponse<String> draft = designer.postJson("/api/v1/designer/models/form/" + key + "/drafts",
        json.writeValueAsString(java.util.Map.of("content", form)));
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    HttpResponse<String> ok = designer.postJson("/api/v1/designer/models/form/" + key + "/deploy", "{}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    Integer audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = 'huybq.skhcn'"
        + " AND action = 'engine.Create' AND object_type = 'engine-Deployment'", Integer.class);
    assertThat(audited).isGreaterThanOrEqualTo(1);
  }

  @Test
  void apiIsDocumentedWithOpenApiForSignedInPeople() throws Exception {
    assertThat(anonymous().get("/v3/api-docs", "application/json").statusCode()).isEqualTo(401);
    HttpResponse<String> docs = signIn("lannt.skhcn").get("/v3/api-docs", "application/json");
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = json.readTree(docs.body()).get("paths");
    assertThat(paths.has("/api/v1/incoming-documents")).isTrue();
    assertThat(paths.has("/api/v1/tasks/{id}/complete")).isTrue();
    assertThat(paths.has("/api/v1/sla/{key}")).isTrue();
    // The portal: asking (JSON or with files), tracking, published answers, the staff view and the report.
    assertThat(paths.at("/~1api~1v1~1portal~1questions/post/requestBody/content").has("multipart/form-data")).isTrue();
    assertThat(paths.at("/~1api~1v1~1portal~1questions/post/requestBody/content").has("application/json")).isTrue();
    assertThat(paths.has("/api/v1/portal/questions/{trackingCode}")).isTrue();
    assertThat(paths.has("/api/v1/portal/answers")).isTrue();
    assertThat(paths.has("/api/v1/questions/{id}")).isTrue();
    assertThat(paths.has("/api/v1/portal/report")).isTrue();
  }

  @Test
  void calendarDeadlineIsPublic() {
    HttpResponse<String> r = anonymous().get("/api/v1/calendar/deadline?receivedAt=2026-04-24T19:00:00%2B07:00"
        + "&workingDays=5", "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("2026-05-06T17:00:00+07:00");
  }

  private HttpResponse<String> deploy(SsoClient client, String bpmn) {
    String boundary = "----govflow" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncheck\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"designer-check.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    return client.send(client.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/deployment/create")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private String serviceToken() {
    HttpResponse<String> r = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "govflow-service:govflow-service-secret".getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")));
    assertThat(r.statusCode()).isEqualTo(200);
    try {
      return json.readTree(r.body()).get("access_token").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
