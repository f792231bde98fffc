package vn.govflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.signing.SignatureReport.Kind;
import vn.govflow.signing.SignatureReport.Revocation;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * The embedded signing in the running GovFlow (the shared H2 context): the demo CA issues the demo people's and
 * agencies' certificates on first use, the whole clerk sequence verifies, the agency signature waits for the
 * personal one, and staff verify an uploaded PDF through the API.
 */
class SigningH2Test extends H2IntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SKHCN = "000.00.12.H37";

  @Test
  void headSignsClerkNumbersAndSealsAndEverySignatureVerifies() {
    DocumentSigning signing = bean(DocumentSigning.class);
    int audited = audits();
    byte[] personal = signing.signPersonal(SamplePdfs.decision(), "hungtv.skhcn", "GIÁM ĐỐC");
    byte[] numbered = signing.placeNumberAndDate(personal, "15/QĐ-SKHCN", "Lào Cai, ngày 01 tháng 12 năm 2026");
    byte[] sealed = signing.signAgency(numbered, SKHCN);

    SignatureReport report = signing.verify(sealed);
    assertThat(report.valid()).isTrue();
    assertThat(report.signatures()).extracting(SignatureReport.Signature::kind)
        .containsExactly(Kind.PERSONAL, Kind.AGENCY);
    SignatureReport.Signature head = report.signatures().get(0);
    assertThat(head.signerName()).isEqualTo("Trần Văn Hùng");
    assertThat(head.username()).isEqualTo("hungtv.skhcn");
    assertThat(head.organisation()).isEqualTo("Sở Khoa học và Công nghệ");
    assertThat(head.issuer()).startsWith("GovFlow Demo CA");
    assertThat(head.revocation()).isEqualTo(Revocation.GOOD);
    assertThat(head.revocationSource()).isEqualTo(SignatureReport.RevocationSource.LOCAL_CA);
    // Every signature GovFlow makes carries a timestamp of the embedded TSA (B-T) and its validation data (B-LT).
    for (SignatureReport.Signature s : report.signatures()) {
      assertThat(s.timestamp().valid()).isTrue();
      assertThat(s.timestamp().authority()).startsWith("GovFlow Demo TSA");
    }
    // original, personal signature, its DSS, number, agency signature, its DSS
    assertThat(report.revisions()).isEqualTo(6);
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(sealed)) {
      SignatureVerifier.Evidence dss = SignatureVerifier.Evidence.stored(doc);
      assertThat(dss.crls()).isNotEmpty().allSatisfy(c -> assertThat(c.getIssuerX500Principal().getName())
          .contains("GovFlow Demo CA"));
      assertThat(dss.certs()).extracting(c -> c.getSubjectX500Principal().getName())
          .anySatisfy(n -> assertThat(n).contains("Trần Văn Hùng"))
          .anySatisfy(n -> assertThat(n).contains("GovFlow Demo TSA"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(report.signatures().get(1).agencyCode()).isEqualTo(SKHCN);
    assertThat(SamplePdfs.visibleText(sealed)).contains("Trần Văn Hùng", "+07:00");
    assertThat(audits() - audited).isEqualTo(3);
  }

  @Test
  void aCapacityThePdfPrintsIsNotShownTwice() {
    DocumentSigning signing = bean(DocumentSigning.class);
    // The sample decision prints "GIÁM ĐỐC" at the head of its signing block.
    byte[] head = signing.signPersonal(SamplePdfs.decision(), "hungtv.skhcn", "GIÁM ĐỐC");
    assertThat(SamplePdfs.positions(head)).filteredOn(w -> w.text().strip().equals("GIÁM ĐỐC")).hasSize(1);
    assertThat(SamplePdfs.visibleText(head)).contains("Trần Văn Hùng", "Đã ký số / Digitally signed");
    assertThat(signing.verify(head).valid()).isTrue();
    // A capacity the page does not print (the deputy signing for the head) is drawn by the appearance.
    byte[] deputy = signing.signPersonal(SamplePdfs.decision(), "tuanlm.skhcn", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
    assertThat(SamplePdfs.visibleText(deputy)).contains("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Minh Tuấn");
  }

  @Test
  void imagesPutInTheKeystoreDirectoryShowInTheAppearances() throws Exception {
    KeystoreKeys keys = bean(KeystoreKeys.class);
    java.nio.file.Path hand = keys.dir().resolve("signature-huybq.skhcn.png");
    java.nio.file.Path seal = keys.dir().resolve("seal-" + SKHCN + ".png");
    java.nio.file.Files.createDirectories(keys.dir());
    java.nio.file.Files.write(hand, SamplePdfs.png(300, 120));
    java.nio.file.Files.write(seal, SamplePdfs.png(240, 240));
    try {
      DocumentSigning signing = bean(DocumentSigning.class);
      byte[] personal = signing.signPersonal(SamplePdfs.decision(), "huybq.skhcn", "TRƯỞNG PHÒNG");
      byte[] sealed = signing.signAgency(personal, SKHCN);
      assertThat(SamplePdfs.imagesOfSignature(sealed, 0)).containsExactly("300x120");
      assertThat(SamplePdfs.imagesOfSignature(sealed, 1)).containsExactly("240x240");
      assertThat(signing.verify(sealed).valid()).isTrue();
      // Not a PNG: the text appearance, and still signed.
      java.nio.file.Files.writeString(hand, "not an image");
      byte[] text = signing.signPersonal(SamplePdfs.decision(), "huybq.skhcn", "TRƯỞNG PHÒNG");
      assertThat(SamplePdfs.imagesOfSignature(text, 0)).isEmpty();
      assertThat(SamplePdfs.visibleText(text)).contains("Đã ký số / Digitally signed");
    } finally {
      java.nio.file.Files.deleteIfExists(hand);
      java.nio.file.Files.deleteIfExists(seal); // the shared context's other tests expect the drawn seal
    }
  }

  @Test
  void theAgencySignatureBeforeThePersonalOneIsRefused() {
    DocumentSigning signing = bean(DocumentSigning.class);
    assertThatThrownBy(() -> signing.signAgency(SamplePdfs.decision(), SKHCN))
        .isInstanceOfSatisfying(SigningRefused.class, e -> {
          assertThat(e.status().value()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("signing-personal-first");
          assertThat(e.messageVi()).contains("chữ ký số cá nhân");
        });
    // An agency signature alone is no personal signature either: the appendix's seal does not open the way.
    byte[] sealedOnly = signing.signAppendix(SamplePdfs.appendix(), SKHCN, "15/QĐ-SKHCN");
    assertThatThrownBy(() -> signing.signAgency(sealedOnly, SKHCN)).isInstanceOf(SigningRefused.class);
    assertThatThrownBy(() -> signing.placeNumberAndDate(SamplePdfs.decision(), "15/QĐ-SKHCN", "ngày 01"))
        .isInstanceOf(SigningRefused.class);
  }

  @Test
  void onlyTheSignerSignsPersonallyAndOnlyTheAgencysClerkSeals() {
    DocumentSigning signing = bean(DocumentSigning.class);
    try {
      actAs("anhdd.skhcn"); // a handler of the same agency
      assertThatThrownBy(() -> signing.signPersonal(SamplePdfs.decision(), "hungtv.skhcn", "GIÁM ĐỐC"))
          .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.code()).isEqualTo("signing-not-yours"));
      actAs("hungtv.skhcn");
      byte[] signed = signing.signPersonal(SamplePdfs.decision(), "hungtv.skhcn", "GIÁM ĐỐC");
      assertThatThrownBy(() -> signing.signAgency(signed, SKHCN)) // the head is no clerk
          .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.code()).isEqualTo("signing-not-clerk"));
      actAs("hoadt.vpubnd"); // another agency's clerk
      assertThatThrownBy(() -> signing.signAgency(signed, SKHCN))
          .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.code()).isEqualTo("signing-not-clerk"));
      actAs("lannt.skhcn");
      assertThat(signing.verify(signing.signAgency(signed, SKHCN)).valid()).isTrue();
      assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = "
          + "'signing.agency' AND actor = 'lannt.skhcn'", Integer.class)).isPositive();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void aDocumentCertifiedWithNoChangesAllowedIsNotSealedIntoAnInvalidOne() throws Exception {
    SigningKey head = bean(KeystoreKeys.class).person("hungtv.skhcn", "Trần Văn Hùng", SKHCN, "Sở Khoa học và Công nghệ");
    byte[] locked;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(SamplePdfs.decision())) {
      locked = new PadesSigner(SamplePdfs.FONT, SamplePdfs.BOLD).sign(SamplePdfs.decision(), head,
          Appearances.personalPlacement(doc, 70), Appearances.personal(List.of("GIÁM ĐỐC"), "Trần Văn Hùng", "now"),
          "Locked", java.time.OffsetDateTime.now(), 1);
    }
    DocumentSigning signing = bean(DocumentSigning.class);
    assertThat(signing.verify(locked).valid()).isTrue();
    assertThatThrownBy(() -> signing.signAgency(locked, SKHCN)).isInstanceOfSatisfying(SigningRefused.class,
        e -> assertThat(e.code()).isEqualTo("signing-document-locked"));
    assertThatThrownBy(() -> signing.placeNumberAndDate(locked, "15/QĐ-SKHCN", "ngày 01"))
        .isInstanceOfSatisfying(SigningRefused.class, e -> assertThat(e.code()).isEqualTo("signing-document-locked"));
  }

  private static void actAs(String username) {
    SecurityContextHolder.getContext().setAuthentication(
        new UsernamePasswordAuthenticationToken(username, null, List.of()));
  }

  @Test
  void anAppendixCarriesTheAgencySignatureWithNumberAndTimeTopRight() {
    DocumentSigning signing = bean(DocumentSigning.class);
    byte[] signed = signing.signAppendix(SamplePdfs.appendix(), SKHCN, "15/QĐ-SKHCN");
    SignatureReport report = signing.verify(signed);
    assertThat(report.valid()).isTrue();
    assertThat(report.signatures()).singleElement().extracting(SignatureReport.Signature::kind).isEqualTo(Kind.AGENCY);
    assertThat(SamplePdfs.positions(signed)).anySatisfy(w -> {
      assertThat(w.text()).matches("15/QĐ-SKHCN \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
      assertThat(w.x()).isGreaterThan(w.pageWidth() / 2);
      assertThat(w.y()).isGreaterThan(w.pageHeight() - 60);
    });
  }

  @Test
  void staffVerifyAnUploadedPdfAndBadFilesAreProblems() throws Exception {
    byte[] signed = bean(DocumentSigning.class).signPersonal(SamplePdfs.decision(), "tuanlm.skhcn",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> ok = lan.upload("/api/v1/signatures/verify", "quyet_dinh.pdf", signed);
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(ok.body());
    assertThat(body.get("valid").asBoolean()).isTrue();
    JsonNode sig = body.get("signatures").get(0);
    assertThat(sig.get("kind").asText()).isEqualTo("PERSONAL");
    assertThat(sig.get("signerName").asText()).isEqualTo("Lê Minh Tuấn");
    assertThat(sig.get("signingTime").asText()).endsWith("+07:00");
    assertThat(sig.get("status").asText()).isEqualTo("VALID");
    assertThat(sig.get("timestamp").get("valid").asBoolean()).isTrue();
    assertThat(sig.get("timestamp").get("time").asText()).endsWith("+07:00");
    assertThat(sig.get("checks").findValuesAsText("vi")).contains("Chữ ký số hợp lệ");

    HttpResponse<String> notPdf = lan.upload("/api/v1/signatures/verify", "a.pdf", "hello".getBytes());
    assertThat(notPdf.statusCode()).isEqualTo(422);
    assertThat(notPdf.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    assertThat(JSON.readTree(notPdf.body()).get("code").asText()).isEqualTo("signing-not-pdf");

    HttpResponse<String> unsigned = lan.upload("/api/v1/signatures/verify", "b.pdf", SamplePdfs.decision());
    assertThat(unsigned.statusCode()).isEqualTo(422);
    JsonNode problem = JSON.readTree(unsigned.body());
    assertThat(problem.get("code").asText()).isEqualTo("signing-unsigned");
    assertThat(problem.get("messageVi").asText()).isEqualTo("Tệp PDF không có chữ ký số.");

    assertThat(anonymous().upload("/api/v1/signatures/verify", "c.pdf", signed).statusCode()).isEqualTo(401);
    assertThat(lan.get("/v3/api-docs", "application/json").body()).contains("/api/v1/signatures/verify");
  }

  @Test
  void theDemoCaPublishesItsCrlToEveryone() throws Exception {
    HttpResponse<byte[]> crl = anonymous().getBytes("/pki/demo-ca.crl");
    assertThat(crl.statusCode()).isEqualTo(200);
    X509CRL parsed = (X509CRL) CertificateFactory.getInstance("X.509")
        .generateCRL(new ByteArrayInputStream(crl.body()));
    assertThat(parsed.getIssuerX500Principal().getName()).contains("GovFlow Demo CA");
  }

  private int audits() {
    return bean(JdbcTemplate.class).queryForObject(
        "SELECT COUNT(*) FROM audit_event WHERE action LIKE 'signing.%'", Integer.class);
  }
}
