package vn.govflow.calendar;

/**
 * A date of the Vietnamese lunisolar calendar. {@code year} is the solar year in which the lunar year
 * begins (Tết 2026 = lunar year 2026, Bính Ngọ); {@code leapMonth} marks the repeated (nhuận) month.
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {
  public LunarDate {
    if (month < 1 || month > 12 || day < 1 || day > 30) {
      throw new IllegalArgumentException("Not a lunar date: " + day + "/" + month + "/" + year);
    }
  }

  @Override
  public String toString() {
    return day + "/" + month + (leapMonth ? " (nhuận)" : "") + "/" + year;
  }
}
