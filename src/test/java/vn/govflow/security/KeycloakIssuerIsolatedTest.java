package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.govflow.GovFlowApplication;
import vn.govflow.support.SsoClient;
import vn.govflow.support.TestDatabases;

/**
 * GovFlow against a real Keycloak (Maven Central's distribution, copied to target/keycloak by the build), with
 * the realm of deploy/keycloak: people sign in at Keycloak's own form, the service client gets a token, a
 * token of another client of the realm is refused, and an administrator signing a person out in Keycloak ends
 * the GovFlow session through OIDC back-channel logout; an ID token is no bearer credential; an account only
 * disabled in Keycloak loses its GovFlow session at the next session check. Keycloak 26 needs Java 21+: the Temurin JDK under
 * /usr/lib/jvm (or KEYCLOAK_JAVA_HOME); without one the test is skipped, loudly.
 */
class KeycloakIssuerIsolatedTest {
  private static final String ADMIN_PASSWORD = "kc-admin-test";
  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Process keycloak;
  static Path keycloakLog;
  static ConfigurableApplicationContext govflow;
  static String kc;
  static String base;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** GovFlow renews each session with Keycloak at most this often (govflow.sso.session-check). */
  static final Duration SESSION_CHECK = Duration.ofSeconds(3);

  @BeforeAll
  static void startKeycloakAndGovFlow() throws Exception {
    Optional<Path> javaHome = javaForKeycloak();
    if (javaHome.isEmpty()) {
      String msg = "\n**********************************************************************\n"
          + "* KeycloakIssuerIsolatedTest SKIPPED: no Java 21+ JDK for Keycloak found under /usr/lib/jvm  *\n"
          + "* (nor KEYCLOAK_JAVA_HOME). GovFlow against a real Keycloak was NOT tested.                 *\n"
          + "**********************************************************************\n";
      System.err.println(msg);
      System.out.println(msg);
      Assumptions.abort(msg);
    }
    Path home = keycloakHome();
    int kcPort = TestDatabases.freePort();
    int gfPort = TestDatabases.freePort();
    kc = "http://localhost:" + kcPort;
    base = "http://localhost:" + gfPort;

    // The deployed realm, pointed at this GovFlow: its pages through the realm's ${GOVFLOW_PUBLIC_URL}
    // placeholders, which Keycloak fills in from the environment at import (as docker-compose does), and the
    // back-channel logout instead of the compose network's address.
    // --import-realm reads data/import; --db=dev-mem keeps nothing between runs.
    String realm = Files.readString(Path.of("deploy/keycloak/govflow-realm.json"), StandardCharsets.UTF_8)
        .replace("http://govflow:8080", base);
    Files.createDirectories(home.resolve("data/import"));
    Files.writeString(home.resolve("data/import/govflow-realm.json"), realm, StandardCharsets.UTF_8);

    keycloakLog = Files.createTempFile("keycloak-", ".log");
    ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
        "--import-realm", "--db=dev-mem", "--http-port=" + kcPort,
        "--http-management-port=" + TestDatabases.freePort())
        .redirectErrorStream(true).redirectOutput(keycloakLog.toFile());
    pb.environment().put("JAVA_HOME", javaHome.get().toString());
    pb.environment().put("GOVFLOW_PUBLIC_URL", base);
    pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // Two cores and several builds share the machine: a modest heap.
    pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
    keycloak = pb.start();
    // A test JVM stopped from outside must not leave Keycloak running.
    Process started = keycloak;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      started.toHandle().descendants().forEach(ProcessHandle::destroy);
      started.destroy();
    }));
    // ~40 s on a free machine (the first start also builds Keycloak for dev mode); minutes on a loaded one.
    waitForRealm(Duration.ofSeconds(360));

    govflow = new SpringApplicationBuilder(GovFlowApplication.class).profiles("test").run(
        "--server.port=" + gfPort,
        "--govflow.data-dir=" + TestDatabases.tempDir("govflow-keycloak-"),
        "--camunda.bpm.process-engine-name=keycloak-issuer-check",
        "--govflow.sso.embedded=false",
        "--govflow.sso.issuer-uri=" + kc + "/realms/govflow",
        "--govflow.sso.client-id=govflow-web",
        "--govflow.sso.client-secret=govflow-web-secret",
        "--govflow.sso.session-check=" + SESSION_CHECK.toSeconds() + "s");
  }

  @AfterAll
  static void stop() throws Exception {
    if (govflow != null) {
      govflow.close();
    }
    if (keycloak != null) {
      keycloak.toHandle().descendants().forEach(ProcessHandle::destroy);
      keycloak.destroy();
      keycloak.waitFor();
    }
  }

  @Test
  void personSignsInAtKeycloaksFormAndGetsTheirGovFlowRoles() throws Exception {
    LocalhostBrowser ha = signInAtKeycloak("hapt.skhcn");
    HttpResponse<String> me = ha.me();
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(me.body());
    assertThat(body.get("username").asText()).isEqualTo("hapt.skhcn");
    assertThat(body.get("agencyCode").asText()).isEqualTo("000.00.12.H37");
    assertThat(body.get("roles").toString()).containsIgnoringCase("department");
  }

  @Test
  void serviceClientTokenCallsTheApi() throws Exception {
    String token = tokenAt("grant_type=client_credentials", "govflow-service:govflow-service-secret");
    HttpResponse<String> me = bearer("/api/v1/me", token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo("govflow-service");
  }

  @Test
  void aTokenKeycloakIssuedToAnotherClientOfTheRealmIsRefused() throws Exception {
    // The attack: every realm has the public client admin-cli, which hands out tokens for a person's password
    // (a direct grant). Its ID token is signed by the realm, names the person and has the right issuer.
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/realms/govflow/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("grant_type", "password",
            "client_id", "admin-cli", "scope", "openid profile", "username", "hapt.skhcn",
            "password", SsoClient.DEMO_PASSWORD)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode tokens = JSON.readTree(r.body());
    String idToken = tokens.get("id_token").asText();
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
    assertThat(claims.get("preferred_username").asText()).isEqualTo("hapt.skhcn");
    assertThat(claims.get("iss").asText()).isEqualTo(kc + "/realms/govflow");
    assertThat(claims.get("azp").asText()).isEqualTo("admin-cli");

    for (String token : List.of(idToken, tokens.get("access_token").asText())) {
      HttpResponse<String> me = bearer("/api/v1/me", token);
      assertThat(me.statusCode()).isEqualTo(401);
      assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(
          ct -> assertThat(ct).startsWith("application/problem+json"));
      assertThat(JSON.readTree(me.body()).get("code").asText()).isEqualTo("unauthenticated");
    }
  }

  @Test
  void anAdministratorSigningThePersonOutInKeycloakEndsTheGovFlowSession() throws Exception {
    LocalhostBrowser anh = signInAtKeycloak("anhdd.skhcn");
    LocalhostBrowser mai = signInAtKeycloak("maivt.skhcn");
    assertThat(anh.me().statusCode()).isEqualTo(200);

    String admin = adminToken();
    HttpResponse<String> users = HTTP.send(HttpRequest.newBuilder(
            URI.create(kc + "/admin/realms/govflow/users?exact=true&username=anhdd.skhcn"))
        .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
    String id = JSON.readTree(users.body()).get(0).get("id").asText();
    HttpResponse<String> logout = HTTP.send(HttpRequest.newBuilder(
            URI.create(kc + "/admin/realms/govflow/users/" + id + "/logout"))
        .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);

    HttpResponse<String> after = anh.me();
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(after.body()).get("code").asText()).isEqualTo("unauthenticated");
    // Someone else's session is untouched.
    assertThat(mai.me().statusCode()).isEqualTo(200);
  }

  /**
   * Keycloak's ID token for GovFlow's own client passes every other check (issuer, signature, audience
   * govflow-web, a GovFlow person): only its type tells it from the access token. Obtained the way GovFlow's
   * client obtains it, an authorization code (with PKCE) for a person signed in at Keycloak.
   */
  @Test
  void keycloaksIdTokenForGovFlowIsNoBearerCredentialButItsAccessTokenIs() throws Exception {
    LocalhostBrowser hung = signInAtKeycloak("hungtv.skhcn");
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
        UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.US_ASCII));
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String redirect = base + "/login/oauth2/code/govflow";
    HttpResponse<String> authorize = hung.getWithoutRedirects(kc + "/realms/govflow/protocol/openid-connect/auth?"
        + SsoClient.form(Map.of("response_type", "code", "client_id", "govflow-web", "scope", "openid profile",
        "redirect_uri", redirect, "state", "s1", "nonce", "n1", "code_challenge", challenge,
        "code_challenge_method", "S256")));
    assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
    String location = authorize.headers().firstValue("Location").orElseThrow();
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
    assertThat(code.find()).as(location).isTrue();
    HttpResponse<String> t = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/realms/govflow/protocol/openid-connect/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("govflow-web:govflow-web-secret".getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("grant_type", "authorization_code",
            "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
            "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
    JsonNode tokens = JSON.readTree(t.body());
    String idToken = tokens.get("id_token").asText();
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
    assertThat(claims.get("typ").asText()).isEqualTo("ID");
    assertThat(claims.get("aud").toString()).contains("govflow-web");
    assertThat(claims.get("preferred_username").asText()).isEqualTo("hungtv.skhcn");

    for (String path : List.of("/api/v1/me", "/engine-rest/task")) {
      HttpResponse<String> r = bearer(path, idToken);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
          ct -> assertThat(ct).startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.get("code").asText()).isEqualTo("unauthenticated");
      assertThat(problem.get("messageEn").asText()).contains("not an access token");
    }
    HttpResponse<String> me = bearer("/api/v1/me", tokens.get("access_token").asText());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo("hungtv.skhcn");
  }

  /**
   * Keycloak 26 neither ends a person's sessions nor sends back-channel logouts when an administrator only
   * disables the account (checked below: the Keycloak session is still listed). GovFlow renews each session
   * with Keycloak every SESSION_CHECK; Keycloak refuses to renew a disabled account's, and the GovFlow session
   * ends: 401 problem+json on the API, Keycloak's sign-in for pages. Other people's sessions go on.
   */
  @Test
  void disablingTheAccountInKeycloakEndsTheGovFlowSessionWithinTheCheckInterval() throws Exception {
    LocalhostBrowser khai = signInAtKeycloak("khailv.skhcn");
    LocalhostBrowser lan = signInAtKeycloak("lannt.skhcn");
    assertThat(khai.me().statusCode()).isEqualTo(200);

    String admin = adminToken();
    String id = userId(admin, "khailv.skhcn");
    HttpResponse<String> disable = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/admin/realms/govflow/users/" + id))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(disable.statusCode()).as(disable.body()).isEqualTo(204);
    long disabledAt = System.nanoTime();
    HttpResponse<String> kcSessions = HTTP.send(HttpRequest.newBuilder(
            URI.create(kc + "/admin/realms/govflow/users/" + id + "/sessions"))
        .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(kcSessions.body()).size()).as("Keycloak keeps the disabled person's session")
        .isGreaterThan(0);

    // Within the interval (plus the slack of a loaded machine) a request finds the session due and ended.
    HttpResponse<String> me = khai.me();
    while (me.statusCode() == 200 && System.nanoTime() - disabledAt < SESSION_CHECK.plusSeconds(15).toNanos()) {
      Thread.sleep(500);
      me = khai.me();
    }
    assertThat(me.statusCode()).as("the GovFlow session of a person disabled in Keycloak").isEqualTo(401);
    assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(me.body());
    assertThat(problem.get("code").asText()).isEqualTo("unauthenticated");
    assertThat(problem.get("messageEn").asText()).contains("sign-in provider no longer accepts");
    // Ended, not refused once: the next call is plainly signed out, and the home page goes to Keycloak.
    assertThat(khai.me().statusCode()).isEqualTo(401);
    assertThat(khai.get(base + "/").uri().toString()).startsWith(kc + "/");
    // Someone else's session survives its own checks.
    Thread.sleep(SESSION_CHECK.toMillis() + 500);
    assertThat(lan.me().statusCode()).isEqualTo(200);
    assertThat(lan.me().statusCode()).isEqualTo(200);
  }

  /**
   * The procedure README gives for shutting someone out at once: disable, then "Sign out" (the admin logout
   * below; back-channel logout ends the GovFlow session immediately, without waiting for the session check).
   */
  @Test
  void disablingTheAccountAndSigningItOutInKeycloakEndsTheSessionForGood() throws Exception {
    LocalhostBrowser tuan = signInAtKeycloak("tuanlm.skhcn");
    assertThat(tuan.me().statusCode()).isEqualTo(200);

    String admin = adminToken();
    String id = userId(admin, "tuanlm.skhcn");
    HttpResponse<String> disable = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/admin/realms/govflow/users/" + id))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(disable.statusCode()).as(disable.body()).isEqualTo(204);
    HttpResponse<String> logout = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/admin/realms/govflow/users/" + id + "/logout"))
        .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);

    assertThat(tuan.me().statusCode()).isEqualTo(401);
    // Signing in again stops at Keycloak: the account is disabled.
    HttpResponse<String> page = tuan.get(base + "/");
    Matcher m = LOGIN_FORM.matcher(page.body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> again = tuan.postForm(m.group(1).replace("&amp;", "&"), Map.of("username", "tuanlm.skhcn",
        "password", SsoClient.DEMO_PASSWORD, "credentialId", ""));
    assertThat(again.uri().toString()).startsWith(kc + "/");
    assertThat(tuan.me().statusCode()).isEqualTo(401);
  }

  private static String userId(String adminToken, String username) throws Exception {
    HttpResponse<String> users = HTTP.send(HttpRequest.newBuilder(
            URI.create(kc + "/admin/realms/govflow/users?exact=true&username=" + username))
        .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(users.body()).get(0).get("id").asText();
  }

  /** GovFlow's home page → Keycloak's form → post it → back on GovFlow's home page, signed in. */
  private static LocalhostBrowser signInAtKeycloak(String username) {
    LocalhostBrowser c = new LocalhostBrowser();
    HttpResponse<String> page = c.get(base + "/");
    assertThat(page.uri().toString()).startsWith(kc + "/realms/govflow/");
    Matcher m = LOGIN_FORM.matcher(page.body());
    assertThat(m.find()).as("Keycloak's sign-in form at %s", page.uri()).isTrue();
    String action = m.group(1).replace("&amp;", "&");
    HttpResponse<String> home = c.postForm(action, Map.of("username", username,
        "password", SsoClient.DEMO_PASSWORD, "credentialId", ""));
    assertThat(home.uri().toString()).as(home.body()).isEqualTo(base + "/");
    assertThat(home.statusCode()).isEqualTo(200);
    return c;
  }

  /**
   * A cookie jar that, like a browser, treats http://localhost as a secure origin: Keycloak marks its sign-in
   * cookies Secure, which java.net.CookieManager would otherwise never send over http.
   */
  static final class LocalhostBrowser {
    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final CookieHandler cookies = new CookieHandler() {
      @Override
      public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
        boolean local = "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost());
        return jar.get(local ? URI.create("https" + uri.toString().substring(4)) : uri, headers);
      }

      @Override
      public void put(URI uri, Map<String, List<String>> headers) throws IOException {
        jar.put(uri, headers);
      }
    };
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).cookieHandler(cookies).build();
    private final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).cookieHandler(cookies).build();

    HttpResponse<String> get(String url) {
      return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json").GET());
    }

    HttpResponse<String> getWithoutRedirects(String url) {
      return SsoClient.send(noRedirects, HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
    }

    HttpResponse<String> me() {
      return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Accept", "application/json").GET());
    }

    HttpResponse<String> postForm(String url, Map<String, String> fields) {
      return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(fields))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      return SsoClient.send(client, request);
    }
  }

  private static String tokenAt(String form, String basicCredentials) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/realms/govflow/protocol/openid-connect/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicCredentials.getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("access_token").asText();
  }

  private static String adminToken() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(kc + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("grant_type", "password",
            "client_id", "admin-cli", "username", "admin", "password", ADMIN_PASSWORD)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("access_token").asText();
  }

  private static HttpResponse<String> bearer(String path, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void waitForRealm(Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    URI discovery = URI.create(kc + "/realms/govflow/.well-known/openid-configuration");
    while (System.nanoTime() < end) {
      if (!keycloak.isAlive()) {
        throw new IllegalStateException("Keycloak stopped:\n" + tail(keycloakLog));
      }
      try {
        if (HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Keycloak did not serve the realm within " + limit + ":\n" + tail(keycloakLog));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** A Java 21+ JDK for Keycloak: KEYCLOAK_JAVA_HOME, else the newest Temurin under /usr/lib/jvm. */
  static Optional<Path> javaForKeycloak() {
    String configured = System.getenv("KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured, "bin", "java"))) {
      return Optional.of(Path.of(configured));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(jvms)) {
      return dirs.filter(d -> d.getFileName().toString().contains("temurin"))
          .filter(d -> Files.isExecutable(d.resolve("bin/java")))
          .filter(d -> featureVersion(d) >= 21)
          .max(Comparator.comparingInt(KeycloakIssuerIsolatedTest::featureVersion));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int featureVersion(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(v.split("[.+-]")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** Unzips the distribution the build copied to target/keycloak, once. */
  private static Path keycloakHome() throws IOException {
    Path dir = Path.of("target/keycloak");
    Path zip;
    try (Stream<Path> files = Files.list(dir)) {
      zip = files.filter(f -> f.getFileName().toString().matches("keycloak-quarkus-dist-.*\\.zip")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No Keycloak zip in target/keycloak: run the build"
              + " (mvn test-compile copies it from Maven Central)"));
    }
    Path unpacked = dir.resolve("dist");
    Path done = unpacked.resolve(".unzipped-" + zip.getFileName());
    if (!Files.exists(done)) {
      List<Path> top = new ArrayList<>();
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          Path target = unpacked.resolve(e.getName()).normalize();
          if (!target.startsWith(unpacked)) {
            throw new IOException("Unsafe entry " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          if (top.isEmpty()) {
            top.add(unpacked.resolve(Path.of(e.getName()).getName(0)));
          }
        }
      }
      Files.writeString(done, top.get(0).getFileName().toString());
    }
    Path home = unpacked.resolve(Files.readString(done).trim());
    // kc.sh rebuilds lib/quarkus for dev mode on its first start; a run stopped during that build leaves it
    // broken, without build-system.properties: take the distribution's files back.
    if (!Files.exists(home.resolve("lib/quarkus/build-system.properties"))) {
      String prefix = home.getFileName() + "/lib/quarkus/";
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          if (!e.isDirectory() && e.getName().startsWith(prefix)) {
            Files.copy(in, unpacked.resolve(e.getName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return home;
  }
}
