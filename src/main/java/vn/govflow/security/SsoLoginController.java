package vn.govflow.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The embedded issuer's sign-in page (the form posts to Spring Security's login filter). */
@Controller
@ConditionalOnProperty(name = "govflow.sso.embedded", havingValue = "true", matchIfMissing = true)
class SsoLoginController {
  private final SignInGuard guard;

  SsoLoginController(SignInGuard guard) {
    this.guard = guard;
  }

  /** After a failed or refused attempt: the name typed stays in the form, and a lock says for about how many minutes. */
  @GetMapping(EmbeddedIssuerConfig.LOGIN_PAGE)
  String login(HttpSession session, Model model,
               @org.springframework.web.bind.annotation.RequestParam(required = false) String locked,
               @org.springframework.web.bind.annotation.RequestParam(required = false) String error) {
    // A refused sign-in says so first in the page's title ("Lỗi: …"), for those who hear the title first.
    model.addAttribute("pageErrors", locked != null || error != null);
    Object typed = session.getAttribute(SignInFlow.TYPED_USERNAME);
    model.addAttribute("typedUsername", typed instanceof String s ? s : "");
    if (locked != null && session.getAttribute(SignInFlow.REFUSAL) instanceof SignInGuard.Refusal refusal) {
      model.addAttribute("refusalKind", refusal.kind().name());
      // Minutes rounded up read better than an instant with seconds (and need no time zone).
      model.addAttribute("refusedMinutes", guard.minutesLeft(refusal.until()));
    }
    return "sso/login";
  }
}
