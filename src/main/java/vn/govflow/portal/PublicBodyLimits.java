package vn.govflow.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import vn.govflow.common.error.ProblemFactory;

/**
 * Small body limits for what anyone may post without signing in (the portal), checked on the declared length
 * before a byte of the body is read, parsed or written to disk: a JSON question at most {@code max-json-bytes},
 * a question with files at most five attachments plus a little for the question and the multipart framing.
 * A body without a declared length (chunked) is refused: browsers always declare it. The API's flood limit per
 * address runs here too, before the body, so a flood of large bodies costs GovFlow nothing; the same limit
 * covers the ask page's form ({@value #ASK_PAGE}), whose refusals are pages rather than problem+json.
 * Runs ahead of Spring Security (whose CSRF check parses form and multipart bodies to find the token), and just
 * after the Content-Security-Policy filter so that refusals carry the policy too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class PublicBodyLimits extends OncePerRequestFilter {
  static final String API_QUESTIONS = "/api/v1/portal/questions";
  static final String ASK_PAGE = "/portal/ask";
  /** The question's JSON part and the multipart boundaries and headers around the files. */
  static final long MULTIPART_ALLOWANCE = 1_048_576;

  private final SubmissionLimiter limiter;
  private final ObjectMapper json;
  private final LocaleResolver locales;
  private final ObjectProvider<ITemplateEngine> pages;
  private final long maxJsonBytes;
  private final long maxMultipartBytes;

  PublicBodyLimits(SubmissionLimiter limiter, ObjectMapper json, LocaleResolver locales,
                   ObjectProvider<ITemplateEngine> pages,
                   @Value("${govflow.portal.max-json-bytes:65536}") long maxJsonBytes,
                   @Value("${govflow.portal.max-attachment-bytes:10485760}") long maxAttachmentBytes) {
    this.limiter = limiter;
    this.json = json;
    this.locales = locales;
    this.pages = pages;
    this.maxJsonBytes = maxJsonBytes;
    this.maxMultipartBytes = QuestionChecks.MAX_ATTACHMENTS * maxAttachmentBytes + MULTIPART_ALLOWANCE;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean publicPath = path.startsWith("/api/v1/portal/") || path.startsWith("/portal/");
    return !publicPath || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean multipart = request.getContentType() != null
        && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
    long limit = multipart ? maxMultipartBytes : maxJsonBytes;
    if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
      problem(request, response, HttpStatus.LENGTH_REQUIRED, "body-length-required",
          "Yêu cầu gửi đến cổng công khai phải khai báo độ dài (Content-Length).",
          "A request to the public portal must declare its length (Content-Length).", null);
      return;
    }
    if (length > limit) {
      problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
          "Dữ liệu gửi lên quá lớn (tối đa " + kb(limit) + " KB"
              + (multipart ? ", gồm các tệp đính kèm" : "") + "). Vui lòng rút gọn nội dung hoặc bớt tệp.",
          "The request is too large (at most " + kb(limit) + " KB" + (multipart ? ", attachments included" : "")
              + "). Please shorten it or attach fewer files.", null);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ((API_QUESTIONS.equals(path) || ASK_PAGE.equals(path)) && "POST".equals(request.getMethod())) {
      long wait = limiter.acquire(request.getRemoteAddr());
      if (wait > 0) {
        response.setHeader("Retry-After", Long.toString(wait));
        problem(request, response, HttpStatus.TOO_MANY_REQUESTS, "portal-rate-limit",
            "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau " + wait + " giây.",
            "Too many questions from your address in a short time. Please try again in " + wait + " seconds.", wait);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * A person who posted the portal's form gets a page in their language, with the way back to the form. Rendered
   * here (the request never reaches the DispatcherServlet, whose multipart handling would read the body).
   */
  private void page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
                    Locale locale) throws IOException {
    WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(getServletContext())
        .buildExchange(request, response), locale, Map.of("problem", message, "status", status.value(),
        // The title starts "Lỗi:" (WCAG 3.3.1); the header's language switch leads back to the form.
        "pageErrors", true, "here", new RefusedPageContext(request.getContextPath() + ASK_PAGE + "?lang="
            + ("en".equals(locale.getLanguage()) ? "vi" : "en"))));
    byte[] body = pages.getObject().process("portal/refused", context).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Connection", "close");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static long kb(long bytes) {
    return (bytes + 1023) / 1024;
  }

  private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                       String vi, String en, Long retryAfter) throws IOException {
    Locale locale = locales.resolveLocale(request);
    if (!request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/")) {
      page(request, response, status, "en".equals(locale.getLanguage()) ? en : vi, locale);
      return;
    }
    ProblemDetail pd = ProblemFactory.build(status, code, vi, en, locale, request);
    if (retryAfter != null) {
      pd.setProperty("retryAfterSeconds", retryAfter);
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    // The unread body is not worth keeping the connection for.
    response.setHeader("Connection", "close");
    byte[] body = json.writeValueAsBytes(pd);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
