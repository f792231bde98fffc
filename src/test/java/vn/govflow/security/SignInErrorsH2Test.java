package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * A failed sign-in says what happened (issue #13 item 23), with the real embedded issuer: GovFlow's public URL is
 * http://localhost:PORT, and a person opens it at http://127.0.0.1:PORT.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInErrorsH2Test extends H2IntegrationTest {

  @Test
  void openedAtAnotherAddressThePageSaysWhereToOpenIt(CapturedOutput output) {
    String other = "http://127.0.0.1:" + PORT;
    String configured = "http://localhost:" + PORT;
    SsoClient person = new SsoClient(other);
    // The issuer's page comes up and takes the right password; the return to the public URL cannot finish.
    HttpResponse<String> page = person.submitLogin("lannt.skhcn", SsoClient.DEMO_PASSWORD);

    assertThat(page.uri().toString()).startsWith(configured + "/signed-out");
    String body = page.body();
    assertThat(body).contains("Chưa đăng nhập được")
        .contains("Bạn đã mở GovFlow tại " + other + ", nhưng GovFlow được cấu hình tại " + configured)
        .contains("<a id=\"open-public-url\" href=\"" + configured + "/\">Mở GovFlow tại " + configured + "</a>")
        .doesNotContain("chưa được cấp quyền");
    assertThat(output.getOut()).contains("WARN").contains("Sign-in failed (authorization_request_not_found)")
        .contains("begun at " + other);

    // The same page in English.
    HttpResponse<String> en = person.send(HttpRequest.newBuilder(URI.create(page.uri() + "&lang=en")).GET());
    assertThat(en.body()).contains("Not signed in")
        .contains("You opened GovFlow at " + other + ", but GovFlow is configured at " + configured)
        .contains("Open GovFlow at " + configured);

    // Opened at the configured address, the same person signs in.
    SsoClient.signIn(configured, "lannt.skhcn", SsoClient.DEMO_PASSWORD);
  }

  @Test
  void aReturnNoSignInBeganForSaysSoWithoutBlamingTheAccount(CapturedOutput output) {
    SsoClient fresh = new SsoClient("http://localhost:" + PORT);
    HttpResponse<String> page = fresh.get("/login/oauth2/code/govflow?code=abc&state=xyz");
    assertThat(page.uri().getPath()).isEqualTo("/signed-out");
    assertThat(page.body()).contains("Lượt đăng nhập không khớp với phiên của trình duyệt này")
        .contains("href=\"http://localhost:" + PORT + "/\"")
        .doesNotContain("Bạn đã mở GovFlow tại").doesNotContain("chưa được cấp quyền");
    assertThat(output.getOut()).contains("Sign-in failed (authorization_request_not_found)")
        .contains("no sign-in begun in this browser session");
  }

  @Test
  void anIssuersErrorIsShownWithItsCode(CapturedOutput output) {
    SsoClient person = new SsoClient("http://localhost:" + PORT);
    // Begin a sign-in (the session keeps it), then come back as an issuer does that refused it.
    HttpResponse<String> start = person.sendWithoutRedirects(
        HttpRequest.newBuilder(URI.create(person.baseUrl() + "/oauth2/authorization/govflow")).GET());
    String location = start.headers().firstValue("Location").orElseThrow();
    String state = location.replaceAll(".*[?&]state=([^&]+).*", "$1");
    HttpResponse<String> page = person.get("/login/oauth2/code/govflow?error=access_denied&state=" + state);

    assertThat(page.uri().getPath()).isEqualTo("/signed-out");
    assertThat(page.body()).contains("Đăng nhập không thành công (mã lỗi: access_denied)")
        .doesNotContain("chưa được cấp quyền");
    assertThat(output.getOut()).contains("WARN").contains("Sign-in failed (access_denied)");
    HttpResponse<String> en = person.get("/signed-out?error=failed&code=access_denied&lang=en");
    assertThat(en.body()).contains("Signing in failed (error code: access_denied)");
  }

  @Test
  void theAddressShownIsOnlyEverAnAddressAndTheLinkAlwaysThePublicUrl() {
    SsoClient anyone = new SsoClient("http://localhost:" + PORT);
    HttpResponse<String> page = anyone.get("/signed-out?error=address&at=javascript:alert(1)");
    assertThat(page.body()).doesNotContain("javascript:").contains("href=\"http://localhost:" + PORT + "/\"");
    HttpResponse<String> other = anyone.get("/signed-out?error=address&at=https://evil.example");
    assertThat(other.body()).contains("href=\"http://localhost:" + PORT + "/\"")
        .doesNotContain("href=\"https://evil.example");
  }
}
