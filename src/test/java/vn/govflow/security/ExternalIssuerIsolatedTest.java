package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.govflow.GovFlowApplication;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;
import vn.govflow.support.TestDatabases;

/**
 * The production path without Keycloak: a second GovFlow configured exactly as docker-compose configures it
 * for Keycloak (embedded issuer off, an external issuer URI, a separate discovery URI as a container network
 * would need) signs people in through the first GovFlow's issuer.
 */
class ExternalIssuerIsolatedTest extends H2IntegrationTest {
  static ConfigurableApplicationContext external;

  @BeforeAll
  static void startSecondGovFlow() {
    String issuer = "http://localhost:" + PORT;
    external = new SpringApplicationBuilder(GovFlowApplication.class).profiles("test").run(
        "--server.port=" + EXTERNAL_CLIENT_PORT,
        // Cookies do not separate ports: the second app keeps its session under its own name.
        "--server.servlet.session.cookie.name=GOVFLOW_EXTERNAL_SESSION",
        "--govflow.data-dir=" + TestDatabases.tempDir("govflow-external-"),
        "--camunda.bpm.process-engine-name=external-issuer-check",
        "--govflow.sso.embedded=false",
        "--govflow.sso.issuer-uri=" + issuer,
        "--govflow.sso.discovery-uri=http://127.0.0.1:" + PORT,
        "--govflow.sso.client-id=govflow-web",
        "--govflow.sso.client-secret=govflow-web-secret");
  }

  @AfterAll
  static void stop() {
    if (external != null) {
      external.close();
    }
  }

  @Test
  void personSignsInAtTheExternalIssuerAndLandsOnTheSecondGovFlow() {
    String second = "http://localhost:" + EXTERNAL_CLIENT_PORT;
    SsoClient c = new SsoClient(second);
    HttpResponse<String> home = c.submitLogin("hapt.skhcn", SsoClient.DEMO_PASSWORD);
    assertThat(home.uri().toString()).startsWith(second + "/");
    assertThat(home.body()).contains("Xin chào, Phạm Thu Hà").contains("Trưởng phòng");
    HttpResponse<String> me = c.get("/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"hapt.skhcn\"");
  }

  @Test
  void secondGovFlowHasNoIssuerOfItsOwn() {
    SsoClient c = new SsoClient("http://localhost:" + EXTERNAL_CLIENT_PORT);
    assertThat(c.get("/.well-known/openid-configuration", "application/json").body())
        .doesNotContain("authorization_endpoint");
    assertThat(c.get("/sso/login", "text/html").uri().getPort()).isEqualTo(PORT);
  }
}
