package vn.govflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govflow.calendar.TestCalendars;
import vn.govflow.calendar.WorkingDayCalendar;

/** The state rule at its edges, with the real calendar (2026's official schedule). */
class DueStateTest {
  static WorkingDayCalendar calendar;

  @BeforeAll
  static void calendar() {
    calendar = TestCalendars.calendar();
  }

  static Instant at(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
  }

  static DueState state(Instant due, Instant now) {
    return DueState.of(due, now, calendar.deadline(now, 1).dueAt().toInstant());
  }

  @Test
  void midweekTheNextWorkingDayEndsTomorrowAtFive() {
    Instant now = at("2026-03-11T10:00:00+07:00"); // Wednesday
    Instant endOfNext = at("2026-03-12T17:00:00+07:00");
    assertThat(calendar.deadline(now, 1).dueAt().toInstant()).isEqualTo(endOfNext);

    assertThat(state(null, now)).isEqualTo(DueState.NO_DEADLINE);
    assertThat(state(now.minusSeconds(1), now)).isEqualTo(DueState.OVERDUE);
    assertThat(state(now, now)).as("exactly at due is not yet past due").isEqualTo(DueState.DUE_SOON);
    assertThat(state(endOfNext.minusSeconds(1), now)).isEqualTo(DueState.DUE_SOON);
    assertThat(state(endOfNext, now)).as("due at the end of the next working day").isEqualTo(DueState.DUE_SOON);
    assertThat(state(endOfNext.plusSeconds(1), now)).isEqualTo(DueState.ON_TIME);
  }

  @Test
  void onFridayTheWeekendDoesNotCount() {
    Instant now = at("2026-03-13T16:59:59+07:00"); // Friday
    Instant endOfNext = at("2026-03-16T17:00:00+07:00"); // Monday
    assertThat(calendar.deadline(now, 1).dueAt().toInstant()).isEqualTo(endOfNext);
    assertThat(state(at("2026-03-14T12:00:00+07:00"), now)).isEqualTo(DueState.DUE_SOON);
    assertThat(state(endOfNext.minusSeconds(1), now)).isEqualTo(DueState.DUE_SOON);
    assertThat(state(at("2026-03-17T08:00:00+07:00"), now)).isEqualTo(DueState.ON_TIME);
  }

  @Test
  void dueAtIsADateOrAnIsoString() {
    Instant i = at("2026-03-11T17:00:00+07:00");
    assertThat(SlaService.instant(java.util.Date.from(i))).isEqualTo(i);
    assertThat(SlaService.instant("2026-03-11T17:00:00+07:00")).isEqualTo(i);
    assertThat(SlaService.instant("not a date")).isNull();
    assertThat(SlaService.instant(42L)).isNull();
    assertThat(SlaService.instant(null)).isNull();
  }
}
