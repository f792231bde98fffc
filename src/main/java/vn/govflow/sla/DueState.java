package vn.govflow.sla;

import java.time.Instant;

/**
 * A case's standing against its deadline. The same rule as the task list's badges, so a leader's dashboard and
 * a handler's inbox never disagree: overdue strictly after the due instant; due soon up to and including the end
 * of the next working day.
 */
public enum DueState {
  ON_TIME, DUE_SOON, OVERDUE, NO_DEADLINE;

  /**
   * @param dueAt the case's deadline, or null
   * @param now the moment of the report
   * @param dueSoonUntil the end of the next working day after {@code now}
   *     ({@code WorkingDayCalendar.deadline(now, 1).dueAt()})
   */
  public static DueState of(Instant dueAt, Instant now, Instant dueSoonUntil) {
    if (dueAt == null) {
      return NO_DEADLINE;
    }
    if (dueAt.isBefore(now)) {
      return OVERDUE;
    }
    return dueAt.isAfter(dueSoonUntil) ? ON_TIME : DUE_SOON;
  }
}
