package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.govflow.audit.AuditEvent;
import vn.govflow.audit.AuditService;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * GovFlow as shipped trusts no proxy (issue 14): a client connecting directly and sending X-Forwarded-For
 * cannot change the address the audit log and the portal's flood limit see. (The other tests name the
 * loopback address as their proxy, and their per-address flood tests show that a named proxy is believed.)
 */
@TestPropertySource(properties = "govflow.trusted-proxies=")
class ForwardedHeadersIsolatedTest extends H2IntegrationTest implements PortalTestApi {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @Test
  void aDirectClientCannotClaimAnotherAddressInTheAuditLog() {
    SsoClient c = anonymous();
    Matcher m = CSRF.matcher(c.get("/").body());
    assertThat(m.find()).isTrue();
    c.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sso/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "198.51.100.77")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(java.util.Map.of("username", "spoofer.skhcn",
            "password", "wrong", "_csrf", m.group(1))))));
    List<AuditEvent> failed = bean(AuditService.class).recent(null, "spoofer.skhcn", "auth.sign-in-failed", 5);
    assertThat(failed).isNotEmpty();
    assertThat(failed).allSatisfy(e -> assertThat(e.clientIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));

    // A signed-in person's upload: the audit entry has the connection's address, not the claimed one.
    SsoClient clerk = SsoClient.signIn(baseUrl(), "lannt.skhcn", SsoClient.DEMO_PASSWORD);
    String boundary = "----govflow" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ghi-chu.txt\""
        + "\r\nContent-Type: text/plain\r\n\r\nGhi chu thu nghiem\r\n--" + boundary + "--\r\n";
    HttpResponse<String> upload = clerk.send(clerk.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/api/v1/files"))).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("X-Forwarded-For", "198.51.100.78").POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(upload.statusCode()).isEqualTo(201);
    List<AuditEvent> uploads = bean(AuditService.class).recent(null, "lannt.skhcn", "file.upload", 5);
    assertThat(uploads).isNotEmpty();
    assertThat(uploads).allSatisfy(e -> assertThat(e.clientIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
  }

  @Test
  void aDirectClientCannotDodgeThePortalsFloodLimitWithForwardedHeaders() throws Exception {
    int before = stored();
    int accepted = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last = ask(individual("Câu hỏi giả địa chỉ số " + i), someAddress());
      if (last.statusCode() == 201) {
        accepted++;
      }
    }
    // Six different claimed addresses, one real one: the sixth is refused.
    assertThat(accepted).isEqualTo(5);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body()).contains("\"code\":\"portal-rate-limit\"").contains("messageEn");
    assertThat(stored()).isEqualTo(before + 5);
  }
}
