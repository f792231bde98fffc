package vn.govflow.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * The embedded OIDC issuer (Spring Authorization Server) that the default run signs in with. It lives in the
 * same application but keeps its sign-in apart: its own security-context and saved-request attributes in the
 * session, so signing in at the issuer does not sign the person into GovFlow; GovFlow's pages still go
 * through the full OIDC client flow, exactly the path production takes with Keycloak.
 */
@Configuration
@ConditionalOnProperty(name = "govflow.sso.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedIssuerConfig {
  static final String LOGIN_PAGE = "/sso/login";

  @Bean
  @Order(1)
  SecurityFilterChain issuerSecurity(HttpSecurity http, UserDetailsService issuerUsers, SignInGuard guard)
      throws Exception {
    OAuth2AuthorizationServerConfigurer issuer = OAuth2AuthorizationServerConfigurer.authorizationServer();
    HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    contexts.setSpringSecurityContextKey("GOVFLOW_SSO_SECURITY_CONTEXT");
    HttpSessionRequestCache requests = new HttpSessionRequestCache();
    requests.setSessionAttrName("GOVFLOW_SSO_SAVED_REQUEST");
    // Brute-force protection: locked accounts and blocked addresses are refused before the password is checked.
    SignInFlow signIn = new SignInFlow(guard, LOGIN_PAGE);
    http
        .securityMatcher(new OrRequestMatcher(issuer.getEndpointsMatcher(), new AntPathRequestMatcher("/sso/**")))
        .with(issuer, i -> i.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(a -> a.requestMatchers(LOGIN_PAGE, "/sso/assets/**").permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage(LOGIN_PAGE).failureHandler(signIn.countFailure())
            .successHandler(signIn.clearFailures(requests)))
        .addFilterBefore(signIn.refuseLockedAttempts(), UsernamePasswordAuthenticationFilter.class)
        .userDetailsService(issuerUsers)
        .securityContext(c -> c.securityContextRepository(contexts))
        .requestCache(c -> c.requestCache(requests))
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()));
    return http.build();
  }

  @Bean
  UserDetailsService issuerUsers(IdentityDirectory directory) {
    return username -> directory.person(username)
        .filter(p -> Person.KIND_PERSON.equals(p.kind()) && p.passwordHash() != null)
        .map(p -> User.withUsername(p.username()).password(p.passwordHash()).disabled(!p.active())
            .authorities("ROLE_STAFF").build())
        .orElseThrow(() -> new UsernameNotFoundException("unknown"));
  }

  @Bean
  RegisteredClientRepository registeredClients(SsoProperties props, PasswordEncoder encoder,
                                               @Value("${govflow.public-url}") String publicUrl,
                                               @Value("${govflow.sso.additional-redirect-uris:}") List<String> more) {
    String base = SsoProperties.trimSlash(publicUrl);
    RegisteredClient web = RegisteredClient.withId("govflow-web")
        .clientId(props.clientId())
        .clientSecret(encoder.encode(props.clientSecret()))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri(base + "/login/oauth2/code/" + OidcProvider.REGISTRATION_ID)
        // Other GovFlow front-ends (a second node, a test) signing in with this issuer.
        .redirectUris(uris -> more.stream().filter(u -> !u.isBlank()).forEach(uris::add))
        .postLogoutRedirectUri(base + "/signed-out")
        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30))
            // Another GovFlow signing in with this issuer renews its sessions with the refresh token
            // (IssuerSessionCheck), which is not rotated: its lifetime is the longest such session, as
            // Keycloak's SSO Session Max (10 h) is.
            .refreshTokenTimeToLive(Duration.ofHours(10)).build())
        .build();
    RegisteredClient service = RegisteredClient.withId("govflow-service")
        .clientId(props.serviceClientId())
        .clientSecret(encoder.encode(props.serviceClientSecret()))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope("api")
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
        .build();
    return new InMemoryRegisteredClientRepository(web, service);
  }

  /** Tokens name the person the way Keycloak does, so the rest of GovFlow reads both alike. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> personClaims(IdentityDirectory directory) {
    return context -> {
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        // RFC 9068: the one mark by which GovFlow tells an access token from an ID token of the same issuer
        // (AccessTokenTypeValidator); Spring Authorization Server sets no typ of its own.
        context.getJwsHeader().type("at+jwt");
      } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        // Keycloak's mark (claim typ), so that a GovFlow signing in with this issuer as an external one refuses
        // its ID tokens too: one issued by a refresh carries no nonce. OIDC clients ignore the claim.
        context.getClaims().claim("typ", "ID");
      }
      if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
        return;
      }
      directory.person(context.getPrincipal().getName()).ifPresent(p -> {
        context.getClaims().claim("preferred_username", p.username());
        context.getClaims().claim("name", p.fullName());
        if (p.email() != null) {
          context.getClaims().claim("email", p.email());
        }
      });
    };
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(SsoProperties props) {
    return AuthorizationServerSettings.builder().issuer(props.issuerUri()).build();
  }

  /**
   * The operator's key ({@code govflow.sso.signing-key-file}: an RSA private key as a JWK) when given, as a
   * public address requires (ProductionSafetyCheck); otherwise, for a local run, a key generated once and kept in
   * the data folder so that issued tokens survive a restart.
   */
  @Bean
  JWKSource<SecurityContext> jwkSource(@Value("${govflow.data-dir}") String dataDir,
                                       @Value("${govflow.sso.signing-key-file:}") String keyFile) throws Exception {
    if (!keyFile.isBlank()) {
      return new ImmutableJWKSet<>(new JWKSet(operatorKey(Path.of(keyFile))));
    }
    Path file = Path.of(dataDir, "sso", "signing-key.json");
    RSAKey key;
    if (Files.exists(file)) {
      key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
    } else {
      key = generate();
      save(file, key);
    }
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  static RSAKey operatorKey(Path file) throws Exception {
    if (!Files.isReadable(file)) {
      throw new IllegalStateException("GOVFLOW_SSO_SIGNING_KEY_FILE names " + file + ", which cannot be read");
    }
    RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
    if (!key.isPrivate()) {
      throw new IllegalStateException("GOVFLOW_SSO_SIGNING_KEY_FILE " + file
          + " holds a public key only: the issuer needs the RSA private key (a JWK with \"d\")");
    }
    return key.getKeyID() != null ? key : new RSAKey.Builder(key).keyIDFromThumbprint().build();
  }

  private static RSAKey generate() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    var pair = g.generateKeyPair();
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
        .keyID(UUID.randomUUID().toString()).build();
  }

  private static void save(Path file, RSAKey key) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
    Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }

}
