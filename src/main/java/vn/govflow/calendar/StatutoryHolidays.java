package vn.govflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Default holidays of a year with no official schedule: Labour Code 2019 Art 112 (1/1; Tết = last day of
 * the old lunar year + mùng 1–4; Giỗ Tổ 10/3 lunar; 30/4; 1/5; 1/9 + 2/9) and Art 111 compensatory days
 * (each holiday on a Saturday or Sunday moves one day off to the next working day).
 */
public final class StatutoryHolidays {
  private StatutoryHolidays() {}

  static boolean isWeekend(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  /** The statutory holidays of the year by the default rule, weekend or not, in date order. */
  public static List<CalendarDay> holidays(int year) {
    List<CalendarDay> days = new ArrayList<>();
    days.add(holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch", "New Year's Day"));
    LocalDate tet = LunarCalendar.newYearsDay(year);
    days.add(holiday(tet.minusDays(1), "Tết Nguyên đán (ngày cuối năm âm lịch)", "Lunar New Year (Tết) – last day of the old year"));
    for (int i = 0; i < 4; i++) {
      days.add(holiday(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")", "Lunar New Year (Tết) – day " + (i + 1)));
    }
    days.add(holiday(hungKingsDay(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration Day"));
    days.add(holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)"));
    days.add(holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (1/5)", "International Labour Day (1 May)"));
    days.add(holiday(LocalDate.of(year, 9, 1), "Nghỉ lễ Quốc khánh (1/9)", "National Day holiday (1 September)"));
    days.add(holiday(LocalDate.of(year, 9, 2), "Quốc khánh (2/9)", "National Day (2 September)"));
    days.sort(Comparator.comparing(CalendarDay::date));
    return days;
  }

  /** Giỗ Tổ Hùng Vương, 10/3 of the lunar year beginning in the given solar year. */
  public static LocalDate hungKingsDay(int year) {
    return LunarCalendar.toSolar(new LunarDate(year, 3, 10, false));
  }

  /**
   * Single days every schedule must keep off when they fall on a weekday, whatever the government swaps:
   * 1/1, mùng 1 Tết, Giỗ Tổ, 30/4, 1/5, 2/9.
   */
  public static Set<LocalDate> mandatoryDays(int year) {
    Set<LocalDate> days = new TreeSet<>(List.of(LocalDate.of(year, 1, 1), LunarCalendar.newYearsDay(year),
        hungKingsDay(year), LocalDate.of(year, 4, 30), LocalDate.of(year, 5, 1), LocalDate.of(year, 9, 2)));
    days.removeIf(StatutoryHolidays::isWeekend);
    return days;
  }

  /**
   * The special days of a year without an official schedule: statutory holidays on weekdays plus the
   * compensatory weekdays, in date order. Holidays on a weekend are off anyway and are not listed.
   */
  public static List<CalendarDay> defaultDays(int year) {
    List<CalendarDay> holidays = holidays(year);
    Set<LocalDate> taken = new TreeSet<>();
    holidays.forEach(h -> taken.add(h.date()));
    List<CalendarDay> result = new ArrayList<>();
    for (CalendarDay h : holidays) {
      if (!isWeekend(h.date())) {
        result.add(h);
        continue;
      }
      // Holidays are processed in date order, so a run of weekend holidays pushes the days off one after another.
      LocalDate compensatory = h.date().plusDays(1);
      while (isWeekend(compensatory) || taken.contains(compensatory)) {
        compensatory = compensatory.plusDays(1);
      }
      taken.add(compensatory);
      result.add(new CalendarDay(compensatory, DayKind.OFF, DaySource.COMPENSATORY,
          "Nghỉ bù: " + h.nameVi(), "Compensatory day off: " + h.nameEn()));
    }
    result.sort(Comparator.comparing(CalendarDay::date));
    return result;
  }

  private static CalendarDay holiday(LocalDate date, String vi, String en) {
    return new CalendarDay(date, DayKind.OFF, DaySource.STATUTORY, vi, en);
  }
}
