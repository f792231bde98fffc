package vn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Default statutory rules and configurable office hours. */
class CalendarRulesTest {

  @Test
  void defaultRulesFor2028() {
    // 1/1/2028 is a Saturday → Monday 03/01 off. Tết 2028 (mùng 1 = Wed 26/01): Tue 25/01 – Sat 29/01,
    // so one compensatory day, Mon 31/01.
    assertThat(LunarCalendar.newYearsDay(2028)).isEqualTo(LocalDate.of(2028, 1, 26));
    assertThat(StatutoryHolidays.defaultDays(2028))
        .extracting(CalendarDay::date, CalendarDay::source)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 1, 3), DaySource.COMPENSATORY),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 1, 25), DaySource.STATUTORY),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 1, 26), DaySource.STATUTORY),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 1, 27), DaySource.STATUTORY),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 1, 28), DaySource.STATUTORY),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2028, 1, 31), DaySource.COMPENSATORY));
    // Every listed day is a weekday off; there are 11 holidays a year and each weekend one gets a weekday.
    assertThat(StatutoryHolidays.defaultDays(2028)).hasSize(11)
        .allSatisfy(d -> assertThat(StatutoryHolidays.isWeekend(d.date())).isFalse());
    assertThat(StatutoryHolidays.holidays(2028)).hasSize(11);
  }

  @Test
  void defaultRulesCoverEveryYearWithElevenDaysOff() {
    for (int year = 2000; year <= 2100; year++) {
      int y = year;
      // 11 distinct weekdays inside the year: no two holidays coincide (e.g. Giỗ Tổ on 30/4) in this range.
      assertThat(StatutoryHolidays.defaultDays(year)).as("year %d", year).hasSize(11)
          .extracting(CalendarDay::date).doesNotHaveDuplicates()
          .allSatisfy(date -> assertThat(date.getYear()).isEqualTo(y));
    }
  }

  @Test
  void officeHoursBindFromConfigurationAndChangeDeadlines() {
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
        "govflow.calendar.office-start", "07:30",
        "govflow.calendar.office-end", "16:30",
        "govflow.calendar.zone", "Asia/Bangkok")));
    CalendarProperties props = binder.bind("govflow.calendar", CalendarProperties.class).get();
    assertThat(props.getOfficeStart()).isEqualTo(LocalTime.of(7, 30));
    assertThat(props.getOfficeEnd()).isEqualTo(LocalTime.of(16, 30));
    assertThat(props.getZone()).isEqualTo(ZoneId.of("Asia/Bangkok"));

    WorkingDayCalendarService calendar = new WorkingDayCalendarService(CalendarTestDb.h2().mapper, props);
    Deadline d = calendar.deadline(OffsetDateTime.parse("2026-03-10T07:15:00+07:00").toInstant(), 1);
    // The office's hours end the day; the count still starts at the legal 08:00 (seed 003 Art 11.6).
    assertThat(d.startsAt()).isEqualTo(OffsetDateTime.parse("2026-03-10T08:00:00+07:00"));
    assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-10T16:30:00+07:00"));
    // Received at 07:45, after the office opened but before the legal start: that day is still day 1.
    Deadline afterOpening = calendar.deadline(OffsetDateTime.parse("2026-03-10T07:45:00+07:00").toInstant(), 1);
    assertThat(afterOpening.startsAt()).isEqualTo(OffsetDateTime.parse("2026-03-10T08:00:00+07:00"));
    assertThat(afterOpening.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-10T16:30:00+07:00"));
    // An office opening later (08:30) does not delay the legal start either.
    CalendarProperties late = new CalendarProperties();
    late.setOfficeStart(LocalTime.of(8, 30));
    WorkingDayCalendarService lateOffice = new WorkingDayCalendarService(CalendarTestDb.h2().mapper, late);
    Deadline early = lateOffice.deadline(OffsetDateTime.parse("2026-03-10T08:00:00+07:00").toInstant(), 1);
    assertThat(early.startsAt()).isEqualTo(OffsetDateTime.parse("2026-03-10T08:00:00+07:00"));
    assertThat(early.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-10T17:00:00+07:00"));
  }

  @Test
  void defaultOfficeHours() {
    CalendarProperties props = new CalendarProperties();
    assertThat(props.getOfficeStart()).isEqualTo(LocalTime.of(8, 0));
    assertThat(props.getOfficeEnd()).isEqualTo(LocalTime.of(17, 0));
    assertThat(props.getZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
    props.setOfficeEnd(LocalTime.of(8, 0));
    assertThatThrownBy(() -> new WorkingDayCalendarService(null, props)).isInstanceOf(IllegalStateException.class);
    // An office closing at the legal start (08:00) would leave no day to count, even when it opens earlier.
    props.setOfficeStart(LocalTime.of(6, 0));
    assertThatThrownBy(() -> new WorkingDayCalendarService(null, props)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("08:00");
  }
}
