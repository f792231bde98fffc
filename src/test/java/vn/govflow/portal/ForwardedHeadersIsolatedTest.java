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
