package vn.govflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session signed in through the issuer lasts only while the person is active in GovFlow's own tables: a person
 * switched off there (or removed) loses the session at the next request, whether or not the issuer sends a
 * back-channel logout (the embedded issuer never does). Bearer tokens are checked the same way on every call
 * by {@link PersonJwtConverter}. The lookup reads the identity directory's in-memory snapshot.
 */
class TokenSessionAccountFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(TokenSessionAccountFilter.class);

  private final PersonAuthorities persons;

  TokenSessionAccountFilter(PersonAuthorities persons) {
    this.persons = persons;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof OAuth2AuthenticationToken && persons.activePerson(auth.getName()).isEmpty()) {
      log.info("Session of {} ended: the account is no longer active in GovFlow", auth.getName());
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }
}
