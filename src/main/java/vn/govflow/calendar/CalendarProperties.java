package vn.govflow.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Office hours used by deadline arithmetic (seed 003 Art 11.6 counts from 08:00 of working days).
 * Defaults live here so nothing needs to be set in application.yaml.
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
