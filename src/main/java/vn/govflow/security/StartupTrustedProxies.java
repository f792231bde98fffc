package vn.govflow.security;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Whose X-Forwarded-For / X-Forwarded-Proto Tomcat believes: only the proxies named in
 * {@code govflow.trusted-proxies} ({@code GOVFLOW_TRUSTED_PROXIES}), none by default. Spring Boot's own default
 * trusts every private and loopback address, so anyone on the same network (or a container beside GovFlow)
 * could claim another address in the audit log and around the portal's rate limit.
 *
 * <p>The setting is a comma-separated list of exact addresses ({@code 10.0.0.5, 10.0.0.6}) or, when it is not
 * such a list, one regular expression in Tomcat's RemoteIpValve syntax ({@code 10\.0\.0\.\d+}).
 */
@Component
class StartupTrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]+");

  private final String trustedProxies;

  StartupTrustedProxies(@Value("${govflow.trusted-proxies:}") String trustedProxies) {
    this.trustedProxies = trustedProxies == null ? "" : trustedProxies.strip();
  }

  /** After Spring Boot's Tomcat customizer, which creates the valve with its permissive default. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    String regex = regex(trustedProxies);
    boolean found = false;
    for (Valve valve : factory.getEngineValves()) {
      if (valve instanceof RemoteIpValve remoteIp) {
        // Empty: Tomcat then trusts no proxy at all and ignores the headers from everyone.
        remoteIp.setInternalProxies(regex);
        remoteIp.setTrustedProxies("");
        found = true;
      }
    }
    if (!found && !regex.isEmpty()) {
      RemoteIpValve remoteIp = new RemoteIpValve();
      remoteIp.setRemoteIpHeader("X-Forwarded-For");
      remoteIp.setProtocolHeader("X-Forwarded-Proto");
      remoteIp.setInternalProxies(regex);
      remoteIp.setTrustedProxies("");
      factory.addEngineValves(remoteIp);
    }
  }

  /** The setting as the valve's regular expression; empty means no proxy is trusted. */
  static String regex(String setting) {
    if (setting == null || setting.isBlank()) {
      return "";
    }
    List<String> items = Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (items.stream().allMatch(s -> ADDRESS.matcher(s).matches())) {
      return items.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }
    Pattern.compile(setting.strip()); // a broken expression stops the start here, with the reason
    return setting.strip();
  }
}
