package vn.govflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/** {@link WorkingDayCalendar} over our schedule tables, with the per-year day sets cached in memory. */
@Service
public class WorkingDayCalendarService implements WorkingDayCalendar {
  private final CalendarMapper mapper;
  private final ZoneId zone;
  private final LocalTime officeStart;
  private final LocalTime officeEnd;
  private final long officeDaySeconds;
  private final Map<Integer, YearCalendar> cache = new ConcurrentHashMap<>();

  public WorkingDayCalendarService(CalendarMapper mapper, CalendarProperties properties) {
    this.mapper = mapper;
    this.zone = properties.getZone();
    this.officeStart = properties.getOfficeStart();
    this.officeEnd = properties.getOfficeEnd();
    if (!officeStart.isBefore(officeEnd)) {
      throw new IllegalStateException("govflow.calendar.office-start must be before office-end");
    }
    if (!LEGAL_COUNT_START.isBefore(officeEnd)) {
      // The legal count starts at 08:00: an office closing by then would make every day's count empty.
      throw new IllegalStateException("govflow.calendar.office-end must be after 08:00 (seed 003 Art 11.6)");
    }
    this.officeDaySeconds = Duration.between(officeStart, officeEnd).getSeconds();
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public YearCalendar year(int year) {
    return cache.computeIfAbsent(year, this::load);
  }

  /** Drops a year from the cache; the next use reloads it from the tables. */
  void invalidate(int year) {
    cache.remove(year);
  }

  private YearCalendar load(int year) {
    CalendarMapper.YearRow row = mapper.findYear(year);
    if (row == null) {
      return YearCalendar.computed(year);
    }
    List<CalendarDay> days = mapper.findDays(year).stream()
        .map(d -> new CalendarDay(d.date(), d.kind(), DaySource.SCHEDULE, d.nameVi(), d.nameEn()))
        .toList();
    return new YearCalendar(year, true, row.notice(), days);
  }

  @Override
  public boolean isWorkingDay(LocalDate date) {
    return year(date.getYear()).isWorkingDay(date);
  }

  @Override
  public LocalDate nextWorkingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  LocalDate previousWorkingDay(LocalDate date) {
    LocalDate d = date.minusDays(1);
    while (!isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  @Override
  public Deadline deadline(Instant receivedAt, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
    }
    ZonedDateTime received = receivedAt.atZone(zone);
    LocalDate day = received.toLocalDate();
    LocalTime time = received.toLocalTime();
    ZonedDateTime startsAt;
    LocalDate dueDay;
    if (workingDays == 0) {
      startsAt = received;
      dueDay = isWorkingDay(day) && time.isBefore(officeEnd) ? day : nextWorkingDay(day);
    } else {
      // Received at 08:00:00 sharp, nothing of the day's count has passed yet, so that day is day 1.
      LocalDate first = isWorkingDay(day) && !time.isAfter(LEGAL_COUNT_START) ? day : nextWorkingDay(day);
      startsAt = first.atTime(LEGAL_COUNT_START).atZone(zone);
      dueDay = first;
      for (int i = 1; i < workingDays; i++) {
        dueDay = nextWorkingDay(dueDay);
      }
    }
    ZonedDateTime dueAt = dueDay.atTime(officeEnd).atZone(zone);
    boolean provisional = false;
    for (int y = day.getYear(); y <= dueDay.getYear(); y++) {
      provisional |= !year(y).official();
    }
    return new Deadline(startsAt.toOffsetDateTime(), dueAt.toOffsetDateTime(), provisional);
  }

  @Override
  public Instant before(Instant instant, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
    }
    if (workingDays == 0) {
      return instant;
    }
    ZonedDateTime at = instant.atZone(zone);
    LocalDate day = at.toLocalDate();
    LocalTime time = at.toLocalTime();
    if (isWorkingDay(day) && !time.isBefore(officeStart)) {
      if (time.isAfter(officeEnd)) {
        time = officeEnd;
      }
    } else {
      day = previousWorkingDay(day);
      time = officeEnd;
    }
    for (int i = 0; i < workingDays; i++) {
      day = previousWorkingDay(day);
    }
    return day.atTime(time).atZone(zone).toInstant();
  }

  @Override
  public double workingDaysBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    long seconds = 0;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      Instant open = d.atTime(officeStart).atZone(zone).toInstant();
      Instant close = d.atTime(officeEnd).atZone(zone).toInstant();
      Instant a = open.isAfter(from) ? open : from;
      Instant b = close.isBefore(to) ? close : to;
      if (b.isAfter(a)) {
        seconds += Duration.between(a, b).getSeconds();
      }
    }
    return (double) seconds / officeDaySeconds;
  }
}
