package vn.govflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Says what went wrong when the return from the issuer fails, instead of one message for everything: the sign-in
 * began at another address than the public URL (or in another window, or too long ago), the account is not
 * enabled in GovFlow, or else the OAuth2 error code. Each failure is logged at WARN with its code.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {
  private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);
  /** Spring Security's codes for a return that does not match a sign-in begun in this session. */
  static final Set<String> LOST_SIGN_IN = Set.of("authorization_request_not_found", "invalid_state_parameter",
      "invalid_redirect_uri_parameter");

  private final String publicOrigin;

  SignInFailureHandler(String publicUrl) {
    this.publicOrigin = SignInAddress.normalize(publicUrl);
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                      AuthenticationException exception) throws IOException {
    String code = exception instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode()
        : exception.getClass().getSimpleName();
    String safeCode = code != null && code.matches("[A-Za-z0-9_.-]{1,64}") ? code : "unknown";
    String target;
    if (GovFlowOidcUserService.UNKNOWN_ACCOUNT.equals(code)) {
      log.warn("Sign-in refused ({}): the issuer's account has no active GovFlow person", safeCode);
      target = "/signed-out?error=account";
    } else if (LOST_SIGN_IN.contains(code)) {
      String openedAt = SignInAddress.originOf(request.getParameter("state"));
      boolean elsewhere = openedAt != null && !openedAt.equals(publicOrigin);
      log.warn("Sign-in failed ({}): {}; GovFlow's public URL is {}", safeCode,
          elsewhere ? "begun at " + openedAt + ", another address" : "no sign-in begun in this browser session",
          publicOrigin);
      target = "/signed-out?error=address&code=" + safeCode
          + (elsewhere ? "&at=" + URLEncoder.encode(openedAt, StandardCharsets.UTF_8) : "");
    } else {
      log.warn("Sign-in failed ({}): {}", safeCode, exception.getMessage());
      target = "/signed-out?error=failed&code=" + safeCode;
    }
    response.sendRedirect(request.getContextPath() + target);
  }
}
