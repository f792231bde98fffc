package vn.govflow.incoming;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.SearchText;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;

/**
 * The agency's register read back: searched newest first, in book order for printing and export, and as the
 * rows of Decree 30/2020 Appendix IV §VI.
 */
@Service
public class RegisterQueries {
  private final IncomingMapper mapper;
  private final CaseHistory history;
  private final IncomingStaff staff;
  private final ZoneId zone;

  RegisterQueries(IncomingMapper mapper, CaseHistory history, IncomingStaff staff,
                  @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.history = history;
    this.staff = staff;
    this.zone = ZoneId.of(zone);
  }

  public record Page(List<IncomingDocument> items, long total) {}

  /** The agency's register, newest first, optionally by arrival date range and words without diacritics. */
  public Page register(CurrentUser viewer, String query, LocalDate from, LocalDate to, int page, int size) {
    if (from != null && to != null && to.isBefore(from)) {
      throw UserError.badRequest("incoming-range", "Ngày kết thúc phải sau ngày bắt đầu.",
          "The end date must not be before the start date.");
    }
    int limit = Math.max(1, Math.min(size, 500));
    int offset = Math.max(0, page) * limit;
    OffsetDateTime start = from == null ? null : from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    List<String> terms = SearchText.likeTerms(query);
    return new Page(mapper.search(viewer.agencyCode(), start, end, terms, limit, offset),
        mapper.count(viewer.agencyCode(), start, end, terms));
  }

  /** The register in book order (ascending arrival numbers) over a date range, for printing and export. */
  public Page registerAscending(CurrentUser viewer, LocalDate from, LocalDate to, int page, int size) {
    if (from == null || to == null) {
      throw UserError.badRequest("incoming-range-required", "Cần chọn khoảng ngày (từ ngày, đến ngày).",
          "Choose a date range (from, to).");
    }
    if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
      throw UserError.badRequest("incoming-range", "Khoảng ngày phải hợp lệ và không quá một năm.",
          "The date range must be valid and at most one year long.");
    }
    OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    int limit = Math.max(1, Math.min(size, 1000));
    List<IncomingDocument> items = mapper.book(viewer.agencyCode(), start, end, limit, Math.max(0, page) * limit);
    return new Page(items, -1);
  }

  /** A register row with the ten columns of Decree 30/2020 Appendix IV §VI (and what the list shows). */
  public record RegisterRow(String id, OffsetDateTime arrivedAt, long arrivalNumber, int year, String sender,
                            String numberSymbol, LocalDate documentDate, String typeAndSummary, String recipient,
                            OffsetDateTime forwardedAt, String receivedBy, String note, String urgency,
                            String status, OffsetDateTime dueAt) {}

  public List<RegisterRow> rows(List<IncomingDocument> documents) {
    if (documents.isEmpty()) {
      return List.of();
    }
    Map<String, OffsetDateTime> forwarded = new HashMap<>();
    List<String> ids = documents.stream().map(IncomingDocument::id).toList();
    for (int i = 0; i < ids.size(); i += 1000) {
      forwarded.putAll(history.firstTimes(IncomingCaseType.TYPE, "DIRECTED", ids.subList(i, Math.min(ids.size(), i + 1000))));
    }
    return documents.stream().map(d -> new RegisterRow(d.id(), d.arrivedAt(), d.arrivalNumber(), d.regYear(),
        d.senderName(), d.numberSymbol(), d.documentDate(), d.typeAndSummary(),
        d.recipient() != null ? d.recipient() : d.leadDepartment() != null
            ? staff.departmentName(d.leadDepartment()) : null,
        forwarded.get(d.id()),
        d.leadHandler() == null ? null : staff.personName(d.leadHandler()),
        d.note(), d.urgency(), d.status(), d.dueAt())).toList();
  }
}
