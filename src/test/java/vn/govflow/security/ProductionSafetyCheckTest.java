package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;
import vn.govflow.GovFlowApplication;
import vn.govflow.support.TestDatabases;

/**
 * GovFlow refuses to start on a public address with the demo's defaults (issue 14, "Safe outside the demo"),
 * and says which environment variables to set. The last tests start the real application: the refusal comes
 * before the database, the engine or the web server are touched.
 */
class ProductionSafetyCheckTest {
  private static final String PUBLIC = "https://govflow.example.gov.vn";

  @Test
  void localAddressesRunWithTheDemoDefaults() {
    for (String url : new String[] {"http://localhost:8080", "http://127.0.0.1:9000/", "http://[::1]:8080",
        "http://LOCALHOST"}) {
      assertThat(ProductionSafetyCheck.problems(new MockEnvironment().withProperty("govflow.public-url", url)))
          .as(url).isEmpty();
    }
  }

  @Test
  void aPublicAddressWithTheDefaultsNamesEverythingToSet() {
    MockEnvironment env = new MockEnvironment().withProperty("govflow.public-url", PUBLIC);
    assertThat(String.join("\n", ProductionSafetyCheck.problems(env)))
        .contains("GOVFLOW_DEMO_DATA=false")
        .contains("GOVFLOW_SSO_CLIENT_SECRET=")
        .contains("GOVFLOW_SSO_SERVICE_CLIENT_SECRET=")
        .contains("GOVFLOW_SSO_SIGNING_KEY_FILE=");
    // Addresses that only look local are public.
    for (String url : new String[] {"http://localhost.example.vn", "http://10.0.0.5:8080", "http://0.0.0.0",
        "not a url"}) {
      assertThat(ProductionSafetyCheck.problems(new MockEnvironment().withProperty("govflow.public-url", url)))
          .as(url).isNotEmpty();
    }
  }

  @Test
  void eachDefaultIsRefusedOnItsOwn() {
    assertThat(ProductionSafetyCheck.problems(safe().withProperty("govflow.demo-data", "true")))
        .singleElement().asString().startsWith("GOVFLOW_DEMO_DATA=false");
    assertThat(ProductionSafetyCheck.problems(safe().withProperty("govflow.sso.client-secret", "govflow-web-secret")))
        .singleElement().asString().startsWith("GOVFLOW_SSO_CLIENT_SECRET=");
    assertThat(ProductionSafetyCheck.problems(safe()
        .withProperty("govflow.sso.service-client-secret", "govflow-service-secret")))
        .singleElement().asString().startsWith("GOVFLOW_SSO_SERVICE_CLIENT_SECRET=");
    assertThat(ProductionSafetyCheck.problems(safe().withProperty("govflow.sso.signing-key-file", "")))
        .singleElement().asString().startsWith("GOVFLOW_SSO_SIGNING_KEY_FILE=");
  }

  @Test
  void aPublicAddressWithEverythingSetStarts() {
    assertThat(ProductionSafetyCheck.problems(safe())).isEmpty();
    // With an external issuer the embedded issuer's service secret and key are not used.
    assertThat(ProductionSafetyCheck.problems(new MockEnvironment().withProperty("govflow.public-url", PUBLIC)
        .withProperty("govflow.demo-data", "false").withProperty("govflow.sso.embedded", "false")
        .withProperty("govflow.sso.client-secret", "s3cret-from-keycloak"))).isEmpty();
  }

  @Test
  void theApplicationRefusesToStartWithDemoDefaultsOnAPublicAddress() {
    String data = TestDatabases.tempDir("govflow-refused-").toString();
    assertThatThrownBy(() -> new SpringApplicationBuilder(GovFlowApplication.class).profiles("test")
        .run("--govflow.public-url=" + PUBLIC, "--govflow.data-dir=" + data, "--server.port=0"))
        .isInstanceOf(ProductionSafetyCheck.ProductionSafetyException.class)
        .hasMessageContaining("GovFlow will not start on the public address " + PUBLIC)
        .hasMessageContaining("GOVFLOW_DEMO_DATA=false")
        .hasMessageContaining("GOVFLOW_SSO_CLIENT_SECRET=")
        .hasMessageContaining("GOVFLOW_SSO_SERVICE_CLIENT_SECRET=")
        .hasMessageContaining("GOVFLOW_SSO_SIGNING_KEY_FILE=");
    // Refused before anything was written: no database, no generated key.
    assertThat(new java.io.File(data).list()).isEmpty();
  }

  @Test
  void theApplicationRefusesEvenWhenOnlyTheDemoDataIsLeft() {
    String data = TestDatabases.tempDir("govflow-refused-").toString();
    assertThatThrownBy(() -> new SpringApplicationBuilder(GovFlowApplication.class).profiles("test")
        .run("--govflow.public-url=" + PUBLIC, "--govflow.data-dir=" + data, "--server.port=0",
            "--govflow.sso.client-secret=web-x", "--govflow.sso.service-client-secret=service-x",
            "--govflow.sso.signing-key-file=/run/secrets/govflow-signing-key.json"))
        .isInstanceOf(ProductionSafetyCheck.ProductionSafetyException.class)
        .hasMessageContaining("GOVFLOW_DEMO_DATA=false")
        .hasMessageNotContaining("GOVFLOW_SSO_CLIENT_SECRET=");
  }

  private static MockEnvironment safe() {
    return new MockEnvironment().withProperty("govflow.public-url", PUBLIC)
        .withProperty("govflow.demo-data", "false")
        .withProperty("govflow.sso.client-secret", "web-x")
        .withProperty("govflow.sso.service-client-secret", "service-x")
        .withProperty("govflow.sso.signing-key-file", "/run/secrets/govflow-signing-key.json");
  }
}
