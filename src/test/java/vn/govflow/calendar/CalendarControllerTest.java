package vn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.web.ApiExceptionHandler;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.Roles;

class CalendarControllerTest {
  record AuditEntry(String action, String objectType, String objectId, String detail) {}

  final List<AuditEntry> audit = new ArrayList<>();
  WorkingDayCalendarService calendar;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    CalendarTestDb db = CalendarTestDb.h2();
    calendar = db.calendar();
    AuditLog auditLog = (action, type, id, detail) -> audit.add(new AuditEntry(action, type, id, detail));
    CalendarScheduleService schedules = new CalendarScheduleService(db.mapper, calendar, auditLog);
    CurrentUser admin = new CurrentUser("quantri", "Quản trị", null, null, null, null, null,
        Set.of(Roles.ADMIN), null);
    CalendarController controller = new CalendarController(calendar, schedules, () -> Optional.of(admin));
    mvc = MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new ApiExceptionHandler()).build();
  }

  @Test
  void deadlineForFridayEveningBeforeGioTo2026() throws Exception {
    mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "2026-04-24T19:00:00+07:00")
            .param("workingDays", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.receivedAt").value("2026-04-24T19:00:00+07:00"))
        .andExpect(jsonPath("$.workingDays").value(5))
        .andExpect(jsonPath("$.startsAt").value("2026-04-28T08:00:00+07:00"))
        .andExpect(jsonPath("$.dueAt").value("2026-05-06T17:00:00+07:00"))
        .andExpect(jsonPath("$.provisional").value(false));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(nullValues = "null", value = {
      "2026-04-24T12:00:00Z, null",
      "2026-04-24T19:00:00+07:00[Asia/Ho_Chi_Minh], null",
      "2026-04-24T19:00:00, Asia/Ho_Chi_Minh",
      "2026-04-24T14:00:00, Europe/Paris", // 14:00 in Paris (UTC+2 in April) is 12:00 UTC, 19:00 in Vietnam
      "2026-04-24T19:00:00+07:00, Mars/Olympus"}) // the offset decides, but an unknown zone is still an error
  void receiptTimesInOtherForms(String receivedAt, String timeZone) throws Exception {
    var request = get("/api/v1/calendar/deadline").param("receivedAt", receivedAt).param("workingDays", "5");
    if (timeZone != null) {
      request.param("timeZone", timeZone);
    }
    if ("Mars/Olympus".equals(timeZone)) {
      mvc.perform(request).andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[*].field").value(contains("timeZone")));
      return;
    }
    mvc.perform(request)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.receivedAt").value("2026-04-24T19:00:00+07:00"))
        .andExpect(jsonPath("$.dueAt").value("2026-05-06T17:00:00+07:00"));
  }

  @Test
  void deadlineInto2027IsProvisional() throws Exception {
    mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "2026-12-30T10:00:00+07:00")
            .param("workingDays", "0"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.startsAt").value("2026-12-30T10:00:00+07:00"))
        .andExpect(jsonPath("$.dueAt").value("2026-12-30T17:00:00+07:00"))
        .andExpect(jsonPath("$.provisional").value(false));
    mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "2026-12-30T10:00:00+07:00")
            .param("workingDays", "3"))
        .andExpect(jsonPath("$.dueAt").value("2027-01-05T17:00:00+07:00"))
        .andExpect(jsonPath("$.provisional").value(true));
  }

  @ParameterizedTest(name = "receivedAt={0} workingDays={1} timeZone={2} → {3}")
  @CsvSource(nullValues = "null", value = {
      "null, 5, null, receivedAt",
      "'', 5, null, receivedAt",
      "yesterday, 5, null, receivedAt",
      "2026-02-30T10:00:00+07:00, 5, null, receivedAt",
      "2026-01-05T10:00:00, 5, null, receivedAt",
      "2026-01-05T10:00:00+07:00[Mars/Olympus], 5, null, receivedAt",
      "2026-01-05T10:00:00, 5, Mars/Olympus, timeZone",
      "1999-12-31T10:00:00+07:00, 5, null, receivedAt",
      "2026-01-05T10:00:00+07:00, -1, null, workingDays",
      "2026-01-05T10:00:00+07:00, five, null, workingDays",
      "2026-01-05T10:00:00+07:00, 2.5, null, workingDays",
      "2026-01-05T10:00:00+07:00, 3651, null, workingDays",
      "2026-01-05T10:00:00+07:00, null, null, workingDays"})
  void badDeadlineParameters(String receivedAt, String workingDays, String timeZone, String field) throws Exception {
    var request = get("/api/v1/calendar/deadline");
    if (receivedAt != null) {
      request.param("receivedAt", receivedAt);
    }
    if (workingDays != null) {
      request.param("workingDays", workingDays);
    }
    if (timeZone != null) {
      request.param("timeZone", timeZone);
    }
    mvc.perform(request)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("calendar-deadline-parameters"))
        .andExpect(jsonPath("$.errors[*].field").value(contains(field)))
        .andExpect(jsonPath("$.errors[0].messageVi").isNotEmpty())
        .andExpect(jsonPath("$.errors[0].messageEn").isNotEmpty());
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "soon").param("workingDays", "-3"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("receivedAt", "workingDays")));
  }

  @Test
  void listsOfficialYears() throws Exception {
    mvc.perform(get("/api/v1/calendar/years"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].year").value(contains(2025, 2026)))
        .andExpect(jsonPath("$[1].notice").value(org.hamcrest.Matchers.containsString("9441/TB-BNV")))
        .andExpect(jsonPath("$[1].updatedAt").value(org.hamcrest.Matchers.endsWith("+07:00")));
  }

  @Test
  void showsAnOfficialYear() throws Exception {
    mvc.perform(get("/api/v1/calendar/years/2026"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.official").value(true))
        .andExpect(jsonPath("$.provisional").value(false))
        .andExpect(jsonPath("$.days.length()").value(15))
        .andExpect(jsonPath("$.days[?(@.date == '2026-01-10')].kind").value(contains("WORKING")))
        .andExpect(jsonPath("$.days[?(@.date == '2026-01-10')].dayOfWeek").value(contains("SATURDAY")))
        .andExpect(jsonPath("$.days[?(@.date == '2026-04-27')].source").value(contains("SCHEDULE")))
        .andExpect(jsonPath("$.days[?(@.date == '2026-08-22')].kind").value(contains("WORKING")));
  }

  @Test
  void showsAComputedYear() throws Exception {
    mvc.perform(get("/api/v1/calendar/years/2027"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.official").value(false))
        .andExpect(jsonPath("$.provisional").value(true))
        .andExpect(jsonPath("$.days[?(@.date == '2027-01-01')].source").value(contains("STATUTORY")))
        .andExpect(jsonPath("$.days[?(@.date == '2027-02-10')].source").value(contains("COMPENSATORY")))
        .andExpect(jsonPath("$.days[?(@.date == '2027-05-03')].source").value(contains("COMPENSATORY")))
        // 1/5/2027 is a Saturday: off anyway, so not listed
        .andExpect(jsonPath("$.days[?(@.date == '2027-05-01')]").isEmpty());
  }

  @Test
  void yearOutOfRange() throws Exception {
    mvc.perform(get("/api/v1/calendar/years/1999"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
  }

  static final String VALID_2027 = """
      {"notice": "Thông báo thử nghiệm 1/TB-BNV",
       "days": [
        {"date": "2027-01-01", "kind": "OFF", "nameVi": "Tết Dương lịch", "nameEn": "New Year's Day"},
        {"date": "2027-02-05", "kind": "OFF", "nameVi": "Tết Nguyên đán", "nameEn": "Tết"},
        {"date": "2027-02-08", "kind": "OFF", "nameVi": "Tết Nguyên đán", "nameEn": "Tết"},
        {"date": "2027-02-09", "kind": "OFF", "nameVi": "Tết Nguyên đán", "nameEn": "Tết"},
        {"date": "2027-02-10", "kind": "OFF", "nameVi": "Nghỉ bù Tết", "nameEn": "Tết compensatory"},
        {"date": "2027-02-11", "kind": "OFF", "nameVi": "Nghỉ bù Tết", "nameEn": "Tết compensatory"},
        {"date": "2027-02-12", "kind": "OFF", "nameVi": "Nghỉ hoán đổi", "nameEn": "Swapped day off"},
        {"date": "2027-02-20", "kind": "WORKING", "nameVi": "Làm bù", "nameEn": "Make-up working day"},
        {"date": "2027-04-16", "kind": "OFF", "nameVi": "Giỗ Tổ Hùng Vương", "nameEn": "Hung Kings' Day"},
        {"date": "2027-04-30", "kind": "OFF", "nameVi": "30/4", "nameEn": "Reunification Day"},
        {"date": "2027-05-03", "kind": "OFF", "nameVi": "Nghỉ bù 1/5", "nameEn": "Labour Day compensatory"},
        {"date": "2027-09-02", "kind": "OFF", "nameVi": "Quốc khánh", "nameEn": "National Day"},
        {"date": "2027-09-03", "kind": "OFF", "nameVi": "Nghỉ lễ Quốc khánh", "nameEn": "National Day holiday"}
       ]}""";

  @Test
  void replacingAYearMakesItOfficialAndTakesEffectAtOnce() throws Exception {
    // Computed 2027: Fri 12/02 is a working day.
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
    mvc.perform(put("/api/v1/calendar/years/2027").contentType(MediaType.APPLICATION_JSON).content(VALID_2027))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.official").value(true))
        .andExpect(jsonPath("$.notice").value("Thông báo thử nghiệm 1/TB-BNV"))
        .andExpect(jsonPath("$.days.length()").value(13))
        .andExpect(jsonPath("$.days[?(@.date == '2027-02-20')].kind").value(contains("WORKING")));

    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 12))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
    mvc.perform(get("/api/v1/calendar/years"))
        .andExpect(jsonPath("$[*].year").value(contains(2025, 2026, 2027)));
    // Received Thu 04/02/2027 10:00, 2 working days: Fri 05/02 off … first working day Mon 15/02, then Tue 16/02.
    mvc.perform(get("/api/v1/calendar/deadline").param("receivedAt", "2027-02-04T10:00:00+07:00")
            .param("workingDays", "2"))
        .andExpect(jsonPath("$.startsAt").value("2027-02-15T08:00:00+07:00"))
        .andExpect(jsonPath("$.dueAt").value("2027-02-16T17:00:00+07:00"))
        .andExpect(jsonPath("$.provisional").value(false));
    assertThat(audit).containsExactly(new AuditEntry("calendar.year.update", "calendar-year", "2027",
        "13 days; notice: Thông báo thử nghiệm 1/TB-BNV"));

    // A second PUT replaces, not merges.
    String smaller = VALID_2027.replace(
        "{\"date\": \"2027-02-20\", \"kind\": \"WORKING\", \"nameVi\": \"Làm bù\", \"nameEn\": \"Make-up working day\"},", "");
    mvc.perform(put("/api/v1/calendar/years/2027").contentType(MediaType.APPLICATION_JSON).content(smaller))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.days.length()").value(12));
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 20))).isFalse();
  }

  @Test
  void invalidScheduleChangesNothing() throws Exception {
    String body = """
        {"notice": " ",
         "days": [
          {"date": "2026-12-31", "kind": "OFF", "nameVi": "Sai năm", "nameEn": "Wrong year"},
          {"date": "2027-01-01", "kind": "OFF", "nameVi": "Tết Dương lịch", "nameEn": "New Year's Day"},
          {"date": "2027-01-01", "kind": "OFF", "nameVi": "Lặp", "nameEn": "Duplicate"},
          {"date": "2027-01-04", "kind": "WORKING", "nameVi": "Thứ Hai", "nameEn": "Monday"},
          {"date": "2027-01-09", "kind": "OFF", "nameVi": "Thứ Bảy", "nameEn": "Saturday"},
          {"date": "2027-13-01", "kind": "OFF", "nameVi": "x", "nameEn": "x"},
          {"date": "2027-03-01", "kind": "HOLIDAY", "nameVi": "", "nameEn": "x"}
         ]}""";
    mvc.perform(put("/api/v1/calendar/years/2027").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("calendar-schedule-invalid"))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("notice", "days[0].date", "days[2].date",
            "days[3].kind", "days[4].kind", "days[5].date", "days[6].kind", "days[6].nameVi")));
    mvc.perform(get("/api/v1/calendar/years/2027")).andExpect(jsonPath("$.official").value(false));
    assertThat(audit).isEmpty();
  }

  @Test
  void aScheduleMissingAStatutoryHolidayIsRefused() throws Exception {
    String body = VALID_2027.replace(
        "{\"date\": \"2027-04-16\", \"kind\": \"OFF\", \"nameVi\": \"Giỗ Tổ Hùng Vương\", \"nameEn\": \"Hung Kings' Day\"},", "");
    mvc.perform(put("/api/v1/calendar/years/2027").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].messageEn").value(hasItem(
            "A holiday of Labour Code Art 112 is missing: 2027-04-16.")));
    // The 2026 seed itself is still there and unchanged.
    assertThat(calendar.year(2026).days()).hasSize(15);
  }

  @Test
  void replacingIsForAdministratorsOnly() throws Exception {
    PreAuthorize rule = CalendarController.class
        .getMethod("replaceYear", int.class, YearScheduleRequest.class).getAnnotation(PreAuthorize.class);
    assertThat(rule.value()).isEqualTo("hasRole('ADMIN')");
    assertThat(Roles.authority(Roles.ADMIN)).isEqualTo("ROLE_ADMIN");
  }
}
