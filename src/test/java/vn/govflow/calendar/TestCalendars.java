package vn.govflow.calendar;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** For process tests in other modules: the real calendar (migrated H2) and its engine plugin. */
public final class TestCalendars {
  private TestCalendars() {}

  public static WorkingDayCalendar calendar() {
    return CalendarTestDb.h2().calendar();
  }

  /** Adds the working-day business calendar and the {@code workingDays} expression bean to an engine. */
  public static void install(ProcessEngineConfigurationImpl config, WorkingDayCalendar calendar) {
    WorkingDayCalendarService service = (WorkingDayCalendarService) calendar;
    config.getProcessEnginePlugins().add(new WorkingDaysEnginePlugin(service));
    config.setBeans(new java.util.HashMap<>(Map.of("workingDays", new WorkingDaysExpressions(service))));
  }

}
