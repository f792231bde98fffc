package vn.govflow.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.govflow.common.error.UserError;

/** On pages, a problem is shown as a page in the person's language, with the same words the API uses. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {
  @ExceptionHandler(UserError.class)
  String userError(UserError e, Locale locale, Model model, HttpServletResponse response) {
    response.setStatus(e.status().value());
    boolean en = "en".equals(locale.getLanguage());
    model.addAttribute("status", e.status().value());
    model.addAttribute("problem", en ? e.messageEn() : e.messageVi());
    model.addAttribute("problemOther", en ? e.messageVi() : e.messageEn());
    return "error";
  }
}
