package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import vn.govflow.audit.AuditService;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.notify.Notification;
import vn.govflow.notify.NotificationService;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * Brute force against the embedded issuer's sign-in form, as an attacker sends it (issue 14; seed 000 Art 15.1c).
 * Short delays so the test is quick. Own JVM: the attack blocks 127.0.0.1, which every other test signs in from.
 * The methods run in order: the second one blocks the address for the rest of this GovFlow's life.
 */
@TestPropertySource(properties = {
    "govflow.sign-in.max-failures=5",
    "govflow.sign-in.lock-base=PT15S",
    "govflow.sign-in.lock-max=PT60S",
    "govflow.sign-in.address-max-failures=15",
    "govflow.sign-in.address-window=PT10M",
    "govflow.sign-in.address-block=PT10M"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInProtectionIsolatedTest extends H2IntegrationTest {
  private static final String ADMIN = "khailv.skhcn";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @Test
  @Order(1)
  void twelveWrongPasswordsLockTheAccountUntilTheDelayIsOver() throws Exception {
    SsoClient attacker = new SsoClient(baseUrl());
    attacker.get("/"); // a session at the issuer's form, as a browser has
    HttpResponse<String> last = null;
    for (int i = 0; i < 12; i++) {
      last = post(attacker, "maivt.skhcn", "wrong-" + i);
      assertThat(last.statusCode()).isEqualTo(302);
      assertThat(last.headers().firstValue("Location").orElseThrow()).contains("/sso/login?");
    }
    assertThat(last.headers().firstValue("Location").orElseThrow()).endsWith("/sso/login?locked");
    HttpResponse<String> page = attacker.get("/sso/login?locked", "text/html");
    assertThat(page.body()).contains("Tài khoản này tạm thời bị khóa")
        // The typed name stays in the form.
        .contains("value=\"maivt.skhcn\"");

    // The right password now does not sign in: the lock is checked before the password.
    HttpResponse<String> right = post(attacker, "maivt.skhcn", SsoClient.DEMO_PASSWORD);
    assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/sso/login?locked");
    assertThat(attacker.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
    page = attacker.get("/sso/login?locked", "text/html");
    assertThat(page.body()).contains("Tài khoản này tạm thời bị khóa");

    // In English too.
    assertThat(attacker.get("/sso/login?locked&lang=en", "text/html").body())
        .contains("This account is temporarily locked after repeated failed sign-ins");

    // The lock is in the database: a GovFlow started afresh (a new guard over the same tables) refuses too.
    SignInGuard afterRestart = new SignInGuard(context().getBean(SignInMapper.class),
        context().getBean(AuditService.class), context().getBean(NotificationService.class),
        context().getBean(IdentityDirectory.class), 5, Duration.ofSeconds(15), Duration.ofSeconds(60),
        Duration.ofDays(1), 15, Duration.ofMinutes(10), Duration.ofMinutes(10), ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(afterRestart.refusal("maivt.skhcn", "192.0.2.1"))
        .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(SignInGuard.Kind.ACCOUNT_LOCKED));

    // Administrators were told, in the app, and the lock is in the audit log.
    List<Notification> alerts = context().getBean(NotificationService.class).list(ADMIN, true).stream()
        .filter(n -> n.kind().equals(SignInGuard.ALERT_KIND) && n.subjectEn().contains("maivt.skhcn")).toList();
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).subjectVi()).contains("bị tạm khóa");
    assertThat(context().getBean(AuditService.class).recent(null, "maivt.skhcn", "auth.account-locked", 10))
        .isNotEmpty().allSatisfy(e -> assertThat(e.clientIp()).isEqualTo("127.0.0.1"));
    assertThat(context().getBean(AuditService.class).recent(null, "maivt.skhcn", "auth.sign-in-failed", 20))
        .hasSizeBetween(5, 12).allSatisfy(e -> assertThat(e.clientIp()).isEqualTo("127.0.0.1"));

    // The page says about how long, in minutes rounded up (the lock is at most 60 s here); after the lock, the
    // right password signs in.
    assertThat(page.body()).contains("Thử lại sau khoảng 1 phút");
    SignInGuard.LockedAccount lock = context().getBean(SignInGuard.class).locked().stream()
        .filter(l -> l.username().equals("maivt.skhcn")).findFirst().orElseThrow();
    long wait = Duration.between(java.time.Instant.now(), lock.lockedUntil().toInstant()).toMillis();
    assertThat(wait).isLessThanOrEqualTo(60_000);
    Thread.sleep(Math.max(0, wait) + 1_100);
    HttpResponse<String> home = attacker.submitLogin("maivt.skhcn", SsoClient.DEMO_PASSWORD);
    assertThat(home.uri().getPath()).isEqualTo("/");
    assertThat(home.body()).contains("Vũ Thị Mai");
    // A success clears the count: the next wrong password is an ordinary failure, not a lock.
    assertThat(afterRestart.refusal("maivt.skhcn", "192.0.2.1")).isEmpty();
  }

  @Test
  @Order(2)
  void anAddressThatHammersManyAccountsIsThrottled() {
    List<String> accounts = List.of("lannt.skhcn", "hungtv.skhcn", "tuanlm.skhcn", "hapt.skhcn", "anhdd.skhcn",
        "namhv.skhcn", "huybq.skhcn", "hoadt.vpubnd", "sonnv.vpubnd", "hanhlt.vpubnd", "dungtv.vpubnd",
        "loipv.vpubnd", "ngocct.vpubnd", "nobody.skhcn", "admin");
    SsoClient attacker = new SsoClient(baseUrl());
    int attempts = 0;
    HttpResponse<String> page = null;
    for (String account : accounts) {
      attempts++;
      page = attacker.submitLogin(account, "Password123");
      if (page.body().contains("quá nhiều lần đăng nhập sai từ địa chỉ")) {
        break;
      }
    }
    // One wrong password per account (no account reaches its own lock), yet the address is stopped.
    assertThat(page.body()).contains("Có quá nhiều lần đăng nhập sai từ địa chỉ mạng của bạn");
    assertThat(attempts).isLessThan(accounts.size() + 1);

    // Even the right password of an account nobody attacked is refused from this address.
    HttpResponse<String> right = new SsoClient(baseUrl()).submitLogin("thaomt.vpubnd", SsoClient.DEMO_PASSWORD);
    assertThat(right.uri().getPath()).isEqualTo("/sso/login");
    assertThat(right.body()).contains("Có quá nhiều lần đăng nhập sai từ địa chỉ mạng của bạn");

    assertThat(context().getBean(NotificationService.class).list(ADMIN, true))
        .anyMatch(n -> n.kind().equals(SignInGuard.ALERT_KIND) && n.subjectEn().contains("127.0.0.1"));
    assertThat(context().getBean(AuditService.class).recent(null, null, "auth.address-blocked", 10))
        .anySatisfy(e -> assertThat(e.objectId()).isEqualTo("127.0.0.1"));
  }

  /** The issuer's form posted directly, as a password-guessing script does (no redirects followed). */
  private static HttpResponse<String> post(SsoClient c, String username, String password) {
    Matcher csrf = CSRF.matcher(c.get("/sso/login", "text/html").body());
    assertThat(csrf.find()).isTrue();
    return c.sendWithoutRedirects(java.net.http.HttpRequest.newBuilder(java.net.URI.create(c.baseUrl() + "/sso/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SsoClient.form(java.util.Map.of("username", username,
            "password", password, "_csrf", csrf.group(1))))));
  }
}
