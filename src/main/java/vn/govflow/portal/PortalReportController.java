package vn.govflow.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.identity.CurrentUserProvider;

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
    return report.month(PortalReport.parseMonth(month), PortalReport.scopeFor(users.require()));
  }

  @GetMapping("/xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam String month) throws IOException {
    YearMonth m = PortalReport.parseMonth(month);
    List<PortalReport.Line> lines = report.month(m, PortalReport.scopeFor(users.require()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.xlsx(m, lines, out);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header("Content-Disposition", "attachment; filename=\"hoi-dap-" + m + ".xlsx\"").body(out.toByteArray());
  }
}
