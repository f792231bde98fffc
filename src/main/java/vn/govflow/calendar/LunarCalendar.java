package vn.govflow.calendar;

import java.time.LocalDate;

/**
 * Solar ↔ lunar date conversion for Vietnam, following Hồ Ngọc Đức's published astronomical method:
 * months start on the local day (UTC+7) of each new moon, the month containing the winter solstice is month 11,
 * and in a 13-month year the first month without a major solar term (trung khí) is the leap month.
 * New moons and the sun's longitude use the low-precision series from Meeus, "Astronomical Algorithms".
 * Valid roughly for 1800–2199.
 */
public final class LunarCalendar {
  /** Vietnam's time zone offset in hours; the calendar was defined on UTC+7 since 1968. */
  private static final double TIME_ZONE_HOURS = 7.0;
  private static final double SYNODIC_MONTH = 29.530588853;
  /** Julian day of the reference new moon (k = 0) of 1900-01-01. */
  private static final double NEW_MOON_EPOCH = 2415021.076998695;
  private static final long JULIAN_DAY_OF_EPOCH_DAY_0 = 2440588; // 1970-01-01
  private static final double RAD = Math.PI / 180;

  private LunarCalendar() {}

  public static LunarDate toLunar(LocalDate date) {
    long dayNumber = julianDay(date);
    // Start from the estimated next new moon and step back: the mean-month estimate can be a day off
    // near a new moon close to local midnight (e.g. 2054-05-07).
    long k = (long) Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
    long monthStart = newMoonDay(k);
    while (monthStart > dayNumber) {
      k--;
      monthStart = newMoonDay(k);
    }
    int year = date.getYear();
    long a11 = month11Start(year);
    long b11 = a11;
    int lunarYear;
    if (a11 >= monthStart) {
      lunarYear = year;
      a11 = month11Start(year - 1);
    } else {
      lunarYear = year + 1;
      b11 = month11Start(year + 1);
    }
    int day = (int) (dayNumber - monthStart + 1);
    int diff = (int) Math.floor((monthStart - a11) / 29.0);
    boolean leap = false;
    int month = diff + 11;
    if (b11 - a11 > 365) { // 13 lunar months between the two winter solstices
      int leapDiff = leapMonthOffset(a11);
      if (diff >= leapDiff) {
        month = diff + 10;
        leap = diff == leapDiff;
      }
    }
    if (month > 12) {
      month -= 12;
    }
    if (month >= 11 && diff < 4) {
      lunarYear -= 1;
    }
    return new LunarDate(lunarYear, month, day, leap);
  }

  /**
   * The solar date of a lunar date. Throws when {@code leapMonth} is set but that year has no such leap month,
   * or when the day does not exist in that month (day 30 of a 29-day month).
   */
  public static LocalDate toSolar(LunarDate lunar) {
    long a11;
    long b11;
    if (lunar.month() < 11) {
      a11 = month11Start(lunar.year() - 1);
      b11 = month11Start(lunar.year());
    } else {
      a11 = month11Start(lunar.year());
      b11 = month11Start(lunar.year() + 1);
    }
    long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    int offset = lunar.month() - 11;
    if (offset < 0) {
      offset += 12;
    }
    if (b11 - a11 > 365) {
      int leapOffset = leapMonthOffset(a11);
      int leapMonth = leapOffset - 2;
      if (leapMonth < 0) {
        leapMonth += 12;
      }
      if (lunar.leapMonth() && lunar.month() != leapMonth) {
        throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month " + lunar.month());
      }
      if (lunar.leapMonth() || offset >= leapOffset) {
        offset += 1;
      }
    } else if (lunar.leapMonth()) {
      throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month");
    }
    long monthStart = newMoonDay(k + offset);
    long nextMonthStart = newMoonDay(k + offset + 1);
    if (lunar.day() > nextMonthStart - monthStart) {
      throw new IllegalArgumentException("Lunar month " + lunar.month() + "/" + lunar.year() + " has only "
          + (nextMonthStart - monthStart) + " days");
    }
    return fromJulianDay(monthStart + lunar.day() - 1);
  }

  /** Mùng 1 Tết of the lunar year that begins in the given solar year. */
  public static LocalDate newYearsDay(int year) {
    return toSolar(new LunarDate(year, 1, 1, false));
  }

  static long julianDay(LocalDate date) {
    return date.toEpochDay() + JULIAN_DAY_OF_EPOCH_DAY_0;
  }

  static LocalDate fromJulianDay(long julianDay) {
    return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH_DAY_0);
  }

  /** Julian day (fractional, UT) of the k-th new moon after the one of 1900-01-01. */
  static double newMoon(long k) {
    double t = k / 1236.85; // Julian centuries since 1900-01-01
    double t2 = t * t;
    double t3 = t2 * t;
    double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
    double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    double latitudeArg = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    double correction = (0.1734 - 0.000393 * t) * sin(sunAnomaly) + 0.0021 * sin(2 * sunAnomaly)
        - 0.4068 * sin(moonAnomaly) + 0.0161 * sin(2 * moonAnomaly) - 0.0004 * sin(3 * moonAnomaly)
        + 0.0104 * sin(2 * latitudeArg) - 0.0051 * sin(sunAnomaly + moonAnomaly)
        - 0.0074 * sin(sunAnomaly - moonAnomaly) + 0.0004 * sin(2 * latitudeArg + sunAnomaly)
        - 0.0004 * sin(2 * latitudeArg - sunAnomaly) - 0.0006 * sin(2 * latitudeArg + moonAnomaly)
        + 0.0010 * sin(2 * latitudeArg - moonAnomaly) + 0.0005 * sin(2 * moonAnomaly + sunAnomaly);
    // Difference between dynamical time and universal time, in days.
    double deltaT = t < -11
        ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        : -0.000278 + 0.000265 * t + 0.000262 * t2;
    return mean + correction - deltaT;
  }

  /** Julian day number of the local (UTC+7) day on which the k-th new moon falls. */
  static long newMoonDay(long k) {
    return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
  }

  /** The sun's apparent longitude in radians, [0, 2π), at a fractional Julian day (UT). */
  static double sunLongitude(double julianDay) {
    double t = (julianDay - 2451545.0) / 36525; // Julian centuries since J2000
    double t2 = t * t;
    double meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(meanAnomaly)
        + (0.019993 - 0.000101 * t) * sin(2 * meanAnomaly) + 0.000290 * sin(3 * meanAnomaly);
    double longitude = (meanLongitude + centre) * RAD;
    longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
    return longitude;
  }

  /** Which 30° sector (0–11) the sun is in at the start of the given local day; sector 9 begins at the winter solstice. */
  static int sunSector(long dayNumber) {
    return (int) Math.floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI * 6);
  }

  /** Julian day number of the first day of lunar month 11 (the month containing the winter solstice) of a solar year. */
  static long month11Start(int year) {
    long offset = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
    long k = (long) Math.floor(offset / SYNODIC_MONTH);
    long start = newMoonDay(k);
    if (sunSector(start) >= 9) { // that month starts after the solstice: month 11 is the one before
      start = newMoonDay(k - 1);
    }
    return start;
  }

  /**
   * In a 13-month year starting at month 11 ({@code a11}), how many months after month 11 the leap month is:
   * the first month during which the sun stays in one sector (no major solar term begins).
   */
  static int leapMonthOffset(long a11) {
    long k = (long) Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
    int i = 1;
    int sector = sunSector(newMoonDay(k + i));
    int previous;
    do {
      previous = sector;
      i++;
      sector = sunSector(newMoonDay(k + i));
    } while (sector != previous && i < 14);
    return i - 1;
  }

  private static double sin(double degrees) {
    return Math.sin(degrees * RAD);
  }
}
