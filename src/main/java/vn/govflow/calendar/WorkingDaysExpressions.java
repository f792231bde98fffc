package vn.govflow.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic for BPMN expressions: {@code ${workingDays.dueAt(receivedAt, 5)}} and
 * {@code ${workingDays.before(dueAt, 1)}}. Instants may be java.util.Date (the engine's date variables), Instant,
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
