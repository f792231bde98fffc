package vn.govflow.incoming;

import vn.govflow.documents.DocumentType;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.govflow.calendar.WorkingDayCalendar;
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
  static final String DEFAULT_LANGUAGE = "Tiếng Việt";
  /** The usual "số, ký hiệu": a number, a slash, the notation (15/QĐ-UBND), App I §II.4. */
  private static final Pattern NUMBER_SYMBOL = Pattern.compile("^(\\d{1,11})\\s*/\\s*(\\S.*)$");
  private static final java.time.format.DateTimeFormatter SHOWN =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final IncomingMapper mapper;
  private final FileService files;
  private final IdentityDirectory directory;
  private final IncomingStaff staff;
  private final ZoneId zone;
  private final Clock clock;
  private final WorkingDayCalendar calendar;
  private final int lateWindowDays;

  RegistrationRules(IncomingMapper mapper, FileService files, IdentityDirectory directory, IncomingStaff staff,
                    @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone, WorkingDayCalendar calendar,
                    @Value("${govflow.incoming.late-registration-working-days:1}") int lateWindowDays) {
    this.calendar = calendar;
    this.lateWindowDays = Math.max(0, lateWindowDays);
    this.mapper = mapper;
    this.files = files;
    this.directory = directory;
    this.staff = staff;
    this.zone = ZoneId.of(zone);
    this.clock = Clock.system(this.zone);
  }

  /** The request's values, checked and normalised. */
  record Validated(OffsetDateTime arrivedAt, String channel, String senderAgencyCode, String senderName,
                   String numberSymbol, LocalDate documentDate, String type, String summary,
                   Urgency urgency, String directingLeader, String duplicateOf, String recipient, String note,
                   Integer pageCount, String signerName, String signerPosition, String language, String codeNumber,
                   String codeNotation, String lateReason) {}

  /** Every field problem at once (400), or the likely duplicate (409) unless the clerk confirmed it. */
  Validated check(RegistrationRequest request, List<IncomingRegistration.Upload> uploads, CurrentUser clerk) {
    Validated v = validate(request, uploads, clerk);
    refuseClosedYear(clerk.agencyCode(), v.arrivedAt().atZoneSameInstant(zone).getYear());
    if (!Boolean.TRUE.equals(request.confirmDuplicate())) {
      refuseLikelyDuplicate(v, clerk);
    }
    return v;
  }

  /**
   * A closed year's register takes no more documents (Art 22.3b; docs/decisions.md). Called early, and again under
   * the register's lock by the registration itself, so a closing and a registration never cross.
   */
  void refuseClosedYear(String agencyCode, int year) {
    RegisterClosing closed = mapper.closing(agencyCode, year);
    if (closed != null) {
      String on = SHOWN.format(closed.closedAt().atZoneSameInstant(zone));
      throw new UserError(HttpStatus.CONFLICT, "incoming-register-closed",
          "Sổ đăng ký văn bản đến năm " + year + " đã khóa lúc " + on + " (" + closed.closedByName() + "):"
              + " không vào sổ thêm văn bản đến trong năm đó. Kiểm tra lại ngày, giờ đến.",
          "The " + year + " incoming register was closed on " + on + " (" + closed.closedByName() + "):"
              + " no more documents that arrived in that year can be registered. Check the arrival time.");
    }
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
    // Any kind of document may arrive (Art 3.6; App VI TypeName String(100)): a known type or the typed name.
    String type = trim(r.documentType());
    if (type == null) {
      problems.add(new FieldProblem("documentType", "Cần ghi tên loại văn bản (chọn trong danh sách hoặc gõ tên loại).",
          "The document type is required (choose one or type its name)."));
    } else if (type.length() > DocumentType.MAX_NAME_LENGTH) {
      problems.add(new FieldProblem("documentType", "Tên loại văn bản tối đa 100 ký tự.",
          "The document type is at most 100 characters."));
    } else {
      type = DocumentType.normalise(type);
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
    // App VI PageAmount Number(3).
    if (r.pageCount() != null && (r.pageCount() < 1 || r.pageCount() > 999)) {
      problems.add(new FieldProblem("pageCount", "Số trang phải từ 1 đến 999.", "Page count must be 1 to 999."));
    }
    String recipient = trim(r.recipient());
    maxLength(problems, "recipient", recipient, 1000, "Nơi nhận (đơn vị, người nhận, phối hợp)", "Recipients");
    String note = trim(r.note());
    maxLength(problems, "note", note, 500, "Ghi chú", "The note");
    String signerName = trim(r.signerName());
    maxLength(problems, "signerName", signerName, 50, "Họ tên người ký", "The signer's name");
    String signerPosition = trim(r.signerPosition());
    maxLength(problems, "signerPosition", signerPosition, 100, "Chức vụ người ký", "The signer's position");
    String language = trim(r.language()) == null ? DEFAULT_LANGUAGE : trim(r.language());
    maxLength(problems, "language", language, 30, "Ngôn ngữ", "The language");
    // CodeNumber and CodeNotation: from the typed "số, ký hiệu" when it has the usual form; the clerk's win.
    Matcher parts = numberSymbol == null ? null : NUMBER_SYMBOL.matcher(numberSymbol);
    boolean usual = parts != null && parts.matches();
    String codeNumber = trim(r.codeNumber()) != null ? trim(r.codeNumber()) : usual ? parts.group(1) : null;
    String codeNotation = trim(r.codeNotation()) != null ? trim(r.codeNotation())
        : usual && parts.group(2).trim().length() <= 30 ? parts.group(2).trim() : null;
    maxLength(problems, "codeNumber", codeNumber, 11, "Số văn bản", "The document number");
    maxLength(problems, "codeNotation", codeNotation, 30, "Ký hiệu văn bản", "The document notation");
    String lateReason = trim(r.lateReason());
    OffsetDateTime lateAfter = OffsetDateTime.ofInstant(
        calendar.deadline(arrivedAt.toInstant(), lateWindowDays).dueAt().toInstant(), zone);
    if (!now.isAfter(lateAfter)) {
      lateReason = null; // on time: nothing to explain, the register marks nothing
    } else if (lateReason == null) {
      problems.add(new FieldProblem("lateReason", "Văn bản đến lúc " + SHOWN.format(arrivedAt.atZoneSameInstant(zone))
          + ", quá thời hạn vào sổ (" + SHOWN.format(lateAfter) + ", Điều 4.2c Nghị định 30/2020): ghi lý do vào sổ"
          + " muộn; sổ sẽ ghi văn bản này là vào sổ muộn.",
          "The document arrived on " + SHOWN.format(arrivedAt.atZoneSameInstant(zone)) + ", past the registration"
              + " time limit (" + SHOWN.format(lateAfter) + ", Decree 30/2020 Art 4.2c): give the reason for the late"
              + " registration; the register will mark it as late."));
    } else {
      maxLength(problems, "lateReason", lateReason, 500, "Lý do vào sổ muộn", "The reason for the late registration");
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
        r.documentDate(), type, summary, urgency.get(), leader,
        Boolean.TRUE.equals(r.confirmDuplicate()) ? duplicateId(clerk, r, senderCode, senderName, numberSymbol) : null,
        recipient, note, r.pageCount(), signerName, signerPosition, language, codeNumber, codeNotation, lateReason);
  }

  private static void maxLength(List<FieldProblem> problems, String field, String value, int max, String nameVi,
                                String nameEn) {
    if (value != null && value.length() > max) {
      problems.add(new FieldProblem(field, nameVi + " tối đa " + max + " ký tự.",
          nameEn + " is at most " + max + " characters."));
    }
  }

  private String duplicateId(CurrentUser clerk, RegistrationRequest r, String senderCode, String senderName,
                             String numberSymbol) {
    return mapper.likelyDuplicates(clerk.agencyCode(), numberSymbol, senderCode, senderName)
        .stream().findFirst().map(IncomingDocument::id).orElse(null);
  }
}
