package vn.govflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy of every response GovFlow renders (our pages, the public portal, the issuer's
 * sign-in page, errors, the API): scripts and styles only from our own files, no inline script, no inline
 * event handler, no inline style. Camunda's webapps under /camunda/ send their own policy (nonce-based, set in
 * application.yaml under camunda.bpm.webapp.header-security); two policies on one response would both apply,
 * so this filter leaves those paths alone.
 */
public class ContentSecurityPolicyFilter extends OncePerRequestFilter {
  public static final String HEADER = "Content-Security-Policy";
  private final String policy;

  public ContentSecurityPolicyFilter(String issuerUri) {
    this.policy = policy(issuerUri);
  }

  /** Forms may post to GovFlow and, for sign-in and sign-out redirects, to the issuer (Keycloak elsewhere). */
  static String policy(String issuerUri) {
    String formAction = "'self'";
    String issuer = origin(issuerUri);
    if (issuer != null) {
      formAction += " " + issuer;
    }
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action "
        + formAction;
  }

  static String origin(String uri) {
    if (uri == null || uri.isBlank()) {
      return null;
    }
    try {
      URI u = URI.create(uri.trim());
      if (u.getScheme() == null || u.getHost() == null) {
        return null;
      }
      return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String policy() {
    return policy;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/camunda/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Set before the chain runs, so redirects, errors and streamed responses carry it too.
    response.setHeader(HEADER, policy);
    // A response that brings its own, stricter policy (a file preview's sandbox) replaces ours rather than adding a
    // second header.
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void addHeader(String name, String value) {
        if (HEADER.equalsIgnoreCase(name)) {
          super.setHeader(name, value);
        } else {
          super.addHeader(name, value);
        }
      }
    });
  }
}
