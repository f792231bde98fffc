package vn.govflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govflow.signing.SignatureReport.Kind;
import vn.govflow.signing.SignatureReport.LaterChanges;
import vn.govflow.signing.SignatureReport.Revocation;

/**
 * Signing and verification on real PDFs with real certificates made here with BouncyCastle: a province root
 * publishing its CRL over HTTP, a root nobody trusts, an expired and a revoked certificate. No Spring.
 */
class PadesSigningTest {
  static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
  static HttpServer crlServer;
  static KeyPair rootKeys;
  static X509Certificate root;
  static SigningKey director;
  static SigningKey agency;
  static SigningKey stranger;
  static SigningKey expired;
  static SigningKey revoked;
  static SigningKey unreachable;
  static SigningKey ocspGood;
  static SigningKey ocspRevoked;
  static SigningKey ltv;
  static SigningKey underRevokedCa;
  static SigningKey tsaKey;
  static SigningKey strangerTsa;
  static SigningKey revokedTsa;
  static EmbeddedTimeStampAuthority tsa;
  static SignatureVerifier verifier;
  static PadesSigner signer;
  /** Whether the CA's CRL and OCSP services answer (off: 503, as when the network to the CA is down). */
  static final java.util.concurrent.atomic.AtomicBoolean caOnline = new java.util.concurrent.atomic.AtomicBoolean(true);
  static final List<String> tsaContentTypes = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void pki() throws IOException {
    crlServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String crlUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/root.crl";
    Instant now = Instant.now();
    rootKeys = Certificates.newKeyPair();
    root = Certificates.root(Certificates.subject("Test Ban Cơ yếu Root", "Ban Cơ yếu Chính phủ", null, null),
        rootKeys, now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(3650)));
    director = leaf(root, rootKeys, Certificates.subject("Trần Văn Hùng", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", "hungtv.skhcn"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), crlUrl);
    agency = leaf(root, rootKeys, Certificates.subject("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", null), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), crlUrl);
    expired = leaf(root, rootKeys, Certificates.subject("Lê Minh Tuấn", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", "tuanlm.skhcn"), now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(400)), crlUrl);
    revoked = leaf(root, rootKeys, Certificates.subject("Phạm Thu Hà", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", "hapt.skhcn"), now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(365)), crlUrl);
    unreachable = leaf(root, rootKeys, Certificates.subject("Đỗ Đức Anh", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", "anhdd.skhcn"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
        "http://127.0.0.1:9/closed.crl");
    String ocspUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/ocsp";
    ocspGood = leaf(root, rootKeys, Certificates.subject("Vũ Thị Mai", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", "maivt.skhcn"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), null, ocspUrl);
    ocspRevoked = leaf(root, rootKeys, Certificates.subject("Hoàng Văn Nam", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", "namhv.skhcn"), now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(365)), null, ocspUrl);
    String ltvCrlUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/ltv/root.crl";
    ltv = leaf(root, rootKeys, Certificates.subject("Ngô Thị Lan", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", "lannt.skhcn"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), ltvCrlUrl);
    // A sub-CA the root has revoked, and a signer it issued (whose own certificate is on no list).
    KeyPair subCaKeys = Certificates.newKeyPair();
    X509Certificate subCa = Certificates.intermediate(root, rootKeys.getPrivate(),
        Certificates.subject("Test Sub-CA", "Ban Cơ yếu Chính phủ", null, null), subCaKeys.getPublic(),
        now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(3000)), crlUrl);
    String subCrlUrl = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/sub.crl";
    KeyPair subLeafKeys = Certificates.newKeyPair();
    X509Certificate subLeaf = Certificates.issue(subCa, subCaKeys.getPrivate(), Certificates.subject("Lý Văn Bình",
        "Sở Khoa học và Công nghệ", "000.00.12.H41", "binhlv.skhcn"), subLeafKeys.getPublic(),
        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), subCrlUrl);
    underRevokedCa = new SigningKey(subLeafKeys.getPrivate(), List.of(subLeaf, subCa, root));
    byte[] subCrl = encoded(Certificates.crl(subCa, subCaKeys.getPrivate(), Map.of(), now.minusSeconds(60)));
    serve("/sub.crl", subCrl);
    // The time-stamping authority: its own certificate from the root, EKU timeStamping only.
    KeyPair tsaKeys = Certificates.newKeyPair();
    tsaKey = new SigningKey(tsaKeys.getPrivate(), List.of(Certificates.issueTsa(root, rootKeys.getPrivate(),
        Certificates.subject("Test TSA", "Ban Cơ yếu Chính phủ", null, null), tsaKeys.getPublic(),
        now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650)), crlUrl), root));
    tsa = new EmbeddedTimeStampAuthority(() -> tsaKey, java.time.Clock.systemUTC());
    KeyPair revokedTsaKeys = Certificates.newKeyPair();
    revokedTsa = new SigningKey(revokedTsaKeys.getPrivate(), List.of(Certificates.issueTsa(root,
        rootKeys.getPrivate(), Certificates.subject("Revoked TSA", "Ban Cơ yếu Chính phủ", null, null),
        revokedTsaKeys.getPublic(), now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650)), crlUrl), root));
    crlServer.createContext("/tsa", exchange -> {
      tsaContentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
      byte[] resp = tsa.respond(exchange.getRequestBody().readAllBytes());
      exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
      exchange.sendResponseHeaders(200, resp.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(resp);
      }
    });
    signer = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD, tsa);
    KeyPair otherKeys = Certificates.newKeyPair();
    X509Certificate otherRoot = Certificates.root(Certificates.subject("Self-made Root", "Nobody", null, null),
        otherKeys, now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(3650)));
    KeyPair strangerTsaKeys = Certificates.newKeyPair();
    strangerTsa = new SigningKey(strangerTsaKeys.getPrivate(), List.of(Certificates.issueTsa(otherRoot,
        otherKeys.getPrivate(), Certificates.subject("Self-made TSA", "Nobody", null, null),
        strangerTsaKeys.getPublic(), now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(3650)), null),
        otherRoot));
    stranger = leaf(otherRoot, otherKeys, Certificates.subject("Trần Văn Hùng", "Sở Khoa học và Công nghệ",
        "000.00.12.H41", "hungtv.skhcn"), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), null);

    X509CRL crl = Certificates.crl(root, rootKeys.getPrivate(),
        Map.of(revoked.certificate().getSerialNumber(), now.minus(Duration.ofDays(2)),
            subCa.getSerialNumber(), now.minus(Duration.ofDays(5)),
            revokedTsa.certificate().getSerialNumber(), now.minus(Duration.ofDays(1))), now.minusSeconds(60));
    byte[] crlBytes = encoded(crl);
    serve("/root.crl", crlBytes);
    serve("/ltv/root.crl", crlBytes);
    // An OCSP responder (RFC 6960) answering for the root, signed by the root itself.
    crlServer.createContext("/ocsp", exchange -> {
      if (!caOnline.get()) {
        exchange.sendResponseHeaders(503, -1);
        exchange.close();
        return;
      }
      try {
        OCSPReq req = new OCSPReq(exchange.getRequestBody().readAllBytes());
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(
            X500Name.getInstance(root.getSubjectX500Principal().getEncoded())));
        for (Req r : req.getRequestList()) {
          boolean isRevoked = r.getCertID().getSerialNumber().equals(ocspRevoked.certificate().getSerialNumber());
          b.addResponse(r.getCertID(), isRevoked
              ? new RevokedStatus(java.util.Date.from(Instant.now().minus(Duration.ofDays(3))), 1)
              : CertificateStatus.GOOD);
        }
        BasicOCSPResp basic = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate()),
            null, java.util.Date.from(Instant.now()));
        byte[] resp = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
        exchange.sendResponseHeaders(200, resp.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(resp);
        }
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
      }
    });
    crlServer.start();
    verifier = new SignatureVerifier(() -> List.of(root), issuer -> Optional.empty(), Duration.ofSeconds(2));
  }

  /** A CRL at path, answered only while the CA is online. */
  private static void serve(String path, byte[] body) {
    crlServer.createContext(path, exchange -> {
      if (!caOnline.get() && path.startsWith("/ltv/")) {
        exchange.sendResponseHeaders(503, -1);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  private static byte[] encoded(X509CRL crl) {
    try {
      return crl.getEncoded();
    } catch (java.security.cert.CRLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    crlServer.stop(0);
  }

  @Test
  void personalThenNumberThenAgencyAreAllValidAndShowTheSignerInVietnamese() {
    byte[] personal = signPersonal(SamplePdfs.decision(), director);
    byte[] numbered = NumberPlacement.place(personal, "15/QĐ-SKHCN", "Lào Cai, ngày 01 tháng 12 năm 2026",
        SamplePdfs.FONT, SamplePdfs.ITALIC);
    byte[] sealed = signAgency(numbered, agency, personal);

    SignatureReport report = verifier.verify(sealed);
    assertThat(report.valid()).isTrue();
    assertThat(report.revisions()).isEqualTo(4);
    assertThat(report.signatures()).extracting(SignatureReport.Signature::kind).containsExactly(Kind.PERSONAL,
        Kind.AGENCY);
    SignatureReport.Signature p = report.signatures().get(0);
    assertThat(p.signerName()).isEqualTo("Trần Văn Hùng");
    assertThat(p.organisation()).isEqualTo("Sở Khoa học và Công nghệ");
    assertThat(p.username()).isEqualTo("hungtv.skhcn");
    assertThat(p.agencyCode()).isEqualTo("000.00.12.H41");
    assertThat(p.issuer()).isEqualTo("Test Ban Cơ yếu Root");
    assertThat(p.serial()).isEqualTo(director.certificate().getSerialNumber().toString(16).toUpperCase());
    assertThat(p.signingTime()).isEqualTo(NOW);
    // PAdES B-T: the time a third party vouches for, shown beside the claimed one.
    assertThat(p.timestamp()).isNotNull();
    assertThat(p.timestamp().valid()).isTrue();
    assertThat(p.timestamp().authority()).isEqualTo("Test TSA");
    assertThat(Duration.between(p.timestamp().time(), OffsetDateTime.now()).abs()).isLessThan(Duration.ofMinutes(2));
    assertThat(p.checks()).extracting(SignatureReport.Check::vi).anySatisfy(line -> assertThat(line)
        .startsWith("Dấu thời gian: ").endsWith("do Test TSA cấp, khớp với chữ ký"));
    assertThat(p.status()).isEqualTo(SignatureReport.Status.VALID);
    assertThat(p.integrity()).isTrue();
    assertThat(p.chainTrusted()).isTrue();
    assertThat(p.validAtSigningTime()).isTrue();
    assertThat(p.revocation()).isEqualTo(Revocation.GOOD);
    assertThat(p.coversRevision()).isEqualTo(2);
    assertThat(p.coversWholeDocument()).isFalse();
    assertThat(p.laterChanges()).isEqualTo(LaterChanges.ALLOWED);
    assertThat(p.laterChangesDetail()).contains("annotation FreeText", "signature");
    assertThat(p.docMdpPermission()).isEqualTo(3);
    assertThat(p.checks()).extracting(SignatureReport.Check::vi).contains("Chữ ký số hợp lệ",
        "Người ký (chữ ký số cá nhân): Trần Văn Hùng, Sở Khoa học và Công nghệ",
        "Tính toàn vẹn: nội dung không bị thay đổi sau khi ký");
    assertThat(p.checks()).extracting(SignatureReport.Check::en).contains("The signature is valid",
        "Integrity: the content was not changed after signing");
    SignatureReport.Signature a = report.signatures().get(1);
    assertThat(a.signerName()).isEqualTo("Sở Khoa học và Công nghệ");
    assertThat(a.coversWholeDocument()).isTrue();
    assertThat(a.laterChanges()).isEqualTo(LaterChanges.NONE);

    // What a reader sees: the capacity, the name and the time in +07:00, the number and the seal's agency name.
    String visible = SamplePdfs.visibleText(sealed);
    assertThat(visible).contains("GIÁM ĐỐC", "Trần Văn Hùng", EmbeddedDocumentSigning.ISO_SECONDS.format(NOW),
        "Đã ký số");
    assertThat(visible).contains("S").contains("K").contains("H"); // the seal's letters are drawn one by one
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      assertThat(doc.getPage(0).getAnnotations()).anySatisfy(an -> assertThat(an.getContents())
          .isEqualTo("15/QĐ-SKHCN"));
      assertThat(doc.getPage(0).getAnnotations()).anySatisfy(an -> assertThat(an.getContents())
          .isEqualTo("Lào Cai, ngày 01 tháng 12 năm 2026"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theSealOverlapsTheLeftThirdOfThePersonalSignature() throws IOException {
    byte[] personal = signPersonal(SamplePdfs.decision(), director);
    byte[] sealed = signAgency(personal, agency, personal);
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      var fields = doc.getSignatureFields();
      var p = fields.get(0).getWidgets().get(0).getRectangle();
      var s = fields.get(1).getWidgets().get(0).getRectangle();
      assertThat(s.getUpperRightX()).isCloseTo(p.getLowerLeftX() + p.getWidth() / 3, org.assertj.core.data.Offset.offset(1f));
      assertThat(s.getLowerLeftX()).isLessThan(p.getLowerLeftX());
      // Below the last line of the document's text, not over it.
      assertThat(p.getUpperRightY()).isLessThan(560);
    }
  }

  @Test
  void aChangedByteBreaksIntegrity() {
    byte[] signed = signPersonal(SamplePdfs.decision(), director);
    byte[] tampered = signed.clone();
    int at; // inside the signed bytes: the middle of the range before the signature value
    try (PDDocument doc = Loader.loadPDF(signed)) {
      at = doc.getSignatureDictionaries().get(0).getByteRange()[1] / 2;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    tampered[at] = (byte) (tampered[at] ^ 0x01);
    SignatureReport report;
    try {
      report = verifier.verify(tampered);
    } catch (SigningRefused e) {
      // The flipped byte may make the file unreadable: refused outright is as good as invalid.
      assertThat(e.code()).isEqualTo("signing-not-pdf");
      return;
    }
    assertThat(report.valid()).isFalse();
    assertThat(report.signatures().get(0).integrity()).isFalse();
    assertThat(report.signatures().get(0).checks()).extracting(SignatureReport.Check::vi)
        .contains("Chữ ký số KHÔNG hợp lệ");
  }

  @Test
  void aPageChangedAfterSigningIsNotAnAllowedChange() throws IOException {
    byte[] signed = signPersonal(SamplePdfs.decision(), director);
    byte[] changed;
    try (PDDocument doc = Loader.loadPDF(signed)) {
      PDPage page = doc.getPage(0);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 13);
        cs.newLineAtOffset(70, 590);
        cs.showText("Dieu 3. Them mot dieu sau khi ky.");
        cs.endText();
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.saveIncremental(out);
      changed = out.toByteArray();
    }
    SignatureReport report = verifier.verify(changed);
    assertThat(report.valid()).isFalse();
    SignatureReport.Signature p = report.signatures().get(0);
    assertThat(p.integrity()).isTrue(); // the signed bytes are intact ...
    assertThat(p.laterChanges()).isEqualTo(LaterChanges.DISALLOWED); // ... but what is shown changed after them
    assertThat(p.laterChangesDetail()).contains("page 1");
  }

  @Test
  void aCertificateOfAnUntrustedRootIsInvalid() {
    SignatureReport report = verifier.verify(signPersonal(SamplePdfs.decision(), stranger));
    SignatureReport.Signature p = report.signatures().get(0);
    assertThat(p.integrity()).isTrue();
    assertThat(p.chainTrusted()).isFalse();
    assertThat(p.valid()).isFalse();
    assertThat(p.checks()).extracting(SignatureReport.Check::en)
        .contains("The certificate does NOT chain to a root this system trusts (issuer: Self-made Root)");
  }

  @Test
  void aCertificateExpiredAtSigningTimeIsInvalid() {
    SignatureReport.Signature p = verifier.verify(signPersonal(SamplePdfs.decision(), expired)).signatures().get(0);
    assertThat(p.chainTrusted()).isTrue();
    assertThat(p.validAtSigningTime()).isFalse();
    assertThat(p.valid()).isFalse();
    assertThat(p.checks()).extracting(SignatureReport.Check::vi)
        .contains("Chứng thư số KHÔNG còn hiệu lực tại thời điểm ký");
  }

  @Test
  void aCertificateOnTheCrlIsRevoked() {
    SignatureReport.Signature p = verifier.verify(signPersonal(SamplePdfs.decision(), revoked)).signatures().get(0);
    assertThat(p.integrity()).isTrue();
    assertThat(p.chainTrusted()).isTrue();
    assertThat(p.revocation()).isEqualTo(Revocation.REVOKED);
    assertThat(p.revokedAt()).isNotNull();
    assertThat(p.valid()).isFalse();
  }

  @Test
  void theOcspResponderOfTheCertificateDecidesTheStatus() {
    SignatureReport.Signature good = verifier.verify(signPersonal(SamplePdfs.decision(), ocspGood)).signatures().get(0);
    assertThat(good.revocation()).isEqualTo(Revocation.GOOD);
    assertThat(good.valid()).isTrue();
    SignatureReport.Signature bad = verifier.verify(signPersonal(SamplePdfs.decision(), ocspRevoked))
        .signatures().get(0);
    assertThat(bad.revocation()).isEqualTo(Revocation.REVOKED);
    assertThat(bad.revocationReason()).isEqualTo("revoked (OCSP)");
    assertThat(bad.valid()).isFalse();
  }

  @Test
  void anUnreachableCrlWithNoStoredDataIsIndeterminateNotValid() {
    SignatureReport report = verifier.verify(signPersonal(SamplePdfs.decision(), unreachable));
    SignatureReport.Signature p = report.signatures().get(0);
    assertThat(p.revocation()).isEqualTo(Revocation.UNKNOWN);
    assertThat(p.revocationReason()).isEqualTo("not reachable");
    assertThat(p.revocationSource()).isEqualTo(SignatureReport.RevocationSource.NONE);
    assertThat(p.integrity()).isTrue();
    assertThat(p.chainTrusted()).isTrue();
    assertThat(p.status()).isEqualTo(SignatureReport.Status.INDETERMINATE);
    assertThat(p.valid()).isFalse();
    assertThat(report.valid()).isFalse();
    assertThat(report.indeterminate()).isTrue();
    assertThat(p.checks()).extracting(SignatureReport.Check::vi).contains(
        "Trạng thái chứng thư số: CHƯA XÁC ĐỊNH được (not reachable); chữ ký chưa thể coi là hợp lệ",
        "Chữ ký số chưa xác định (chưa xác định được trạng thái chứng thư số)");
    assertThat(p.checks()).filteredOn(c -> c.check().equals("revocation")).singleElement()
        .satisfies(c -> assertThat(c.ok()).isFalse());
  }

  @Test
  void theStoredValidationDataAnswersWhenTheCaIsOffline() throws IOException {
    byte[] signed = signPersonal(SamplePdfs.decision(), ltv);
    byte[] withLtv = ValidationData.addForLastSignature(signed, verifier);
    // One more revision holding the DSS: the signer's and the TSA's certificates and the root's CRL.
    try (PDDocument doc = Loader.loadPDF(withLtv)) {
      SignatureVerifier.Evidence dss = SignatureVerifier.Evidence.stored(doc);
      assertThat(dss.certs()).contains(ltv.certificate(), tsaKey.certificate(), root);
      assertThat(dss.crls()).singleElement().satisfies(c -> assertThat(c.getIssuerX500Principal())
          .isEqualTo(root.getSubjectX500Principal()));
    }
    SignatureReport online = verifier.verify(withLtv);
    assertThat(online.revisions()).isEqualTo(3);
    assertThat(online.valid()).isTrue();
    assertThat(online.signatures().get(0).revocationSource()).isEqualTo(SignatureReport.RevocationSource.ONLINE);
    assertThat(online.signatures().get(0).laterChanges()).isEqualTo(LaterChanges.ALLOWED);
    caOnline.set(false);
    try {
      SignatureReport.Signature offline = verifier.verify(withLtv).signatures().get(0);
      assertThat(offline.revocation()).isEqualTo(Revocation.GOOD);
      assertThat(offline.revocationSource()).isEqualTo(SignatureReport.RevocationSource.STORED);
      assertThat(offline.valid()).isTrue();
      assertThat(offline.checks()).extracting(SignatureReport.Check::en).contains("Certificate status: not revoked "
          + "(the validation data stored in the file at signing time; the online check was not reachable)");
      // The same signature without its DSS: nothing establishes the status.
      SignatureReport bare = verifier.verify(signed);
      assertThat(bare.signatures().get(0).status()).isEqualTo(SignatureReport.Status.INDETERMINATE);
      assertThat(bare.indeterminate()).isTrue();
    } finally {
      caOnline.set(true);
    }
  }

  @Test
  void aRevokedSubCaMakesItsSignersSignaturesInvalid() {
    SignatureReport.Signature p = verifier.verify(signPersonal(SamplePdfs.decision(), underRevokedCa))
        .signatures().get(0);
    assertThat(p.chainTrusted()).isTrue();
    assertThat(p.revocation()).isEqualTo(Revocation.REVOKED); // the signer's own certificate is on no list
    assertThat(p.revocationReason()).startsWith("CA certificate Test Sub-CA: ");
    assertThat(p.status()).isEqualTo(SignatureReport.Status.INVALID);
  }

  @Test
  void aTimestampOverAnotherValueOrFromAnUntrustedAuthorityIsNotValid() {
    PadesSigner wrongImprint = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD, sha -> tsa.stamp(new byte[32]));
    SignatureReport.Signature p = verifier.verify(signPersonal(wrongImprint, SamplePdfs.decision(), director, NOW))
        .signatures().get(0);
    assertThat(p.integrity()).isTrue();
    assertThat(p.timestamp().valid()).isFalse();
    assertThat(p.timestamp().problem()).isEqualTo("the token stamps another signature");
    assertThat(p.status()).isEqualTo(SignatureReport.Status.INVALID);
    assertThat(p.checks()).extracting(SignatureReport.Check::vi)
        .contains("Dấu thời gian KHÔNG hợp lệ (the token stamps another signature)");

    PadesSigner selfMade = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD,
        new EmbeddedTimeStampAuthority(() -> strangerTsa, java.time.Clock.systemUTC()));
    SignatureReport.Signature q = verifier.verify(signPersonal(selfMade, SamplePdfs.decision(), director, NOW))
        .signatures().get(0);
    assertThat(q.timestamp().authority()).isEqualTo("Self-made TSA");
    assertThat(q.timestamp().problem()).isEqualTo("the time-stamping authority does not chain to a trusted root");
    assertThat(q.valid()).isFalse();

    PadesSigner revokedAuthority = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD,
        new EmbeddedTimeStampAuthority(() -> revokedTsa, java.time.Clock.systemUTC()));
    SignatureReport.Signature r = verifier.verify(signPersonal(revokedAuthority, SamplePdfs.decision(), director,
        NOW)).signatures().get(0);
    assertThat(r.timestamp().authority()).isEqualTo("Revoked TSA");
    assertThat(r.timestamp().problem()).startsWith("the time-stamping authority's certificate was revoked");
    assertThat(r.status()).isEqualTo(SignatureReport.Status.INVALID);
  }

  @Test
  void aTsaOverHttpStampsTheSignature() {
    String url = "http://127.0.0.1:" + crlServer.getAddress().getPort() + "/tsa";
    PadesSigner overHttp = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD,
        new HttpTimeStamping(java.net.URI.create(url), Duration.ofSeconds(5)));
    int before = tsaContentTypes.size();
    SignatureReport.Signature p = verifier.verify(signPersonal(overHttp, SamplePdfs.decision(), director, NOW))
        .signatures().get(0);
    assertThat(tsaContentTypes.subList(before, tsaContentTypes.size())).containsExactly("application/timestamp-query");
    assertThat(p.timestamp().valid()).isTrue();
    assertThat(p.timestamp().authority()).isEqualTo("Test TSA");
    assertThat(p.valid()).isTrue();

    // No authority answering: refused, nothing signed.
    PadesSigner down = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD,
        new HttpTimeStamping(java.net.URI.create("http://127.0.0.1:9/tsa"), Duration.ofSeconds(2)));
    assertThatThrownBy(() -> signPersonal(down, SamplePdfs.decision(), director, NOW))
        .isInstanceOfSatisfying(SigningRefused.class, e -> {
          assertThat(e.code()).isEqualTo("signing-tsa-unavailable");
          assertThat(e.status().value()).isEqualTo(503);
        });
  }

  @Test
  void aRevocationAfterTheTimestampedTimeKeepsTheSignatureValid() {
    // Signed three days ago with a timestamp of that day; the certificate was revoked two days ago.
    OffsetDateTime then = NOW.minusDays(3);
    PadesSigner past = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD,
        new EmbeddedTimeStampAuthority(() -> tsaKey, java.time.Clock.fixed(then.toInstant(), ZoneOffset.UTC)));
    SignatureReport.Signature p = verifier.verify(signPersonal(past, SamplePdfs.decision(), revoked, then))
        .signatures().get(0);
    assertThat(p.timestamp().time()).isEqualTo(then);
    assertThat(p.revocation()).isEqualTo(Revocation.REVOKED);
    assertThat(p.valid()).isTrue();
    assertThat(p.checks()).extracting(SignatureReport.Check::en).anySatisfy(l -> assertThat(l)
        .startsWith("Certificate status: revoked since").endsWith("after the timestamped signing time; the "
            + "signature stays valid"));
    // The same claim without a timestamp proves nothing: revoked is revoked.
    PadesSigner noTimestamp = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD);
    SignatureReport.Signature q = verifier.verify(signPersonal(noTimestamp, SamplePdfs.decision(), revoked, then))
        .signatures().get(0);
    assertThat(q.timestamp()).isNull();
    assertThat(q.valid()).isFalse();
  }

  @Test
  void theAppendixSignatureShowsNumberAndTimeAtTheTopRight() {
    String text = "15/QĐ-SKHCN " + EmbeddedDocumentSigning.ISO_SECONDS.format(NOW);
    byte[] appendix = SamplePdfs.appendix();
    byte[] signed;
    try (PDDocument doc = Loader.loadPDF(appendix); PDDocument scratch = new PDDocument()) {
      float w = Appearances.width(org.apache.pdfbox.pdmodel.font.PDType0Font.load(scratch, SamplePdfs.FONT.toFile()),
          10, text);
      signed = signer.sign(appendix, agency, Appearances.appendixPlacement(doc, w), Appearances.appendix(text),
          "Appendix", NOW, null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(verifier.verify(signed).signatures()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(Kind.AGENCY);
      assertThat(s.valid()).isTrue();
    });
    assertThat(SamplePdfs.positions(signed)).anySatisfy(w -> {
      assertThat(w.text()).isEqualTo(text);
      assertThat(w.x()).isGreaterThan(w.pageWidth() / 2);
      assertThat(w.y()).isGreaterThan(w.pageHeight() - 60);
    });
  }

  @Test
  void aCapacityThePagePrintsAboveTheBoxIsFoundAndAnotherIsNot() throws IOException {
    try (PDDocument decision = Loader.loadPDF(SamplePdfs.decision());
         PDDocument appendix = Loader.loadPDF(SamplePdfs.appendix())) {
      PadesSigner.Placement where = Appearances.personalPlacement(decision, 70);
      assertThat(Appearances.capacityPrinted(decision, where, List.of("GIÁM ĐỐC"))).isTrue();
      assertThat(Appearances.capacityPrinted(decision, where, List.of("giám  đốc"))).isTrue();
      assertThat(Appearances.capacityPrinted(decision, where, List.of("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))).isFalse();
      assertThat(Appearances.capacityPrinted(appendix, Appearances.personalPlacement(appendix, 70),
          List.of("GIÁM ĐỐC"))).isFalse();
    }
  }

  @Test
  void aHandSignatureAndASealImageReplaceTheTextAndTheDrawnSeal() throws IOException {
    byte[] pdf = SamplePdfs.decision();
    byte[] personal;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> capacity = List.of("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
      personal = signer.sign(pdf, director, Appearances.personalPlacement(doc,
              Appearances.personalHeight(capacity, true)),
          Appearances.personal(capacity, "Trần Văn Hùng", "2026-12-01T09:30:00+07:00", SamplePdfs.png(300, 120)),
          "Personal", NOW, 3);
    }
    byte[] sealed;
    try (PDDocument doc = Loader.loadPDF(personal)) {
      var rect = doc.getSignatureFields().get(0).getWidgets().get(0).getRectangle();
      sealed = signer.sign(personal, agency, Appearances.sealPlacement(new PadesSigner.Placement(0, rect)),
          Appearances.sealImage(SamplePdfs.png(200, 200)), "Agency", NOW, null);
    }
    assertThat(SamplePdfs.imagesOfSignature(sealed, 0)).containsExactly("300x120");
    assertThat(SamplePdfs.imagesOfSignature(sealed, 1)).containsExactly("200x200");
    String visible = SamplePdfs.visibleText(sealed);
    assertThat(visible).contains("PHÓ GIÁM ĐỐC", "Trần Văn Hùng", "2026-12-01T09:30:00+07:00")
        .doesNotContain("Đã ký số");
    assertThat(verifier.verify(sealed).valid()).isTrue();
    // Without images: no image at all.
    assertThat(SamplePdfs.imagesOfSignature(signPersonal(SamplePdfs.decision(), director), 0)).isEmpty();
  }

  @Test
  void notAPdfOrUnsignedIsRefused() {
    assertThatThrownBy(() -> verifier.verify("hello".getBytes())).isInstanceOfSatisfying(SigningRefused.class,
        e -> assertThat(e.code()).isEqualTo("signing-not-pdf"));
    assertThatThrownBy(() -> verifier.verify(SamplePdfs.decision())).isInstanceOfSatisfying(SigningRefused.class,
        e -> assertThat(e.code()).isEqualTo("signing-unsigned"));
  }

  @Test
  void theAgencyRuleIsNoPersonalIdentifierAndAnOrganisation() {
    assertThat(SignatureVerifier.kindOf(Certificates.subject("A", "B", "000.00.00.H41", "user"))).isEqualTo(Kind.PERSONAL);
    assertThat(SignatureVerifier.kindOf(Certificates.subject("B", "B", "000.00.00.H41", null))).isEqualTo(Kind.AGENCY);
    assertThat(SignatureVerifier.kindOf(Certificates.subject("B", "B", null, null))).isEqualTo(Kind.AGENCY);
    assertThat(SignatureVerifier.kindOf(Certificates.subject("Nguyễn Văn A", "B", null, null)))
        .isEqualTo(Kind.PERSONAL);
  }

  private static byte[] signPersonal(byte[] pdf, SigningKey key) {
    return signPersonal(signer, pdf, key, NOW);
  }

  private static byte[] signPersonal(PadesSigner signer, byte[] pdf, SigningKey key, OffsetDateTime at) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> capacity = List.of("GIÁM ĐỐC");
      String name = SignatureVerifier.rdn(org.bouncycastle.asn1.x500.X500Name.getInstance(
          key.certificate().getSubjectX500Principal().getEncoded()), org.bouncycastle.asn1.x500.style.BCStyle.CN, "");
      return signer.sign(pdf, key, Appearances.personalPlacement(doc, Appearances.personalHeight(capacity)),
          Appearances.personal(capacity, name, EmbeddedDocumentSigning.ISO_SECONDS.format(at)), "Personal", at, 3);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] signAgency(byte[] pdf, SigningKey key, byte[] personallySigned) {
    try (PDDocument doc = Loader.loadPDF(personallySigned)) {
      var rect = doc.getSignatureFields().get(0).getWidgets().get(0).getRectangle();
      PadesSigner.Placement personal = new PadesSigner.Placement(0, rect);
      return signer.sign(pdf, key, Appearances.sealPlacement(personal),
          Appearances.seal("Sở Khoa học và Công nghệ"), "Agency",
          NOW, null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static SigningKey leaf(X509Certificate issuer, KeyPair issuerKeys, org.bouncycastle.asn1.x500.X500Name subject,
                                 Instant from, Instant to, String crlUrl) {
    return leaf(issuer, issuerKeys, subject, from, to, crlUrl, null);
  }

  private static SigningKey leaf(X509Certificate issuer, KeyPair issuerKeys, org.bouncycastle.asn1.x500.X500Name subject,
                                 Instant from, Instant to, String crlUrl, String ocspUrl) {
    KeyPair keys = Certificates.newKeyPair();
    X509Certificate cert = Certificates.issue(issuer, issuerKeys.getPrivate(), subject, keys.getPublic(), from, to,
        crlUrl, ocspUrl);
    return new SigningKey(keys.getPrivate(), List.of(cert, issuer));
  }

}
