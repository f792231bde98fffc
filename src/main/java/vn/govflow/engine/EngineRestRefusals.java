package vn.govflow.engine;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.common.error.UserError;

/**
 * The engine's REST API (what Camunda Tasklist and Cockpit call) wraps every task listener exception in its own
 * 500. When the cause is one of our refusals (a form rule checked by a task listener, say), answer as our own API
 * does: its status (400) and a problem+json body in both languages. Everything else keeps Camunda's answer.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(RestRefusal.class);
        register(EngineRefusal.class);
      }
    };
  }

  /**
   * Non-administrators see no engine internals in an error (class names, SQL, stack): after Spring Security
   * (which knows who is asking) and around both the REST API and the webapps' API.
   */
  @Bean
  FilterRegistrationBean<EngineErrorShield> engineErrorShield() {
    FilterRegistrationBean<EngineErrorShield> r = new FilterRegistrationBean<>(new EngineErrorShield());
    r.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    r.setOrder(102);
    r.setName("engineErrorShield");
    return r;
  }

  /** Our refusal somewhere in the cause chain, or null. */
  static UserError refusal(Throwable e) {
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof UserError u) {
        return u;
      }
    }
    return null;
  }

  static Response problem(UserError e, HttpServletRequest request) {
    boolean english = request != null && request.getLocale() != null
        && "en".equals(request.getLocale().getLanguage());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:govflow:problem:" + e.code());
    body.put("title", e.status().getReasonPhrase());
    body.put("status", e.status().value());
    body.put("detail", english ? e.messageEn() : e.messageVi());
    body.put("code", e.code());
    body.put("messageVi", e.messageVi());
    body.put("messageEn", e.messageEn());
    if (!e.fieldProblems().isEmpty()) {
      List<Map<String, String>> errors = e.fieldProblems().stream()
          .map(f -> Map.of("field", f.field(), "messageVi", f.messageVi(), "messageEn", f.messageEn())).toList();
      body.put("errors", errors);
    }
    if (request != null) {
      body.put("instance", request.getRequestURI());
    }
    return Response.status(e.status().value()).type("application/problem+json").entity(body).build();
  }

  /** Ranked before Camunda's own mapper of the same type (Jersey prefers the lower priority value). */
  @Priority(1000)
  public static class RestRefusal implements ExtendedExceptionMapper<RestException> {
    @Context
    private HttpServletRequest request;

    @Override
    public boolean isMappable(RestException e) {
      return refusal(e) != null;
    }

    @Override
    public Response toResponse(RestException e) {
      return problem(refusal(e), request);
    }
  }

  @Priority(1000)
  public static class EngineRefusal implements ExtendedExceptionMapper<ProcessEngineException> {
    @Context
    private HttpServletRequest request;

    @Override
    public boolean isMappable(ProcessEngineException e) {
      return refusal(e) != null;
    }

    @Override
    public Response toResponse(ProcessEngineException e) {
      return problem(refusal(e), request);
    }
  }
}
