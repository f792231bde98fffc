package vn.govflow.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A bearer token is GovFlow's only when it was issued for one of GovFlow's clients: its {@code aud} names one,
 * or its authorized party ({@code azp}) is one. The issuer alone is not enough: every client of a Keycloak
 * realm (admin-cli included) gets tokens from the same issuer for the same people.
 *
 * <p>Both forms are needed: Keycloak puts the requesting client in {@code azp} and other services in
 * {@code aud} (often just "account"); Spring Authorization Server puts the client in {@code aud}.
 */
public class TokenAudienceValidator implements OAuth2TokenValidator<Jwt> {
  private static final OAuth2Error NOT_FOR_GOVFLOW = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
      "The token was not issued for GovFlow (audience or authorized party)", null);

  private final Set<String> accepted;

  public TokenAudienceValidator(List<String> accepted) {
    if (accepted == null || accepted.isEmpty()) {
      // Failing closed here would refuse every token; failing open would accept any client's. Neither is a
      // configuration anyone means: refuse to start.
      throw new IllegalArgumentException("govflow.sso.audiences (or the client ids) must name at least one client");
    }
    this.accepted = Set.copyOf(accepted);
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    List<String> audience = token.getAudience();
    if (audience != null && audience.stream().anyMatch(accepted::contains)) {
      return OAuth2TokenValidatorResult.success();
    }
    String azp = token.getClaimAsString("azp");
    if (azp != null && accepted.contains(azp)) {
      return OAuth2TokenValidatorResult.success();
    }
    return OAuth2TokenValidatorResult.failure(NOT_FOR_GOVFLOW);
  }
}
