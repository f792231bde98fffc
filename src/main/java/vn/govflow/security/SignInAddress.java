package vn.govflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;

/**
 * Carries the address a sign-in began at through the issuer, in the OAuth2 {@code state}. The issuer always
 * returns to GovFlow's public URL; when the person opened GovFlow at another address (127.0.0.1 instead of
 * localhost) the session holding the sign-in is on that other address and the return fails. The state is all
 * that comes back, so the failure page can say where the person was and where to go instead.
 */
final class SignInAddress implements OAuth2AuthorizationRequestResolver {
  private static final String SEPARATOR = ".";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** The origin of the request being resolved, for the customizer (which is not given the request). */
  private static final ThreadLocal<String> ORIGIN = new ThreadLocal<>();

  private final DefaultOAuth2AuthorizationRequestResolver delegate;

  /** Wraps the resolver and adds the origin to the state after its other customizations. */
  SignInAddress(DefaultOAuth2AuthorizationRequestResolver delegate,
                Consumer<OAuth2AuthorizationRequest.Builder> customizer) {
    this.delegate = delegate;
    delegate.setAuthorizationRequestCustomizer(customizer.andThen(SignInAddress::originInState));
  }

  @Override
  public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
    ORIGIN.set(origin(request.getScheme(), request.getServerName(), request.getServerPort()));
    try {
      return delegate.resolve(request);
    } finally {
      ORIGIN.remove();
    }
  }

  @Override
  public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
    ORIGIN.set(origin(request.getScheme(), request.getServerName(), request.getServerPort()));
    try {
      return delegate.resolve(request, clientRegistrationId);
    } finally {
      ORIGIN.remove();
    }
  }

  /** The URL sent to the issuer and the request kept in the session carry the same state. */
  private static void originInState(OAuth2AuthorizationRequest.Builder builder) {
    String origin = ORIGIN.get();
    if (origin == null) {
      return;
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    // The random part (as Spring's own state: 32 bytes) stays unguessable; the origin only names a host.
    builder.state(Base64.getUrlEncoder().withoutPadding().encodeToString(random) + SEPARATOR
        + Base64.getUrlEncoder().withoutPadding().encodeToString(origin.getBytes(StandardCharsets.UTF_8)));
  }

  static String origin(String scheme, String host, int port) {
    boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + h + (defaultPort ? "" : ":" + port);
  }

  /** The origin a returned state names, or null when it names none or not a plain http(s) origin. */
  static String originOf(String state) {
    if (state == null) {
      return null;
    }
    int i = state.lastIndexOf(SEPARATOR);
    if (i < 0) {
      return null;
    }
    try {
      String origin = new String(Base64.getUrlDecoder().decode(state.substring(i + 1)), StandardCharsets.UTF_8);
      return normalize(origin);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** scheme://host[:port] of a URL when it is http(s) with a host, else null. */
  static String normalize(String url) {
    try {
      URI u = URI.create(url.strip());
      if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        return null;
      }
      return origin(u.getScheme(), u.getHost(), u.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
