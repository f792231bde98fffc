package vn.govflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * One filter chain for everything but the embedded issuer: pages sign in through OIDC (authorization code
 * with PKCE), /api/** and /engine-rest/** take the same session or a bearer JWT. Nothing answers anonymously
 * except what is public by design (listed below).
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SsoProperties.class)
public class SecurityConfig {
  /** Public by design: the citizens' portal, static assets, health, and reading the working-day calendar. */
  static final String[] PUBLIC = {
      "/portal/**", "/api/v1/portal/**", "/css/**", "/js/**", "/img/**",
      "/favicon.ico", "/actuator/health", "/actuator/health/**", "/error", "/signed-out"};
  static final String[] PUBLIC_READ = {"/api/v1/calendar/deadline", "/api/v1/calendar/years", "/api/v1/calendar/years/*",
      "/pki/*"}; // the demo CA's certificate and CRL, fetched by any verifier

  @Bean
  OidcProvider oidcProvider(SsoProperties props, @Value("${govflow.public-url}") String publicUrl) {
    return new OidcProvider(props, publicUrl);
  }

  @Bean
  JwtDecoder jwtDecoder(OidcProvider provider) {
    return provider.jwtDecoder();
  }

  /** Before Spring Security's chains, so the issuer's sign-in page and refusals carry the policy too. */
  @Bean
  FilterRegistrationBean<ContentSecurityPolicyFilter> contentSecurityPolicy(SsoProperties props) {
    FilterRegistrationBean<ContentSecurityPolicyFilter> r =
        new FilterRegistrationBean<>(new ContentSecurityPolicyFilter(props.issuerUri()));
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    r.setName("contentSecurityPolicy");
    return r;
  }

  /** Ends sessions when the issuer says so (back-channel logout); also a session listener (Boot registers it). */
  @Bean
  BackChannelLogoutSessions backChannelLogoutSessions() {
    return new BackChannelLogoutSessions();
  }

  /** Session ends reach Spring Security, which then forgets them in its OIDC session registry. */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  /**
   * The tokens a page session got at sign-in live in that session (and end with it); IssuerSessionCheck renews
   * them. Spring's default keeps them in memory by person, past the session's end.
   */
  @Bean
  OAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Order(10)
  SecurityFilterChain appSecurity(HttpSecurity http, OidcProvider provider, PersonAuthorities persons,
                                  ObjectMapper json, LocaleResolver locales,
                                  BackChannelLogoutSessions backChannelSessions, SsoProperties sso,
                                  OAuth2AuthorizedClientRepository authorizedClients,
                                  @Value("${govflow.sso.session-check:60s}") Duration sessionCheck,
                                  @Value("${govflow.public-url}") String publicUrl)
      throws Exception {
    ProblemResponses problems = new ProblemResponses(json, locales);
    RequestMatcher api = new OrRequestMatcher(new AntPathRequestMatcher("/api/**"),
        new AntPathRequestMatcher("/engine-rest/**"), new AntPathRequestMatcher("/camunda/api/**"));
    RequestMatcher bearer = request -> {
      String h = request.getHeader("Authorization");
      return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(provider,
        "/oauth2/authorization");
    SignInAddress signInResolver = new SignInAddress(resolver, OAuth2AuthorizationRequestCustomizers.withPkce());

    OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(provider);
    logout.setPostLogoutRedirectUri("{baseUrl}/signed-out");

    http
        .authorizeHttpRequests(a -> a
            .requestMatchers(PUBLIC).permitAll()
            .requestMatchers(HttpMethod.GET, PUBLIC_READ).permitAll()
            // Deploying is the designer's page only (engine/DesignerOnlyDeployments refuses the REST deploy to
            // everyone signed in); removing a deployment is the administrators' (Camunda checks its own too).
            .requestMatchers(HttpMethod.DELETE, "/engine-rest/deployment/**").hasRole("ADMIN")
            .requestMatchers(HttpMethod.POST, "/camunda/api/admin/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .oauth2Login(o -> o
            .loginPage("/oauth2/authorization/" + OidcProvider.REGISTRATION_ID)
            .clientRegistrationRepository(provider)
            .authorizedClientRepository(authorizedClients)
            .authorizationEndpoint(e -> e.authorizationRequestResolver(signInResolver))
            .userInfoEndpoint(u -> u.oidcUserService(new GovFlowOidcUserService(persons)))
            .failureHandler(new SignInFailureHandler(publicUrl)))
        // POST /logout/connect/back-channel/govflow from the issuer (before CSRF; the logout token is signed).
        .oidcLogout(o -> o.backChannel(b -> b.logoutHandler(backChannelSessions)))
        .addFilterBefore(new TokenSessionAccountFilter(persons), AnonymousAuthenticationFilter.class)
        .oauth2ResourceServer(r -> r
            .jwt(j -> j.jwtAuthenticationConverter(new PersonJwtConverter(persons)))
            .authenticationEntryPoint(problems.unauthorized())
            .accessDeniedHandler(problems.forbidden()))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(problems.unauthorized(), api)
            .defaultAccessDeniedHandlerFor(problems.forbidden(), api)
            .defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + OidcProvider.REGISTRATION_ID),
                AnyRequestMatcher.INSTANCE))
        .csrf(c -> c
            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
            // Bearer calls carry no ambient credentials; Camunda's webapps have their own CSRF filter.
            // The public portal API carries no one's session rights: nothing for a forged request to borrow.
            .ignoringRequestMatchers(bearer, new AntPathRequestMatcher("/camunda/**"),
                new AntPathRequestMatcher("/api/v1/portal/**")))
        .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
        // Camunda's own CSRF filter signs the person out when it refuses; refuse first, keeping the session.
        .addFilterAfter(new CamundaCsrfGuard(problems.csrfRefused()), CsrfFilter.class)
        .logout(l -> l.logoutSuccessHandler(logout))
        // The Content-Security-Policy is set by ContentSecurityPolicyFilter for every chain (the issuer's
        // sign-in page included); Camunda's webapps send their own.
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    // An external issuer's sessions are checked with it now and then (the embedded one's accounts are ours).
    if (!sso.embedded() && !sessionCheck.isNegative() && !sessionCheck.isZero()) {
      http.addFilterBefore(new IssuerSessionCheck(authorizedClients, sessionCheck), AnonymousAuthenticationFilter.class);
    }
    return http.build();
  }

  /** Spring Security's documented handler for pages and scripts that send the token in a header. */
  static final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {
    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
      // BREACH protection for tokens rendered into pages; the cookie carries the raw value.
      xor.handle(request, response, csrfToken);
      csrfToken.get();
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
      String header = request.getHeader(csrfToken.getHeaderName());
      // A header value is the raw cookie value (scripts, htmx); a form field is the masked page value.
      return (StringUtils.hasText(header) ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
    }
  }

  /** Loads the deferred token so the XSRF-TOKEN cookie is issued on the first response. */
  static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
