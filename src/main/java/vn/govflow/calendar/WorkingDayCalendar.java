package vn.govflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Vietnamese civil-service working days and deadline arithmetic (seed 003 Art 11.6), for every module.
 *
 * <p>Working days are Monday–Friday, minus holidays and days off, plus make-up Saturdays. A year with an official
 * schedule in our tables follows that schedule; any other year follows Labour Code 2019 Art 111–112 computed
 * (and is reported as provisional). Office hours default to 08:00–17:00 Asia/Ho_Chi_Minh.
 */
public interface WorkingDayCalendar {

  /**
   * Seed 003 Art 11.6: answer times are counted "từ 08h00' các ngày làm việc". A rule of law, not an office
   * setting, so it is a constant: configuring other office hours does not move it (docs/decisions.md).
   */
  LocalTime LEGAL_COUNT_START = LocalTime.of(8, 0);

  ZoneId zone();

  boolean isWorkingDay(LocalDate date);

  /** The first working day strictly after {@code date}. */
  LocalDate nextWorkingDay(LocalDate date);

  /**
   * The deadline for something received at {@code receivedAt} with {@code workingDays} working days to act.
   * N ≥ 1: counting starts at 08:00 ({@link #LEGAL_COUNT_START}) of the first working day after the day of receipt
   * (or of the day of receipt itself if it is a working day and receipt was at or before 08:00:00); the start day
   * is day 1 and the deadline is office end of day N. N = 0: office end of the day of receipt if it is a working day and receipt
   * was before office end, otherwise office end of the next working day; {@code startsAt} is then the receipt.
   *
   * @throws IllegalArgumentException when workingDays is negative
   */
  Deadline deadline(Instant receivedAt, int workingDays);

  /**
   * The instant {@code workingDays} working days before {@code instant}, at the same office time of day
   * (an instant outside office hours is first moved back to the end of the last office day before it).
   * {@code before(due, 1)} for a deadline at 17:00 on Wednesday is 17:00 on the working day before.
   * {@code workingDays == 0} returns the instant unchanged.
   */
  Instant before(Instant instant, int workingDays);

  /**
   * Working days elapsed between two instants, as a fraction: office time on working days between them divided
   * by the length of an office day (08:00–17:00 = 9 h = 1.0). From {@code startsAt} to {@code dueAt} of a
   * deadline of N days this is exactly N when the office opens at 08:00. Negative when {@code to} is before {@code from}.
   */
  double workingDaysBetween(Instant from, Instant to);

  /** The year's special days as used by the arithmetic: the official schedule or the computed default. */
  YearCalendar year(int year);
}
