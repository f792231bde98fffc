package vn.govflow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.govflow.identity.Roles;

/**
 * Camunda answers an error on its REST API (and on the webapps' API) with the exception's class name and
 * message, which can carry SQL text, table names or a stack's worth of internals. For anyone but an
 * administrator this filter replaces such an answer (same status) with a generic problem+json in both
 * languages and an error id; the original is logged under that id so an administrator can find it.
 * Administrators keep Camunda's detail. Our own refusals (urn:govflow:problem:…) pass unchanged.
 *
 * <p>Only error responses are held in memory: a response is buffered from the moment its status is 400 or
 * above, so downloads and large lists stream as before.
 */
class EngineErrorShield extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(EngineErrorShield.class);
  private static final int LOGGED_BODY = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isAdministrator()) {
      chain.doFilter(request, response);
      return;
    }
    ErrorCapture capture = new ErrorCapture(response);
    chain.doFilter(request, capture);
    capture.finish(request);
  }

  static boolean isAdministrator() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a != null && a.isAuthenticated() && a.getAuthorities().stream()
        .anyMatch(g -> Roles.authority(Roles.ADMIN).equals(g.getAuthority()));
  }

  /** The language the person chose on our pages (cookie), else what the browser asks for. */
  static boolean english(HttpServletRequest request) {
    if (request.getCookies() != null) {
      for (jakarta.servlet.http.Cookie c : request.getCookies()) {
        if ("GOVFLOW_LANG".equals(c.getName())) {
          return c.getValue() != null && c.getValue().startsWith("en");
        }
      }
    }
    return request.getLocale() != null && "en".equals(request.getLocale().getLanguage());
  }

  static Map<String, Object> generic(int status, String errorId, String path, boolean english) {
    String vi;
    String en;
    String code;
    if (status == 400) {
      code = "engine-bad-request";
      vi = "Yêu cầu gửi tới máy quy trình không hợp lệ.";
      en = "The request to the workflow engine is not valid.";
    } else if (status == 401 || status == 403) {
      code = "engine-forbidden";
      vi = "Bạn không có quyền thực hiện thao tác này trên máy quy trình.";
      en = "You are not allowed to do this on the workflow engine.";
    } else if (status == 404) {
      code = "engine-not-found";
      vi = "Không tìm thấy dữ liệu yêu cầu trên máy quy trình.";
      en = "The requested item was not found on the workflow engine.";
    } else if (status < 500) {
      code = "engine-refused";
      vi = "Máy quy trình không thực hiện được yêu cầu này.";
      en = "The workflow engine could not carry out this request.";
    } else {
      code = "engine-error";
      vi = "Đã xảy ra lỗi trên máy quy trình. Thao tác chưa được thực hiện; hãy thử lại hoặc báo quản trị viên.";
      en = "An error occurred on the workflow engine. Nothing was changed; try again or tell the administrator.";
    }
    vi += " (Mã lỗi: " + errorId + ")";
    en += " (Error id: " + errorId + ")";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:govflow:problem:" + code);
    body.put("title", english ? "Error" : "Lỗi");
    body.put("status", status);
    body.put("detail", english ? en : vi);
    body.put("code", code);
    body.put("messageVi", vi);
    body.put("messageEn", en);
    body.put("errorId", errorId);
    // Camunda's webapps show an error's "message": give them the person's language.
    body.put("message", english ? en : vi);
    body.put("instance", path);
    return body;
  }

  /** Passes a successful response straight through; holds an error response back for {@link #finish}. */
  static final class ErrorCapture extends HttpServletResponseWrapper {
    private int status = SC_OK;
    private boolean errorSent;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private ServletOutputStream heldStream;
    private PrintWriter heldWriter;
    private Long pendingLength;

    ErrorCapture(HttpServletResponse response) {
      super(response);
    }

    private boolean holding() {
      return status >= 400;
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      if (sc < 400) {
        super.setStatus(sc);
      }
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void sendError(int sc) {
      status = sc;
      errorSent = true;
    }

    @Override
    public void sendError(int sc, String msg) {
      status = sc;
      errorSent = true;
    }

    // Jersey sets the length before the status: hold it until we know whether the body is passed on.
    @Override
    public void setContentLength(int len) {
      pendingLength = (long) len;
    }

    @Override
    public void setContentLengthLong(long len) {
      pendingLength = len;
    }

    @Override
    public void setHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        pendingLength = value == null ? null : Long.valueOf(value.trim());
      } else {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        pendingLength = value == null ? null : Long.valueOf(value.trim());
      } else {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        pendingLength = (long) value;
      } else {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void addIntHeader(String name, int value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        pendingLength = (long) value;
      } else {
        super.addIntHeader(name, value);
      }
    }

    /** A successful response gets its length just before its body. */
    private void passLength() {
      if (pendingLength != null && !holding()) {
        super.setContentLengthLong(pendingLength);
      }
      pendingLength = null;
    }

    @Override
    public void setContentType(String type) {
      if (!holding()) {
        super.setContentType(type);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holding()) {
        passLength();
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding()) {
        passLength();
        return super.getOutputStream();
      }
      if (heldStream == null) {
        heldStream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            // Held in memory: always ready.
          }

          @Override
          public void write(int b) {
            held.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            held.write(b, off, len);
          }
        };
      }
      return heldStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding()) {
        passLength();
        return super.getWriter();
      }
      if (heldWriter == null) {
        heldWriter = new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8), true);
      }
      return heldWriter;
    }

    void finish(HttpServletRequest request) throws IOException {
      if (!holding()) {
        passLength();
        return;
      }
      if (heldWriter != null) {
        heldWriter.flush();
      }
      HttpServletResponse out = (HttpServletResponse) getResponse();
      String original = held.toString(StandardCharsets.UTF_8);
      out.setStatus(status);
      out.setCharacterEncoding("UTF-8");
      if (!errorSent && original.contains("\"urn:govflow:problem:")) {
        // Our own refusal (a form rule, a missing right): already bilingual and safe to show.
        out.setContentType("application/problem+json");
        out.getOutputStream().write(original.getBytes(StandardCharsets.UTF_8));
        return;
      }
      String errorId = UUID.randomUUID().toString().substring(0, 8);
      String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
      log.warn("Engine error {} ({}) for {} on {} {}: {}", errorId, status, who, request.getMethod(),
          request.getRequestURI(), original.length() > LOGGED_BODY ? original.substring(0, LOGGED_BODY) : original);
      boolean english = english(request);
      out.setContentType("application/problem+json");
      out.getOutputStream().write(JSON.writeValueAsBytes(
          generic(status, errorId, request.getRequestURI(), english)));
    }
  }
}
