package vn.govflow.signing;

import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/** A signing or verification the rules do not allow; nothing is signed. */
public class SigningRefused extends UserError {
  public SigningRefused(HttpStatus status, String code, String vi, String en) {
    super(status, code, vi, en);
  }

  static SigningRefused conflict(String code, String vi, String en) {
    return new SigningRefused(HttpStatus.CONFLICT, code, vi, en);
  }

  static SigningRefused unprocessable(String code, String vi, String en) {
    return new SigningRefused(HttpStatus.UNPROCESSABLE_ENTITY, code, vi, en);
  }
}
