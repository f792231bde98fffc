package vn.govflow.outgoing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.govflow.casework.SearchText;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.Department;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * The outgoing register (sổ đăng ký văn bản đi, Decree 30/2020 App IV §I) read back: searched newest first,
 * in book order for printing and export, as rows of its ten columns. A register is one number series
 * (docs/decisions.md "Outgoing registers"): "VB" for administrative documents, one per legal normative type.
 */
@Service
class OutgoingRegisterQueries {
  static final int PAGE = 1000;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final OutgoingMapper documents;
  private final OutgoingIssueMapper mapper;
  private final IdentityDirectory directory;
  private final ZoneId zone;

  OutgoingRegisterQueries(OutgoingMapper documents, OutgoingIssueMapper mapper, IdentityDirectory directory,
                          @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.documents = documents;
    this.mapper = mapper;
    this.directory = directory;
    this.zone = ZoneId.of(zone);
  }

  record Page(List<OutgoingDocument> items, long total) {}

  /** The agency's registers: the administrative one, then its per-type registers. */
  record RegisterName(String code, String nameVi, String nameEn) {}

  List<RegisterName> registers(CurrentUser me) {
    List<RegisterName> list = new ArrayList<>();
    list.add(new RegisterName(OutgoingNumbers.ADMINISTRATIVE, "Sổ văn bản hành chính",
        "Register of administrative documents"));
    mapper.registers(me.agencyCode()).forEach(r -> list.add(new RegisterName(r.code(), r.nameVi(), r.nameEn())));
    return list;
  }

  Page search(CurrentUser me, String query, LocalDate from, LocalDate to, String register, int page, int size) {
    if (from != null && to != null && to.isBefore(from)) {
      throw UserError.badRequest("outgoing-register-range", "Ngày kết thúc phải sau ngày bắt đầu.",
          "The end date must not be before the start date.");
    }
    int limit = Math.max(1, Math.min(size, 500));
    List<String> terms = SearchText.likeTerms(query);
    String reg = blankToNull(register);
    return new Page(mapper.register(me.agencyCode(), from, to, reg, terms, false, limit, Math.max(0, page) * limit),
        mapper.registerCount(me.agencyCode(), from, to, reg, terms));
  }

  /** Every document of the period in book order (what the printout and the XLSX hold, never cut). */
  List<OutgoingDocument> book(CurrentUser me, LocalDate from, LocalDate to, String register) {
    checkRange(from, to);
    List<OutgoingDocument> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      List<OutgoingDocument> p = mapper.register(me.agencyCode(), from, to, blankToNull(register), List.of(), true,
          PAGE, page * PAGE);
      all.addAll(p);
      if (p.size() < PAGE) {
        return all;
      }
    }
  }

  static void checkRange(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      throw UserError.badRequest("outgoing-register-range-required", "Cần chọn khoảng ngày (từ ngày, đến ngày).",
          "Choose a date range (from, to).");
    }
    if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
      throw UserError.badRequest("outgoing-register-range", "Khoảng ngày phải hợp lệ và không quá một năm.",
          "The date range must be valid and at most one year long.");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * One row with the ten columns of App IV §I: (1) số, ký hiệu; (2) ngày tháng; (3) tên loại và trích yếu;
   * (4) người ký; (5) nơi nhận; (6) đơn vị, người nhận bản lưu; (7) số lượng bản; (8) ngày chuyển; (9) ký nhận
   * (signed by hand on the printed book, so no field); (10) ghi chú (recall and replacement are written here).
   */
  record RegisterRow(String id, String registerCode, String numberSymbol, LocalDate documentDate,
                     String typeAndSummary, String signer, String recipients, String keptBy, int copies,
                     OffsetDateTime sentAt, String note, String status) {}

  List<RegisterRow> rows(List<OutgoingDocument> docs) {
    if (docs.isEmpty()) {
      return List.of();
    }
    List<String> ids = docs.stream().map(OutgoingDocument::id).toList();
    Map<String, List<OutgoingRecipient>> recipients = new HashMap<>();
    Map<String, String> registers = new HashMap<>();
    Map<String, String> symbols = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      mapper.recipientsOf(chunk).forEach(r -> recipients.computeIfAbsent(r.documentId(), k -> new ArrayList<>())
          .add(r));
      mapper.registerCodes(chunk).forEach(k -> registers.put(k.id(), k.registerCode()));
    }
    return docs.stream().map(d -> {
      List<OutgoingRecipient> rs = recipients.getOrDefault(d.id(), List.of());
      String keptBy = (d.departmentId() == null ? "" : directory.department(d.departmentId())
          .map(Department::name).map(n -> n + ", ").orElse(""))
          + directory.person(d.drafter()).map(Person::fullName).orElse(d.drafter());
      String signer = d.signerName() == null ? "" : d.signerName()
          + (d.signerPosition() == null ? "" : " (" + d.signerPosition() + ")");
      int copies = d.copies() != null ? d.copies() : rs.size() + 1; // one per recipient and the kept copy
      return new RegisterRow(d.id(), registers.get(d.id()), d.numberSymbol(), d.issuedDate(),
          d.typeName() + ": " + d.subject(), signer, rs.stream().map(OutgoingRecipient::name)
              .collect(Collectors.joining("; ")), keptBy, copies, d.issuedAt(), note(d, symbols), d.status());
    }).toList();
  }

  /** Column 10: the clerk's note, the recall with its date and reason, the replacement. */
  private String note(OutgoingDocument d, Map<String, String> symbols) {
    List<String> parts = new ArrayList<>();
    if (d.note() != null && !d.note().isBlank()) {
      parts.add(d.note());
    }
    if (d.recalledAt() != null) {
      parts.add("Đã thu hồi ngày " + DATE.format(d.recalledAt().atZoneSameInstant(zone)) + ": " + d.recallReason());
    }
    if (d.replacedById() != null) {
      parts.add("Được thay thế bởi văn bản " + symbol(d.replacedById(), symbols));
    }
    if (d.replacesId() != null) {
      parts.add("Thay thế văn bản " + symbol(d.replacesId(), symbols));
    }
    return String.join(". ", parts);
  }

  private String symbol(String id, Map<String, String> symbols) {
    return symbols.computeIfAbsent(id, k -> {
      OutgoingDocument o = documents.find(k);
      return o == null || o.numberSymbol() == null ? "" : o.numberSymbol();
    });
  }

  /** The postal register (sổ gửi văn bản đi bưu điện) of a period. */
  List<OutgoingIssueMapper.PostalRow> postal(CurrentUser me, LocalDate from, LocalDate to) {
    checkRange(from, to);
    return mapper.postal(me.agencyCode(), from, to);
  }
}
