package vn.govflow.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's hours: the end of a deadline day, the length of an office day in working-day fractions, reminders'
 * time of day. The legal start of a count (seed 003 Art 11.6, 08:00) is {@link WorkingDayCalendar#LEGAL_COUNT_START}
 * and does not follow these. Defaults live here so nothing needs to be set in application.yaml.
 */
@ConfigurationProperties("govflow.calendar")
public class CalendarProperties {
  private LocalTime officeStart = LocalTime.of(8, 0);
  private LocalTime officeEnd = LocalTime.of(17, 0);
  private ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");

  public LocalTime getOfficeStart() { return officeStart; }
  public void setOfficeStart(LocalTime officeStart) { this.officeStart = officeStart; }
  public LocalTime getOfficeEnd() { return officeEnd; }
  public void setOfficeEnd(LocalTime officeEnd) { this.officeEnd = officeEnd; }
  public ZoneId getZone() { return zone; }
  public void setZone(ZoneId zone) { this.zone = zone; }
}
