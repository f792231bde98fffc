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
 * The month's figures per answering agency (seed 003 Art 32: monthly reports): received, answered on time,
 * answered late, still open past the due date, and the average working days taken to answer.
 */
@Service
class PortalReport {
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

  /** The month's lines and their totals; the total's average is over every answered question, not of averages. */
  public record Summary(YearMonth month, List<Line> lines, Line total) {}

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

  /** The current month in the working-day calendar's zone (Asia/Ho_Chi_Minh unless configured otherwise). */
  YearMonth currentMonth() {
    return YearMonth.now(calendar.zone());
  }

  /** One line per agency (or only the given one), for questions received in the month. */
  public List<Line> month(YearMonth month, String onlyAgencyCode) {
    return tallies(month, onlyAgencyCode).stream().map(Tally::line).toList();
  }

  /** The same lines as {@link #month}, with a totals line over them. */
  public Summary summary(YearMonth month, String onlyAgencyCode) {
    List<Tally> tallies = tallies(month, onlyAgencyCode);
    Tally total = tallies.stream().reduce(new Tally(null, null, 0, 0, 0, 0, 0), Tally::plus);
    return new Summary(month, tallies.stream().map(Tally::line).toList(), total.line());
  }

  private List<Tally> tallies(YearMonth month, String onlyAgencyCode) {
    OffsetDateTime from = month.atDay(1).atStartOfDay(calendar.zone()).toOffsetDateTime();
    OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toOffsetDateTime();
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
          days += calendar.workingDaysBetween(received.toInstant(), answered.toInstant());
        } else if (!"REJECTED".equals(r[0]) && due.isBefore(now)) {
          overdue++;
        }
      }
      tallies.add(new Tally(a.code(), a.name(), rows.size(), onTime, late, overdue, days));
    }
    return tallies;
  }

  void xlsx(YearMonth month, List<Line> lines, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("Hoi dap " + month);
      sheet.createRow(0).createCell(0).setCellValue("BÁO CÁO HỎI – ĐÁP THÁNG " + month.getMonthValue() + "/"
          + month.getYear());
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
