package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenAudienceValidatorTest {
  private final TokenAudienceValidator validator = new TokenAudienceValidator(List.of("govflow-web", "govflow-service"));

  @Test
  void aTokenForAnotherClientOfTheSameIssuerIsRefused() {
    // What Keycloak issues to admin-cli (a password grant) for a GovFlow person.
    Jwt adminCli = jwt(Map.of("azp", "admin-cli", "aud", List.of("account"), "preferred_username", "hapt.skhcn"));
    assertThat(validator.validate(adminCli).hasErrors()).isTrue();
    assertThat(validator.validate(adminCli).getErrors()).first()
        .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo("invalid_token"));
    assertThat(validator.validate(jwt(Map.of("sub", "x"))).hasErrors()).isTrue();
  }

  @Test
  void govflowsOwnClientsPassByAudienceOrAuthorizedParty() {
    // Keycloak: the requesting client is the authorized party, the audience names other services.
    assertThat(validator.validate(jwt(Map.of("azp", "govflow-web", "aud", List.of("account")))).hasErrors())
        .isFalse();
    // Spring Authorization Server: the client is the audience.
    assertThat(validator.validate(jwt(Map.of("aud", List.of("govflow-service")))).hasErrors()).isFalse();
  }

  @Test
  void theListDefaultsToTheTwoClientsAndCanBeConfigured() {
    SsoProperties defaults = new SsoProperties(false, "http://kc", null, "govflow-web", "s", "govflow-service", "s",
        null);
    assertThat(defaults.acceptedAudiences()).containsExactly("govflow-web", "govflow-service");
    SsoProperties configured = new SsoProperties(false, "http://kc", null, "govflow-web", "s", "govflow-service", "s",
        List.of("govflow-web", " reports ", ""));
    assertThat(configured.acceptedAudiences()).containsExactly("govflow-web", "reports");
    assertThatThrownBy(() -> new TokenAudienceValidator(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60)).claim("iss", "http://kc/realms/govflow");
    claims.forEach(b::claim);
    return b.build();
  }
}
