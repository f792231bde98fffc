package vn.govflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The embedded issuer's form login around {@link SignInGuard}: a filter that refuses a locked account or a
 * blocked address before the password is even checked, and the handlers that count failures and clear them on
 * success. The sign-in page learns what happened (and the name typed) from the session, never from the URL.
 */
class SignInFlow {
  static final String TYPED_USERNAME = "GOVFLOW_SSO_TYPED_USERNAME";
  static final String REFUSAL = "GOVFLOW_SSO_REFUSAL";

  private final SignInGuard guard;
  private final String loginPage;

  SignInFlow(SignInGuard guard, String loginPage) {
    this.guard = guard;
    this.loginPage = loginPage;
  }

  /** Placed before the username-password filter: a refused attempt never reaches the password check. */
  OncePerRequestFilter refuseLockedAttempts() {
    return new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
            && loginPage.equals(request.getRequestURI().substring(request.getContextPath().length())));
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        // The sign-in never reaches the DispatcherServlet, which is what binds the request for the audit log:
        // bind it here so that sign-ins and failed sign-ins are recorded with the client's address and agent.
        boolean bound = RequestContextHolder.getRequestAttributes() == null;
        if (bound) {
          RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        }
        try {
          String username = request.getParameter("username");
          Optional<SignInGuard.Refusal> refusal = guard.refusal(username, request.getRemoteAddr());
          if (refusal.isPresent()) {
            remember(request, username, refusal.get());
            response.sendRedirect(request.getContextPath() + loginPage + "?locked");
            return;
          }
          chain.doFilter(request, response);
        } finally {
          if (bound) {
            RequestContextHolder.resetRequestAttributes();
          }
        }
      }
    };
  }

  AuthenticationFailureHandler countFailure() {
    return (request, response, exception) -> {
      String username = request.getParameter("username");
      Optional<SignInGuard.Refusal> refusal = guard.failed(username, request.getRemoteAddr());
      remember(request, username, refusal.orElse(null));
      response.sendRedirect(request.getContextPath() + loginPage + (refusal.isPresent() ? "?locked" : "?error"));
    };
  }

  AuthenticationSuccessHandler clearFailures(RequestCache requests) {
    SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
    next.setRequestCache(requests);
    return (request, response, authentication) -> {
      guard.succeeded(authentication.getName());
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.removeAttribute(TYPED_USERNAME);
        session.removeAttribute(REFUSAL);
      }
      next.onAuthenticationSuccess(request, response, authentication);
    };
  }

  private static void remember(HttpServletRequest request, String username, SignInGuard.Refusal refusal) {
    HttpSession session = request.getSession();
    session.setAttribute(TYPED_USERNAME, username == null ? "" : username.strip());
    if (refusal == null) {
      session.removeAttribute(REFUSAL);
    } else {
      session.setAttribute(REFUSAL, refusal);
    }
  }
}
