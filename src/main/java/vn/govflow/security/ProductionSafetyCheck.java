package vn.govflow.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;

/**
 * Refuses to start GovFlow on a public address with the demo's defaults: demo data (accounts with a published
 * password, the province administrator among them), the known client secrets, or the embedded issuer signing
 * with a key GovFlow generated for itself.
 *
 * <p>"Default key material" here: when no key is given, the embedded issuer creates an RSA key on first start
 * and keeps it, unprotected, in {@code ${govflow.data-dir}/sso/} beside the database and the files. Nobody chose
 * it, nobody rotates it, and it travels with every copy of the data folder (a backup, a copied demo folder, a
 * volume). On a public address the operator must hand the issuer its key ({@code GOVFLOW_SSO_SIGNING_KEY_FILE})
 * or sign in with an external issuer ({@code GOVFLOW_SSO_EMBEDDED=false}).
 *
 * <p>Runs as an environment post-processor: before the database, the engine or the demo loader touch anything.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor, Ordered {
  static final String DEFAULT_WEB_SECRET = "govflow-web-secret";
  static final String DEFAULT_SERVICE_SECRET = "govflow-service-secret";
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new ProductionSafetyException(environment.getProperty("govflow.public-url"), problems);
    }
  }

  /** Runs after the configuration files are read (ConfigData runs at HIGHEST_PRECEDENCE + 10). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** What must be set before this configuration may run on its public address; empty when it may. */
  static List<String> problems(PropertyResolver env) {
    String publicUrl = env.getProperty("govflow.public-url", "http://localhost:8080");
    if (isLocal(publicUrl)) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    if (env.getProperty("govflow.demo-data", Boolean.class, true)) {
      problems.add("GOVFLOW_DEMO_DATA=false (demo data loads accounts whose password is published in the README)");
    }
    if (DEFAULT_WEB_SECRET.equals(env.getProperty("govflow.sso.client-secret", DEFAULT_WEB_SECRET))) {
      problems.add("GOVFLOW_SSO_CLIENT_SECRET=<a secret of your own> (the web client's secret is the published "
          + "default)");
    }
    boolean embedded = env.getProperty("govflow.sso.embedded", Boolean.class, true);
    if (embedded) {
      // The service client exists only at the embedded issuer; with Keycloak it is the realm's business.
      if (DEFAULT_SERVICE_SECRET.equals(env.getProperty("govflow.sso.service-client-secret",
          DEFAULT_SERVICE_SECRET))) {
        problems.add("GOVFLOW_SSO_SERVICE_CLIENT_SECRET=<a secret of your own> (the service client's secret is "
            + "the published default)");
      }
      String keyFile = env.getProperty("govflow.sso.signing-key-file", "");
      if (keyFile.isBlank()) {
        problems.add("GOVFLOW_SSO_SIGNING_KEY_FILE=<path to your RSA private key as a JWK (JSON)> (otherwise the "
            + "embedded issuer signs with a key it generated itself into the data folder), or "
            + "GOVFLOW_SSO_EMBEDDED=false with an external issuer such as Keycloak");
      }
    }
    return problems;
  }

  /** localhost, 127.0.0.1 or ::1: a machine nobody else reaches. Anything unreadable counts as public. */
  static boolean isLocal(String url) {
    try {
      String host = URI.create(url.trim()).getHost();
      return host != null && LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The refusal, with every setting that is missing, so one restart is enough. */
  public static class ProductionSafetyException extends IllegalStateException {
    private final List<String> problems;

    ProductionSafetyException(String publicUrl, List<String> problems) {
      super(message(publicUrl, problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }

    private static String message(String publicUrl, List<String> problems) {
      StringBuilder b = new StringBuilder("GovFlow will not start on the public address ").append(publicUrl)
          .append(" with the demo's defaults. Set these environment variables:");
      problems.forEach(p -> b.append("\n  - ").append(p));
      b.append("\n(GovFlow runs with the demo defaults only when GOVFLOW_PUBLIC_URL is localhost, 127.0.0.1 or ::1.)");
      return b.toString();
    }
  }
}
