package vn.govflow.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** Who the caller is, as GovFlow sees them: the simplest check that sign-in and tokens work. */
@RestController
class MeController {
  private final CurrentUserProvider users;

  MeController(CurrentUserProvider users) {
    this.users = users;
  }

  @GetMapping("/api/v1/me")
  CurrentUser me() {
    return users.require();
  }
}
