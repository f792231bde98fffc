package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * Tokens and sessions follow the issuer, with the embedded issuer: a token the issuer signed for another client
 * is refused; a signed back-channel logout token ends the person's session (the embedded issuer itself never
 * sends one, so the test plays the issuer with its key); a person switched off in GovFlow's tables loses the
 * session at the next request. The same against a real Keycloak: KeycloakIssuerIsolatedTest.
 */
class TokenAndSessionTest extends H2IntegrationTest {
  private static final String BACK_CHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";
  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  JWKSource<SecurityContext> issuerKeys;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityDirectory directory;

  @Test
  void aTokenTheIssuerSignedForAnotherClientIsRefused() throws Exception {
    String foreign = accessToken(c -> c.subject("hapt.skhcn").claim("preferred_username", "hapt.skhcn")
        .audience(List.of("reporting-tool")).claim("azp", "reporting-tool"));
    HttpResponse<String> r = bearer("/api/v1/me", foreign);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    assertThat(json.readTree(r.body()).get("code").asText()).isEqualTo("unauthenticated");

    // The same token issued for GovFlow's web client, by audience or (as Keycloak does) by authorized party.
    String own = accessToken(c -> c.subject("hapt.skhcn").claim("preferred_username", "hapt.skhcn")
        .audience(List.of("govflow-web")));
    assertThat(bearer("/api/v1/me", own).statusCode()).isEqualTo(200);
    String ownByAzp = accessToken(c -> c.subject("hapt.skhcn").claim("preferred_username", "hapt.skhcn")
        .audience(List.of("account")).claim("azp", "govflow-web"));
    HttpResponse<String> me = bearer("/api/v1/me", ownByAzp);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json.readTree(me.body()).get("username").asText()).isEqualTo("hapt.skhcn");
  }

  /**
   * The embedded issuer's ID token is signed with the same key, names the person and GovFlow's web client: a
   * person who got hold of one (it sits in every OIDC client's hands) must not call the API with it.
   */
  @Test
  void anIdTokenOfTheEmbeddedIssuerIsNoBearerCredentialButItsAccessTokenIs() throws Exception {
    JsonNode tokens = codeFlowTokens(signIn("hapt.skhcn"));
    String idToken = tokens.get("id_token").asText();
    JsonNode idClaims = json.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
    assertThat(idClaims.get("aud").toString()).contains("govflow-web");
    assertThat(idClaims.get("preferred_username").asText()).isEqualTo("hapt.skhcn");
    // Marked as Keycloak marks its ID tokens, for a GovFlow that signs in with this one as an external issuer.
    assertThat(idClaims.get("typ").asText()).isEqualTo("ID");

    for (String path : List.of("/api/v1/me", "/engine-rest/task")) {
      HttpResponse<String> r = bearer(path, idToken);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
          ct -> assertThat(ct).startsWith("application/problem+json"));
      JsonNode problem = json.readTree(r.body());
      assertThat(problem.get("code").asText()).isEqualTo("unauthenticated");
      assertThat(problem.get("messageVi").asText()).contains("ID token");
      assertThat(problem.get("messageEn").asText()).contains("not an access token");
    }

    HttpResponse<String> me = bearer("/api/v1/me", tokens.get("access_token").asText());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json.readTree(me.body()).get("username").asText()).isEqualTo("hapt.skhcn");
  }

  @Test
  void theEmbeddedIssuersServiceTokenNamesGovFlowsClientAndPasses() throws Exception {
    HttpResponse<String> t = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "govflow-service:govflow-service-secret".getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")));
    String token = json.readTree(t.body()).get("access_token").asText();
    JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims.get("aud").toString()).contains("govflow-service");
    assertThat(bearer("/api/v1/me", token).statusCode()).isEqualTo(200);
  }

  @Test
  void aSignedBackChannelLogoutEndsThePersonsSessionAndAForgedOneDoesNot() throws Exception {
    SsoClient mai = signIn("maivt.skhcn");
    SsoClient lan = signIn("lannt.skhcn");
    assertThat(mai.get("/api/v1/me").statusCode()).isEqualTo(200);

    // Signed by a key the issuer does not publish: refused, the session stays.
    HttpResponse<String> forged = backChannelLogout(signed(strangerKey(), logoutToken("maivt.skhcn")));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(mai.get("/api/v1/me").statusCode()).isEqualTo(200);

    HttpResponse<String> real = backChannelLogout(signed(issuerKeys, logoutToken("maivt.skhcn")));
    assertThat(real.statusCode()).isEqualTo(200);
    HttpResponse<String> after = mai.get("/api/v1/me");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(json.readTree(after.body()).get("code").asText()).isEqualTo("unauthenticated");
    // Only that person's session ended.
    assertThat(lan.get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void aPersonSwitchedOffInGovFlowLosesTheSessionAtTheNextRequest() {
    SsoClient nam = signIn("namhv.skhcn");
    assertThat(nam.get("/api/v1/me").statusCode()).isEqualTo(200);
    try {
      assertThat(jdbc.update("UPDATE idn_person SET active = FALSE WHERE username = 'namhv.skhcn'")).isEqualTo(1);
      directory.refresh();
      HttpResponse<String> me = nam.get("/api/v1/me");
      assertThat(me.statusCode()).isEqualTo(401);
      // The session is gone, not only refused once: the home page sends the person to sign in again.
      assertThat(nam.get("/", "text/html").uri().getPath()).isEqualTo("/sso/login");
    } finally {
      jdbc.update("UPDATE idn_person SET active = TRUE WHERE username = 'namhv.skhcn'");
      directory.refresh();
    }
  }

  /**
   * GovFlow's web client at the embedded issuer, played by hand for a person already signed in there: the
   * authorization code (with PKCE) and its exchange for tokens.
   */
  private JsonNode codeFlowTokens(SsoClient person) throws Exception {
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
        UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.US_ASCII));
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String redirect = baseUrl() + "/login/oauth2/code/govflow";
    HttpResponse<String> authorize = person.sendWithoutRedirects(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/oauth2/authorize?" + SsoClient.form(Map.of("response_type", "code", "client_id", "govflow-web",
        "scope", "openid profile", "redirect_uri", redirect, "state", "s1", "nonce", "n1",
        "code_challenge", challenge, "code_challenge_method", "S256")))).header("Accept", "text/html").GET());
    assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
    String location = authorize.headers().firstValue("Location").orElseThrow();
    Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
    assertThat(code.find()).as(location).isTrue();
    HttpResponse<String> t = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "govflow-web:govflow-web-secret".getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("grant_type", "authorization_code",
            "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
            "code_verifier", verifier)))));
    assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
    return json.readTree(t.body());
  }

  /** An access token as the embedded issuer marks it (RFC 9068 typ at+jwt), signed with its key. */
  private String accessToken(Consumer<JwtClaimsSet.Builder> claims) {
    return signed(issuerKeys, JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt").build(), claims);
  }

  private Consumer<JwtClaimsSet.Builder> logoutToken(String subject) {
    return c -> c.subject(subject).audience(List.of("govflow-web")).id(UUID.randomUUID().toString())
        .claim("events", Map.of(BACK_CHANNEL_EVENT, Map.of()));
  }

  private HttpResponse<String> backChannelLogout(String token) {
    return anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/logout/connect/back-channel/govflow"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("logout_token", token)))));
  }

  private HttpResponse<String> bearer(String path, String token) {
    return anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Accept", "application/json").header("Authorization", "Bearer " + token));
  }

  private String signed(JWKSource<SecurityContext> keys, Consumer<JwtClaimsSet.Builder> claims) {
    return signed(keys, JwsHeader.with(SignatureAlgorithm.RS256).build(), claims);
  }

  private String signed(JWKSource<SecurityContext> keys, JwsHeader header, Consumer<JwtClaimsSet.Builder> claims) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder b = JwtClaimsSet.builder().issuer(baseUrl()).issuedAt(now).expiresAt(now.plusSeconds(300));
    claims.accept(b);
    return new NimbusJwtEncoder(keys).encode(JwtEncoderParameters.from(header, b.build())).getTokenValue();
  }

  private static JWKSource<SecurityContext> strangerKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    var pair = g.generateKeyPair();
    return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
        .privateKey((RSAPrivateKey) pair.getPrivate()).keyID("stranger").build()));
  }
}
