package vn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

  /*
   * 2030: the new moon is at 16:08 UTC on 2 February, 23:08 in Vietnam but 00:08 on 3 February in China, so
   * Vietnam's Tết is 2 February and China's is 3 February. 1985 and 2007 are the well-known past cases where
   * UTC+7 gives a different Tết from China's (21/01/1985 vs 20/02/1985; 17/02/2007 vs 18/02/2007).
   */
  @ParameterizedTest(name = "Tết {0} = {1}")
  @CsvSource({"2023, 2023-01-22", "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17",
      "2027, 2027-02-06", "2030, 2030-02-02", "1985, 1985-01-21", "2007, 2007-02-17"})
  void tetIsTheFirstDayOfTheFirstLunarMonth(int year, LocalDate expected) {
    assertThat(LunarCalendar.newYearsDay(year)).isEqualTo(expected);
    assertThat(LunarCalendar.toLunar(expected)).isEqualTo(new LunarDate(year, 1, 1, false));
    // The day before is the last day of month 12 of the previous lunar year.
    LunarDate eve = LunarCalendar.toLunar(expected.minusDays(1));
    assertThat(eve.year()).isEqualTo(year - 1);
    assertThat(eve.month()).isEqualTo(12);
    assertThat(eve.day()).isIn(29, 30);
  }

  @ParameterizedTest(name = "Giỗ Tổ {0} = {1}")
  @CsvSource({"2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16", "2023, 2023-04-29", "2020, 2020-04-02"})
  void hungKingsDayIsTheTenthOfTheThirdLunarMonth(int year, LocalDate expected) {
    assertThat(StatutoryHolidays.hungKingsDay(year)).isEqualTo(expected);
    assertThat(LunarCalendar.toLunar(expected)).isEqualTo(new LunarDate(year, 3, 10, false));
  }

  @ParameterizedTest(name = "leap month {1} of {0} starts {2}")
  @CsvSource({"2020, 4, 2020-05-23", "2023, 2, 2023-03-22", "2025, 6, 2025-07-25", "2017, 6, 2017-07-23"})
  void leapMonths(int year, int month, LocalDate firstDay) {
    assertThat(LunarCalendar.toLunar(firstDay)).isEqualTo(new LunarDate(year, month, 1, true));
    assertThat(LunarCalendar.toSolar(new LunarDate(year, month, 1, true))).isEqualTo(firstDay);
    // The ordinary month of the same number comes just before the leap one.
    LunarDate before = LunarCalendar.toLunar(firstDay.minusDays(1));
    assertThat(before.month()).isEqualTo(month);
    assertThat(before.leapMonth()).isFalse();
  }

  @Test
  void midAutumn2025ComesAfterTheLeapSixthMonth() {
    assertThat(LunarCalendar.toSolar(new LunarDate(2025, 8, 15, false))).isEqualTo(LocalDate.of(2025, 10, 6));
  }

  @Test
  void aYearWithoutLeapMonthRejectsOne() {
    assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2024, 4, 1, true)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2025, 5, 1, true)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundTripsEveryDayFrom2000To2100() {
    for (LocalDate d = LocalDate.of(2000, 1, 1); d.isBefore(LocalDate.of(2101, 1, 1)); d = d.plusDays(1)) {
      LunarDate lunar = LunarCalendar.toLunar(d);
      assertThat(LunarCalendar.toSolar(lunar)).as("round trip of %s (%s)", d, lunar).isEqualTo(d);
    }
  }
}
