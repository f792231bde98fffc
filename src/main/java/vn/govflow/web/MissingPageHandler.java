package vn.govflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.govflow.common.error.ProblemFactory;
import vn.govflow.common.error.UserError;

/**
 * An address that leads nowhere (no controller, no static file). A person in a browser gets the problem page in
 * their language, an API caller our bilingual problem+json; Spring Boot's own answer would be an English JSON
 * body even to a browser that asked for a page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPageHandler {
  @ExceptionHandler(NoResourceFoundException.class)
  Object missing(NoResourceFoundException e, Locale locale, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !wantsPage(request)) {
      return ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ProblemFactory.from(UserError.notFound(), locale, request));
    }
    response.setStatus(404);
    model.addAttribute("status", 404);
    return "error";
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
  }
}
