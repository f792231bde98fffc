package vn.govflow.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.govflow.common.error.ProblemFactory;
import vn.govflow.common.error.UserError;

/**
 * Every API error leaves as application/problem+json with a Vietnamese and an English message. Ordered first:
 * Spring Boot's own problem-details advice would otherwise answer malformed JSON, 415 and parameter errors
 * with a body that has neither our code nor both languages.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(UserError.class)
  public ResponseEntity<ProblemDetail> userError(UserError e, Locale locale, HttpServletRequest req) {
    return respond(ProblemFactory.from(e, locale, req));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e, Locale locale,
                                                    HttpServletRequest req) {
    return field(HttpStatus.BAD_REQUEST, "missing-parameter", e.getParameterName(),
        "Thiếu tham số bắt buộc: " + e.getParameterName() + ".",
        "Missing required parameter: " + e.getParameterName() + ".", locale, req);
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  public ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, Locale locale,
                                                   HttpServletRequest req) {
    return field(HttpStatus.BAD_REQUEST, "missing-part", e.getRequestPartName(),
        "Thiếu phần dữ liệu bắt buộc: " + e.getRequestPartName() + ".",
        "Missing required part: " + e.getRequestPartName() + ".", locale, req);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, Locale locale,
                                                    HttpServletRequest req) {
    return field(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getName(),
        "Giá trị của tham số " + e.getName() + " không hợp lệ.",
        "The value of parameter " + e.getName() + " is not valid.", locale, req);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  public ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, Locale locale,
                                               HttpServletRequest req) {
    List<UserError.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new UserError.FieldProblem(f.getField(),
            "Trường " + f.getField() + " không hợp lệ: " + f.getDefaultMessage(),
            "Field " + f.getField() + " is not valid: " + f.getDefaultMessage()))
        .toList();
    UserError ue = new UserError(HttpStatus.BAD_REQUEST, "validation", "Dữ liệu gửi lên chưa hợp lệ.",
        "The submitted data is not valid.", problems, Map.of());
    return respond(ProblemFactory.from(ue, locale, req));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  public ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, Locale locale,
                                                  HttpServletRequest req) {
    List<UserError.FieldProblem> problems = e.getConstraintViolations().stream()
        .map(v -> new UserError.FieldProblem(String.valueOf(v.getPropertyPath()),
            v.getPropertyPath() + ": " + v.getMessage(), v.getPropertyPath() + ": " + v.getMessage()))
        .toList();
    UserError ue = new UserError(HttpStatus.BAD_REQUEST, "validation", "Dữ liệu gửi lên chưa hợp lệ.",
        "The submitted data is not valid.", problems, Map.of());
    return respond(ProblemFactory.from(ue, locale, req));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale,
                                                  HttpServletRequest req) {
    return respond(ProblemFactory.build(HttpStatus.BAD_REQUEST, "unreadable-body",
        "Nội dung yêu cầu không đọc được (JSON sai cú pháp hoặc sai kiểu dữ liệu).",
        "The request body could not be read (malformed JSON or wrong data type).", locale, req));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, Locale locale,
                                                HttpServletRequest req) {
    return respond(ProblemFactory.build(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large",
        "Tệp vượt quá dung lượng cho phép (tối đa 50 MB mỗi tệp).",
        "The file is larger than allowed (at most 50 MB per file).", locale, req));
  }

  @ExceptionHandler(MultipartException.class)
  public ResponseEntity<ProblemDetail> multipart(MultipartException e, Locale locale, HttpServletRequest req) {
    return respond(ProblemFactory.build(HttpStatus.BAD_REQUEST, "multipart",
        "Yêu cầu tải tệp không hợp lệ (cần multipart/form-data).",
        "The upload request is not valid (multipart/form-data expected).", locale, req));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  public ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale,
                                                 HttpServletRequest req) {
    return respond(ProblemFactory.build(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type",
        "Kiểu nội dung của yêu cầu không được hỗ trợ.", "The request's content type is not supported.",
        locale, req));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  public ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, Locale locale,
                                              HttpServletRequest req) {
    return respond(ProblemFactory.build(HttpStatus.METHOD_NOT_ALLOWED, "method",
        "Phương thức HTTP này không được hỗ trợ tại địa chỉ này.",
        "This HTTP method is not supported here.", locale, req));
  }

  @ExceptionHandler(NoHandlerFoundException.class)
  public ResponseEntity<ProblemDetail> noHandler(NoHandlerFoundException e, Locale locale, HttpServletRequest req) {
    return respond(ProblemFactory.from(UserError.notFound(), locale, req));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  public ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, Locale locale,
                                                  HttpServletRequest req) {
    return respond(ProblemFactory.from(UserError.notFound(), locale, req));
  }

  @ExceptionHandler(AccessDeniedException.class)
  public ResponseEntity<ProblemDetail> denied(AccessDeniedException e, Locale locale, HttpServletRequest req) {
    return respond(ProblemFactory.build(HttpStatus.FORBIDDEN, "forbidden",
        "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.", locale, req));
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale, HttpServletRequest req) {
    // Spring's own client errors (406, a missing header, an unknown handler, …) keep their status.
    if (e instanceof ErrorResponse er && er.getStatusCode().is4xxClientError()) {
      HttpStatus status = HttpStatus.valueOf(er.getStatusCode().value());
      return respond(ProblemFactory.build(status, "request",
          "Yêu cầu không hợp lệ (" + status.value() + "): hãy kiểm tra địa chỉ, phương thức và dữ liệu gửi lên.",
          "The request is not valid (" + status.value() + "): check the address, method and data sent.",
          locale, req));
    }
    log.error("Unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
    return respond(ProblemFactory.build(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
        "Đã xảy ra lỗi hệ thống. Thao tác chưa được thực hiện; vui lòng thử lại hoặc báo quản trị viên.",
        "A system error occurred. Nothing was changed; please try again or tell the administrator.", locale, req));
  }

  private ResponseEntity<ProblemDetail> field(HttpStatus status, String code, String field, String vi, String en,
                                              Locale locale, HttpServletRequest req) {
    UserError ue = new UserError(status, code, vi, en, List.of(new UserError.FieldProblem(field, vi, en)), Map.of());
    return respond(ProblemFactory.from(ue, locale, req));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail pd) {
    return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }
}
