package vn.govflow.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govflow.signing.SignatureReport.Check;
import vn.govflow.signing.SignatureReport.Kind;
import vn.govflow.signing.SignatureReport.LaterChanges;
import vn.govflow.signing.SignatureReport.Revocation;
import vn.govflow.signing.SignatureReport.RevocationSource;
import vn.govflow.signing.SignatureReport.Status;

/**
 * Verifies the PAdES signatures of a PDF as Circular 15/2025 asks (domain.md §7): the signature with the attached
 * certificate's key over the bytes it covers (integrity), the path to a trusted root, validity of every certificate
 * of the path at the signing time, revocation (a CRL from the certificate's distribution point, or the demo CA's own)
 * (of every certificate of the path: the local CA's list, online OCSP or CRL, else the validation data stored in the
 * file's DSS) and what was changed after each signature. Validity is judged at the signature timestamp's time when
 * there is a valid one, else at the claimed time (/M).
 */
final class SignatureVerifier {
  private static final Logger log = LoggerFactory.getLogger(SignatureVerifier.class);
  static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss 'GMT+7'");
  private static final int MAX_CRL_BYTES = 10 * 1024 * 1024;

  private final Supplier<Collection<X509Certificate>> trusted;
  private final Function<X509Certificate, Optional<X509CRL>> localCrls;
  private final Duration timeout;
  private final HttpClient http;

  SignatureVerifier(Supplier<Collection<X509Certificate>> trusted,
                    Function<X509Certificate, Optional<X509CRL>> localCrls, Duration timeout) {
    this.trusted = trusted;
    this.localCrls = localCrls;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  SignatureReport verify(byte[] pdf) {
    if (pdf == null || pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw notPdf();
    }
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDSignatureField> fields = new ArrayList<>();
      for (PDSignatureField f : doc.getSignatureFields()) {
        if (f.getSignature() != null) {
          fields.add(f);
        }
      }
      if (fields.isEmpty()) {
        throw SigningRefused.unprocessable("signing-unsigned", "Tệp PDF không có chữ ký số.",
            "The PDF carries no digital signature.");
      }
      List<Integer> eofs = eofEnds(pdf);
      COSBase certifying = doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.PERMS) instanceof
          COSDictionary perms ? perms.getDictionaryObject(COSName.DOCMDP) : null;
      Integer docMdp = certifying instanceof COSDictionary c ? docMdpLevel(c) : null;
      fields.sort(Comparator.comparingLong(f -> end(f.getSignature())));
      Evidence stored = Evidence.stored(doc);
      List<SignatureReport.Signature> out = new ArrayList<>();
      for (PDSignatureField f : fields) {
        out.add(one(pdf, doc, f, eofs, docMdp, stored));
      }
      return new SignatureReport(out.stream().allMatch(SignatureReport.Signature::valid), eofs.size(), out);
    } catch (IOException e) {
      throw notPdf();
    }
  }

  private SignatureReport.Signature one(byte[] pdf, PDDocument doc, PDSignatureField field, List<Integer> eofs,
                                        Integer docMdp, Evidence stored) {
    PDSignature sig = field.getSignature();
    int[] br = sig.getByteRange();
    boolean rangeOk = br != null && br.length == 4 && br[0] == 0 && br[1] > 0 && br[2] > br[1] && br[3] >= 0
        && (long) br[2] + br[3] <= pdf.length && pdf[br[1]] == '<' && pdf[br[2] - 1] == '>';
    OffsetDateTime signingTime = sig.getSignDate() == null ? null
        : sig.getSignDate().toInstant().atZone(VIETNAM).toOffsetDateTime();
    Texts t = new Texts();
    X509Certificate cert = null;
    List<X509Certificate> attached = new ArrayList<>();
    boolean integrity = false;
    SignerInformation signerInfo = null;
    if (rangeOk) {
      try {
        byte[] signed = new byte[br[1] + br[3]];
        System.arraycopy(pdf, 0, signed, 0, br[1]);
        System.arraycopy(pdf, br[2], signed, br[1], br[3]);
        byte[] contents = hex(pdf, br[1] + 1, br[2] - 1);
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> all = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) null);
        for (X509CertificateHolder h : all) {
          attached.add(conv.getCertificate(h));
        }
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        signerInfo = si;
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> mine = cms.getCertificates().getMatches(si.getSID());
        if (!mine.isEmpty()) {
          X509CertificateHolder holder = mine.iterator().next();
          cert = conv.getCertificate(holder);
          integrity = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder)) && bindsCertificate(si, cert);
        }
      } catch (Exception e) {
        // A broken CMS is a failed integrity check, shown as such, not an error of the request.
        log.debug("Signature {} does not verify: {}", field.getFullyQualifiedName(), e.toString());
        integrity = false;
      }
    }
    if (cert == null) {
      List<Check> checks = List.of(t.check("integrity", false, "integrity.broken"),
          t.check("valid", false, "invalid"));
      return new SignatureReport.Signature(field.getFullyQualifiedName(), Kind.PERSONAL, false, Status.INVALID,
          sig.getName(), null, null, null, null, null, null, null, signingTime, null, false, false, false,
          Revocation.UNKNOWN, "no signer certificate", null, RevocationSource.NONE, 0, false, LaterChanges.DISALLOWED,
          null, null, checks);
    }
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    String name = rdn(subject, BCStyle.CN, null);
    String organisation = rdn(subject, BCStyle.O, null);
    String agencyCode = rdn(subject, BCStyle.ORGANIZATION_IDENTIFIER, null);
    String uid = rdn(subject, BCStyle.UID, null);
    Kind kind = kindOf(subject);
    String issuer = rdn(X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()), BCStyle.CN,
        cert.getIssuerX500Principal().getName());
    List<X509Certificate> known = new ArrayList<>(attached);
    known.addAll(stored.certs());
    SignatureReport.Timestamp timestamp = signerInfo == null ? null : timestamp(signerInfo, known, stored);
    boolean trustedTime = timestamp != null && timestamp.valid();
    // The timestamp's time when there is a valid one (a third party vouches for it), else the claimed one.
    OffsetDateTime judgedAt = trustedTime ? timestamp.time() : signingTime;
    Instant at = judgedAt == null ? Instant.now() : judgedAt.toInstant();

    List<X509Certificate> path = trustedPath(cert, known);
    boolean chainTrusted = path != null;
    List<X509Certificate> timeChecked = path != null ? path : List.of(cert);
    boolean validAtTime = judgedAt != null && timeChecked.stream().allMatch(c -> within(c, at));

    RevocationResult rev = chainRevocation(cert, path, known, stored);
    boolean revokedInTime = rev.status == Revocation.REVOKED
        && !(trustedTime && rev.revokedAt != null && rev.revokedAt.toInstant().isAfter(at));
    long end = (long) br[2] + br[3];
    int revision = (int) eofs.stream().filter(e -> e <= end).count();
    boolean whole = end == pdf.length;
    RevisionDiff.Result later = whole ? new RevisionDiff.Result(LaterChanges.NONE, null)
        : RevisionDiff.compare(Arrays.copyOf(pdf, (int) end), doc, docMdp);
    boolean failed = !integrity || !chainTrusted || !validAtTime || revokedInTime
        || later.changes() == LaterChanges.DISALLOWED || (timestamp != null && !timestamp.valid());
    Status status = failed ? Status.INVALID : rev.status == Revocation.UNKNOWN ? Status.INDETERMINATE : Status.VALID;
    boolean valid = status == Status.VALID;

    OffsetDateTime from = cert.getNotBefore().toInstant().atZone(VIETNAM).toOffsetDateTime();
    OffsetDateTime to = cert.getNotAfter().toInstant().atZone(VIETNAM).toOffsetDateTime();
    String serial = cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    List<Check> checks = new ArrayList<>();
    checks.add(t.check("signer", true, kind == Kind.AGENCY ? "signer.agency" : "signer.personal", name,
        organisation == null ? "" : organisation));
    checks.add(t.check("certificate", true, "certificate", issuer, serial, shown(from), shown(to)));
    checks.add(t.check("signingTime", signingTime != null, signingTime == null ? "time.missing" : "time",
        signingTime == null ? "" : shown(signingTime)));
    if (timestamp == null) {
      checks.add(t.check("timestamp", true, "timestamp.none"));
    } else if (timestamp.valid()) {
      checks.add(t.check("timestamp", true, "timestamp.ok", shown(timestamp.time()), timestamp.authority()));
    } else {
      checks.add(t.check("timestamp", false, "timestamp.bad", timestamp.problem()));
    }
    checks.add(t.check("integrity", integrity, integrity ? "integrity.ok" : "integrity.broken"));
    checks.add(t.check("chain", chainTrusted, chainTrusted ? "chain.ok" : "chain.untrusted", issuer));
    checks.add(t.check("validAtSigningTime", validAtTime, validAtTime ? "time.valid" : "time.invalid"));
    checks.add(switch (rev.status) {
      case GOOD -> t.check("revocation", true, "revocation.good." + rev.source.name());
      case REVOKED -> revokedInTime ? t.check("revocation", false, "revocation.revoked",
          rev.revokedAt == null ? "" : shown(rev.revokedAt), rev.reason)
          : t.check("revocation", true, "revocation.revokedAfter", shown(rev.revokedAt), rev.reason);
      case UNKNOWN -> t.check("revocation", false, "revocation.unknown", rev.reason);
    });
    checks.add(switch (later.changes()) {
      case NONE -> t.check("coverage", true, "coverage.whole");
      case ALLOWED -> t.check("coverage", true, "coverage.allowed", revision, eofs.size(), later.detail());
      case DISALLOWED -> t.check("coverage", false, "coverage.disallowed", revision, eofs.size(), later.detail());
    });
    checks.add(t.check("valid", valid, switch (status) {
      case VALID -> "valid";
      case INVALID -> "invalid";
      case INDETERMINATE -> "indeterminate";
    }));
    return new SignatureReport.Signature(field.getFullyQualifiedName(), kind, valid, status, name, organisation,
        agencyCode, uid, issuer, serial, from, to, signingTime, timestamp, integrity, chainTrusted, validAtTime,
        rev.status, rev.reason, rev.revokedAt, rev.source, revision, whole, later.changes(), later.detail(),
        isCertifying(doc, sig) ? docMdp : null, checks);
  }

  /**
   * The rule (decisions.md): a certificate is an agency's when its subject names no person (no UID) and names an
   * organisation (an organizationIdentifier, or a CN equal to its O); every other signing certificate is personal.
   */
  static Kind kindOf(X500Name subject) {
    if (rdn(subject, BCStyle.UID, null) != null) {
      return Kind.PERSONAL;
    }
    String cn = rdn(subject, BCStyle.CN, null);
    String o = rdn(subject, BCStyle.O, null);
    boolean organisation = rdn(subject, BCStyle.ORGANIZATION_IDENTIFIER, null) != null || (cn != null && cn.equals(o));
    return organisation ? Kind.AGENCY : Kind.PERSONAL;
  }

  static String rdn(X500Name name, ASN1ObjectIdentifier type, String fallback) {
    RDN[] rdns = name.getRDNs(type);
    return rdns.length == 0 ? fallback : IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  /** The ESS signing-certificate-v2 attribute, when present, must name the certificate that verified. */
  private static boolean bindsCertificate(SignerInformation si, X509Certificate cert) throws GeneralSecurityException {
    if (si.getSignedAttributes() == null) {
      return true;
    }
    org.bouncycastle.asn1.cms.Attribute a = si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    if (a == null) {
      return true;
    }
    SigningCertificateV2 v2 = SigningCertificateV2.getInstance(a.getAttrValues().getObjectAt(0));
    ESSCertIDv2 id = v2.getCerts()[0];
    String alg = id.getHashAlgorithm().getAlgorithm().equals(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)
        ? "SHA-256" : id.getHashAlgorithm().getAlgorithm().getId();
    return MessageDigest.isEqual(MessageDigest.getInstance(alg).digest(cert.getEncoded()), id.getCertHash());
  }

  private List<X509Certificate> trustedPath(X509Certificate cert, List<X509Certificate> attached) {
    Set<TrustAnchor> anchors = new HashSet<>();
    for (X509Certificate root : trusted.get()) {
      anchors.add(new TrustAnchor(root, null));
    }
    if (anchors.isEmpty()) {
      return null;
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(cert);
      PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
      params.setRevocationEnabled(false);
      // The path's shape and signatures at a moment the signer's certificate was valid; validity at the signing
      // time is its own check, so an expired certificate shows as such and not as an unknown issuer.
      params.setDate(Date.from(cert.getNotBefore().toInstant().plusSeconds(1)));
      params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(attached)));
      PKIXCertPathBuilderResult r = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
      List<X509Certificate> path = new ArrayList<>();
      r.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
      path.add(r.getTrustAnchor().getTrustedCert());
      return path;
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private static boolean within(X509Certificate c, Instant at) {
    return !at.isBefore(c.getNotBefore().toInstant()) && !at.isAfter(c.getNotAfter().toInstant());
  }

  private record RevocationResult(Revocation status, String reason, OffsetDateTime revokedAt,
                                  RevocationSource source) {
    static RevocationResult unknown(String reason) {
      return new RevocationResult(Revocation.UNKNOWN, reason, null, RevocationSource.NONE);
    }
  }

  /**
   * Every certificate of the path but the trust anchor, each against its issuer: the first revoked one decides,
   * else the first whose status is unknown, else GOOD. The source shown is the weakest used (stored data before
   * online before the local CA). Without a trusted path, the signer's certificate against an attached issuer.
   */
  private RevocationResult chainRevocation(X509Certificate cert, List<X509Certificate> path,
                                           List<X509Certificate> known, Evidence stored) {
    List<X509Certificate[]> pairs = new ArrayList<>();
    if (path != null) {
      for (int i = 0; i + 1 < path.size(); i++) {
        pairs.add(new X509Certificate[] {path.get(i), path.get(i + 1)});
      }
    } else {
      pairs.add(new X509Certificate[] {cert, issuerOf(cert, known).orElse(null)});
    }
    RevocationResult unknown = null;
    RevocationSource source = RevocationSource.LOCAL_CA;
    for (X509Certificate[] pair : pairs) {
      RevocationResult r = revocation(pair[0], pair[1], stored);
      String who = pair[0] == cert ? "" : "CA certificate " + rdn(X500Name.getInstance(
          pair[0].getSubjectX500Principal().getEncoded()), BCStyle.CN, pair[0].getSubjectX500Principal().getName())
          + ": ";
      if (r.status == Revocation.REVOKED) {
        return new RevocationResult(r.status, who + r.reason, r.revokedAt, r.source);
      }
      if (r.status == Revocation.UNKNOWN) {
        if (unknown == null) {
          unknown = RevocationResult.unknown(who + r.reason);
        }
      } else if (r.source.ordinal() > source.ordinal()) {
        source = r.source;
      }
    }
    return unknown != null ? unknown : new RevocationResult(Revocation.GOOD, null, null, source);
  }

  /** The certificate that issued cert among the given ones (name and signature), if any. */
  static Optional<X509Certificate> issuerOf(X509Certificate cert, Collection<X509Certificate> candidates) {
    for (X509Certificate c : candidates) {
      if (!c.equals(cert) && c.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
        try {
          cert.verify(c.getPublicKey());
          return Optional.of(c);
        } catch (GeneralSecurityException e) {
          // another CA of the same name: keep looking
        }
      }
    }
    return Optional.empty();
  }

  /** The status of cert: the local CA's own list, else online (OCSP, then CRL), else the data stored in the file. */
  private RevocationResult revocation(X509Certificate cert, X509Certificate issuer, Evidence stored) {
    if (issuer == null) {
      return RevocationResult.unknown("issuer unknown");
    }
    Optional<X509CRL> local = localCrls.apply(issuer);
    if (local.isPresent()) {
      return fromCrl(local.get(), cert, RevocationSource.LOCAL_CA);
    }
    List<String> ocsp = urls(cert, true);
    for (String url : ocsp) {
      Optional<RevocationResult> answer = fetchOcsp(url, cert, issuer)
          .flatMap(body -> readOcsp(body, cert, issuer, RevocationSource.ONLINE));
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    List<String> urls = crlUrls(cert);
    for (String url : urls) {
      Optional<X509CRL> crl = fetch(url, issuer);
      if (crl.isPresent()) {
        return fromCrl(crl.get(), cert, RevocationSource.ONLINE);
      }
    }
    for (byte[] body : stored.ocsps()) {
      Optional<RevocationResult> answer = readOcsp(body, cert, issuer, RevocationSource.STORED);
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    for (X509CRL crl : stored.crls()) {
      if (issuedBy(crl, issuer)) {
        return fromCrl(crl, cert, RevocationSource.STORED);
      }
    }
    String online = ocsp.isEmpty() && urls.isEmpty() ? "no CRL distribution point" : "not reachable";
    return RevocationResult.unknown(stored.isEmpty() ? online : online + ", no stored validation data for it");
  }

  /**
   * The revocation data of every certificate that has an issuer among the given ones or the trusted roots, fetched
   * now (the local CA's list, else OCSP, else CRL), for the file's DSS (PAdES B-LT): DER CRLs and OCSP responses.
   */
  Evidence collect(Collection<X509Certificate> certs) {
    List<X509Certificate> candidates = new ArrayList<>(certs);
    candidates.addAll(trusted.get());
    List<X509CRL> crls = new ArrayList<>();
    List<byte[]> ocsps = new ArrayList<>();
    for (X509Certificate cert : certs) {
      if (cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
        continue; // a root: nothing revokes it but the trust store
      }
      Optional<X509Certificate> issuer = issuerOf(cert, candidates);
      if (issuer.isEmpty()) {
        continue;
      }
      Optional<X509CRL> crl = localCrls.apply(issuer.get());
      if (crl.isEmpty()) {
        Optional<byte[]> answer = Optional.empty();
        for (String url : urls(cert, true)) {
          answer = fetchOcsp(url, cert, issuer.get())
              .filter(b -> readOcsp(b, cert, issuer.get(), RevocationSource.ONLINE).isPresent());
          if (answer.isPresent()) {
            break;
          }
        }
        if (answer.isPresent()) {
          ocsps.add(answer.get());
          continue;
        }
        for (String url : crlUrls(cert)) {
          crl = fetch(url, issuer.get());
          if (crl.isPresent()) {
            break;
          }
        }
      }
      crl.filter(c -> !crls.contains(c)).ifPresent(crls::add);
    }
    return new Evidence(List.copyOf(certs), crls, ocsps);
  }

  private static boolean issuedBy(X509CRL crl, X509Certificate issuer) {
    if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      crl.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static RevocationResult fromCrl(X509CRL crl, X509Certificate cert, RevocationSource source) {
    X509CRLEntry entry = crl.getRevokedCertificate(cert);
    if (entry == null) {
      return new RevocationResult(Revocation.GOOD, null, null, source);
    }
    return new RevocationResult(Revocation.REVOKED,
        entry.getRevocationReason() == null ? "revoked" : entry.getRevocationReason().name(),
        entry.getRevocationDate().toInstant().atZone(VIETNAM).toOffsetDateTime(), source);
  }

  /**
   * Validation data: certificates, CRLs and OCSP responses, from the file's Document Security Store (ISO 32000-2
   * §12.8.4.3; PAdES B-LT) or collected at signing time to be written there.
   */
  record Evidence(List<X509Certificate> certs, List<X509CRL> crls, List<byte[]> ocsps) {
    static final Evidence NONE = new Evidence(List.of(), List.of(), List.of());
    static final COSName DSS = COSName.getPDFName("DSS");
    static final COSName CERTS = COSName.getPDFName("Certs");
    static final COSName CRLS = COSName.getPDFName("CRLs");
    static final COSName OCSPS = COSName.getPDFName("OCSPs");

    boolean isEmpty() {
      return crls.isEmpty() && ocsps.isEmpty();
    }

    /** What the file's DSS holds; unreadable entries are skipped (they prove nothing). */
    static Evidence stored(PDDocument doc) {
      if (!(doc.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS) instanceof COSDictionary dss)) {
        return NONE;
      }
      List<X509Certificate> certs = new ArrayList<>();
      List<X509CRL> crls = new ArrayList<>();
      List<byte[]> ocsps = new ArrayList<>();
      try {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (byte[] b : streams(dss, CERTS)) {
          try {
            certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b)));
          } catch (GeneralSecurityException e) {
            log.debug("DSS certificate not readable: {}", e.toString());
          }
        }
        for (byte[] b : streams(dss, CRLS)) {
          try {
            crls.add((X509CRL) cf.generateCRL(new ByteArrayInputStream(b)));
          } catch (GeneralSecurityException e) {
            log.debug("DSS CRL not readable: {}", e.toString());
          }
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      ocsps.addAll(streams(dss, OCSPS));
      return new Evidence(certs, crls, ocsps);
    }

    static List<byte[]> streams(COSDictionary dss, COSName key) {
      List<byte[]> out = new ArrayList<>();
      if (dss.getDictionaryObject(key) instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          if (array.getObject(i) instanceof org.apache.pdfbox.cos.COSStream stream) {
            try (InputStream in = stream.createInputStream()) {
              out.add(in.readNBytes(MAX_CRL_BYTES));
            } catch (IOException e) {
              log.debug("DSS entry not readable: {}", e.toString());
            }
          }
        }
      }
      return out;
    }
  }

  private Optional<X509CRL> fetch(String url, X509Certificate issuer) {
    try {
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() != 200) {
          return Optional.empty();
        }
        byte[] body = in.readNBytes(MAX_CRL_BYTES);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
          return Optional.empty();
        }
        crl.verify(issuer.getPublicKey());
        return Optional.of(crl);
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      log.info("CRL {} not usable: {}", url, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The DER OCSP response (RFC 6960) of the responder at url about cert, empty when none came. */
  private Optional<byte[]> fetchOcsp(String url, X509Certificate cert, X509Certificate issuer) {
    try {
      org.bouncycastle.cert.ocsp.CertificateID id = new org.bouncycastle.cert.ocsp.CertificateID(
          new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build()
              .get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1),
          new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(issuer), cert.getSerialNumber());
      byte[] request = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(id).build().getEncoded();
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
              .header("Content-Type", "application/ocsp-request")
              .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() != 200) {
          return Optional.empty();
        }
        return Optional.of(in.readNBytes(MAX_CRL_BYTES));
      }
    } catch (IOException | org.bouncycastle.operator.OperatorCreationException
             | org.bouncycastle.cert.ocsp.OCSPException | GeneralSecurityException | IllegalArgumentException e) {
      log.info("OCSP {} not usable: {}", url, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** An OCSP answer about cert, signed by its issuer or a responder the issuer delegated to (id-kp-OCSPSigning);
   *  empty when the response is not usable or says nothing about cert. */
  private static Optional<RevocationResult> readOcsp(byte[] body, X509Certificate cert, X509Certificate issuer,
                                                     RevocationSource source) {
    try {
      org.bouncycastle.operator.DigestCalculatorProvider digests =
          new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build();
      org.bouncycastle.cert.X509CertificateHolder issuerHolder =
          new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(issuer);
      org.bouncycastle.cert.ocsp.OCSPResp resp = new org.bouncycastle.cert.ocsp.OCSPResp(body);
      if (resp.getStatus() != org.bouncycastle.cert.ocsp.OCSPResp.SUCCESSFUL
          || !(resp.getResponseObject() instanceof org.bouncycastle.cert.ocsp.BasicOCSPResp basic)) {
        return Optional.empty();
      }
      org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder verifiers =
          new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder();
      boolean signedByIssuer = basic.isSignatureValid(verifiers.build(issuer.getPublicKey()));
      if (!signedByIssuer) {
        boolean delegated = false;
        for (org.bouncycastle.cert.X509CertificateHolder responder : basic.getCerts()) {
          org.bouncycastle.asn1.x509.ExtendedKeyUsage eku =
              org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions());
          if (responder.isSignatureValid(verifiers.build(issuer.getPublicKey())) && eku != null
              && eku.hasKeyPurposeId(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning)
              && basic.isSignatureValid(verifiers.build(responder))) {
            delegated = true;
            break;
          }
        }
        if (!delegated) {
          return Optional.empty();
        }
      }
      for (org.bouncycastle.cert.ocsp.SingleResp single : basic.getResponses()) {
        if (single.getCertID().matchesIssuer(issuerHolder, digests)
            && single.getCertID().getSerialNumber().equals(cert.getSerialNumber())) {
          Object status = single.getCertStatus();
          if (status == org.bouncycastle.cert.ocsp.CertificateStatus.GOOD) {
            return Optional.of(new RevocationResult(Revocation.GOOD, null, null, source));
          }
          if (status instanceof org.bouncycastle.cert.ocsp.RevokedStatus revoked) {
            return Optional.of(new RevocationResult(Revocation.REVOKED, "revoked (OCSP)",
                revoked.getRevocationTime().toInstant().atZone(VIETNAM).toOffsetDateTime(), source));
          }
          return Optional.of(new RevocationResult(Revocation.UNKNOWN, "unknown to the OCSP responder", null,
              RevocationSource.NONE));
        }
      }
      return Optional.empty();
    } catch (IOException | org.bouncycastle.operator.OperatorCreationException
             | org.bouncycastle.cert.ocsp.OCSPException | org.bouncycastle.cert.CertException
             | GeneralSecurityException | IllegalArgumentException e) {
      log.info("OCSP response not usable: {}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * The signature-time-stamp attribute (RFC 3161 token over the signature value): the token's own signature and
   * its TSA certificate (EKU timeStamping, valid at the token's time) by BouncyCastle, the imprint against this
   * signature's value, the TSA certificate's path to a trusted root and that path's revocation. null when the
   * signature has none.
   */
  private SignatureReport.Timestamp timestamp(SignerInformation si, List<X509Certificate> known, Evidence stored) {
    org.bouncycastle.asn1.cms.AttributeTable unsigned = si.getUnsignedAttributes();
    org.bouncycastle.asn1.cms.Attribute a = unsigned == null ? null
        : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (a == null) {
      return null;
    }
    OffsetDateTime time = null;
    String authority = null;
    try {
      org.bouncycastle.tsp.TimeStampToken token = new org.bouncycastle.tsp.TimeStampToken(
          new CMSSignedData(a.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
      time = token.getTimeStampInfo().getGenTime().toInstant().atZone(VIETNAM).toOffsetDateTime();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> mine = token.getCertificates().getMatches(token.getSID());
      if (mine.isEmpty()) {
        return new SignatureReport.Timestamp(time, null, false, "the token carries no TSA certificate");
      }
      X509CertificateHolder holder = mine.iterator().next();
      JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
      X509Certificate tsaCert = conv.getCertificate(holder);
      authority = rdn(holder.getSubject(), BCStyle.CN, holder.getSubject().toString());
      try {
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
      } catch (org.bouncycastle.tsp.TSPException e) {
        return new SignatureReport.Timestamp(time, authority, false, "the token does not verify: " + e.getMessage());
      }
      org.bouncycastle.operator.DigestCalculator digest = new org.bouncycastle.operator.jcajce
          .JcaDigestCalculatorProviderBuilder().build().get(token.getTimeStampInfo().getHashAlgorithm());
      try (java.io.OutputStream out = digest.getOutputStream()) {
        out.write(si.getSignature());
      }
      if (!MessageDigest.isEqual(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
        return new SignatureReport.Timestamp(time, authority, false, "the token stamps another signature");
      }
      List<X509Certificate> tokenCerts = new ArrayList<>(known);
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
      for (X509CertificateHolder h : all) {
        tokenCerts.add(conv.getCertificate(h));
      }
      List<X509Certificate> tsaPath = trustedPath(tsaCert, tokenCerts);
      if (tsaPath == null) {
        return new SignatureReport.Timestamp(time, authority, false,
            "the time-stamping authority does not chain to a trusted root");
      }
      // A TSA certificate revoked before the time it stamped vouches for nothing; an unknown status is not held
      // against the timestamp (the signer's own status decides whether the signature is established).
      RevocationResult tsaRevocation = chainRevocation(tsaCert, tsaPath, tokenCerts, stored);
      if (tsaRevocation.status == Revocation.REVOKED && (tsaRevocation.revokedAt == null
          || !tsaRevocation.revokedAt.isAfter(time))) {
        return new SignatureReport.Timestamp(time, authority, false,
            "the time-stamping authority's certificate was revoked (" + tsaRevocation.reason + ")");
      }
      return new SignatureReport.Timestamp(time, authority, true, null);
    } catch (Exception e) {
      log.debug("Signature timestamp not readable: {}", e.toString());
      return new SignatureReport.Timestamp(time, authority, false, "the token cannot be read");
    }
  }

  /** http(s) OCSP responders from the Authority Information Access extension. */
  static List<String> urls(X509Certificate cert, boolean ocsp) {
    List<String> out = new ArrayList<>();
    byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
    if (ext == null) {
      return out;
    }
    org.bouncycastle.asn1.x509.AuthorityInformationAccess aia = org.bouncycastle.asn1.x509.AuthorityInformationAccess
        .getInstance(ASN1OctetString.getInstance(ext).getOctets());
    for (org.bouncycastle.asn1.x509.AccessDescription d : aia.getAccessDescriptions()) {
      if (d.getAccessMethod().equals(org.bouncycastle.asn1.x509.X509ObjectIdentifiers.ocspAccessMethod)
          && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
        String url = d.getAccessLocation().getName().toString();
        if (url.startsWith("http://") || url.startsWith("https://")) {
          out.add(url);
        }
      }
    }
    return out;
  }

  static List<String> crlUrls(X509Certificate cert) {
    byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
    List<String> out = new ArrayList<>();
    if (ext == null) {
      return out;
    }
    CRLDistPoint dps = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
    for (DistributionPoint dp : dps.getDistributionPoints()) {
      DistributionPointName n = dp.getDistributionPoint();
      if (n != null && n.getType() == DistributionPointName.FULL_NAME) {
        for (GeneralName g : GeneralNames.getInstance(n.getName()).getNames()) {
          if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
            String url = g.getName().toString();
            if (url.startsWith("http://") || url.startsWith("https://")) {
              out.add(url);
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean isCertifying(PDDocument doc, PDSignature sig) {
    COSBase perms = doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.PERMS);
    return perms instanceof COSDictionary p && p.getDictionaryObject(COSName.DOCMDP) == sig.getCOSObject();
  }

  private static Integer docMdpLevel(COSDictionary sig) {
    if (sig.getDictionaryObject(COSName.getPDFName("Reference")) instanceof COSArray refs) {
      for (int i = 0; i < refs.size(); i++) {
        if (refs.getObject(i) instanceof COSDictionary ref
            && COSName.DOCMDP.equals(ref.getCOSName(COSName.getPDFName("TransformMethod")))
            && ref.getDictionaryObject(COSName.getPDFName("TransformParams")) instanceof COSDictionary params) {
          return params.getInt(COSName.P, 2);
        }
      }
    }
    return null;
  }

  private static long end(PDSignature s) {
    int[] br = s.getByteRange();
    return br == null || br.length != 4 ? Long.MAX_VALUE : (long) br[2] + br[3];
  }

  /** Offsets just after each %%EOF marker: the end of each revision. */
  static List<Integer> eofEnds(byte[] pdf) {
    List<Integer> out = new ArrayList<>();
    byte[] marker = "%%EOF".getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i + marker.length <= pdf.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (pdf[i + j] != marker[j]) {
          continue outer;
        }
      }
      out.add(i + marker.length); // a signature's byte range may end before the line end that follows
    }
    if (out.isEmpty()) {
      out.add(pdf.length);
    }
    return out;
  }

  private static byte[] hex(byte[] pdf, int from, int to) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((to - from) / 2);
    int hi = -1;
    for (int i = from; i < to; i++) {
      int v = Character.digit(pdf[i], 16);
      if (v < 0) {
        if (Character.isWhitespace(pdf[i])) {
          continue;
        }
        throw new IllegalArgumentException("not hex");
      }
      if (hi < 0) {
        hi = v;
      } else {
        out.write(hi << 4 | v);
        hi = -1;
      }
    }
    return out.toByteArray();
  }

  private static String shown(OffsetDateTime t) {
    return SHOWN.format(t.atZoneSameInstant(VIETNAM));
  }

  private static SigningRefused notPdf() {
    return SigningRefused.unprocessable("signing-not-pdf", "Tệp gửi lên không phải là tệp PDF đọc được.",
        "The file is not a readable PDF.");
  }

  /** The check lines from the module's bundle, Vietnamese (the base file) and English. */
  static final class Texts {
    private static final ResourceBundle.Control NO_FALLBACK =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private final ResourceBundle vi = ResourceBundle.getBundle("i18n.modules.signing.messages", Locale.ROOT,
        NO_FALLBACK);
    private final ResourceBundle en = ResourceBundle.getBundle("i18n.modules.signing.messages", Locale.ENGLISH,
        NO_FALLBACK);

    Check check(String check, boolean ok, String key, Object... args) {
      return new Check(check, ok, format(vi, key, args), format(en, key, args));
    }

    private static String format(ResourceBundle b, String key, Object... args) {
      return new java.text.MessageFormat(b.getString("signing.check." + key), Locale.ROOT).format(args);
    }
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
