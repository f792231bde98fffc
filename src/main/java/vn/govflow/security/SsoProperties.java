package vn.govflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where sign-in happens. {@code embedded=true} runs the issuer inside GovFlow (Spring Authorization Server,
 * people and passwords from our tables); otherwise {@code issuerUri} names an external OIDC issuer such as
 * Keycloak. {@code discoveryUri} lets a container reach the issuer by an internal name while tokens and the
 * browser use the public {@code issuerUri}.
 */
@ConfigurationProperties("govflow.sso")
public record SsoProperties(
    boolean embedded,
    String issuerUri,
    String discoveryUri,
    String clientId,
    String clientSecret,
    String serviceClientId,
    String serviceClientSecret) {

  public String discoveryLocation() {
    String base = discoveryUri == null || discoveryUri.isBlank() ? issuerUri : discoveryUri;
    return trimSlash(base) + "/.well-known/openid-configuration";
  }

  static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
