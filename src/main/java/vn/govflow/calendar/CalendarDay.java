package vn.govflow.calendar;

import java.time.LocalDate;

/** A day that differs from the plain weekly rule: an off weekday or a working Saturday/Sunday. */
public record CalendarDay(LocalDate date, DayKind kind, DaySource source, String nameVi, String nameEn) {}
