package vn.govflow.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates, CRLs and PKCS#12 files with BouncyCastle: ECDSA P-256 keys and SHA-256 (Circular 15/2025 App I
 * allows ECDSA ≥ 256 bits; P-256 keys are quick to make, which keeps first use and the tests fast).
 */
final class Certificates {
  static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private Certificates() {}

  /** The subject of a person's or an agency's certificate. null values are left out. */
  static X500Name subject(String commonName, String organisation, String organisationIdentifier, String uid) {
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
    b.addRDN(BCStyle.C, "VN");
    if (organisation != null) {
      b.addRDN(BCStyle.O, organisation);
    }
    if (organisationIdentifier != null) {
      b.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, organisationIdentifier);
    }
    b.addRDN(BCStyle.CN, commonName);
    if (uid != null) {
      b.addRDN(BCStyle.UID, uid);
    }
    return b.build();
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static X509Certificate root(X500Name name, KeyPair keys, Instant from, Instant to) {
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from), Date.from(to),
          name, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      return sign(b, keys.getPrivate());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A subordinate CA's certificate (a province's chain may be root → sub-CA → signer), with its CRL point. */
  static X509Certificate intermediate(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, PublicKey key,
                                      Instant from, Instant to, String crlUrl) {
    return issued(issuer, issuerKey, subject, key, from, to, new BasicConstraints(0),
        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign), null, false, crlUrl, null);
  }

  /** A signing certificate (non-repudiation, document signing) issued by issuer, with a CRL distribution point. */
  static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, PublicKey key,
                               Instant from, Instant to, String crlUrl) {
    return issue(issuer, issuerKey, subject, key, from, to, crlUrl, null);
  }

  /** The same with an OCSP responder in the Authority Information Access extension. */
  static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, PublicKey key,
                               Instant from, Instant to, String crlUrl, String ocspUrl) {
    ExtendedKeyUsage documentSigning = new ExtendedKeyUsage(KeyPurposeId.getInstance(
        new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")));
    return issued(issuer, issuerKey, subject, key, from, to, new BasicConstraints(false),
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), documentSigning, false, crlUrl, ocspUrl);
  }

  /** A time-stamping authority's certificate (RFC 3161 §2.3: the only, critical, extended key usage timeStamping). */
  static X509Certificate issueTsa(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, PublicKey key,
                                  Instant from, Instant to, String crlUrl) {
    return issued(issuer, issuerKey, subject, key, from, to, new BasicConstraints(false),
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping), true, crlUrl, null);
  }

  /** A certificate issued by issuer: what differs between kinds is passed in; the key identifiers and the
   *  revocation pointers (CRL distribution point, OCSP responder) are the same for all. */
  private static X509Certificate issued(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, PublicKey key,
                                        Instant from, Instant to, BasicConstraints constraints, KeyUsage usage,
                                        ExtendedKeyUsage extendedUsage, boolean extendedUsageCritical,
                                        String crlUrl, String ocspUrl) {
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to),
          subject, key)
          .addExtension(Extension.basicConstraints, true, constraints)
          .addExtension(Extension.keyUsage, true, usage);
      if (extendedUsage != null) {
        b.addExtension(Extension.extendedKeyUsage, extendedUsageCritical, extendedUsage);
      }
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key))
          .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
      if (crlUrl != null) {
        DistributionPoint dp = new DistributionPoint(new DistributionPointName(
            new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null);
        b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {dp}));
      }
      if (ocspUrl != null) {
        b.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
            org.bouncycastle.asn1.x509.X509ObjectIdentifiers.ocspAccessMethod,
            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
      }
      return sign(b, issuerKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A CRL of issuer listing the given serials (revoked at the given times, key compromise). */
  static X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, Map<BigInteger, Instant> revoked, Instant now) {
    try {
      X509v2CRLBuilder b = new X509v2CRLBuilder(
          X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), Date.from(now));
      b.setNextUpdate(Date.from(now.plusSeconds(86_400)));
      revoked.forEach((serial, at) -> b.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
      b.addExtension(Extension.authorityKeyIdentifier, false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
      ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey);
      return new JcaX509CRLConverter().getCRL(b.build(signer));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  static void writePkcs12(Path file, String alias, SigningKey key, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(alias, key.key(), password, key.chain().toArray(new Certificate[0]));
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ks.store(out, password);
      }
      // Atomic: a crash leaves the old file or the new one, never half a keystore.
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot write the keystore " + file, e);
    }
  }

  static SigningKey readPkcs12(Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      for (String alias : java.util.Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)) {
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : ks.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return new SigningKey((PrivateKey) ks.getKey(alias, password), List.copyOf(chain));
        }
      }
      throw new IllegalStateException("No private key in the keystore " + file);
    } catch (IOException e) {
      // A wrong password shows as an IOException from PKCS#12: say which file, never the password.
      throw new IllegalStateException("Cannot read the keystore " + file + " (wrong govflow.signing.keystore-password?)",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the keystore " + file, e);
    }
  }

  static List<X509Certificate> readPem(byte[] pem) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
        out.add((X509Certificate) c);
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Not a PEM certificate", e);
    }
  }

  static String pem(X509Certificate cert) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
    try {
      ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
      return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(96, RANDOM).setBit(95);
  }
}
