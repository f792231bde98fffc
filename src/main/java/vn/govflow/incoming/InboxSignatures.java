package vn.govflow.incoming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.signing.DocumentSigning;
import vn.govflow.signing.SignatureReport;

/**
 * The clerk's check of authenticity and integrity before accepting (Decree 30/2020 Art 21.2; domain.md §7): the
 * issued PDF must carry a valid personal signature and the sending agency's valid signature (Art 32.2d, 33.2),
 * every appendix the agency's signature, and no signature may fail.
 */
@Component
class InboxSignatures {
  private final DocumentSigning signing;
  private final FileService files;

  InboxSignatures(DocumentSigning signing, FileService files) {
    this.signing = signing;
    this.files = files;
  }

  /** One problem, in Vietnamese and English. */
  record Problem(String vi, String en) {}

  /** One file's report as the clerk reads it. */
  record FileCheck(String fileId, String fileName, boolean appendix, SignatureReport report, List<Problem> problems) {}

  record Verification(List<FileCheck> files) {
    public boolean acceptable() {
      return files.stream().allMatch(f -> f.problems().isEmpty());
    }

    public List<Problem> problems() {
      return files.stream().flatMap(f -> f.problems().stream()
          .map(p -> new Problem(f.fileName() + ": " + p.vi(), f.fileName() + ": " + p.en()))).toList();
    }
  }

  /** Reads the entry's files (the caller has checked the clerk's right to this entry). */
  Verification verify(InboxEntry entry) {
    List<FileCheck> checks = new ArrayList<>();
    List<String> ids = entry.allFileIds();
    for (int i = 0; i < ids.size(); i++) {
      boolean appendix = i > 0;
      StoredFile f = files.findHeldByCase(ids.get(i)).orElse(null);
      if (f == null) {
        checks.add(new FileCheck(ids.get(i), ids.get(i), appendix, null, List.of(new Problem(
            "Không còn tệp văn bản của nơi gửi.", "The sender's file is no longer there."))));
        continue;
      }
      SignatureReport report;
      try (InputStream in = files.open(f)) {
        report = signing.verify(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (RuntimeException notAPdf) {
        checks.add(new FileCheck(f.id(), f.originalName(), appendix, null, List.of(new Problem(
            "Không đọc được chữ ký số của tệp (không phải PDF hợp lệ).",
            "The file's signatures could not be read (not a valid PDF)."))));
        continue;
      }
      checks.add(new FileCheck(f.id(), f.originalName(), appendix, report, problems(report, appendix, entry)));
    }
    return new Verification(checks);
  }

  private static List<Problem> problems(SignatureReport report, boolean appendix, InboxEntry entry) {
    List<Problem> problems = new ArrayList<>();
    if (report.signatures().isEmpty()) {
      problems.add(new Problem("Tệp không có chữ ký số.", "The file carries no digital signature."));
      return problems;
    }
    for (SignatureReport.Signature s : report.signatures()) {
      if (!s.valid()) {
        String failed = String.join("; ", s.checks().stream().filter(c -> !c.ok()).map(SignatureReport.Check::vi)
            .toList());
        String failedEn = String.join("; ", s.checks().stream().filter(c -> !c.ok()).map(SignatureReport.Check::en)
            .toList());
        problems.add(new Problem("Chữ ký của " + signer(s) + " không hợp lệ" + (failed.isEmpty() ? "." : ": " + failed),
            "The signature of " + signer(s) + " is not valid" + (failedEn.isEmpty() ? "." : ": " + failedEn)));
      }
    }
    if (!appendix && report.validOf(SignatureReport.Kind.PERSONAL).isEmpty()) {
      problems.add(new Problem("Thiếu chữ ký số hợp lệ của người có thẩm quyền.",
          "The competent person's valid signature is missing."));
    }
    boolean agencySigned = report.validOf(SignatureReport.Kind.AGENCY).stream()
        .anyMatch(s -> s.agencyCode() == null || entry.senderAgencyCode() == null
            || s.agencyCode().equals(entry.senderAgencyCode()));
    if (!agencySigned) {
      problems.add(new Problem("Thiếu chữ ký số hợp lệ của cơ quan ban hành.",
          "The issuing agency's valid signature is missing."));
    }
    if (!report.valid() && problems.isEmpty()) {
      problems.add(new Problem("Tệp đã bị thay đổi sau khi ký.", "The file was changed after it was signed."));
    }
    return problems;
  }

  private static String signer(SignatureReport.Signature s) {
    return s.signerName() != null ? s.signerName() : s.organisation() != null ? s.organisation() : s.field();
  }
}
