package vn.govflow.sla;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.CaseType;
import vn.govflow.casework.CaseTypes;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUserProvider;

/** SLA figures for leaders: running cases of a process by deadline state, and finished cases on time or late. */
@RestController
@RequestMapping("/api/v1/sla")
class SlaApiController {
  private final SlaService sla;
  private final SlaAccess access;
  private final CurrentUserProvider users;
  private final WorkingDayCalendar calendar;
  private final CaseTypes caseTypes;

  SlaApiController(SlaService sla, SlaAccess access, CurrentUserProvider users, WorkingDayCalendar calendar,
                   CaseTypes caseTypes) {
    this.sla = sla;
    this.access = access;
    this.users = users;
    this.calendar = calendar;
    this.caseTypes = caseTypes;
  }

  /** {@code key} is a registered case type's key ({@code incoming}) or a process key ({@code incoming-document}). */
  @GetMapping("/{key}")
  SlaReport report(@PathVariable String key, @RequestParam(required = false) String agency) {
    String owner = access.agencyFor(users.require(), agency);
    return sla.report(processKey(caseTypes, key), owner);
  }

  /** Finished cases whose end falls on the days {@code from}..{@code to} (inclusive, in the calendar's zone). */
  @GetMapping("/{key}/completed")
  CompletedReport completed(@PathVariable String key, @RequestParam(required = false) String agency,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    String owner = access.agencyFor(users.require(), agency);
    if (to.isBefore(from)) {
      throw UserError.badRequest("sla-bad-range", "Ngày kết thúc phải không trước ngày bắt đầu.",
          "The end date must not be before the start date.");
    }
    Instant start = from.atStartOfDay(calendar.zone()).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    return sla.completed(processKey(caseTypes, key), owner, start, end);
  }

  /** The process of a case type key, or the key itself taken as a process key. */
  static String processKey(CaseTypes caseTypes, String key) {
    return caseTypes.byKey(key).map(CaseType::processKey).orElseGet(() -> checkKey(key));
  }

  static String checkKey(String processKey) {
    if (processKey == null || !processKey.matches("[A-Za-z0-9_.-]{1,255}")) {
      throw UserError.badRequest("sla-bad-process-key", "Mã quy trình không hợp lệ.", "Invalid process key.");
    }
    return processKey;
  }
}
