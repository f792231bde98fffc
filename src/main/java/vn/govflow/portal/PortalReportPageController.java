package vn.govflow.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.IdentityDirectory;

/**
 * The monthly Q&A report as a signed-in page (the same figures and the same scope as the API). It lives under
 * /reports, not /portal, because /portal/** is the citizens' public site.
 */
@Controller
class PortalReportPageController {
  private final PortalReport report;
  private final CurrentUserProvider users;
  private final IdentityDirectory directory;

  PortalReportPageController(PortalReport report, CurrentUserProvider users, IdentityDirectory directory) {
    this.report = report;
    this.users = users;
    this.directory = directory;
  }

  @GetMapping("/reports/portal")
  String page(@RequestParam(required = false) String month, Locale locale, Model model,
              HttpServletResponse response) {
    String scope = PortalReport.scopeFor(users.require());
    Map<String, Agency> agencies = directory.agencies().stream()
        .collect(Collectors.toMap(Agency::code, Function.identity(), (a, b) -> a));
    model.addAttribute("agencies", agencies);
    model.addAttribute("scopeAgency", scope == null ? null : agencies.get(scope));
    YearMonth m;
    try {
      m = month == null || month.isBlank() ? report.currentMonth() : PortalReport.parseMonth(month.trim());
    } catch (UserError e) {
      // Stay on the page, with the picker, so the person can correct the month.
      response.setStatus(e.status().value());
      model.addAttribute("monthInput", month);
      model.addAttribute("monthError", "en".equals(locale.getLanguage()) ? e.messageEn() : e.messageVi());
      return "reports/portal";
    }
    model.addAttribute("monthInput", m.toString());
    model.addAttribute("monthNumber", String.valueOf(m.getMonthValue()));
    model.addAttribute("year", String.valueOf(m.getYear()));
    model.addAttribute("summary", report.summary(m, scope));
    return "reports/portal";
  }
}
