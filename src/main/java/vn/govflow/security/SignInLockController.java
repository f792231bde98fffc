package vn.govflow.security;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUserProvider;

/**
 * Administrators see the accounts locked after repeated failed sign-ins and lift a lock when the person asks
 * (seed 000 Art 15.1a: accounts are administered by the administrators). The page is where the lock alert
 * links to; the API does the same for scripts. Every unlock is audited with the administrator who acted.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SignInLockController {
  static final String API = "/api/v1/admin/sign-in-locks";

  private final SignInGuard guard;
  private final CurrentUserProvider users;

  SignInLockController(SignInGuard guard, CurrentUserProvider users) {
    this.guard = guard;
    this.users = users;
  }

  @GetMapping(API)
  @ResponseBody
  List<SignInGuard.LockedAccount> list() {
    return guard.locked();
  }

  @PostMapping(API + "/{username}/unlock")
  @ResponseBody
  Map<String, Object> unlock(@PathVariable String username) {
    if (!guard.unlock(username)) {
      throw notLocked();
    }
    return Map.of("username", SignInGuard.key(username), "unlocked", true,
        "unlockedBy", users.require().username());
  }

  @GetMapping(SignInGuard.UNLOCK_PAGE)
  String page(Model model) {
    model.addAttribute("locks", guard.locked());
    return "admin/sign-in-locks";
  }

  @PostMapping(SignInGuard.UNLOCK_PAGE + "/{username}/unlock")
  String unlockFromPage(@PathVariable String username, RedirectAttributes flash) {
    flash.addFlashAttribute(guard.unlock(username) ? "unlocked" : "notLocked", SignInGuard.key(username));
    return "redirect:" + SignInGuard.UNLOCK_PAGE;
  }

  private static UserError notLocked() {
    return new UserError(HttpStatus.NOT_FOUND, "not-locked",
        "Tài khoản này hiện không bị khóa đăng nhập.", "This account is not locked at the moment.");
  }
}
