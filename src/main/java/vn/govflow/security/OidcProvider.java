package vn.govflow.security;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * The OIDC issuer as the application sees it: the client registration for page sign-in and the JWT decoder
 * for bearer tokens. Both are resolved lazily, on first use, so GovFlow starts even when the issuer (itself,
 * or Keycloak in another container) is not answering yet.
 */
public class OidcProvider implements ClientRegistrationRepository {
  public static final String REGISTRATION_ID = "govflow";

  private final SsoProperties props;
  private final String redirectBase;
  private volatile Metadata metadata;

  public OidcProvider(SsoProperties props, String publicUrl) {
    this.props = props;
    this.redirectBase = SsoProperties.trimSlash(publicUrl);
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    return REGISTRATION_ID.equals(registrationId) ? metadata().registration() : null;
  }

  /**
   * A decoder that validates signature, expiry, issuer, and that the token was issued for GovFlow (audience or
   * authorized party one of GovFlow's clients), and that it is an access token, not an ID token.
   */
  public JwtDecoder jwtDecoder() {
    TokenAudienceValidator audience = new TokenAudienceValidator(props.acceptedAudiences());
    AccessTokenTypeValidator accessTokensOnly = new AccessTokenTypeValidator(props.embedded());
    Supplier<JwtDecoder> decoder = () -> {
      // The JOSE typ is judged by AccessTokenTypeValidator: Nimbus' default would refuse RFC 9068's at+jwt.
      NimbusJwtDecoder d = NimbusJwtDecoder.withJwkSetUri(metadata().jwksUri()).validateType(false).build();
      d.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
          JwtValidators.createDefaultWithIssuer(props.issuerUri()), audience, accessTokensOnly));
      return d;
    };
    return new org.springframework.security.oauth2.jwt.SupplierJwtDecoder(decoder);
  }

  public String endSessionEndpoint() {
    return metadata().endSessionEndpoint();
  }

  private Metadata metadata() {
    Metadata m = metadata;
    if (m == null) {
      synchronized (this) {
        m = metadata;
        if (m == null) {
          m = props.embedded() ? embedded() : discover();
          metadata = m;
        }
      }
    }
    return m;
  }

  /** The embedded issuer's endpoints are Spring Authorization Server's defaults under the issuer URI. */
  private Metadata embedded() {
    String base = SsoProperties.trimSlash(props.issuerUri());
    return build(base + "/oauth2/authorize", base + "/oauth2/token", base + "/oauth2/jwks", base + "/userinfo",
        base + "/connect/logout");
  }

  private Metadata discover() {
    Map<String, Object> doc = RestClient.create().get().uri(props.discoveryLocation()).retrieve()
        .body(new ParameterizedTypeReference<>() {});
    if (doc == null || !props.issuerUri().equals(doc.get("issuer"))) {
      throw new IllegalStateException("OIDC discovery at " + props.discoveryLocation() + " names issuer "
          + (doc == null ? null : doc.get("issuer")) + ", expected " + props.issuerUri());
    }
    return build((String) doc.get("authorization_endpoint"), (String) doc.get("token_endpoint"),
        (String) doc.get("jwks_uri"), (String) doc.get("userinfo_endpoint"), (String) doc.get("end_session_endpoint"));
  }

  private Metadata build(String authorize, String token, String jwks, String userInfo, String endSession) {
    ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
        .clientId(props.clientId())
        .clientSecret(props.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(redirectBase + "/login/oauth2/code/" + REGISTRATION_ID)
        .scope("openid", "profile", "email")
        .authorizationUri(authorize)
        .tokenUri(token)
        .jwkSetUri(jwks)
        .userInfoUri(userInfo)
        .userNameAttributeName(IdTokenClaimNames.SUB)
        .issuerUri(props.issuerUri())
        .providerConfigurationMetadata(endSession == null ? Map.of() : Map.of("end_session_endpoint", endSession))
        .clientName("GovFlow")
        .build();
    return new Metadata(registration, jwks, endSession);
  }

  private record Metadata(ClientRegistration registration, String jwksUri, String endSessionEndpoint) {}
}
