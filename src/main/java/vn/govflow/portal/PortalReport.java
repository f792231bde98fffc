package vn.govflow.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

/**
 * A period's figures per answering agency (seed 003 Art 32: reports on the 25th of each month, of each quarter
 * and at the end of the year; {@link ReportPeriod}): received, answered on time, answered late, still open past
 * the due date, and the average working days taken to answer, counted as the answer deadline counts them.
 */
@Service
class PortalReport {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final IdentityDirectory directory;

  PortalReport(JdbcTemplate jdbc, WorkingDayCalendar calendar, IdentityDirectory directory) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.directory = directory;
  }

  public record Line(String agencyCode, String agencyName, int received, int answeredOnTime, int answeredLate,
                     int openOverdue, Double averageWorkingDays) {}

  /** The period's lines and their totals; the total's average is over every answered question, not of averages. */
  public record Summary(ReportPeriod period, List<Line> lines, Line total) {}

  /** The raw sums behind a line, so that totals are exact rather than sums of rounded averages. */
  private record Tally(String agencyCode, String agencyName, int received, int onTime, int late, int overdue,
                       double workingDays) {
    Tally plus(Tally o) {
      return new Tally(agencyCode, agencyName, received + o.received, onTime + o.onTime, late + o.late,
          overdue + o.overdue, workingDays + o.workingDays);
    }

    Line line() {
      int answered = onTime + late;
      return new Line(agencyCode, agencyName, received, onTime, late, overdue,
          answered == 0 ? null : Math.round(workingDays / answered * 10) / 10.0);
    }
  }

  /**
   * Which agency's figures the person may see: {@code null} for every agency (portal editors and
   * province-wide users), their own agency code for heads and deputy heads. Everyone else is refused.
   */
  static String scopeFor(CurrentUser me) {
    if (me.hasRole(Roles.PORTAL_EDITOR) || me.isProvinceWide()) {
      return null;
    }
    if (me.hasRole(Roles.HEAD) || me.hasRole(Roles.DEPUTY_HEAD)) {
      return me.agencyCode();
    }
    throw UserError.forbidden("Chỉ lãnh đạo cơ quan và biên tập viên xem báo cáo Hỏi – Đáp.",
        "Only agency leaders and portal editors can see the Q&A report.");
  }

  /** The report month as written in the query string (YYYY-MM). */
  static YearMonth parseMonth(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException | NullPointerException e) {
      throw UserError.badRequest("portal-month", "Tháng phải có dạng YYYY-MM, ví dụ 2026-11.",
          "The month must look like YYYY-MM, e.g. 2026-11.");
    }
  }

  /**
   * The period asked for: {@code period} (YYYY-MM, YYYY-Qn or YYYY) when given, else {@code month} (YYYY-MM,
   * the older parameter).
   */
  static ReportPeriod periodOf(String month, String period) {
    if (period != null && !period.isBlank()) {
      return ReportPeriod.parse(period);
    }
    return ReportPeriod.month(parseMonth(month));
  }

  /** Today in the working-day calendar's zone (Asia/Ho_Chi_Minh unless configured otherwise). */
  java.time.LocalDate today() {
    return java.time.LocalDate.now(calendar.zone());
  }

  /** The report month that contains today: after the 25th, next month's (Art 32.1 cut-off). */
  YearMonth currentMonth() {
    return ReportPeriod.containing(ReportPeriod.Kind.MONTH, today()).lastMonth();
  }

  /** One line per agency (or only the given one), for questions received in the period. */
  public List<Line> lines(ReportPeriod period, String onlyAgencyCode) {
    return tallies(period, onlyAgencyCode).stream().map(Tally::line).toList();
  }

  /** The same lines as {@link #lines}, with a totals line over them. */
  public Summary summary(ReportPeriod period, String onlyAgencyCode) {
    List<Tally> tallies = tallies(period, onlyAgencyCode);
    Tally total = tallies.stream().reduce(new Tally(null, null, 0, 0, 0, 0, 0), Tally::plus);
    return new Summary(period, tallies.stream().map(Tally::line).toList(), total.line());
  }

  /**
   * Working days taken to answer, counted as the answer deadline counts (seed 003 Art 11.6c): from 08:00 of the
   * first working day that counts (the day of receipt when received before 08:00 on a working day, else the next
   * working day) to the answer, office time on working days only, never below zero.
   */
  double answerWorkingDays(java.time.Instant received, java.time.Instant answered) {
    java.time.Instant start = calendar.deadline(received, 1).startsAt().toInstant();
    return Math.max(0, calendar.workingDaysBetween(start, answered));
  }

  private List<Tally> tallies(ReportPeriod period, String onlyAgencyCode) {
    OffsetDateTime from = period.from(calendar.zone()).atZone(calendar.zone()).toOffsetDateTime();
    OffsetDateTime to = period.until(calendar.zone()).atZone(calendar.zone()).toOffsetDateTime();
    OffsetDateTime now = OffsetDateTime.now(calendar.zone());
    List<Tally> tallies = new ArrayList<>();
    for (Agency a : directory.agencies()) {
      if (onlyAgencyCode != null && !onlyAgencyCode.equals(a.code())) {
        continue;
      }
      List<Object[]> rows = jdbc.query("SELECT status, received_at, due_at, answered_at FROM portal_question"
              + " WHERE COALESCE(answering_agency, agency_code) = ? AND received_at >= ? AND received_at < ?",
          (rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class),
              rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)},
          a.code(), from, to);
      int onTime = 0;
      int late = 0;
      int overdue = 0;
      double days = 0;
      for (Object[] r : rows) {
        OffsetDateTime received = (OffsetDateTime) r[1];
        OffsetDateTime due = (OffsetDateTime) r[2];
        OffsetDateTime answered = (OffsetDateTime) r[3];
        if ("ANSWERED".equals(r[0]) && answered != null) {
          if (answered.isAfter(due)) {
            late++;
          } else {
            onTime++;
          }
          days += answerWorkingDays(received.toInstant(), answered.toInstant());
        } else if (!"REJECTED".equals(r[0]) && due.isBefore(now)) {
          overdue++;
        }
      }
      tallies.add(new Tally(a.code(), a.name(), rows.size(), onTime, late, overdue, days));
    }
    return tallies;
  }

  void xlsx(ReportPeriod period, List<Line> lines, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("Hoi dap " + period.code());
      sheet.createRow(0).createCell(0).setCellValue("BÁO CÁO HỎI – ĐÁP " + period.name(false).toUpperCase(
          java.util.Locale.forLanguageTag("vi")) + " (" + period.days() + ")");
      String[] headers = {"Cơ quan", "Mã định danh", "Đã nhận", "Trả lời đúng hạn", "Trả lời quá hạn",
          "Chưa trả lời, quá hạn", "Số ngày làm việc trung bình"};
      Row h = sheet.createRow(2);
      for (int i = 0; i < headers.length; i++) {
        h.createCell(i).setCellValue(headers[i]);
      }
      int r = 3;
      for (Line l : lines) {
        Row x = sheet.createRow(r++);
        x.createCell(0).setCellValue(l.agencyName());
        x.createCell(1).setCellValue(l.agencyCode());
        x.createCell(2).setCellValue(l.received());
        x.createCell(3).setCellValue(l.answeredOnTime());
        x.createCell(4).setCellValue(l.answeredLate());
        x.createCell(5).setCellValue(l.openOverdue());
        if (l.averageWorkingDays() != null) {
          x.createCell(6).setCellValue(l.averageWorkingDays());
        }
      }
      for (int i = 0; i < headers.length; i++) {
        sheet.setColumnWidth(i, (i == 0 ? 40 : 18) * 256);
      }
      wb.write(out);
    }
  }
}
