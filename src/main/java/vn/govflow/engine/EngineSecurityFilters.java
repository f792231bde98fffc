package vn.govflow.engine;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the person Spring Security signed in (session or bearer token) to the engine, so Camunda's own
 * authorization checks apply to the REST API and the webapps. Both run after Spring Security's chain, which
 * has already refused anonymous calls.
 */
@Configuration
class EngineSecurityFilters {
  private static final int AFTER_SPRING_SECURITY = 101;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> r =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    r.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName()));
    r.addUrlPatterns("/engine-rest/*");
    r.setOrder(AFTER_SPRING_SECURITY);
    r.setName("engineRestAuthentication");
    return r;
  }

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> r =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    r.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
    r.addUrlPatterns("/camunda/*");
    r.setOrder(AFTER_SPRING_SECURITY);
    r.setName("webappAuthentication");
    return r;
  }
}
