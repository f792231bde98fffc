package vn.govflow.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.govflow.common.error.UserError;

/**
 * A reporting period of the Q&A report (seed 003 Art 32.1: "định kỳ ngày 25 hằng tháng, quý và cuối năm").
 * Every period closes at the end of a 25th (docs/decisions.md): a month runs from the 26th of the month before to
 * the 25th, a quarter from the 26th of the month before it to the 25th of its last month, a year from 26 December
 * of the year before to 25 December. Whole days in the calendar's zone.
 *
 * @param kind   MONTH, QUARTER or YEAR
 * @param number the month (1–12) or the quarter (1–4); 0 for a year
 */
record ReportPeriod(Kind kind, int year, int number) {
  /** The cut-off day of every period (Art 32.1). */
  static final int CUT_OFF_DAY = 25;
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  enum Kind { MONTH, QUARTER, YEAR }

  static ReportPeriod month(YearMonth m) {
    return new ReportPeriod(Kind.MONTH, m.getYear(), m.getMonthValue());
  }

  static ReportPeriod quarter(int year, int quarter) {
    return new ReportPeriod(Kind.QUARTER, year, quarter);
  }

  static ReportPeriod year(int year) {
    return new ReportPeriod(Kind.YEAR, year, 0);
  }

  /** YYYY-MM, YYYY-Qn or YYYY, as the API and the page write it. */
  static ReportPeriod parse(String text) {
    String t = text == null ? "" : text.strip();
    Matcher q = QUARTER.matcher(t);
    if (q.matches()) {
      return quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
    }
    if (YEAR.matcher(t).matches()) {
      return year(Integer.parseInt(t));
    }
    try {
      return month(YearMonth.parse(t));
    } catch (java.time.format.DateTimeParseException e) {
      throw UserError.badRequest("portal-period", "Kỳ báo cáo phải có dạng YYYY-MM (tháng), YYYY-Qn (quý) hoặc"
          + " YYYY (năm), ví dụ 2026-11, 2026-Q4, 2026.", "The period must look like YYYY-MM (month), YYYY-Qn"
          + " (quarter) or YYYY (year), e.g. 2026-11, 2026-Q4, 2026.");
    }
  }

  /** The last month of the period: its 25th is the cut-off. */
  YearMonth lastMonth() {
    return switch (kind) {
      case MONTH -> YearMonth.of(year, number);
      case QUARTER -> YearMonth.of(year, number * 3);
      case YEAR -> YearMonth.of(year, Month.DECEMBER);
    };
  }

  /** The first day counted: the 26th of the month before the period's first month. */
  LocalDate firstDay() {
    int months = switch (kind) {
      case MONTH -> 1;
      case QUARTER -> 3;
      case YEAR -> 12;
    };
    return lastMonth().minusMonths(months).atDay(CUT_OFF_DAY + 1);
  }

  /** The last day counted (the cut-off, a 25th), whole. */
  LocalDate lastDay() {
    return lastMonth().atDay(CUT_OFF_DAY);
  }

  Instant from(ZoneId zone) {
    return firstDay().atStartOfDay(zone).toInstant();
  }

  /** Exclusive: the start of the 26th. */
  Instant until(ZoneId zone) {
    return lastDay().plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** As parse() reads it back: 2026-11, 2026-Q4, 2026. */
  String code() {
    return switch (kind) {
      case MONTH -> YearMonth.of(year, number).toString();
      case QUARTER -> year + "-Q" + number;
      case YEAR -> String.valueOf(year);
    };
  }

  /** Tháng 11/2026, Quý 4/2026, Năm 2026 (or the English words). */
  String name(boolean english) {
    return switch (kind) {
      case MONTH -> (english ? "Month " : "Tháng ") + number + "/" + year;
      case QUARTER -> (english ? "Quarter " : "Quý ") + number + "/" + year;
      case YEAR -> (english ? "Year " : "Năm ") + year;
    };
  }

  /** 26/10/2026 – 25/11/2026. */
  String days() {
    return DAY.format(firstDay()) + " – " + DAY.format(lastDay());
  }

  /** The period of this kind that contains the day. */
  static ReportPeriod containing(Kind kind, LocalDate day) {
    YearMonth m = YearMonth.from(day);
    if (day.getDayOfMonth() > CUT_OFF_DAY) {
      m = m.plusMonths(1);
    }
    return switch (kind) {
      case MONTH -> month(m);
      case QUARTER -> quarter(m.getYear(), (m.getMonthValue() + 2) / 3);
      case YEAR -> year(m.getYear());
    };
  }

  /** The latest period of this kind that has closed before the day (its 25th lies before the day). */
  static ReportPeriod lastClosed(Kind kind, LocalDate today) {
    ReportPeriod open = containing(kind, today);
    return open.previous();
  }

  ReportPeriod previous() {
    return switch (kind) {
      case MONTH -> month(YearMonth.of(year, number).minusMonths(1));
      case QUARTER -> number == 1 ? quarter(year - 1, 4) : quarter(year, number - 1);
      case YEAR -> year(year - 1);
    };
  }

  /** The quarters and years offered on the page: the current ones and those before, newest first. */
  static List<ReportPeriod> choices(LocalDate today) {
    List<ReportPeriod> choices = new ArrayList<>();
    ReportPeriod q = containing(Kind.QUARTER, today);
    for (int i = 0; i < 8; i++, q = q.previous()) {
      choices.add(q);
    }
    ReportPeriod y = containing(Kind.YEAR, today);
    for (int i = 0; i < 3; i++, y = y.previous()) {
      choices.add(y);
    }
    return choices;
  }
}
