package vn.govflow.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;

/** Reading and replacing the yearly official schedules. */
@Service
public class CalendarScheduleService {
  public static final int MIN_YEAR = 2000;
  public static final int MAX_YEAR = 2100;
  static final int MAX_NOTICE = 500;
  static final int MAX_NAME = 200;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final CalendarMapper mapper;
  private final WorkingDayCalendarService calendar;
  private final AuditLog auditLog;

  public CalendarScheduleService(CalendarMapper mapper, WorkingDayCalendarService calendar, AuditLog auditLog) {
    this.mapper = mapper;
    this.calendar = calendar;
    this.auditLog = auditLog;
  }

  /** Years with an official schedule, oldest first. */
  public List<CalendarMapper.YearRow> officialYears() {
    return mapper.findYears();
  }

  public YearCalendar year(int year) {
    checkYear(year);
    return calendar.year(year);
  }

  /**
   * Replaces the official schedule of a year, all or nothing: every problem is reported at once and nothing is
   * written unless the whole schedule is valid.
   */
  @Transactional
  public YearCalendar replaceYear(int year, YearScheduleRequest request, String username) {
    checkYear(year);
    List<YearScheduleRequest.Day> days = validate(year, request);
    mapper.deleteDays(year);
    mapper.deleteYear(year);
    mapper.insertYear(year, request.notice().strip(), OffsetDateTime.now(calendar.zone()), username);
    for (YearScheduleRequest.Day d : days) {
      mapper.insertDay(year, LocalDate.parse(d.date()), DayKind.valueOf(d.kind()), d.nameVi().strip(),
          d.nameEn().strip());
    }
    auditLog.record("calendar.year.update", "calendar-year", String.valueOf(year),
        days.size() + " days; notice: " + request.notice().strip());
    invalidateAfterCommit(year);
    return calendar.year(year);
  }

  /** Other requests may reload the year before our transaction commits, so drop it again once committed. */
  private void invalidateAfterCommit(int year) {
    calendar.invalidate(year);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          calendar.invalidate(year);
        }
      });
    }
  }

  static void checkYear(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new UserError(HttpStatus.BAD_REQUEST, "calendar-year-range",
          "Năm phải trong khoảng " + MIN_YEAR + "–" + MAX_YEAR + ".",
          "The year must be between " + MIN_YEAR + " and " + MAX_YEAR + ".",
          List.of(new FieldProblem("year", "Năm phải trong khoảng " + MIN_YEAR + "–" + MAX_YEAR + ".",
              "The year must be between " + MIN_YEAR + " and " + MAX_YEAR + ".")), Map.of());
    }
  }

  private List<YearScheduleRequest.Day> validate(int year, YearScheduleRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null) {
      throw UserError.badRequest("calendar-schedule-missing", "Thiếu nội dung lịch nghỉ của năm.",
          "The year's schedule is missing.");
    }
    if (isBlank(request.notice())) {
      problems.add(new FieldProblem("notice", "Cần ghi văn bản (thông báo) quy định lịch nghỉ.",
          "Give the notice that sets this schedule."));
    } else if (request.notice().strip().length() > MAX_NOTICE) {
      problems.add(new FieldProblem("notice", "Văn bản quy định dài quá " + MAX_NOTICE + " ký tự.",
          "The notice is longer than " + MAX_NOTICE + " characters."));
    }
    List<YearScheduleRequest.Day> days = request.days() == null ? List.of() : request.days();
    if (request.days() == null) {
      problems.add(new FieldProblem("days", "Thiếu danh sách ngày.", "The list of days is missing."));
    }
    Set<LocalDate> seen = new HashSet<>();
    Set<LocalDate> off = new HashSet<>();
    for (int i = 0; i < days.size(); i++) {
      String field = "days[" + i + "]";
      YearScheduleRequest.Day d = days.get(i);
      if (d == null) {
        problems.add(new FieldProblem(field, "Ngày bị trống.", "The day is empty."));
        continue;
      }
      LocalDate date = null;
      try {
        date = d.date() == null ? null : LocalDate.parse(d.date());
      } catch (DateTimeException e) {
        // reported below
      }
      DayKind kind = parseKind(d.kind());
      if (date == null) {
        problems.add(new FieldProblem(field + ".date", "Ngày phải có dạng yyyy-MM-dd.",
            "The date must be written yyyy-MM-dd."));
      } else if (date.getYear() != year) {
        problems.add(new FieldProblem(field + ".date", "Ngày " + date.format(DAY) + " không thuộc năm " + year + ".",
            "The date " + date + " is not in " + year + "."));
      } else if (!seen.add(date)) {
        problems.add(new FieldProblem(field + ".date", "Ngày " + date.format(DAY) + " bị lặp lại.",
            "The date " + date + " is listed twice."));
      }
      if (kind == null) {
        problems.add(new FieldProblem(field + ".kind", "Loại ngày phải là OFF (nghỉ) hoặc WORKING (làm bù).",
            "The kind must be OFF or WORKING."));
      } else if (date != null) {
        boolean weekend = StatutoryHolidays.isWeekend(date);
        if (kind == DayKind.WORKING && !weekend) {
          problems.add(new FieldProblem(field + ".kind",
              "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; " + date.format(DAY) + " vốn là ngày làm việc.",
              "A make-up working day must be a Saturday or Sunday; " + date + " is already a working day."));
        } else if (kind == DayKind.OFF && weekend) {
          problems.add(new FieldProblem(field + ".kind",
              "Ngày nghỉ phải là ngày thường (thứ Hai–thứ Sáu); " + date.format(DAY) + " vốn là ngày nghỉ cuối tuần.",
              "A day off must be a weekday; " + date + " is already a weekend day."));
        } else if (kind == DayKind.OFF) {
          off.add(date);
        }
      }
      checkName(problems, field + ".nameVi", d.nameVi());
      checkName(problems, field + ".nameEn", d.nameEn());
    }
    if (problems.isEmpty()) {
      // Art 112 holidays that no schedule may move: without them the schedule is surely mistyped.
      for (LocalDate must : StatutoryHolidays.mandatoryDays(year)) {
        if (!off.contains(must)) {
          problems.add(new FieldProblem("days",
              "Thiếu ngày nghỉ lễ theo Điều 112 Bộ luật Lao động: " + must.format(DAY) + ".",
              "A holiday of Labour Code Art 112 is missing: " + must + "."));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "calendar-schedule-invalid",
          "Lịch nghỉ của năm " + year + " chưa hợp lệ; chưa có gì thay đổi.",
          "The schedule for " + year + " is not valid; nothing was changed.", problems, Map.of());
    }
    return days;
  }

  private static DayKind parseKind(String kind) {
    if (kind == null) {
      return null;
    }
    try {
      return DayKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void checkName(List<FieldProblem> problems, String field, String name) {
    if (isBlank(name)) {
      problems.add(new FieldProblem(field, "Cần ghi tên ngày.", "The day's name is required."));
    } else if (name.strip().length() > MAX_NAME) {
      problems.add(new FieldProblem(field, "Tên ngày dài quá " + MAX_NAME + " ký tự.",
          "The day's name is longer than " + MAX_NAME + " characters."));
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
