package vn.govflow.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.springframework.http.HttpStatus;
import vn.govflow.audit.AuditLog;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;

/**
 * The embedded default: keys from {@link KeystoreKeys}, PAdES with PDFBox and BouncyCastle, each signature with a
 * signature timestamp (B-T) and followed by its long-term validation data (B-LT, {@link ValidationData}). When a request is
 * being served, only the signer signs personally, and only a clerk of the agency applies its signature; a call
 * from a background job (no signed-in person) is trusted to have checked that itself. Every signing is audited.
 */
public class EmbeddedDocumentSigning implements DocumentSigning {
  static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final KeystoreKeys keys;
  private final PadesSigner signer;
  private final SignatureVerifier verifier;
  private final IdentityDirectory directory;
  private final CurrentUserProvider users;
  private final AuditLog audit;
  private final SigningProperties props;
  private final Clock clock;

  EmbeddedDocumentSigning(KeystoreKeys keys, PadesSigner signer, SignatureVerifier verifier,
                          IdentityDirectory directory, CurrentUserProvider users, AuditLog audit,
                          SigningProperties props, Clock clock) {
    this.keys = keys;
    this.signer = signer;
    this.verifier = verifier;
    this.directory = directory;
    this.users = users;
    this.audit = audit;
    this.props = props;
    this.clock = clock;
  }

  @Override
  public byte[] signPersonal(byte[] pdf, String username, String capacity) {
    Person person = directory.person(username).filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()))
        .orElseThrow(() -> SigningRefused.unprocessable("signing-unknown-signer",
            "Người ký không có trong danh bạ hoặc đã bị khóa.", "The signer is not in the directory or is disabled."));
    Optional<CurrentUser> me = users.current();
    if (me.isPresent() && !me.get().username().equals(username)) {
      // Ký thay / thừa lệnh use the signer's own certificate (domain.md §7): nobody signs with another's key.
      throw new SigningRefused(HttpStatus.FORBIDDEN, "signing-not-yours",
          "Chỉ người ký mới được ký bằng chữ ký số cá nhân của mình.",
          "Only the signer may sign with their personal signature.");
    }
    Agency agency = directory.agency(person.agencyCode()).orElseThrow(() -> unknownAgency());
    List<String> capacityLines = Appearances.lines(capacity);
    if (capacityLines.isEmpty()) {
      throw SigningRefused.unprocessable("signing-no-capacity", "Chưa có chức vụ của người ký (ví dụ GIÁM ĐỐC).",
          "The signer's capacity is missing (e.g. GIÁM ĐỐC).");
    }
    requireSigningPdf(pdf);
    SigningKey key = keys.person(username, person.fullName(), agency.code(), agency.name());
    OffsetDateTime now = now();
    byte[] hand = keys.image("signature", username).orElse(null);
    byte[] out = withDocument(pdf, doc -> {
      PadesSigner.Placement where = Appearances.personalPlacement(doc,
          Appearances.personalHeight(capacityLines, hand != null));
      // The capacity printed by the document itself just above the box is not drawn a second time.
      List<String> shown = Appearances.capacityPrinted(doc, where, capacityLines) ? List.of() : capacityLines;
      if (shown.isEmpty()) {
        where = Appearances.personalPlacement(doc, Appearances.personalHeight(shown, hand != null));
      }
      // The first signature certifies with level 3: the clerk may still add the number, the date and the seal.
      Integer certify = doc.getSignatureDictionaries().isEmpty() ? 3 : null;
      return signer.sign(pdf, key, where, Appearances.personal(shown, person.fullName(),
          ISO_SECONDS.format(now), hand), "Ký số cá nhân / Personal signature: " + String.join(" ", capacityLines), now,
          certify);
    });
    out = ValidationData.addForLastSignature(out, verifier);
    audit.record("signing.personal", "document", digest(out),
        "signed by " + username + " as " + String.join(" ", capacityLines));
    return out;
  }

  @Override
  public byte[] signAgency(byte[] pdf, String agencyCode) {
    Agency agency = requireClerkOf(agencyCode);
    SignatureReport report = signedReport(pdf);
    requirePersonalSignature(report);
    requirePermitted(report, 2);
    SigningKey key = keys.agency(agency.code(), agency.name());
    Optional<byte[]> seal = keys.image("seal", agency.code());
    OffsetDateTime now = now();
    byte[] out = withDocument(pdf, doc -> {
      PadesSigner.Placement personal = personalWidget(doc, report).orElseGet(() -> {
        try {
          return Appearances.personalPlacement(doc, 100);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return signer.sign(pdf, key, Appearances.sealPlacement(personal),
          seal.map(Appearances::sealImage).orElseGet(() -> Appearances.seal(agency.name())),
          "Ký số của cơ quan / Agency signature", now, null);
    });
    out = ValidationData.addForLastSignature(out, verifier);
    audit.record("signing.agency", "document", digest(out), "agency signature of " + agency.code());
    return out;
  }

  @Override
  public byte[] signAppendix(byte[] pdf, String agencyCode, String numberAndSymbol) {
    Agency agency = requireClerkOf(agencyCode);
    if (numberAndSymbol == null || numberAndSymbol.isBlank()) {
      throw SigningRefused.unprocessable("signing-no-number", "Chưa có số, ký hiệu của văn bản.",
          "The document's number and symbol are missing.");
    }
    requireSigningPdf(pdf);
    SigningKey key = keys.agency(agency.code(), agency.name());
    OffsetDateTime now = now();
    String text = numberAndSymbol.strip() + " " + ISO_SECONDS.format(now);
    byte[] out = withDocument(pdf, doc -> {
      float w;
      try (PDDocument scratch = new PDDocument()) {
        w = Appearances.width(PDType0Font.load(scratch, props.font().toFile()), 10, text);
      }
      return signer.sign(pdf, key, Appearances.appendixPlacement(doc, w), Appearances.appendix(text),
          "Ký số phụ lục / Appendix signature: " + numberAndSymbol.strip(), now, null);
    });
    out = ValidationData.addForLastSignature(out, verifier);
    audit.record("signing.appendix", "document", digest(out),
        "agency signature of " + agency.code() + " on an appendix of " + numberAndSymbol.strip());
    return out;
  }

  @Override
  public byte[] placeNumberAndDate(byte[] pdf, String numberAndSymbol, String dateLine) {
    if (numberAndSymbol == null || numberAndSymbol.isBlank() || dateLine == null || dateLine.isBlank()) {
      throw SigningRefused.unprocessable("signing-no-number", "Chưa có số, ký hiệu hoặc ngày tháng của văn bản.",
          "The document's number, symbol or date is missing.");
    }
    SignatureReport report = signedReport(pdf);
    requirePersonalSignature(report);
    requirePermitted(report, 3);
    signer.requireFonts();
    byte[] out = NumberPlacement.place(pdf, numberAndSymbol.strip(), dateLine.strip(), props.font(),
        props.italicFont());
    audit.record("signing.number", "document", digest(out), "number " + numberAndSymbol.strip() + " placed");
    return out;
  }

  @Override
  public SignatureReport verify(byte[] pdf) {
    return verifier.verify(pdf);
  }

  private Agency requireClerkOf(String agencyCode) {
    Agency agency = directory.agency(agencyCode).filter(Agency::active).orElseThrow(EmbeddedDocumentSigning::unknownAgency);
    Optional<CurrentUser> me = users.current();
    if (me.isPresent() && !(agencyCode.equals(me.get().agencyCode()) && me.get().hasRole(Roles.CLERK))) {
      throw new SigningRefused(HttpStatus.FORBIDDEN, "signing-not-clerk",
          "Chỉ văn thư của cơ quan mới được ký số bằng chữ ký số của cơ quan.",
          "Only the agency's clerk may apply the agency's signature.");
    }
    return agency;
  }

  /** The report of a PDF that must already be signed; an unsigned one is refused as "personal signature first". */
  private SignatureReport signedReport(byte[] pdf) {
    try {
      return verifier.verify(pdf);
    } catch (SigningRefused e) {
      if ("signing-unsigned".equals(e.code())) {
        return new SignatureReport(false, 1, List.of());
      }
      throw e;
    }
  }

  /** Art 32.2d, 33.2: the agency signs only what the competent person has validly signed. */
  private static void requirePersonalSignature(SignatureReport report) {
    if (report.validOf(SignatureReport.Kind.PERSONAL).isEmpty()) {
      throw SigningRefused.conflict("signing-personal-first",
          "Văn bản chưa có chữ ký số cá nhân hợp lệ của người có thẩm quyền; văn thư chỉ ký số của cơ quan sau khi "
              + "người có thẩm quyền đã ký (Nghị định 30/2020, Điều 32, 33).",
          "The document has no valid personal signature of the competent person; the clerk applies the agency "
              + "signature only after it (Decree 30/2020 Art 32, 33).");
    }
    if (!report.valid()) {
      throw SigningRefused.conflict("signing-invalid-signature",
          "Văn bản có chữ ký số không hợp lệ; không thể ký tiếp.",
          "The document carries an invalid signature; it cannot be signed further.");
    }
  }

  /** A certification signature that locks the document below the level needed would be broken by the change. */
  private static void requirePermitted(SignatureReport report, int needed) {
    if (report.signatures().stream().anyMatch(s -> s.docMdpPermission() != null && s.docMdpPermission() < needed)) {
      throw SigningRefused.conflict("signing-document-locked",
          "Chữ ký số đầu tiên của văn bản không cho phép thay đổi này (khóa văn bản); thay đổi sẽ làm chữ ký mất hiệu lực.",
          "The document's certifying signature does not permit this change; it would invalidate that signature.");
    }
  }

  /** Where the (last valid) personal signature shows, so the seal can overlap it. */
  private static Optional<PadesSigner.Placement> personalWidget(PDDocument doc, SignatureReport report)
      throws IOException {
    List<SignatureReport.Signature> personal = report.validOf(SignatureReport.Kind.PERSONAL);
    String field = personal.get(personal.size() - 1).field();
    for (PDSignatureField f : doc.getSignatureFields()) {
      if (f.getFullyQualifiedName().equals(field) && !f.getWidgets().isEmpty()) {
        PDAnnotationWidget w = f.getWidgets().get(0);
        if (w.getRectangle() == null || w.getRectangle().getWidth() <= 0) {
          return Optional.empty();
        }
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
          for (PDAnnotation a : doc.getPage(i).getAnnotations()) {
            if (a.getCOSObject() == w.getCOSObject()) {
              return Optional.of(new PadesSigner.Placement(i, w.getRectangle()));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private void requireSigningPdf(byte[] pdf) {
    if (pdf == null || pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
        .equals("%PDF-")) {
      throw SigningRefused.unprocessable("signing-not-pdf", "Tệp cần ký không phải là tệp PDF.",
          "The file to sign is not a PDF.");
    }
  }

  private interface DocumentWork {
    byte[] apply(PDDocument doc) throws IOException;
  }

  private static byte[] withDocument(byte[] pdf, DocumentWork work) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (doc.isEncrypted()) {
        throw SigningRefused.unprocessable("signing-encrypted", "Không ký được tệp PDF có mật khẩu hoặc mã hóa.",
            "An encrypted PDF cannot be signed.");
      }
      return work.apply(doc);
    } catch (IOException e) {
      throw SigningRefused.unprocessable("signing-not-pdf", "Tệp cần ký không phải là tệp PDF đọc được.",
          "The file to sign is not a readable PDF.");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock.withZone(SignatureVerifier.VIETNAM)).truncatedTo(ChronoUnit.SECONDS);
  }

  private static SigningRefused unknownAgency() {
    return SigningRefused.unprocessable("signing-unknown-agency", "Cơ quan không có trong danh bạ.",
        "The agency is not in the directory.");
  }

  static String digest(byte[] data) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
