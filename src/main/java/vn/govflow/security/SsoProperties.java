package vn.govflow.security;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where sign-in happens. {@code embedded=true} runs the issuer inside GovFlow (Spring Authorization Server,
 * people and passwords from our tables); otherwise {@code issuerUri} names an external OIDC issuer such as
 * Keycloak. {@code discoveryUri} lets a container reach the issuer by an internal name while tokens and the
 * browser use the public {@code issuerUri}. {@code audiences} names the clients whose tokens GovFlow accepts
 * (default: the web and the service client); a token of any other client of the same issuer is refused.
 */
@ConfigurationProperties("govflow.sso")
public record SsoProperties(
    boolean embedded,
    String issuerUri,
    String discoveryUri,
    String clientId,
    String clientSecret,
    String serviceClientId,
    String serviceClientSecret,
    List<String> audiences) {

  /** The client ids a bearer token must be issued for (its {@code aud} or {@code azp}). */
  public List<String> acceptedAudiences() {
    List<String> configured = audiences == null ? List.of()
        : audiences.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
    if (!configured.isEmpty()) {
      return configured;
    }
    return Stream.of(clientId, serviceClientId).filter(a -> a != null && !a.isBlank()).distinct().toList();
  }

  public String discoveryLocation() {
    String base = discoveryUri == null || discoveryUri.isBlank() ? issuerUri : discoveryUri;
    return trimSlash(base) + "/.well-known/openid-configuration";
  }

  static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
