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
    checkRange(from, to);
    OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    int limit = Math.max(1, Math.min(size, 1000));
    List<IncomingDocument> items = mapper.book(viewer.agencyCode(), start, end, limit, Math.max(0, page) * limit);
    return new Page(items, -1);
  }

  /** How many documents the register holds in a date range (what a printout must show in full). */
  public long count(CurrentUser viewer, LocalDate from, LocalDate to) {
    checkRange(from, to);
    return mapper.count(viewer.agencyCode(), from.atStartOfDay(zone).toOffsetDateTime(),
        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), List.of());
  }

  private static void checkRange(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      throw UserError.badRequest("incoming-range-required", "Cần chọn khoảng ngày (từ ngày, đến ngày).",
          "Choose a date range (from, to).");
    }
    if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
      throw UserError.badRequest("incoming-range", "Khoảng ngày phải hợp lệ và không quá một năm.",
          "The date range must be valid and at most one year long.");
    }
  }

  /**
   * A register row with the ten columns of Decree 30/2020 Appendix IV §VI (and what the list shows). Column 7
   * ({@code recipient}) is who received the document by the leader's direction; column 9 (ký nhận) is the
   * receiver's signature on the printed book, so no field carries it (issue #13 item 5). {@code note} (column 10)
   * marks a late registration with its reason (item 10).
   */
  public record RegisterRow(String id, OffsetDateTime arrivedAt, long arrivalNumber, int year, String sender,
                            String numberSymbol, LocalDate documentDate, String typeAndSummary, String recipient,
                            OffsetDateTime forwardedAt, String note, String urgency,
                            String status, OffsetDateTime dueAt, boolean late, String lateReason) {}

  public List<RegisterRow> rows(List<IncomingDocument> documents) {
    if (documents.isEmpty()) {
      return List.of();
    }
    Map<String, OffsetDateTime> forwarded = new HashMap<>();
    List<String> ids = documents.stream().map(IncomingDocument::id).toList();
    for (int i = 0; i < ids.size(); i += 1000) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
      forwarded.putAll(history.firstTimes(IncomingCaseType.TYPE, "DIRECTED", chunk));
      // Column 8 "Ngày chuyển": a document the clerk forwarded straight to its handler (Art 23.1) went then.
      history.firstTimes(IncomingCaseType.TYPE, "FORWARDED_DIRECTLY", chunk)
          .forEach((id, at) -> forwarded.merge(id, at, (a, b) -> a.isBefore(b) ? a : b));
    }
    return documents.stream().map(d -> new RegisterRow(d.id(), d.arrivedAt(), d.arrivalNumber(), d.regYear(),
        d.senderName(), d.numberSymbol(), d.documentDate(), d.typeAndSummary(), receivedBy(d),
        forwarded.get(d.id()), registerNote(d), d.urgency(), d.status(), d.dueAt(), d.registeredLate(),
        d.lateReason())).toList();
  }

  /**
   * Column 7, "Đơn vị hoặc người nhận": after the direction, the lead handler (with their department when the
   * document went to a department) or the department; before it, the recipients the clerk wrote.
   */
  String receivedBy(IncomingDocument d) {
    if (d.leadHandler() != null) {
      return staff.personName(d.leadHandler())
          + (d.leadDepartment() == null ? "" : " (" + staff.departmentName(d.leadDepartment()) + ")");
    }
    return d.leadDepartment() != null ? staff.departmentName(d.leadDepartment()) : d.recipient();
  }

  /** Column 10: the clerk's note, and a late registration's mark with its reason (Art 4.2c, 22.2). */
  static String registerNote(IncomingDocument d) {
    if (!d.registeredLate()) {
      return d.note();
    }
    return "Vào sổ muộn: " + d.lateReason() + (d.note() == null ? "" : ". " + d.note());
  }

  /**
   * A row of the follow-up register, sổ theo dõi giải quyết văn bản đến (App IV §VIII): its seven columns, with the
   * done date and whether the handling kept its deadline (App VI §V.2 report).
   */
  public record FollowUpRow(String id, long arrivalNumber, int year, String typeNumberDateIssuer, String recipient,
                            OffsetDateTime dueAt, String status, OffsetDateTime doneAt, String timeliness,
                            String replyReference, String note) {}

  /** The follow-up report's totals: on time and late, done and still open. */
  public record FollowUpTotals(int total, int doneOnTime, int doneLate, int openInTime, int openOverdue) {}

  public record FollowUp(List<FollowUpRow> rows, FollowUpTotals totals) {}

  public static final String ON_TIME = "ON_TIME";
  public static final String LATE = "LATE";
  public static final String IN_TIME = "IN_TIME";
  public static final String OVERDUE = "OVERDUE";

  /** The follow-up register and its report for documents arrived in a date range (at most a year). */
  public FollowUp followUp(CurrentUser viewer, LocalDate from, LocalDate to, OffsetDateTime now) {
    checkRange(from, to);
    List<IncomingDocument> docs = mapper.followUp(viewer.agencyCode(), from.atStartOfDay(zone).toOffsetDateTime(),
        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    Map<String, OffsetDateTime> done = new HashMap<>();
    List<String> ids = docs.stream().map(IncomingDocument::id).toList();
    for (int i = 0; i < ids.size(); i += 1000) {
      done.putAll(history.firstTimes(IncomingCaseType.TYPE, "DONE", ids.subList(i, Math.min(ids.size(), i + 1000))));
    }
    java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    int[] counts = new int[4];
    List<FollowUpRow> rows = docs.stream().map(d -> {
      OffsetDateTime doneAt = IncomingDocument.DONE.equals(d.status()) ? done.get(d.id()) : null;
      String timeliness;
      if (doneAt != null) {
        timeliness = doneAt.isAfter(d.dueAt()) ? LATE : ON_TIME;
      } else {
        timeliness = now.isAfter(d.dueAt()) ? OVERDUE : IN_TIME;
      }
      counts[List.of(ON_TIME, LATE, IN_TIME, OVERDUE).indexOf(timeliness)]++;
      String described = d.typeName() + " số " + d.numberSymbol() + " ngày " + date.format(d.documentDate())
          + " của " + d.senderName() + ": " + d.summary();
      return new FollowUpRow(d.id(), d.arrivalNumber(), d.regYear(), described, receivedBy(d), d.dueAt(),
          d.status(), doneAt, timeliness, d.replyReference(), registerNote(d));
    }).toList();
    return new FollowUp(rows, new FollowUpTotals(rows.size(), counts[0], counts[1], counts[2], counts[3]));
  }
}
