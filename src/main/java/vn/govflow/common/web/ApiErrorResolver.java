package vn.govflow.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors under /api/ that happen before any of our controllers is chosen (an unknown path, a method the path
 * does not take) have no controller for {@link ApiExceptionHandler} to advise, and would leave as Spring's own
 * body or an HTML page. This resolver answers them with the same problem+json, by the same handler methods,
 * so every error under /api/ reads alike in both languages.
 */
@Component
public class ApiErrorResolver implements HandlerExceptionResolver, Ordered {
  private static final Logger log = LoggerFactory.getLogger(ApiErrorResolver.class);
  private final ApiExceptionHandler handler = new ApiExceptionHandler();
  private final ExceptionHandlerMethodResolver methods = new ExceptionHandlerMethodResolver(ApiExceptionHandler.class);
  private final ObjectMapper json;
  private final LocaleResolver locales;

  public ApiErrorResolver(ObjectMapper json, LocaleResolver locales) {
    this.json = json;
    this.locales = locales;
  }

  static boolean underApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/");
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object chosen,
                                       Exception ex) {
    // A controller's own errors go through ApiExceptionHandler as usual; only the handler-less ones come here.
    if (!underApi(request) || chosen instanceof HandlerMethod) {
      return null;
    }
    Method method = methods.resolveMethodByThrowable(ex);
    if (method == null) {
      return null;
    }
    try {
      Locale locale = locales.resolveLocale(request);
      @SuppressWarnings("unchecked")
      ResponseEntity<ProblemDetail> answer = (ResponseEntity<ProblemDetail>) method.invoke(handler, ex, locale,
          request);
      response.setStatus(answer.getStatusCode().value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), answer.getBody());
      return new ModelAndView();
    } catch (IllegalAccessException | InvocationTargetException | java.io.IOException e) {
      log.warn("Could not write the problem for {} {}", request.getMethod(), request.getRequestURI(), e);
      return null;
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
