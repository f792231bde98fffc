package vn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days and deadlines over the real 2025/2026 seed (H2 + Flyway). */
class WorkingDayCalendarServiceTest {
  static WorkingDayCalendarService calendar;

  @BeforeAll
  static void setUp() {
    calendar = CalendarTestDb.h2().calendar();
  }

  static Instant at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  static OffsetDateTime vn(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset);
  }

  @ParameterizedTest(name = "{0} working = {1}")
  @CsvSource({
      // 2025: New Year, Tết Sat 25/01 – Sun 02/02, Giỗ Tổ, 30/4–4/5 with make-up Sat 26/04, National Day 30/08–02/09
      "2025-01-01, false", "2025-01-02, true", "2025-01-24, true", "2025-01-27, false", "2025-01-28, false",
      "2025-01-29, false", "2025-01-31, false", "2025-02-01, false", "2025-02-03, true",
      "2025-04-07, false", "2025-04-26, true", "2025-04-29, true", "2025-04-30, false", "2025-05-01, false",
      "2025-05-02, false", "2025-05-05, true", "2025-08-29, true", "2025-09-01, false", "2025-09-02, false",
      "2025-09-03, true",
      // 2026: 1/1–4/1 with make-up Sat 10/01, Tết Sat 14/02 – Sun 22/02, Giỗ Tổ Sat 25/04 – Mon 27/04,
      // 30/4–3/5, National Day 29/08–02/09 with make-up Sat 22/08
      "2026-01-01, false", "2026-01-02, false", "2026-01-05, true", "2026-01-10, true", "2026-01-11, false",
      "2026-02-13, true", "2026-02-16, false", "2026-02-17, false", "2026-02-20, false", "2026-02-23, true",
      "2026-04-24, true", "2026-04-27, false", "2026-04-28, true", "2026-04-30, false", "2026-05-01, false",
      "2026-05-04, true", "2026-08-22, true", "2026-08-28, true", "2026-08-31, false", "2026-09-01, false",
      "2026-09-02, false", "2026-09-03, true",
      // ordinary days
      "2026-03-14, false", "2026-03-16, true"})
  void officialSchedules(LocalDate date, boolean working) {
    assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void scheduledYearsAreOfficialAnd2027IsComputed() {
    assertThat(calendar.year(2025).official()).isTrue();
    assertThat(calendar.year(2026).official()).isTrue();
    assertThat(calendar.year(2026).notice()).contains("9441/TB-BNV");
    YearCalendar y2027 = calendar.year(2027);
    assertThat(y2027.official()).isFalse();
    // Tết 2027: Fri 05/02 (last day of the old year), mùng 1–2 on Sat–Sun, mùng 3–4 Mon–Tue, two compensatory days.
    assertThat(y2027.days()).extracting(CalendarDay::date, CalendarDay::source).contains(
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 2, 5), DaySource.STATUTORY),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 2, 8), DaySource.STATUTORY),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 2, 9), DaySource.STATUTORY),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 2, 10), DaySource.COMPENSATORY),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 2, 11), DaySource.COMPENSATORY),
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 4, 16), DaySource.STATUTORY),
        // 1/5/2027 is a Saturday: compensatory Monday 03/05 (Art 111)
        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2027, 5, 3), DaySource.COMPENSATORY));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).isFalse();
  }

  @Test
  void fridayEveningBeforeGioTo2026WithFiveDays() {
    // Fri 24/04 19:00 → Sat 25, Sun 26, Mon 27 (compensatory) off → starts Tue 28/04 08:00.
    // Day 1 Tue 28, day 2 Wed 29, Thu 30/4 – Sun 3/5 off, day 3 Mon 4/5, day 4 Tue 5/5, day 5 Wed 6/5.
    Deadline d = calendar.deadline(at("2026-04-24T19:00:00+07:00"), 5);
    assertThat(d.startsAt()).isEqualTo(vn("2026-04-28T08:00:00+07:00"));
    assertThat(d.dueAt()).isEqualTo(vn("2026-05-06T17:00:00+07:00"));
    assertThat(d.dueAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    assertThat(d.provisional()).isFalse();
  }

  @Test
  void questionReceivedDuringTet2026() {
    // Mùng 2 (Wed 18/02) → first working day Mon 23/02; 5 days → Fri 27/02.
    Deadline d = calendar.deadline(at("2026-02-18T10:30:00+07:00"), 5);
    assertThat(d.startsAt()).isEqualTo(vn("2026-02-23T08:00:00+07:00"));
    assertThat(d.dueAt()).isEqualTo(vn("2026-02-27T17:00:00+07:00"));
    // 8 days (several sectors) → Wed 04/03.
    assertThat(calendar.deadline(at("2026-02-18T10:30:00+07:00"), 8).dueAt())
        .isEqualTo(vn("2026-03-04T17:00:00+07:00"));
  }

  @Test
  void receiptBeforeOfficeHoursCountsTheSameDay() {
    Deadline early = calendar.deadline(at("2026-03-10T07:59:00+07:00"), 1);
    assertThat(early.startsAt()).isEqualTo(vn("2026-03-10T08:00:00+07:00"));
    assertThat(early.dueAt()).isEqualTo(vn("2026-03-10T17:00:00+07:00"));
    // At 08:00:00 sharp the count has not begun yet: the same day is day 1 (docs/decisions.md).
    Deadline onTime = calendar.deadline(at("2026-03-10T08:00:00+07:00"), 1);
    assertThat(onTime.startsAt()).isEqualTo(vn("2026-03-10T08:00:00+07:00"));
    assertThat(onTime.dueAt()).isEqualTo(vn("2026-03-10T17:00:00+07:00"));
    // Any moment later, even a millisecond, and the count starts the next working day.
    Deadline late = calendar.deadline(at("2026-03-10T08:00:00.001+07:00"), 1);
    assertThat(late.startsAt()).isEqualTo(vn("2026-03-11T08:00:00+07:00"));
    assertThat(late.dueAt()).isEqualTo(vn("2026-03-11T17:00:00+07:00"));
    assertThat(calendar.deadline(at("2026-03-10T08:00:01+07:00"), 5).dueAt())
        .isEqualTo(vn("2026-03-17T17:00:00+07:00"));
    // The same rule read from another zone: 00:30 UTC is 07:30 in Vietnam.
    assertThat(calendar.deadline(at("2026-03-10T00:30:00Z"), 3).dueAt())
        .isEqualTo(vn("2026-03-12T17:00:00+07:00"));
  }

  @Test
  void receiptOnAMakeUpSaturday() {
    // Sat 10/01/2026 is a working day: before 08:00 it is day 1, later the count starts Mon 12/01.
    Deadline early = calendar.deadline(at("2026-01-10T07:00:00+07:00"), 2);
    assertThat(early.startsAt()).isEqualTo(vn("2026-01-10T08:00:00+07:00"));
    assertThat(early.dueAt()).isEqualTo(vn("2026-01-12T17:00:00+07:00"));
    Deadline late = calendar.deadline(at("2026-01-10T09:00:00+07:00"), 2);
    assertThat(late.startsAt()).isEqualTo(vn("2026-01-12T08:00:00+07:00"));
    assertThat(late.dueAt()).isEqualTo(vn("2026-01-13T17:00:00+07:00"));
    // Fri 21/08/2026 afternoon: next working day is the make-up Sat 22/08.
    assertThat(calendar.deadline(at("2026-08-21T15:00:00+07:00"), 1).dueAt())
        .isEqualTo(vn("2026-08-22T17:00:00+07:00"));
  }

  @Test
  void sameDayDeadlines() {
    Deadline d = calendar.deadline(at("2026-03-10T16:59:00+07:00"), 0);
    assertThat(d.startsAt()).isEqualTo(vn("2026-03-10T16:59:00+07:00"));
    assertThat(d.dueAt()).isEqualTo(vn("2026-03-10T17:00:00+07:00"));
    assertThat(calendar.deadline(at("2026-03-10T17:00:00+07:00"), 0).dueAt())
        .isEqualTo(vn("2026-03-11T17:00:00+07:00"));
    assertThat(calendar.deadline(at("2026-03-10T06:00:00+07:00"), 0).dueAt())
        .isEqualTo(vn("2026-03-10T17:00:00+07:00"));
    // Thu 30/04/2026 is a holiday: due Mon 04/05.
    assertThat(calendar.deadline(at("2026-04-30T09:00:00+07:00"), 0).dueAt())
        .isEqualTo(vn("2026-05-04T17:00:00+07:00"));
  }

  @Test
  void deadlinesReachingAComputedYearAreProvisional() {
    Deadline d = calendar.deadline(at("2026-12-28T09:00:00+07:00"), 5);
    // Tue 29, Wed 30, Thu 31/12, Fri 1/1/2027 off (computed), Mon 4/1, Tue 5/1.
    assertThat(d.startsAt()).isEqualTo(vn("2026-12-29T08:00:00+07:00"));
    assertThat(d.dueAt()).isEqualTo(vn("2027-01-05T17:00:00+07:00"));
    assertThat(d.provisional()).isTrue();
    assertThatThrownBy(() -> calendar.deadline(at("2026-12-28T09:00:00+07:00"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workingDaysBetweenIsFractionalOfficeTime() {
    Deadline d = calendar.deadline(at("2026-04-24T19:00:00+07:00"), 5);
    assertThat(calendar.workingDaysBetween(d.startsAt().toInstant(), d.dueAt().toInstant())).isEqualTo(5.0);
    // Receipt Fri 24/04 19:00, answered Tue 28/04 12:30: only 4.5 office hours of Tuesday count.
    assertThat(calendar.workingDaysBetween(at("2026-04-24T19:00:00+07:00"), at("2026-04-28T12:30:00+07:00")))
        .isCloseTo(0.5, within(1e-9));
    // Across Tết 2026: Fri 13/02 08:00 → Mon 23/02 17:00 is two office days.
    assertThat(calendar.workingDaysBetween(at("2026-02-13T08:00:00+07:00"), at("2026-02-23T17:00:00+07:00")))
        .isEqualTo(2.0);
    assertThat(calendar.workingDaysBetween(at("2026-02-23T17:00:00+07:00"), at("2026-02-13T08:00:00+07:00")))
        .isEqualTo(-2.0);
  }

  @Test
  void reminderOneWorkingDayBeforeADeadline() {
    // Due Wed 06/05/2026 17:00 → reminder Tue 05/05 17:00.
    assertThat(calendar.before(at("2026-05-06T17:00:00+07:00"), 1)).isEqualTo(at("2026-05-05T17:00:00+07:00"));
    // Due Mon 04/05/2026 17:00 → the working day before is Wed 29/04 (30/4 – 3/5 off).
    assertThat(calendar.before(at("2026-05-04T17:00:00+07:00"), 1)).isEqualTo(at("2026-04-29T17:00:00+07:00"));
    // An instant on a day off counts from the end of the last working day: Sun 22/02/2026 → Fri 13/02 17:00, minus 1.
    assertThat(calendar.before(at("2026-02-22T10:00:00+07:00"), 1)).isEqualTo(at("2026-02-12T17:00:00+07:00"));
    assertThat(calendar.before(at("2026-05-06T17:00:00+07:00"), 0)).isEqualTo(at("2026-05-06T17:00:00+07:00"));
    Instant due = calendar.deadline(at("2026-04-24T19:00:00+07:00"), 5).dueAt().toInstant();
    assertThat(calendar.workingDaysBetween(calendar.before(due, 3), due)).isEqualTo(3.0);
  }
}
