package vn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The module's beans wire up as the application will see them (without starting the whole application). */
class CalendarWiringTest {

  @Test
  void beansAndProperties() {
    CalendarMapper mapper = CalendarTestDb.h2().mapper;
    new ApplicationContextRunner()
        .withUserConfiguration(CalendarConfiguration.class, WorkingDayCalendarService.class,
            WorkingDaysExpressions.class, WorkingDaysEnginePlugin.class)
        .withBean(CalendarMapper.class, () -> mapper)
        .withPropertyValues("govflow.calendar.office-end=16:30")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(CalendarProperties.class).getOfficeEnd()).isEqualTo(LocalTime.of(16, 30));
          assertThat(context.getBean("workingDays")).isInstanceOf(WorkingDaysExpressions.class);
          assertThat(context.getBeansOfType(ProcessEnginePlugin.class)).hasSize(1);
          assertThat(context.getBean(WorkingDayCalendar.class)
              .deadline(java.time.OffsetDateTime.parse("2026-03-10T07:00:00+07:00").toInstant(), 1).dueAt())
              .isEqualTo(java.time.OffsetDateTime.parse("2026-03-10T16:30:00+07:00"));
        });
  }
}
