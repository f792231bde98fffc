package vn.govflow.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The embedded issuer's sign-in page (the form posts to Spring Security's login filter). */
@Controller
@ConditionalOnProperty(name = "govflow.sso.embedded", havingValue = "true", matchIfMissing = true)
class SsoLoginController {
  @GetMapping(EmbeddedIssuerConfig.LOGIN_PAGE)
  String login() {
    return "sso/login";
  }
}
