package vn.govflow.outgoing;

import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/** The clerk's side's refusals, Vietnamese first. */
final class OutgoingErrors {
  private OutgoingErrors() {}

  static UserError conflict(String code, String vi, String en) {
    return new UserError(HttpStatus.CONFLICT, code, vi, en);
  }

  static UserError unprocessable(String code, String vi, String en) {
    return new UserError(HttpStatus.UNPROCESSABLE_ENTITY, code, vi, en);
  }
}
