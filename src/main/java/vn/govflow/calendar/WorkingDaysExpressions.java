package vn.govflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic for BPMN expressions: {@code ${workingDays.dueAt(receivedAt, 5)}} and
 * {@code ${workingDays.before(dueAt, 1)}}, {@code ${workingDays.aheadOf(dueAt, 1)}}. Instants may be java.util.Date (the engine's date variables), Instant,
 * OffsetDateTime, ZonedDateTime or ISO-8601 text with an offset; results are java.util.Date.
 */
@Component("workingDays")
public class WorkingDaysExpressions {
  private final WorkingDayCalendar calendar;

  public WorkingDaysExpressions(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  public Date dueAt(Object receivedAt, int workingDays) {
    return Date.from(calendar.deadline(toInstant(receivedAt), workingDays).dueAt().toInstant());
  }

  public Date startsAt(Object receivedAt, int workingDays) {
    return Date.from(calendar.deadline(toInstant(receivedAt), workingDays).startsAt().toInstant());
  }

  public Date before(Object instant, int workingDays) {
    return Date.from(calendar.before(toInstant(instant), workingDays));
  }

  /**
   * A step's own deadline or a reminder, {@code workingDays} working days ahead of the case deadline, but never
   * already past when it is set (issue #13 item 2: no task is overdue the moment it is created, no reminder fires
   * as the work begins): with less time left than that, halfway between now and the deadline; at or after the
   * deadline, the deadline itself. "Now" is the engine's clock.
   */
  public Date aheadOf(Object deadline, int workingDays) {
    Instant due = toInstant(deadline);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant ahead = calendar.before(due, workingDays);
    if (ahead.isAfter(now)) {
      return Date.from(ahead);
    }
    if (!due.isAfter(now)) {
      return Date.from(due);
    }
    return Date.from(now.plus(Duration.between(now, due).dividedBy(2)).truncatedTo(ChronoUnit.SECONDS));
  }

  static Instant toInstant(Object value) {
    if (value instanceof Date d) {
      return d.toInstant();
    } else if (value instanceof Instant i) {
      return i;
    } else if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    } else if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    } else if (value instanceof String s) {
      return OffsetDateTime.parse(s).toInstant();
    }
    throw new IllegalArgumentException("Not an instant: " + (value == null ? "null" : value.getClass().getName()));
  }
}
