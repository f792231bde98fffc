package vn.govflow.common.error;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds our problem+json bodies: {@code detail} in the person's language (Vietnamese unless they chose
 * English), with both languages always present as {@code messageVi} and {@code messageEn}.
 */
public final class ProblemFactory {
  private ProblemFactory() {}

  public static ProblemDetail from(UserError e, Locale locale, HttpServletRequest request) {
    ProblemDetail pd = build(e.status(), e.code(), e.messageVi(), e.messageEn(), locale, request);
    if (!e.fieldProblems().isEmpty()) {
      List<Map<String, String>> errors = e.fieldProblems().stream()
          .map(f -> Map.of("field", f.field(), "messageVi", f.messageVi(), "messageEn", f.messageEn()))
          .toList();
      pd.setProperty("errors", errors);
    }
    e.extra().forEach(pd::setProperty);
    return pd;
  }

  public static ProblemDetail build(HttpStatus status, String code, String vi, String en, Locale locale,
                                    HttpServletRequest request) {
    boolean english = locale != null && "en".equals(locale.getLanguage());
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, english ? en : vi);
    pd.setType(URI.create("urn:govflow:problem:" + code));
    pd.setTitle(english ? status.getReasonPhrase() : titleVi(status));
    pd.setProperty("code", code);
    pd.setProperty("messageVi", vi);
    pd.setProperty("messageEn", en);
    if (request != null) {
      pd.setInstance(URI.create(request.getRequestURI()));
    }
    return pd;
  }

  static String titleVi(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "Yêu cầu không hợp lệ";
      case UNAUTHORIZED -> "Chưa đăng nhập";
      case FORBIDDEN -> "Không có quyền";
      case NOT_FOUND -> "Không tìm thấy";
      case CONFLICT -> "Xung đột dữ liệu";
      case PAYLOAD_TOO_LARGE -> "Dữ liệu quá lớn";
      case UNSUPPORTED_MEDIA_TYPE -> "Định dạng không được hỗ trợ";
      case UNPROCESSABLE_ENTITY -> "Không thể xử lý yêu cầu";
      case TOO_MANY_REQUESTS -> "Quá nhiều yêu cầu";
      default -> status.is5xxServerError() ? "Lỗi hệ thống" : status.getReasonPhrase();
    };
  }
}
