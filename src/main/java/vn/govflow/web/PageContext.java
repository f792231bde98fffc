package vn.govflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header needs about the page itself: its path (for aria-current in the menu) and the
 * address of the same page in the other language, query kept (a citizen looking at a tracking result must not
 * lose it by switching language).
 */
@ControllerAdvice(annotations = Controller.class)
class PageContext {

  /** What the header needs about this page; templates read it null-safely (${here?.current('/tasks')}). */
  public record Page(String path, String languageSwitchUrl) {
    /** "page" when this menu entry's path is this page or above it (the menu's aria-current), else null. */
    public String current(String entry) {
      boolean here = path.equals(entry) || (!"/".equals(entry) && path.startsWith(entry + "/"));
      return here ? "page" : null;
    }

    /** "page" only when this is exactly the page (a section's front page, whose sub-pages have their own entry). */
    public String exactly(String entry) {
      return path.equals(entry) ? "page" : null;
    }
  }

  @ModelAttribute("here")
  Page page(HttpServletRequest request, Locale locale) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return new Page(path.isEmpty() ? "/" : path,
        switchLanguage(uri, request.getQueryString(), "en".equals(locale.getLanguage()) ? "vi" : "en"));
  }

  static String switchLanguage(String path, String query, String target) {
    StringBuilder kept = new StringBuilder();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty() || pair.equals("lang") || pair.startsWith("lang=")) {
          continue;
        }
        kept.append(pair).append('&');
      }
    }
    return path + "?" + kept + "lang=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }
}
