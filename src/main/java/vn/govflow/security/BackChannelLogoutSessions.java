package vn.govflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * OIDC back-channel logout: when the issuer ends a person's session (an administrator signs them out in
 * Keycloak, the account is disabled there, or they sign out of another application of the realm), it posts a
 * signed logout token to {@code /logout/connect/back-channel/govflow}; Spring Security checks the token and
 * hands it here, and every GovFlow session signed in with that issuer session ({@code sid}, or every session of
 * the person when the token names only {@code sub}) is invalidated at once.
 *
 * <p>Spring's default handler instead replays a {@code POST /logout} with the session cookie (it assumes the
 * cookie is JSESSIONID and needs the session's CSRF token); invalidating the sessions directly avoids both.
 * The sessions are those of this node: several nodes behind a balancer need a shared session store.
 */
public class BackChannelLogoutSessions implements HttpSessionListener, LogoutHandler {
  private static final Logger log = LoggerFactory.getLogger(BackChannelLogoutSessions.class);

  // Session objects keep their identity across changeSessionId (fixation protection at sign-in).
  private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    sessions.add(event.getSession());
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    sessions.remove(event.getSession());
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
      return;
    }
    int ended = 0;
    for (HttpSession session : sessions) {
      OidcIdToken idToken = idTokenOf(session);
      if (idToken != null && matches(token, idToken)) {
        try {
          session.invalidate();
          ended++;
        } catch (IllegalStateException alreadyInvalid) {
          sessions.remove(session);
        }
      }
    }
    log.info("Back-channel logout from {} (sub {}, sid {}): {} session(s) ended", token.getIssuer(),
        token.getSubject(), token.getSessionId(), ended);
  }

  /** Sessions currently open on this node (for tests and diagnostics). */
  int openSessions() {
    return sessions.size();
  }

  static boolean matches(OidcLogoutToken token, OidcIdToken idToken) {
    if (token.getIssuer() == null || !Objects.equals(token.getIssuer().toString(),
        idToken.getIssuer() == null ? null : idToken.getIssuer().toString())) {
      return false;
    }
    String sid = token.getSessionId();
    if (sid != null) {
      return sid.equals(idToken.getClaimAsString("sid"));
    }
    return token.getSubject() != null && token.getSubject().equals(idToken.getSubject());
  }

  private static OidcIdToken idTokenOf(HttpSession session) {
    try {
      Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
      if (context instanceof SecurityContext sc && sc.getAuthentication() != null
          && sc.getAuthentication().getPrincipal() instanceof OidcUser user) {
        return user.getIdToken();
      }
    } catch (IllegalStateException invalidated) {
      // Ended between listing and reading: nothing to do.
    }
    return null;
  }
}
