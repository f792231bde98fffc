package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.govflow.audit.AuditEvent;
import vn.govflow.audit.AuditService;
import vn.govflow.notify.Notification;
import vn.govflow.notify.NotificationService;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * An administrator lifts a sign-in lock (issue 14; seed 000 Art 14.3, 15.1). The wrong passwords come through
 * the test proxy from a documentation address, so the loopback address every other test signs in from is not
 * counted against.
 */
class SignInUnlockH2Test extends H2IntegrationTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final String ADMIN = "khailv.skhcn";
  private static final String LOCKED = "loipv.vpubnd";

  @Test
  void anAdministratorUnlocksALockedAccountAndOnlyAnAdministrator() {
    SsoClient person = new SsoClient(baseUrl());
    person.get("/");
    HttpResponse<String> last = null;
    for (int i = 0; i < 5; i++) {
      last = post(person, LOCKED, "wrong-" + i, "203.0.113.14");
    }
    assertThat(last.headers().firstValue("Location").orElseThrow()).endsWith("/sso/login?locked");
    // The page says roughly how long, in minutes rounded up (the default first lock is one minute).
    assertThat(person.get("/sso/login?locked", "text/html").body())
        .contains("Tài khoản này tạm thời bị khóa").contains("Thử lại sau khoảng 1 phút")
        .doesNotContainPattern("\\d\\d:\\d\\d:\\d\\d");
    assertThat(person.get("/sso/login?locked&lang=en", "text/html").body()).contains("Try again in about 1 min");
    assertThat(post(person, LOCKED, SsoClient.DEMO_PASSWORD, "203.0.113.14").headers().firstValue("Location")
        .orElseThrow()).endsWith("/sso/login?locked");

    // The alert sent to administrators links to the page where they unlock.
    List<Notification> alerts = bean(NotificationService.class).list(ADMIN, true).stream()
        .filter(n -> n.kind().equals("SIGN_IN_LOCKED") && n.subjectEn().contains(LOCKED)).toList();
    assertThat(alerts).isNotEmpty().allSatisfy(n -> assertThat(n.link()).isEqualTo("/admin/sign-in-locks"));

    // Someone else (an agency head, not an administrator) can neither list nor unlock.
    SsoClient head = signIn("sonnv.vpubnd");
    HttpResponse<String> refusedList = head.get("/api/v1/admin/sign-in-locks", "application/json");
    assertThat(refusedList.statusCode()).isEqualTo(403);
    assertThat(refusedList.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
    HttpResponse<String> refused = head.postJson("/api/v1/admin/sign-in-locks/" + LOCKED + "/unlock", "");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"code\":\"forbidden\"");
    assertThat(head.get("/admin/sign-in-locks", "text/html").statusCode()).isEqualTo(403);
    assertThat(post(person, LOCKED, SsoClient.DEMO_PASSWORD, "203.0.113.14").headers().firstValue("Location")
        .orElseThrow()).endsWith("/sso/login?locked");

    // The administrator sees the lock, on the page (with its button) and in the API.
    SsoClient admin = signIn(ADMIN);
    String page = admin.get("/admin/sign-in-locks", "text/html").body();
    assertThat(page).contains("Tài khoản bị khóa đăng nhập").contains("data-username=\"" + LOCKED + "\"")
        .contains("Phan Văn Lợi").contains("Mở khóa");
    assertThat(admin.get("/", "text/html").body()).contains("id=\"nav-sign-in-locks\"");
    assertThat(head.get("/", "text/html").body()).doesNotContain("nav-sign-in-locks");
    HttpResponse<String> list = admin.get("/api/v1/admin/sign-in-locks", "application/json");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"username\":\"" + LOCKED + "\"").contains("\"fullName\":\"Phan Văn Lợi\"");

    // Unlocked: the right password signs in at once, and the audit log names the administrator.
    HttpResponse<String> unlocked = admin.postJson("/api/v1/admin/sign-in-locks/" + LOCKED + "/unlock", "");
    assertThat(unlocked.statusCode()).isEqualTo(200);
    assertThat(unlocked.body()).contains("\"unlockedBy\":\"" + ADMIN + "\"");
    List<AuditEvent> audit = bean(AuditService.class).recent(null, ADMIN, "auth.account-unlocked", 10);
    assertThat(audit).anySatisfy(e -> {
      assertThat(e.objectId()).isEqualTo(LOCKED);
      assertThat(e.outcome()).isEqualTo("SUCCESS");
    });
    HttpResponse<String> home = person.submitLogin(LOCKED, SsoClient.DEMO_PASSWORD);
    assertThat(home.uri().getPath()).isEqualTo("/");
    assertThat(home.body()).contains("Phan Văn Lợi");
    assertThat(admin.get("/api/v1/admin/sign-in-locks", "application/json").body()).doesNotContain(LOCKED);

    // Nothing left to unlock: a problem in both languages.
    HttpResponse<String> again = admin.postJson("/api/v1/admin/sign-in-locks/" + LOCKED + "/unlock", "");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("không bị khóa");
  }

  @Test
  void theUnlockButtonOnThePageLiftsTheLock() {
    String name = "nobody.unlock-page";
    SsoClient guesser = new SsoClient(baseUrl());
    guesser.get("/");
    for (int i = 0; i < 5; i++) {
      post(guesser, name, "wrong-" + i, "203.0.113.15");
    }
    SignInGuard guard = bean(SignInGuard.class);
    assertThat(guard.refusal(name, "192.0.2.9")).isPresent();

    SsoClient admin = signIn(ADMIN);
    String page = admin.get("/admin/sign-in-locks", "text/html").body();
    assertThat(page).contains("data-username=\"" + name + "\"").contains("(không có tài khoản này)");
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> after = admin.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/sign-in-locks/"
            + name + "/unlock"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("_csrf", csrf.group(1))))));
    assertThat(after.uri().getPath()).isEqualTo("/admin/sign-in-locks");
    assertThat(after.body()).contains("Đã mở khóa tài khoản " + name).doesNotContain("data-username=\"" + name + "\"");
    assertThat(guard.refusal(name, "192.0.2.9")).isEmpty();
    assertThat(bean(AuditService.class).recent(null, ADMIN, "auth.account-unlocked", 10))
        .anySatisfy(e -> assertThat(e.objectId()).isEqualTo(name));
  }

  /** The issuer's form posted directly, through the test proxy that names the client's address. */
  private static HttpResponse<String> post(SsoClient c, String username, String password, String clientAddress) {
    Matcher csrf = CSRF.matcher(c.get("/sso/login", "text/html").body());
    assertThat(csrf.find()).isTrue();
    return c.sendWithoutRedirects(HttpRequest.newBuilder(URI.create(c.baseUrl() + "/sso/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Forwarded-For", clientAddress)
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("username", username,
            "password", password, "_csrf", csrf.group(1))))));
  }
}
