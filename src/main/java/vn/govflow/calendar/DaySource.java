package vn.govflow.calendar;

/** Where a special day comes from. */
public enum DaySource {
  /** A holiday of Labour Code 2019 Art 112, computed (used only for years without an official schedule). */
  STATUTORY,
  /** A compensatory day off for a holiday on a weekend, Labour Code Art 111, computed. */
  COMPENSATORY,
  /** A day listed in the year's official civil-service schedule (our table). */
  SCHEDULE
}
