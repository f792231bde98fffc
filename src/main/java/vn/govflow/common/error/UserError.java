package vn.govflow.common.error;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A problem the person can fix (or must be told about): rendered as application/problem+json on the API
 * and as a message on pages, Vietnamese first with English beside it. Throwing it must leave nothing changed.
 */
public class UserError extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final String messageVi;
  private final String messageEn;
  private final List<FieldProblem> fieldProblems;
  private final Map<String, Object> extra;

  public record FieldProblem(String field, String messageVi, String messageEn) {}

  public UserError(HttpStatus status, String code, String messageVi, String messageEn) {
    this(status, code, messageVi, messageEn, List.of(), Map.of());
  }

  public UserError(HttpStatus status, String code, String messageVi, String messageEn,
                   List<FieldProblem> fieldProblems, Map<String, Object> extra) {
    super(messageEn);
    this.status = status;
    this.code = code;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    this.fieldProblems = List.copyOf(fieldProblems);
    this.extra = Map.copyOf(extra);
  }

  public static UserError badRequest(String code, String vi, String en) {
    return new UserError(HttpStatus.BAD_REQUEST, code, vi, en);
  }

  /** 404 that reveals nothing: used both for missing records and for another agency's records. */
  public static UserError notFound() {
    return new UserError(HttpStatus.NOT_FOUND, "not-found",
        "Không tìm thấy dữ liệu yêu cầu.", "The requested item was not found.");
  }

  public static UserError forbidden(String vi, String en) {
    return new UserError(HttpStatus.FORBIDDEN, "forbidden", vi, en);
  }

  public HttpStatus status() { return status; }
  public String code() { return code; }
  public String messageVi() { return messageVi; }
  public String messageEn() { return messageEn; }
  public List<FieldProblem> fieldProblems() { return fieldProblems; }
  public Map<String, Object> extra() { return extra; }
}
