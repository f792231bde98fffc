package vn.govflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's webapps guard their API (/camunda/api/**) with their own CSRF token, but when a state-changing
 * call comes without it Camunda's filter refuses it <em>and invalidates the session</em>: a forged cross-site
 * POST signed the person out. This guard runs in Spring Security's chain, before Camunda's filters, and refuses
 * such a call with a 403 problem+json while leaving the session as it was. The token compared is Camunda's
 * own (the one its webapps already send in X-XSRF-TOKEN), so Cockpit, Tasklist and Admin work unchanged.
 */
class CamundaCsrfGuard extends OncePerRequestFilter {
  /** Where Camunda's CsrfPreventionFilter keeps the session's token. */
  static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
  static final String HEADER = "X-XSRF-TOKEN";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final AccessDeniedHandler denied;

  CamundaCsrfGuard(AccessDeniedHandler denied) {
    this.denied = denied;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/camunda/") || SAFE.contains(request.getMethod())) {
      return true;
    }
    // A bearer token is no ambient credential: nothing for a forged request to borrow.
    String auth = request.getHeader("Authorization");
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
    String sent = request.getHeader(HEADER);
    if (sent == null || sent.isBlank()) {
      denied.handle(request, response, new MissingCsrfTokenException(null));
      return;
    }
    if (!(expected instanceof String token) || !MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      denied.handle(request, response, new InvalidCsrfTokenException(
          new DefaultCsrfToken(HEADER, "_csrf", "?"), sent));
      return;
    }
    chain.doFilter(request, response);
  }
}
