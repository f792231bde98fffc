package vn.govflow.portal;

import jakarta.servlet.http.HttpServletResponse;
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
 * The Q&A report (month, quarter or year) as a signed-in page (the same figures and the same scope as the API). It lives under
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
  String page(@RequestParam(required = false) String month, @RequestParam(required = false) String period,
              Locale locale, Model model, HttpServletResponse response) {
    String scope = PortalReport.scopeFor(users.require());
    Map<String, Agency> agencies = directory.agencies().stream()
        .collect(Collectors.toMap(Agency::code, Function.identity(), (a, b) -> a));
    model.addAttribute("agencies", agencies);
    model.addAttribute("scopeAgency", scope == null ? null : agencies.get(scope));
    boolean en = "en".equals(locale.getLanguage());
    // Quarters and years to choose from (Art 32.1: monthly, quarterly and yearly reports).
    Map<String, String> choices = new java.util.LinkedHashMap<>();
    ReportPeriod.choices(report.today()).forEach(p -> choices.put(p.code(), p.name(en)));
    model.addAttribute("periodChoices", choices);
    ReportPeriod p;
    try {
      if (period != null && !period.isBlank()) {
        p = ReportPeriod.parse(period);
      } else {
        p = ReportPeriod.month(month == null || month.isBlank() ? report.currentMonth()
            : PortalReport.parseMonth(month.trim()));
      }
    } catch (UserError e) {
      // Stay on the page, with the picker, so the person can correct the month.
      response.setStatus(e.status().value());
      model.addAttribute("monthInput", month);
      model.addAttribute("monthError", en ? e.messageEn() : e.messageVi());
      return "reports/portal";
    }
    boolean isMonth = p.kind() == ReportPeriod.Kind.MONTH;
    model.addAttribute("monthInput", isMonth ? p.code() : null);
    model.addAttribute("periodInput", isMonth ? null : p.code());
    model.addAttribute("periodName", p.name(en));
    model.addAttribute("periodDays", p.days());
    model.addAttribute("xlsxHref", "/api/v1/portal/report/xlsx?" + (isMonth ? "month=" : "period=") + p.code());
    model.addAttribute("summary", report.summary(p, scope));
    return "reports/portal";
  }
}
