package vn.govflow.outgoing;

import java.util.Objects;
import org.springframework.stereotype.Component;
import vn.govflow.signing.DocumentSigning;
import vn.govflow.signing.SignatureReport;

/** The signing module's PAdES signatures and verification, as the signing step uses them. */
@Component
class OutgoingSigningAdapter implements OutgoingSignatures {
  private final DocumentSigning signing;

  OutgoingSigningAdapter(DocumentSigning signing) {
    this.signing = signing;
  }

  @Override
  public byte[] signPersonal(byte[] pdf, String username, String capacity) {
    return signing.signPersonal(pdf, username, capacity);
  }

  @Override
  public Verdict verify(byte[] pdf) {
    SignatureReport report;
    try {
      report = signing.verify(pdf);
    } catch (vn.govflow.common.error.UserError e) {
      if ("signing-unsigned".equals(e.code())) {
        return new Verdict(false, false, java.util.List.of(), null, null);
      }
      throw e;
    }
    if (report.signatures().isEmpty()) {
      return new Verdict(false, false, java.util.List.of(), null, null);
    }
    SignatureReport.Check failed = report.signatures().stream().flatMap(s -> s.checks().stream())
        .filter(c -> !c.ok()).findFirst().orElse(null);
    return new Verdict(true, report.valid(), report.validOf(SignatureReport.Kind.PERSONAL).stream()
        .map(SignatureReport.Signature::username).filter(Objects::nonNull).toList(),
        failed == null ? "chữ ký không hợp lệ" : failed.vi(), failed == null ? "signature not valid" : failed.en());
  }
}
