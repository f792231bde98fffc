package vn.govflow.signing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the signing module ({@code govflow.signing.*}); application.yaml needs no entry.
 *
 * @param keystoreDir      PKCS#12 files: {@code person-<username>.p12}, {@code agency-<code>.p12} and the demo CA's
 *                         {@code demo-ca.p12}; when unset, {@code ${govflow.data-dir}/signing}
 * @param keystorePassword password of every PKCS#12 file in keystoreDir (never logged)
 * @param demoCa           true: a demo certification authority issues missing certificates and is trusted;
 *                         a province with real official-use certificates sets false
 * @param trustedRoots     PEM files of further trusted root certificates (the Ban Cơ yếu root in production)
 * @param font             TrueType font of the visible appearances (must hold Vietnamese letters)
 * @param boldFont         its bold face
 * @param italicFont       its italic face (the date line)
 * @param revocationTimeout time allowed to fetch a CRL from a certificate's distribution point
 * @param tsaUrl           an RFC 3161 time-stamping authority (HTTP POST application/timestamp-query); when unset,
 *                         the embedded one ({@code tsa.p12} in keystoreDir, issued by the demo CA when it is on)
 * @param tsaTimeout       time allowed for the authority's answer
 */
@ConfigurationProperties("govflow.signing")
public record SigningProperties(
    Path keystoreDir,
    @DefaultValue("govflow-demo-keystore") String keystorePassword,
    @DefaultValue("true") boolean demoCa,
    @DefaultValue List<Path> trustedRoots,
    @DefaultValue("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf") Path font,
    @DefaultValue("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf") Path boldFont,
    @DefaultValue("/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf") Path italicFont,
    @DefaultValue("5s") Duration revocationTimeout,
    java.net.URI tsaUrl,
    @DefaultValue("10s") Duration tsaTimeout) {

  public SigningProperties {
    trustedRoots = trustedRoots == null ? List.of() : List.copyOf(trustedRoots);
    if (keystorePassword == null || keystorePassword.isEmpty()) {
      keystorePassword = "govflow-demo-keystore";
    }
    if (font == null) {
      font = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");
    }
    if (boldFont == null) {
      boldFont = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf");
    }
    if (italicFont == null) {
      italicFont = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf");
    }
    if (revocationTimeout == null) {
      revocationTimeout = Duration.ofSeconds(5);
    }
    if (tsaTimeout == null) {
      tsaTimeout = Duration.ofSeconds(10);
    }
  }

  /** Never print the password (the record's default toString would). */
  @Override
  public String toString() {
    return "SigningProperties[keystoreDir=" + keystoreDir + ", demoCa=" + demoCa + ", trustedRoots=" + trustedRoots
        + ", font=" + font + ", tsaUrl=" + tsaUrl + "]";
  }
}
