package vn.govflow.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.identity.CurrentUserProvider;

/** Leaders see their agency's report (month, quarter or year); portal editors and administrators every agency. */
@RestController
@RequestMapping("/api/v1/portal/report")
class PortalReportController {
  private final PortalReport report;
  private final CurrentUserProvider users;

  PortalReportController(PortalReport report, CurrentUserProvider users) {
    this.report = report;
    this.users = users;
  }

  /** {@code month=YYYY-MM}, or {@code period=YYYY-MM|YYYY-Qn|YYYY}; every period closes on a 25th (Art 32). */
  @GetMapping
  List<PortalReport.Line> lines(@RequestParam(required = false) String month,
                                @RequestParam(required = false) String period) {
    return report.lines(PortalReport.periodOf(month, period), PortalReport.scopeFor(users.require()));
  }

  @GetMapping("/xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String month,
                              @RequestParam(required = false) String period) throws IOException {
    ReportPeriod p = PortalReport.periodOf(month, period);
    List<PortalReport.Line> lines = report.lines(p, PortalReport.scopeFor(users.require()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.xlsx(p, lines, out);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(PortalReport.XLSX))
        .header("Content-Disposition", "attachment; filename=\"hoi-dap-" + p.code() + ".xlsx\"")
        .body(out.toByteArray());
  }
}
