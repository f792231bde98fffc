package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claims and headers below are those Keycloak 26 and Spring Authorization Server 1.5 put in their tokens. */
class AccessTokenTypeValidatorTest {
  private final AccessTokenTypeValidator external = new AccessTokenTypeValidator(false);
  private final AccessTokenTypeValidator embedded = new AccessTokenTypeValidator(true);

  @Test
  void keycloaksIdTokenIsRefusedAndItsAccessTokenPasses() {
    Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT");
    Jwt idToken = jwt(header, Map.of("typ", "ID", "azp", "govflow-web", "aud", List.of("govflow-web"),
        "nonce", "n-0S6", "at_hash", "x", "sid", "s"));
    Jwt accessToken = jwt(header, Map.of("typ", "Bearer", "azp", "govflow-web", "aud", List.of("account"),
        "sid", "s", "scope", "openid profile email"));
    assertThat(external.validate(idToken).getErrors()).containsExactly(AccessTokenTypeValidator.NOT_AN_ACCESS_TOKEN);
    assertThat(external.validate(accessToken).hasErrors()).isFalse();
    // Keycloak's refresh and logout tokens are no bearer credentials either.
    assertThat(external.validate(jwt(header, Map.of("typ", "Refresh"))).hasErrors()).isTrue();
    assertThat(external.validate(jwt(header, Map.of("typ", "Logout"))).hasErrors()).isTrue();
  }

  @Test
  void theEmbeddedIssuersAccessTokensAreMarkedAndItsIdTokensAreNot() {
    Jwt accessToken = jwt(Map.of("alg", "RS256", "typ", "at+jwt"),
        Map.of("aud", List.of("govflow-web"), "scope", List.of("openid", "profile")));
    // An ID token from a refresh: azp, sid, auth_time, but no nonce and no typ at all.
    Jwt refreshedIdToken = jwt(Map.of("alg", "RS256"),
        Map.of("aud", List.of("govflow-web"), "azp", "govflow-web", "sid", "s", "auth_time", Instant.now()));
    assertThat(embedded.validate(accessToken).hasErrors()).isFalse();
    assertThat(embedded.validate(refreshedIdToken).hasErrors()).isTrue();
    assertThat(embedded.validate(jwt(Map.of("alg", "RS256", "typ", "JWT"), Map.of("nonce", "n"))).hasErrors())
        .isTrue();
  }

  @Test
  void rfc9068TypeIsAcceptedInEitherSpellingAndOtherTypesAreNot() {
    assertThat(external.validate(jwt(Map.of("alg", "RS256", "typ", "application/at+jwt"), Map.of())).hasErrors())
        .isFalse();
    assertThat(external.validate(jwt(Map.of("alg", "RS256", "typ", "logout+jwt"), Map.of())).hasErrors()).isTrue();
  }

  @Test
  void anUnmarkedTokenFromAnExternalIssuerPassesUnlessItCarriesIdTokenClaims() {
    Map<String, Object> header = Map.of("alg", "RS256");
    assertThat(external.validate(jwt(header, Map.of("scope", "api"))).hasErrors()).isFalse();
    assertThat(external.validate(jwt(header, Map.of("nonce", "n"))).hasErrors()).isTrue();
    assertThat(external.validate(jwt(header, Map.of("c_hash", "c"))).hasErrors()).isTrue();
  }

  private static Jwt jwt(Map<String, Object> headers, Map<String, Object> claims) {
    Map<String, Object> all = new HashMap<>(claims);
    all.putIfAbsent("sub", "hapt.skhcn");
    return new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), headers, all);
  }
}
