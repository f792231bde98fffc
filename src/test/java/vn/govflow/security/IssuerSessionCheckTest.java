package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

/**
 * The session check against an issuer's token endpoint played by a small HTTP server, for what the real
 * Keycloak test cannot do without stopping Keycloak: an issuer that is down or failing keeps the session (and
 * is not asked again before the next interval), a session is not checked more than once per interval, and a
 * rotated refresh token is kept. The refusal itself is in KeycloakIssuerIsolatedTest, against Keycloak.
 */
class IssuerSessionCheckTest {
  private static final Duration INTERVAL = Duration.ofSeconds(60);

  private HttpServer issuer;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<String> lastRefreshToken = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String body;
  private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-30T08:00:00Z").toEpochMilli());
  private final HttpSessionOAuth2AuthorizedClientRepository clients = new HttpSessionOAuth2AuthorizedClientRepository();
  private final MockHttpSession session = new MockHttpSession();
  private OAuth2AuthenticationToken person;
  private IssuerSessionCheck check;

  @BeforeEach
  void start() throws Exception {
    issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    issuer.createContext("/token", exchange -> {
      calls.incrementAndGet();
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      for (String field : form.split("&")) {
        if (field.startsWith("refresh_token=")) {
          lastRefreshToken.set(field.substring("refresh_token=".length()));
        }
      }
      byte[] out = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    issuer.start();
    ClientRegistration registration = ClientRegistration.withRegistrationId(OidcProvider.REGISTRATION_ID)
        .clientId("govflow-web").clientSecret("secret")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("http://localhost/login/oauth2/code/govflow")
        .authorizationUri("http://127.0.0.1:" + issuer.getAddress().getPort() + "/auth")
        .tokenUri("http://127.0.0.1:" + issuer.getAddress().getPort() + "/token")
        .build();
    person = new OAuth2AuthenticationToken(new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("ROLE_STAFF")),
        Map.of("sub", "lannt.skhcn"), "sub"), List.of(new SimpleGrantedAuthority("ROLE_STAFF")),
        OidcProvider.REGISTRATION_ID);
    Instant issued = Instant.ofEpochMilli(now.get());
    clients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, "lannt.skhcn",
        new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-1", issued, issued.plusSeconds(300)),
        new OAuth2RefreshToken("refresh-1", issued)), person, request(), new MockHttpServletResponse());
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(now.get());
      }
    };
    check = new IssuerSessionCheck(clients, IssuerSessionCheck.refreshClient(), INTERVAL, clock);
  }

  @AfterEach
  void stop() {
    issuer.stop(0);
    SecurityContextHolder.clearContext();
  }

  @Test
  void theIssuerIsAskedOncePerIntervalAndARotatedRefreshTokenIsKept() throws Exception {
    body = "{\"access_token\":\"access-2\",\"token_type\":\"Bearer\",\"expires_in\":300,"
        + "\"refresh_token\":\"refresh-2\"}";
    assertThat(pass()).isTrue();
    advance(INTERVAL.minusSeconds(1));
    assertThat(pass()).isTrue();
    assertThat(calls.get()).as("no check before the interval").isZero();

    advance(Duration.ofSeconds(1));
    assertThat(pass()).isTrue();
    assertThat(calls.get()).isEqualTo(1);
    assertThat(lastRefreshToken.get()).isEqualTo("refresh-1");
    assertThat(pass()).isTrue();
    assertThat(calls.get()).isEqualTo(1);

    advance(INTERVAL);
    assertThat(pass()).isTrue();
    assertThat(calls.get()).isEqualTo(2);
    assertThat(lastRefreshToken.get()).as("the rotated refresh token").isEqualTo("refresh-2");
    OAuth2AuthorizedClient kept = clients.loadAuthorizedClient(OidcProvider.REGISTRATION_ID, person, request());
    assertThat(kept.getAccessToken().getTokenValue()).isEqualTo("access-2");
  }

  @Test
  void theIssuerRefusingEndsTheSession() throws Exception {
    status = 400;
    body = "{\"error\":\"invalid_grant\",\"error_description\":\"User disabled\"}";
    assertThat(pass()).isTrue();
    advance(INTERVAL);
    MockHttpServletRequest request = request();
    filter(request);
    assertThat(calls.get()).isEqualTo(1);
    assertThat(session.isInvalid()).isTrue();
    assertThat(request.getAttribute(IssuerSessionCheck.SESSION_ENDED)).isEqualTo(Boolean.TRUE);
    assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
  }

  @Test
  void anIssuerThatFailsOrIsDownKeepsTheSessionAndIsAskedAgainOnlyNextInterval() throws Exception {
    status = 503;
    body = "<html>Service Unavailable</html>";
    assertThat(pass()).isTrue();
    advance(INTERVAL);
    assertThat(pass()).isTrue();
    assertThat(calls.get()).isEqualTo(1);
    assertThat(pass()).isTrue();
    assertThat(calls.get()).as("not asked again at once").isEqualTo(1);

    issuer.stop(0);
    advance(INTERVAL);
    assertThat(pass()).as("issuer unreachable").isTrue();
    assertThat(session.isInvalid()).isFalse();
  }

  /** One request of the signed-in person through the filter; true when the session is still theirs after it. */
  private boolean pass() throws Exception {
    MockHttpServletRequest request = request();
    filter(request);
    return !session.isInvalid() && request.getAttribute(IssuerSessionCheck.SESSION_ENDED) == null
        && SecurityContextHolder.getContext().getAuthentication() == person;
  }

  private void filter(MockHttpServletRequest request) throws Exception {
    SecurityContextHolder.getContext().setAuthentication(person);
    check.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
  }

  private MockHttpServletRequest request() {
    MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/v1/me");
    r.setSession(session);
    return r;
  }

  private void advance(Duration d) {
    now.addAndGet(d.toMillis());
  }
}
