package vn.govflow.calendar;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Registers the working-day calendar as the engine's "duration" (timeDuration) and "dueDate" (timeDate,
 * task due dates) business calendars, so {@code P3WD} works in timers and {@code camunda:dueDate}.
 * The Camunda Spring Boot starter adds every ProcessEnginePlugin bean to the engine.
 */
@Component
public class WorkingDaysEnginePlugin extends AbstractProcessEnginePlugin {
  private final WorkingDayCalendar calendar;

  public WorkingDaysEnginePlugin(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
