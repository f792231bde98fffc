package vn.govflow.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.audit.AuditLog;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.IdentityDirectory;

/**
 * Wires the embedded signing. A province with a remote signing service or tokens declares its own
 * {@link DocumentSigning} bean and this one steps aside.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class SigningConfig {
  private static final Logger log = LoggerFactory.getLogger(SigningConfig.class);

  @Bean
  KeystoreKeys signingKeys(SigningProperties props, @Value("${govflow.data-dir:./data}") String dataDir,
                           @Value("${govflow.public-url}") String publicUrl) {
    Path dir = props.keystoreDir() != null ? props.keystoreDir() : Path.of(dataDir, "signing");
    if (props.demoCa() && !publicUrl.matches("https?://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?/?")) {
      log.warn("The demo certification authority is on at {}: its signatures are not official-use signatures. "
          + "Set GOVFLOW_SIGNING_DEMO_CA=false and GOVFLOW_SIGNING_TRUSTED_ROOTS for real documents.", publicUrl);
    }
    return new KeystoreKeys(dir, props.keystorePassword().toCharArray(), props.demoCa(),
        stripSlash(publicUrl) + PkiController.DEMO_CRL, Clock.systemUTC());
  }

  @Bean
  SignatureVerifier signatureVerifier(SigningProperties props, KeystoreKeys keys) {
    List<X509Certificate> roots = new ArrayList<>();
    keys.demoRoot().ifPresent(roots::add);
    for (Path pem : props.trustedRoots()) {
      try {
        roots.addAll(Certificates.readPem(Files.readAllBytes(pem)));
      } catch (IOException e) {
        throw new UncheckedIOException("govflow.signing.trusted-roots: cannot read " + pem, e);
      }
    }
    List<X509Certificate> trusted = List.copyOf(roots);
    Optional<X509Certificate> demo = keys.demoRoot();
    return new SignatureVerifier(() -> trusted,
        issuer -> demo.filter(issuer::equals).flatMap(d -> keys.demoCrl()), props.revocationTimeout());
  }

  /** A province with its own time-stamping client declares a TimeStamping bean and this one steps aside. */
  @Bean
  @ConditionalOnMissingBean(TimeStamping.class)
  TimeStamping timeStamping(SigningProperties props, KeystoreKeys keys) {
    if (props.tsaUrl() != null) {
      log.info("Signature timestamps from {}", props.tsaUrl());
      return new HttpTimeStamping(props.tsaUrl(), props.tsaTimeout());
    }
    return new EmbeddedTimeStampAuthority(keys::tsa, Clock.systemUTC());
  }

  @Bean
  PadesSigner padesSigner(SigningProperties props, TimeStamping timeStamping) {
    PadesSigner signer = new PadesSigner(props.font(), props.boldFont(), timeStamping);
    try {
      signer.requireFonts();
    } catch (IllegalStateException e) {
      // Starting without the font is allowed (verification works); signing will fail with this message.
      log.warn("{}", e.getMessage());
    }
    return signer;
  }

  @Bean
  @ConditionalOnMissingBean(DocumentSigning.class)
  DocumentSigning documentSigning(KeystoreKeys keys, PadesSigner signer, SignatureVerifier verifier,
                                  IdentityDirectory directory, CurrentUserProvider users, AuditLog audit,
                                  SigningProperties props) {
    return new EmbeddedDocumentSigning(keys, signer, verifier, directory, users, audit, props, Clock.systemUTC());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
