package vn.govflow.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.Roles;

/** Leaders see their agency's month; portal editors and administrators see every agency. */
@RestController
@RequestMapping("/api/v1/portal/report")
class PortalReportController {
  private final PortalReport report;
  private final CurrentUserProvider users;

  PortalReportController(PortalReport report, CurrentUserProvider users) {
    this.report = report;
    this.users = users;
  }

  @GetMapping
  List<PortalReport.Line> month(@RequestParam String month) {
    return report.month(parse(month), scope(users.require()));
  }

  @GetMapping("/xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam String month) throws IOException {
    YearMonth m = parse(month);
    List<PortalReport.Line> lines = report.month(m, scope(users.require()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.xlsx(m, lines, out);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header("Content-Disposition", "attachment; filename=\"hoi-dap-" + m + ".xlsx\"").body(out.toByteArray());
  }

  private static String scope(CurrentUser me) {
    if (me.hasRole(Roles.PORTAL_EDITOR) || me.isProvinceWide()) {
      return null;
    }
    if (me.hasRole(Roles.HEAD) || me.hasRole(Roles.DEPUTY_HEAD)) {
      return me.agencyCode();
    }
    throw UserError.forbidden("Chỉ lãnh đạo cơ quan và biên tập viên xem báo cáo Hỏi – Đáp.",
        "Only agency leaders and portal editors can see the Q&A report.");
  }

  private static YearMonth parse(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException | NullPointerException e) {
      throw UserError.badRequest("portal-month", "Tháng phải có dạng YYYY-MM, ví dụ 2026-11.",
          "The month must look like YYYY-MM, e.g. 2026-11.");
    }
  }
}
