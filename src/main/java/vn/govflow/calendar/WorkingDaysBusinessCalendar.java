package vn.govflow.calendar;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * Engine business calendar that understands {@code P<n>WD} (n working days, by {@link WorkingDayCalendar#deadline})
 * counted from the engine's clock, and hands every other description to Camunda's standard calendar.
 */
public class WorkingDaysBusinessCalendar implements BusinessCalendar {
  private static final Pattern WORKING_DAYS = Pattern.compile("P(\\d{1,4})WD");

  private final WorkingDayCalendar calendar;
  private final BusinessCalendar standard;

  public WorkingDaysBusinessCalendar(WorkingDayCalendar calendar, BusinessCalendar standard) {
    this.calendar = calendar;
    this.standard = standard;
  }

  @Override
  public Date resolveDuedate(String description) {
    return resolveDuedate(description, (Date) null);
  }

  @Override
  public Date resolveDuedate(String description, Date startDate) {
    Integer n = workingDays(description);
    if (n == null) {
      return startDate == null ? standard.resolveDuedate(description) : standard.resolveDuedate(description, startDate);
    }
    Date from = startDate != null ? startDate : ClockUtil.getCurrentTime();
    return Date.from(calendar.deadline(from.toInstant(), n).dueAt().toInstant());
  }

  @Override
  public Date resolveDuedate(String description, Task task) {
    Integer n = workingDays(description);
    if (n == null) {
      return standard.resolveDuedate(description, task);
    }
    return Date.from(calendar.deadline(ClockUtil.getCurrentTime().toInstant(), n).dueAt().toInstant());
  }

  /** The n of {@code P<n>WD}, or null when the description is something else. */
  static Integer workingDays(String description) {
    if (description == null) {
      return null;
    }
    Matcher m = WORKING_DAYS.matcher(description.strip());
    return m.matches() ? Integer.valueOf(m.group(1)) : null;
  }
}
