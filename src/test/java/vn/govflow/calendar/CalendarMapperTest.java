package vn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our migrations and mapper on both databases we ship for: H2 2.x and PostgreSQL 17 (embedded, no Docker). */
class CalendarMapperTest {
  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("H2", CalendarTestDb.h2()),
        Arguments.of("PostgreSQL", CalendarTestDb.migrate(postgres.getPostgresDatabase())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void seedAndReplace(String name, CalendarTestDb db) {
    CalendarMapper mapper = db.mapper;
    assertThat(mapper.findYears()).extracting(CalendarMapper.YearRow::year).containsExactly(2025, 2026);
    assertThat(mapper.findDays(2025)).hasSize(13);
    assertThat(mapper.findDays(2026)).hasSize(15)
        .contains(new CalendarMapper.DayRow(LocalDate.of(2026, 1, 10), DayKind.WORKING,
            "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026", "Make-up working day for Friday 02/01/2026"));

    OffsetDateTime when = OffsetDateTime.of(2026, 11, 20, 9, 30, 0, 0, ZoneOffset.ofHours(7));
    mapper.insertYear(2027, "Thông báo thử", when, "quantri");
    mapper.insertDay(2027, LocalDate.of(2027, 1, 1), DayKind.OFF, "Tết Dương lịch", "New Year's Day");
    CalendarMapper.YearRow row = mapper.findYear(2027);
    assertThat(row.notice()).isEqualTo("Thông báo thử");
    assertThat(row.updatedBy()).isEqualTo("quantri");
    assertThat(row.updatedAt().toInstant()).isEqualTo(when.toInstant());
    assertThat(mapper.findDays(2027)).containsExactly(
        new CalendarMapper.DayRow(LocalDate.of(2027, 1, 1), DayKind.OFF, "Tết Dương lịch", "New Year's Day"));

    assertThat(mapper.deleteDays(2027)).isEqualTo(1);
    assertThat(mapper.deleteYear(2027)).isEqualTo(1);
    assertThat(mapper.findYear(2027)).isNull();
    // The whole calendar reads the same on both databases.
    WorkingDayCalendarService calendar = db.calendar();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
  }
}
