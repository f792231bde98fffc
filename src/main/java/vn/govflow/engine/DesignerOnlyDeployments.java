package vn.govflow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import vn.govflow.common.error.ProblemFactory;
import vn.govflow.common.error.UserError;

/**
 * Issue #10 item 5: a person deploys only through the designer (drafts, conventions, dry parse, decision-table
 * tests, audited diff), never through the engine's own deploy. Two lines:
 * <ul>
 *   <li>the engine's {@link DeploymentCheck} refuses every new deployment made under a person's authentication
 *       unless it runs inside {@link #deploy(Supplier)}, a scope only the designer's DesignDeployment opens around
 *       its own call. It is a thread-local set by our code on the calling thread, so no request can forge it (a
 *       deployment's {@code source} or name can be set by any REST caller);</li>
 *   <li>POST /engine-rest/deployment/create and …/redeploy are refused before Camunda reads them, so even a
 *       deployment the engine would never see (no resources) answers the same 403.</li>
 * </ul>
 * The auto-deployment at start has no person and is not concerned.
 */
@Configuration(proxyBeanMethods = false)
public class DesignerOnlyDeployments {
  private static final ThreadLocal<Boolean> DESIGNER = new ThreadLocal<>();

  static final String CODE = "deploy-through-designer";
  static final String VI = "Hãy triển khai qua trang Thiết kế quy trình (/designer): mô hình được kiểm tra quy ước, "
      + "thử phân tích, chạy các ca kiểm thử bảng quyết định và ghi nhật ký thay đổi trước khi triển khai. "
      + "Không triển khai trực tiếp qua REST API của bộ máy quy trình.";
  static final String EN = "Deploy through the process designer (/designer): it checks the conventions, parses the "
      + "model, runs the decision-table tests and audits the change before deploying. Deploying through the "
      + "engine's REST API directly is refused.";

  /**
   * Runs {@code deployment} as the designer's deployment. Only DesignDeployment calls this, after its own
   * validation; nothing reachable from a request sets it otherwise.
   */
  public static <T> T deploy(Supplier<T> deployment) {
    Boolean outer = DESIGNER.get();
    DESIGNER.set(Boolean.TRUE);
    try {
      return deployment.get();
    } finally {
      if (outer == null) {
        DESIGNER.remove();
      } else {
        DESIGNER.set(outer);
      }
    }
  }

  /** Is the current thread inside the designer's deployment? */
  static boolean throughDesigner() {
    return Boolean.TRUE.equals(DESIGNER.get());
  }

  static UserError refusal() {
    return new UserError(HttpStatus.FORBIDDEN, CODE, VI, EN);
  }

  /** After Spring Security (401 for no one signed in stays first), before Camunda's REST resources. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestDeployRefusal(ObjectMapper json, LocaleResolver locales) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equalsIgnoreCase(request.getMethod()) && (path.equals("/engine-rest/deployment/create")
            || (path.startsWith("/engine-rest/deployment/") && path.endsWith("/redeploy")))) {
          response.setStatus(HttpStatus.FORBIDDEN.value());
          response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
          response.setCharacterEncoding("UTF-8");
          json.writeValue(response.getOutputStream(), ProblemFactory.build(HttpStatus.FORBIDDEN, CODE, VI, EN,
              locales.resolveLocale(request), request));
          return;
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(filter);
    r.addUrlPatterns("/engine-rest/deployment/*");
    r.setOrder(101);
    r.setName("engineRestDeployRefusal");
    return r;
  }
}
