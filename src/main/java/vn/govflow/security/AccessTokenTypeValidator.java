package vn.govflow.security;

import java.util.List;
import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Only access tokens are bearer credentials. An ID token is signed by the same issuer, names the same person and
 * GovFlow's client in {@code aud}: without this check it would open /api and /engine-rest like an access token.
 *
 * <p>How each issuer marks its tokens:
 * <ul>
 *   <li>RFC 9068: JOSE header {@code typ: at+jwt} is an access token. The embedded issuer (Spring Authorization
 *       Server, which sets no {@code typ} by itself) is configured to mark its access tokens so, and its ID
 *       tokens with Keycloak's claim {@code typ: ID}, see EmbeddedIssuerConfig; Keycloak can, per client.</li>
 *   <li>Keycloak: claim {@code typ} is {@code Bearer} for access tokens, {@code ID} for ID tokens (and
 *       {@code Refresh}, {@code Logout}, ... for the others); its header {@code typ} is just {@code JWT}.</li>
 *   <li>Any other JOSE {@code typ} ({@code logout+jwt}, {@code secevent+jwt}, ...) is not an access token.</li>
 * </ul>
 * A token with no marker at all is refused when it carries what only ID tokens carry ({@code nonce},
 * {@code at_hash}, {@code c_hash}); with the embedded issuer, whose access tokens are always marked, it is
 * refused outright (its ID tokens have no {@code nonce} after a refresh).
 */
public class AccessTokenTypeValidator implements OAuth2TokenValidator<Jwt> {
  static final String DESCRIPTION = "Only an access token is accepted as a bearer token (this is an ID token or"
      + " another kind of token)";
  static final OAuth2Error NOT_AN_ACCESS_TOKEN = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, DESCRIPTION, null);
  private static final List<String> ID_TOKEN_ONLY_CLAIMS = List.of("nonce", "at_hash", "c_hash");

  private final boolean requireMarker;

  /** @param requireMarker refuse tokens that carry no access-token marker (for an issuer known to mark them) */
  public AccessTokenTypeValidator(boolean requireMarker) {
    this.requireMarker = requireMarker;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    Object header = token.getHeaders().get("typ");
    if (header != null) {
      String type = header.toString().toLowerCase(Locale.ROOT);
      if (type.startsWith("application/")) {
        type = type.substring("application/".length());
      }
      if (type.equals("at+jwt")) {
        return OAuth2TokenValidatorResult.success();
      }
      if (!type.equals("jwt")) {
        return OAuth2TokenValidatorResult.failure(NOT_AN_ACCESS_TOKEN);
      }
    }
    Object claim = token.getClaims().get("typ");
    if (claim != null) {
      return "Bearer".equalsIgnoreCase(claim.toString()) ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(NOT_AN_ACCESS_TOKEN);
    }
    if (requireMarker || ID_TOKEN_ONLY_CLAIMS.stream().anyMatch(token::hasClaim)) {
      return OAuth2TokenValidatorResult.failure(NOT_AN_ACCESS_TOKEN);
    }
    return OAuth2TokenValidatorResult.success();
  }
}
