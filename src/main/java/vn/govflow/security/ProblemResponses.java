package vn.govflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import vn.govflow.common.error.ProblemFactory;

/** 401 and 403 for API callers as problem+json, in the caller's language, instead of a redirect to sign-in. */
class ProblemResponses {
  private final ObjectMapper json;
  private final LocaleResolver locales;

  ProblemResponses(ObjectMapper json, LocaleResolver locales) {
    this.json = json;
    this.locales = locales;
  }

  AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      if (refusedAsNotAnAccessToken(e)) {
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
            "Mã gửi kèm không phải mã truy cập (access token): mã định danh (ID token) chỉ dùng để đăng nhập, không"
                + " dùng để gọi API. Hãy gửi access token do nhà cung cấp định danh cấp cho GovFlow.",
            "The token sent is not an access token: an ID token proves a sign-in and cannot be used to call the"
                + " API. Send the access token the issuer gave GovFlow's client.");
      } else if (request.getAttribute(IssuerSessionCheck.SESSION_ENDED) != null) {
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
            "Phiên đăng nhập đã kết thúc vì nhà cung cấp định danh không còn công nhận phiên này (tài khoản bị khóa"
                + " hoặc phiên đã hết hạn). Hãy đăng nhập lại.",
            "Your session has ended because the sign-in provider no longer accepts it (the account was disabled or"
                + " the session expired). Sign in again.");
      } else {
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
            "Bạn cần đăng nhập (hoặc gửi mã truy cập hợp lệ) để dùng chức năng này.",
            "Sign in (or send a valid access token) to use this.");
      }
    };
  }

  /** The decoder refused the token (also) because it is not an access token (AccessTokenTypeValidator). */
  private static boolean refusedAsNotAnAccessToken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JwtValidationException v && v.getErrors().stream()
          .anyMatch(err -> AccessTokenTypeValidator.DESCRIPTION.equals(err.getDescription()))) {
        return true;
      }
    }
    return false;
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "forbidden",
        "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.");
  }

  /** A state-changing call without the page's CSRF token: refused, and the session is left as it was. */
  AccessDeniedHandler csrfRefused() {
    return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "csrf",
        "Yêu cầu thiếu mã chống giả mạo (CSRF) hợp lệ nên không được thực hiện. Hãy tải lại trang rồi thử lại.",
        "The request did not carry a valid anti-forgery (CSRF) token and was not carried out. Reload the page and"
            + " try again.");
  }

  private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                     String vi, String en) throws IOException {
    ProblemDetail pd = ProblemFactory.build(status, code, vi, en, locales.resolveLocale(request), request);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    json.writeValue(response.getOutputStream(), pd);
  }
}
