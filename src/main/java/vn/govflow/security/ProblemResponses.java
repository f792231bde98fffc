package vn.govflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
    return (request, response, e) -> write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
        "Bạn cần đăng nhập (hoặc gửi mã truy cập hợp lệ) để dùng chức năng này.",
        "Sign in (or send a valid access token) to use this.");
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
