package vn.govflow.incoming;

import static vn.govflow.incoming.Text.nz;
import static vn.govflow.incoming.Text.trim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.govflow.casework.Urgency;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.files.FileService;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;

/**
 * Checks a registration request field by field (seed 001 Art 11; Decree 30/2020 Art 22) and refuses a likely
 * duplicate the clerk has not confirmed.
 */
@Component
class RegistrationRules {
  static final int MAX_FILES = 20;

  private final IncomingMapper mapper;
  private final FileService files;
  private final IdentityDirectory directory;
  private final IncomingStaff staff;
  private final ZoneId zone;
  private final Clock clock;

  RegistrationRules(IncomingMapper mapper, FileService files, IdentityDirectory directory, IncomingStaff staff,
                    @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.files = files;
    this.directory = directory;
    this.staff = staff;
    this.zone = ZoneId.of(zone);
    this.clock = Clock.system(this.zone);
  }

  /** The request's values, checked and normalised. */
  record Validated(OffsetDateTime arrivedAt, String channel, String senderAgencyCode, String senderName,
                   String numberSymbol, LocalDate documentDate, DocumentType type, String summary,
                   Urgency urgency, String directingLeader, String duplicateOf) {}

  /** Every field problem at once (400), or the likely duplicate (409) unless the clerk confirmed it. */
  Validated check(RegistrationRequest request, List<IncomingRegistration.Upload> uploads, CurrentUser clerk) {
    Validated v = validate(request, uploads, clerk);
    if (!Boolean.TRUE.equals(request.confirmDuplicate())) {
      refuseLikelyDuplicate(v, clerk);
    }
    return v;
  }

  private void refuseLikelyDuplicate(Validated v, CurrentUser clerk) {
    List<IncomingDocument> duplicates = mapper.likelyDuplicates(clerk.agencyCode(),
        v.numberSymbol(), v.senderAgencyCode(), v.senderName());
    if (!duplicates.isEmpty()) {
      IncomingDocument d = duplicates.get(0);
      throw new UserError(HttpStatus.CONFLICT, "incoming-likely-duplicate",
          "Văn bản có thể đã được vào sổ: số đến " + d.arrivalNumber() + "/" + d.regYear() + " cùng tác giả, số ký hiệu và ngày."
              + " Kiểm tra lại; nếu đúng là văn bản khác, gửi lại với confirmDuplicate = true.",
          "This document may already be registered as arrival number " + d.arrivalNumber() + "/" + d.regYear()
              + " (same sender, number and date). Check it; if it is a different document, send again with"
              + " confirmDuplicate = true.",
          List.of(), Map.of("duplicateOf", Map.of("id", d.id(), "arrivalNumber", d.arrivalNumber(),
              "year", d.regYear())));
    }
  }

  private Validated validate(RegistrationRequest r, List<IncomingRegistration.Upload> uploads, CurrentUser clerk) {
    if (r.secrecy() != null && !r.secrecy().isBlank()) {
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "incoming-secret",
          "Văn bản mật (mật, tối mật, tuyệt mật) không được vào sổ trên hệ thống này: chuyển văn thư xử lý theo kênh"
              + " văn bản mật, theo Luật Bảo vệ bí mật nhà nước.",
          "Secret documents (mật, tối mật, tuyệt mật) are not registered in this system: hand them to the clerk's"
              + " secret-document channel under the Law on Protection of State Secrets.");
    }
    List<FieldProblem> problems = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime arrivedAt = r.arrivedAt() == null ? now : r.arrivedAt();
    if (arrivedAt.isAfter(now.plusMinutes(5))) {
      problems.add(new FieldProblem("arrivedAt", "Thời điểm đến không được ở tương lai.",
          "The arrival time cannot be in the future."));
    }
    String channel = r.channel() == null || r.channel().isBlank() ? "ELECTRONIC" : r.channel().trim().toUpperCase();
    if (!List.of("ELECTRONIC", "PAPER", "EMAIL").contains(channel)) {
      problems.add(new FieldProblem("channel", "Kênh nhận phải là ELECTRONIC, PAPER hoặc EMAIL.",
          "The channel must be ELECTRONIC, PAPER or EMAIL."));
    }
    String senderName = trim(r.senderName());
    String senderCode = trim(r.senderAgencyCode());
    if (senderCode != null) {
      Optional<Agency> sender = directory.agency(senderCode);
      if (sender.isEmpty()) {
        problems.add(new FieldProblem("senderAgencyCode", "Không có cơ quan mã " + senderCode + " trong danh bạ.",
            "No agency with code " + senderCode + " in the directory."));
      } else if (senderName == null) {
        senderName = sender.get().name();
      }
    }
    if (senderName == null) {
      problems.add(new FieldProblem("senderName", "Cần ghi tác giả (cơ quan ban hành).",
          "The sender (issuing agency) is required."));
    }
    String numberSymbol = trim(r.numberSymbol());
    if (numberSymbol == null) {
      problems.add(new FieldProblem("numberSymbol", "Cần ghi số, ký hiệu văn bản.", "The number and symbol are required."));
    } else if (numberSymbol.length() > 50) {
      problems.add(new FieldProblem("numberSymbol", "Số, ký hiệu tối đa 50 ký tự.", "At most 50 characters."));
    }
    if (r.documentDate() == null) {
      problems.add(new FieldProblem("documentDate", "Cần ghi ngày tháng văn bản.", "The document date is required."));
    } else if (r.documentDate().isAfter(arrivedAt.atZoneSameInstant(zone).toLocalDate())) {
      problems.add(new FieldProblem("documentDate", "Ngày văn bản không được sau ngày đến.",
          "The document date cannot be after the arrival date."));
    }
    Optional<DocumentType> type = DocumentType.byCode(nz(r.documentType()));
    if (type.isEmpty()) {
      problems.add(new FieldProblem("documentType", "Tên loại văn bản không hợp lệ (29 loại theo Nghị định 30/2020).",
          "Unknown document type (one of the 29 types of Decree 30/2020)."));
    }
    String summary = trim(r.summary());
    if (summary == null) {
      problems.add(new FieldProblem("summary", "Cần ghi trích yếu nội dung.", "The summary is required."));
    } else if (summary.length() > 500) {
      problems.add(new FieldProblem("summary", "Trích yếu tối đa 500 ký tự.", "The summary is at most 500 characters."));
    }
    Optional<Urgency> urgency = r.urgency() == null || r.urgency().isBlank() ? Optional.of(Urgency.THUONG)
        : Urgency.byCode(r.urgency().trim());
    if (urgency.isEmpty()) {
      problems.add(new FieldProblem("urgency", "Độ khẩn phải là thuong, khan, thuong-khan hoặc hoa-toc.",
          "Urgency must be thuong, khan, thuong-khan or hoa-toc."));
    }
    if (r.pageCount() != null && (r.pageCount() < 1 || r.pageCount() > 10_000)) {
      problems.add(new FieldProblem("pageCount", "Số trang phải từ 1 đến 10.000.", "Page count must be 1 to 10,000."));
    }
    String leader = trim(r.directingLeader());
    if (leader != null && !staff.isLeaderOf(leader, clerk.agencyCode())) {
      problems.add(new FieldProblem("directingLeader", "Người chỉ đạo phải là lãnh đạo của cơ quan.",
          "The directing leader must be one of the agency's leaders."));
    }
    if (uploads.isEmpty()) {
      problems.add(new FieldProblem("files", "Cần đính kèm tệp văn bản (bản điện tử hoặc bản quét).",
          "Attach the document's file (the electronic original or the scan)."));
    } else if (uploads.size() > MAX_FILES) {
      problems.add(new FieldProblem("files", "Tối đa " + MAX_FILES + " tệp.", "At most " + MAX_FILES + " files."));
    }
    for (IncomingRegistration.Upload u : uploads) {
      try {
        files.validateName(u.name());
      } catch (UserError e) {
        problems.add(new FieldProblem("files", e.messageVi(), e.messageEn()));
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "incoming-invalid", "Thông tin văn bản đến chưa hợp lệ: "
          + problems.size() + " lỗi.", "The incoming document is not valid: " + problems.size() + " problem(s).",
          problems, Map.of());
    }
    return new Validated(arrivedAt.truncatedTo(ChronoUnit.SECONDS), channel, senderCode, senderName, numberSymbol,
        r.documentDate(), type.get(), summary, urgency.get(), leader,
        Boolean.TRUE.equals(r.confirmDuplicate()) ? duplicateId(clerk, r, senderCode, senderName, numberSymbol) : null);
  }

  private String duplicateId(CurrentUser clerk, RegistrationRequest r, String senderCode, String senderName,
                             String numberSymbol) {
    return mapper.likelyDuplicates(clerk.agencyCode(), numberSymbol, senderCode, senderName)
        .stream().findFirst().map(IncomingDocument::id).orElse(null);
  }
}
