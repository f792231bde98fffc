package vn.govflow.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys in PKCS#12 files under one directory: {@code person-<username>.p12} and {@code agency-<code>.p12}. With the
 * demo CA on, a missing file is issued on first use by the demo root ({@code demo-ca.p12}, made on first start and
 * kept); with it off, an operator puts the files there (exported from the official-use tokens' issuer).
 */
class KeystoreKeys {
  private static final Logger log = LoggerFactory.getLogger(KeystoreKeys.class);
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
  static final Duration LEAF_VALIDITY = Duration.ofDays(3 * 365);
  static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);

  private final Path dir;
  private final char[] password;
  private final String crlUrl;
  private final Clock clock;
  private final SigningKey demoRoot;

  KeystoreKeys(Path dir, char[] password, boolean demoCa, String crlUrl, Clock clock) {
    this.dir = dir;
    this.password = password.clone();
    this.crlUrl = crlUrl;
    this.clock = clock;
    this.demoRoot = demoCa ? loadOrCreateRoot() : null;
  }

  /** Where the key files (and the appearance images) are. */
  Path dir() {
    return dir;
  }

  Optional<X509Certificate> demoRoot() {
    return Optional.ofNullable(demoRoot).map(SigningKey::certificate);
  }

  /** The demo CA's current CRL (it revokes nothing: demo keys are never compromised); empty with the demo CA off. */
  Optional<X509CRL> demoCrl() {
    return Optional.ofNullable(demoRoot)
        .map(r -> Certificates.crl(r.certificate(), r.key(), Map.of(), clock.instant().minusSeconds(60)));
  }

  SigningKey person(String username, String fullName, String agencyCode, String agencyName) {
    // CN = the full name, O = the agency, organizationIdentifier = its code, UID = the username (rule in decisions.md).
    return loadOrIssue("person-" + safe(username) + ".p12",
        () -> Certificates.subject(fullName, agencyName, agencyCode, username));
  }

  SigningKey agency(String agencyCode, String agencyName) {
    // No UID: a certificate without a personal identifier is the agency's.
    return loadOrIssue("agency-" + safe(agencyCode) + ".p12",
        () -> Certificates.subject(agencyName, agencyName, agencyCode, null));
  }

  static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

  /**
   * The image of a person's hand signature ({@code signature-<username>.png}) or an agency's seal
   * ({@code seal-<code>.png}) an operator put in the keystore directory; empty when there is none or it is not a
   * PNG of at most 2 MB (the appearance is then text, or the drawn seal).
   */
  java.util.Optional<byte[]> image(String kind, String name) {
    Path file = dir.resolve(kind + "-" + safe(name) + ".png");
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_IMAGE_BYTES) {
        return java.util.Optional.empty();
      }
      byte[] png = Files.readAllBytes(file);
      if (png.length < 8 || png[0] != (byte) 0x89 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
        log.warn("{} is not a PNG: the appearance stays text", file);
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(png);
    } catch (java.io.IOException e) {
      log.warn("Cannot read {}: {}", file, e.toString());
      return java.util.Optional.empty();
    }
  }

  /** The embedded time-stamping authority's key ({@code tsa.p12}; with the demo CA on, issued on first use). */
  SigningKey tsa() {
    return loadOrIssue("tsa.p12", () -> Certificates.subject("GovFlow Demo TSA (không dùng cho văn bản thật)",
        "GovFlow", null, null), true);
  }

  private SigningKey loadOrIssue(String fileName, java.util.function.Supplier<org.bouncycastle.asn1.x500.X500Name> subject) {
    return loadOrIssue(fileName, subject, false);
  }

  private synchronized SigningKey loadOrIssue(String fileName,
                                              java.util.function.Supplier<org.bouncycastle.asn1.x500.X500Name> subject,
                                              boolean timeStamping) {
    Path file = dir.resolve(fileName);
    if (Files.exists(file)) {
      return Certificates.readPkcs12(file, password);
    }
    if (demoRoot == null) {
      throw SigningRefused.unprocessable("signing-no-certificate",
          "Chưa có chứng thư số để ký (" + fileName + "). Đề nghị quản trị viên nạp chứng thư số.",
          "No certificate to sign with (" + fileName + "). Ask the administrator to install it.");
    }
    Instant now = clock.instant();
    KeyPair keys = Certificates.newKeyPair();
    X509Certificate cert = timeStamping
        ? Certificates.issueTsa(demoRoot.certificate(), demoRoot.key(), subject.get(), keys.getPublic(),
            now.minusSeconds(60), now.plus(LEAF_VALIDITY), crlUrl)
        : Certificates.issue(demoRoot.certificate(), demoRoot.key(), subject.get(), keys.getPublic(),
            now.minusSeconds(60), now.plus(LEAF_VALIDITY), crlUrl);
    SigningKey key = new SigningKey(keys.getPrivate(), List.of(cert, demoRoot.certificate()));
    Certificates.writePkcs12(file, "signing", key, password);
    log.info("Demo CA issued a signing certificate {} (serial {})", fileName, cert.getSerialNumber().toString(16));
    return key;
  }

  private SigningKey loadOrCreateRoot() {
    Path file = dir.resolve("demo-ca.p12");
    if (Files.exists(file)) {
      return Certificates.readPkcs12(file, password);
    }
    Instant now = clock.instant();
    KeyPair keys = Certificates.newKeyPair();
    X509Certificate root = Certificates.root(
        Certificates.subject("GovFlow Demo CA (không dùng cho văn bản thật)", "GovFlow", null, null), keys,
        now.minusSeconds(3600), now.plus(ROOT_VALIDITY));
    SigningKey key = new SigningKey(keys.getPrivate(), List.of(root));
    Certificates.writePkcs12(file, "demo-ca", key, password);
    log.info("Created the demo certification authority in {}", file);
    return key;
  }

  private static String safe(String name) {
    if (name == null || !SAFE_NAME.matcher(name).matches()) {
      throw SigningRefused.unprocessable("signing-bad-name", "Tên người ký hoặc mã cơ quan không hợp lệ.",
          "The signer's name or agency code is not valid.");
    }
    return name;
  }
}
