package vn.govflow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The special days of one year: either its official schedule (authoritative for the year) or, when none is
 * loaded, the statutory default rules (then {@link #official()} is false and anything computed from it is provisional).
 */
public final class YearCalendar {
  private final int year;
  private final boolean official;
  private final String notice;
  private final List<CalendarDay> days;
  private final Map<LocalDate, CalendarDay> byDate;

  public YearCalendar(int year, boolean official, String notice, List<CalendarDay> days) {
    this.year = year;
    this.official = official;
    this.notice = notice;
    this.days = List.copyOf(days);
    // Keep the first entry should two computed holidays ever share a date.
    this.byDate = this.days.stream().collect(Collectors.toMap(CalendarDay::date, Function.identity(), (a, b) -> a));
  }

  static YearCalendar computed(int year) {
    return new YearCalendar(year, false, null, StatutoryHolidays.defaultDays(year));
  }

  public int year() { return year; }

  /** True when the year's official schedule is loaded. */
  public boolean official() { return official; }

  /** The notice that set the official schedule, null for a computed year. */
  public String notice() { return notice; }

  /** Every off weekday and every working weekend day of the year, in date order. */
  public List<CalendarDay> days() { return days; }

  public boolean isWorkingDay(LocalDate date) {
    CalendarDay day = byDate.get(date);
    return day != null ? day.kind() == DayKind.WORKING : !StatutoryHolidays.isWeekend(date);
  }
}
