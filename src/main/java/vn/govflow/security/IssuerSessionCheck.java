package vn.govflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session signed in through an external issuer lasts only while the issuer still vouches for it. Keycloak
 * sends no back-channel logout when an administrator only disables an account (nor when its session idles out),
 * so at most every {@code govflow.sso.session-check} a signed-in session renews its tokens with the issuer
 * (refresh_token grant). When the issuer refuses ({@code invalid_grant}: account disabled, session ended or
 * expired) the GovFlow session ends here: pages go back to sign-in, /api answers 401 problem+json.
 *
 * <p>Everything else (issuer unreachable, 5xx, a client misconfigured) keeps the session and is logged: an
 * issuer that is down must not sign everyone out. The check runs inside the request that finds it due, at most
 * once per interval per session (concurrent requests do not queue behind it); an issuer that does not answer
 * holds that request for at most ISSUER_TIMEOUT.
 *
 * <p>Not used with the embedded issuer: its accounts are GovFlow's own tables, which TokenSessionAccountFilter
 * reads on every request, and its refresh tokens are not rotated (they expire 10 h after sign-in whatever is
 * done with them).
 */
class IssuerSessionCheck extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(IssuerSessionCheck.class);
  /** Request attribute: this request's session was just ended because the issuer refused it. */
  static final String SESSION_ENDED = IssuerSessionCheck.class.getName() + ".ENDED";
  private static final String LAST_CHECK = IssuerSessionCheck.class.getName() + ".LAST_CHECK";
  private static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);

  private final OAuth2AuthorizedClientRepository clients;
  private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokens;
  private final long intervalMillis;
  private final Clock clock;

  IssuerSessionCheck(OAuth2AuthorizedClientRepository clients, Duration interval) {
    this(clients, refreshClient(), interval, Clock.systemUTC());
  }

  IssuerSessionCheck(OAuth2AuthorizedClientRepository clients,
                     OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokens, Duration interval,
                     Clock clock) {
    this.clients = clients;
    this.tokens = tokens;
    this.intervalMillis = interval.toMillis();
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if (auth instanceof OAuth2AuthenticationToken oauth && session != null && due(session)
        && issuerRefuses(oauth, request, response)) {
      request.setAttribute(SESSION_ENDED, Boolean.TRUE);
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyEnded) {
        // Ended meanwhile by another request or a back-channel logout.
      }
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }

  /** True for the one request that takes this interval's check; the first request after sign-in only starts the clock. */
  private boolean due(HttpSession session) {
    long now = clock.millis();
    try {
      AtomicLong last = (AtomicLong) session.getAttribute(LAST_CHECK);
      if (last == null) {
        // Just signed in: the issuer has only now vouched for the person.
        session.setAttribute(LAST_CHECK, new AtomicLong(now));
        return false;
      }
      long seen = last.get();
      if (now - seen < intervalMillis || !last.compareAndSet(seen, now)) {
        return false;
      }
      // A session store that copies attributes keeps only what is set again.
      session.setAttribute(LAST_CHECK, last);
      return true;
    } catch (IllegalStateException invalidated) {
      return false;
    }
  }

  private boolean issuerRefuses(OAuth2AuthenticationToken auth, HttpServletRequest request,
                                HttpServletResponse response) {
    OAuth2AuthorizedClient client = clients.loadAuthorizedClient(auth.getAuthorizedClientRegistrationId(), auth,
        request);
    if (client == null || client.getRefreshToken() == null) {
      log.warn("Session of {} cannot be checked with the issuer: no refresh token was issued; kept", auth.getName());
      return false;
    }
    try {
      OAuth2AccessTokenResponse renewed = tokens.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
          client.getClientRegistration(), client.getAccessToken(), client.getRefreshToken()));
      // Keycloak may rotate the refresh token; keep the newest so the next check presents a live one.
      OAuth2RefreshToken refresh = renewed.getRefreshToken() != null ? renewed.getRefreshToken()
          : client.getRefreshToken();
      clients.saveAuthorizedClient(new OAuth2AuthorizedClient(client.getClientRegistration(),
          client.getPrincipalName(), renewed.getAccessToken(), refresh), auth, request, response);
      return false;
    } catch (OAuth2AuthorizationException e) {
      if (OAuth2ErrorCodes.INVALID_GRANT.equals(e.getError().getErrorCode())) {
        log.info("Session of {} ended: the issuer refused to renew it ({})", auth.getName(),
            e.getError().getDescription());
        return true;
      }
      log.warn("Session of {} could not be checked with the issuer, kept: {}", auth.getName(), e.getMessage());
      return false;
    } catch (RuntimeException e) {
      log.warn("Session of {} could not be checked with the issuer (unreachable?), kept: {}", auth.getName(),
          e.toString());
      return false;
    }
  }

  /** Spring Security's refresh client, with short timeouts so an issuer that hangs does not hold requests. */
  static OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient() {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(ISSUER_TIMEOUT);
    factory.setReadTimeout(ISSUER_TIMEOUT);
    RestClient rest = RestClient.builder()
        .requestFactory(factory)
        .messageConverters(c -> {
          c.clear();
          c.addAll(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()));
        })
        .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
        .build();
    RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
    client.setRestClient(rest);
    return client;
  }
}
