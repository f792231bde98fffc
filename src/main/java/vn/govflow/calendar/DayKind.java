package vn.govflow.calendar;

/** Whether a listed day is a day off or a working day. */
public enum DayKind {
  OFF,
  WORKING
}
