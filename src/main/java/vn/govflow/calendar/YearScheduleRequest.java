package vn.govflow.calendar;

import java.util.List;

/**
 * Body of {@code PUT /api/v1/calendar/years/{year}}: the whole official schedule of a year. Dates and kinds are
 * read as text so that each mistake is reported on its own field.
 */
public record YearScheduleRequest(String notice, List<Day> days) {

  /** {@code date} as yyyy-MM-dd, {@code kind} OFF (on a weekday) or WORKING (on a Saturday or Sunday). */
  public record Day(String date, String kind, String nameVi, String nameEn) {}
}
