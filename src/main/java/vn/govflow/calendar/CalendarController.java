package vn.govflow.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.identity.CurrentUserProvider;

/** Working-day calendar API. Instants are answered in the calendar's zone, ISO-8601 with offset (+07:00). */
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarController {
  static final int MAX_WORKING_DAYS = 3650;

  private final WorkingDayCalendar calendar;
  private final CalendarScheduleService schedules;
  private final CurrentUserProvider currentUser;

  public CalendarController(WorkingDayCalendar calendar, CalendarScheduleService schedules,
                            CurrentUserProvider currentUser) {
    this.calendar = calendar;
    this.schedules = schedules;
    this.currentUser = currentUser;
  }

  public record DeadlineResponse(String receivedAt, int workingDays, String startsAt, String dueAt,
                                 boolean provisional) {}

  public record OfficialYearResponse(int year, String notice, String updatedAt) {}

  public record DayResponse(String date, String dayOfWeek, DayKind kind, DaySource source, String nameVi,
                            String nameEn) {}

  /** {@code official} false means the days are computed by the statutory default rules (provisional). */
  public record YearResponse(int year, boolean official, boolean provisional, String notice, List<DayResponse> days) {}

  /** Public: when is something received at {@code receivedAt} due after N working days. */
  @GetMapping("/deadline")
  public DeadlineResponse deadline(@RequestParam(required = false) String receivedAt,
                                   @RequestParam(required = false) String workingDays,
                                   @RequestParam(required = false) String timeZone) {
    List<FieldProblem> problems = new ArrayList<>();
    ZoneId zone = parseZone(timeZone, problems);
    Instant received = parseInstant(receivedAt, zone, timeZone != null, problems);
    Integer n = parseWorkingDays(workingDays, problems);
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "calendar-deadline-parameters",
          "Tham số tính hạn chưa hợp lệ.", "The deadline parameters are not valid.", problems, Map.of());
    }
    Deadline d = calendar.deadline(received, n);
    return new DeadlineResponse(format(received.atZone(calendar.zone()).toOffsetDateTime()), n,
        format(d.startsAt()), format(d.dueAt()), d.provisional());
  }

  @GetMapping("/years")
  public List<OfficialYearResponse> years() {
    return schedules.officialYears().stream()
        .map(y -> new OfficialYearResponse(y.year(), y.notice(),
            format(y.updatedAt().atZoneSameInstant(calendar.zone()).toOffsetDateTime())))
        .toList();
  }

  @GetMapping("/years/{year}")
  public YearResponse year(@PathVariable int year) {
    return toResponse(schedules.year(year));
  }

  @PutMapping("/years/{year}")
  @PreAuthorize("hasRole('ADMIN')")
  public YearResponse replaceYear(@PathVariable int year, @RequestBody YearScheduleRequest request) {
    return toResponse(schedules.replaceYear(year, request, currentUser.require().username()));
  }

  private static YearResponse toResponse(YearCalendar y) {
    List<DayResponse> days = y.days().stream()
        .map(d -> new DayResponse(d.date().toString(), d.date().getDayOfWeek().name(), d.kind(), d.source(),
            d.nameVi(), d.nameEn()))
        .toList();
    return new YearResponse(y.year(), y.official(), !y.official(), y.notice(), days);
  }

  private static String format(OffsetDateTime t) {
    return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static ZoneId parseZone(String timeZone, List<FieldProblem> problems) {
    if (timeZone == null) {
      return null;
    }
    try {
      return ZoneId.of(timeZone.strip());
    } catch (DateTimeException e) {
      problems.add(new FieldProblem("timeZone", "Múi giờ không tồn tại: " + timeZone + " (ví dụ: Asia/Ho_Chi_Minh).",
          "Unknown time zone: " + timeZone + " (e.g. Asia/Ho_Chi_Minh)."));
      return null;
    }
  }

  /**
   * Accepts 2026-01-05T10:00:00+07:00, 2026-01-05T10:00:00+07:00[Asia/Ho_Chi_Minh], 2026-01-05T03:00:00Z, or a
   * local 2026-01-05T10:00:00 when a timeZone parameter is given.
   */
  private static Instant parseInstant(String text, ZoneId zone, boolean zoneGiven, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem("receivedAt", "Thiếu thời điểm tiếp nhận (receivedAt).",
          "receivedAt (the time of receipt) is missing."));
      return null;
    }
    String s = text.strip();
    int bracket = s.indexOf('[');
    if (bracket >= 0 && s.endsWith("]")) {
      String id = s.substring(bracket + 1, s.length() - 1);
      try {
        ZoneId.of(id);
      } catch (DateTimeException e) {
        problems.add(new FieldProblem("receivedAt", "Múi giờ không tồn tại: " + id + ".", "Unknown time zone: " + id + "."));
        return null;
      }
    }
    TemporalAccessor parsed;
    try {
      parsed = DateTimeFormatter.ISO_DATE_TIME.parse(s);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("receivedAt",
          "Thời điểm tiếp nhận phải theo ISO-8601 có múi giờ, ví dụ 2026-04-24T19:00:00+07:00.",
          "receivedAt must be ISO-8601 with an offset, e.g. 2026-04-24T19:00:00+07:00."));
      return null;
    }
    LocalDateTime local = LocalDateTime.from(parsed);
    ZoneId own = parsed.query(TemporalQueries.zone()); // the [region] if present, else the offset
    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : null;
    Instant instant;
    if (offset != null) {
      instant = local.toInstant(offset);
    } else if (own != null) {
      instant = local.atZone(own).toInstant();
    } else if (zone != null) {
      instant = local.atZone(zone).toInstant();
    } else {
      if (!zoneGiven) { // an unknown timeZone was already reported
        problems.add(new FieldProblem("receivedAt",
            "Thời điểm tiếp nhận thiếu múi giờ: thêm độ lệch (ví dụ +07:00) hoặc tham số timeZone.",
            "receivedAt has no offset: add one (e.g. +07:00) or give the timeZone parameter."));
      }
      return null;
    }
    int year = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear(); // a few hours off cannot matter here
    if (year < CalendarScheduleService.MIN_YEAR || year > CalendarScheduleService.MAX_YEAR) {
      problems.add(new FieldProblem("receivedAt",
          "Thời điểm tiếp nhận phải trong các năm " + CalendarScheduleService.MIN_YEAR + "–"
              + CalendarScheduleService.MAX_YEAR + ".",
          "receivedAt must fall in the years " + CalendarScheduleService.MIN_YEAR + "–"
              + CalendarScheduleService.MAX_YEAR + "."));
      return null;
    }
    return instant;
  }

  private static Integer parseWorkingDays(String text, List<FieldProblem> problems) {
    String vi = "Số ngày làm việc (workingDays) phải là số nguyên từ 0 đến " + MAX_WORKING_DAYS + ".";
    String en = "workingDays must be a whole number from 0 to " + MAX_WORKING_DAYS + ".";
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem("workingDays", "Thiếu số ngày làm việc (workingDays).", "workingDays is missing."));
      return null;
    }
    int n;
    try {
      n = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem("workingDays", vi, en));
      return null;
    }
    if (n < 0 || n > MAX_WORKING_DAYS) {
      problems.add(new FieldProblem("workingDays", vi, en));
      return null;
    }
    return n;
  }
}
