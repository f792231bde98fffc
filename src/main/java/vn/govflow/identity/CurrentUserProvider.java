package vn.govflow.identity;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/** Resolves the person behind the current request (session sign-in or bearer token). */
public interface CurrentUserProvider {
  Optional<CurrentUser> current();

  default CurrentUser require() {
    return current().orElseThrow(() -> new UserError(HttpStatus.UNAUTHORIZED, "unauthenticated",
        "Bạn cần đăng nhập để thực hiện thao tác này.", "You need to sign in to do this."));
  }
}
