package vn.govflow.sla;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.govflow.casework.CaseType;
import vn.govflow.casework.CaseTypes;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/**
 * The leaders' dashboard page: the same figures as the API, for one case type (or any process); a row of tabs
 * names every registered type that has deadline figures, so no subsystem is named here.
 */
@Controller
class SlaPageController {
  private final SlaService sla;
  private final SlaAccess access;
  private final CurrentUserProvider users;
  private final CaseTypes caseTypes;

  SlaPageController(SlaService sla, SlaAccess access, CurrentUserProvider users, CaseTypes caseTypes) {
    this.sla = sla;
    this.access = access;
    this.users = users;
    this.caseTypes = caseTypes;
  }

  /** The first registered type's dashboard: the link in the navigation. */
  @GetMapping("/sla")
  String first(@RequestParam(required = false) String agency) {
    CaseType first = caseTypes.withSla().stream().findFirst().orElseThrow(UserError::notFound);
    access.agencyFor(users.require(), agency);
    return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/sla/" + first.key())
        .queryParamIfPresent("agency", java.util.Optional.ofNullable(agency)).encode().build().toUriString();
  }

  @GetMapping("/sla/{key}")
  String type(@PathVariable String key, @RequestParam(required = false) String agency, Model model) {
    CaseType type = caseTypes.byKey(key).filter(CaseType::sla).orElseThrow(UserError::notFound);
    return show(type.processKey(), type.key(), agency, model);
  }

  @GetMapping("/sla/process/{processKey}")
  String page(@PathVariable String processKey, @RequestParam(required = false) String agency, Model model) {
    String key = caseTypes.byProcessKey(processKey).map(CaseType::key).orElse(null);
    return show(SlaApiController.checkKey(processKey), key, agency, model);
  }

  private String show(String processKey, String typeKey, String agency, Model model) {
    CurrentUser me = users.require();
    String owner = access.agencyFor(me, agency);
    model.addAttribute("me", me);
    model.addAttribute("report", sla.report(processKey, owner));
    model.addAttribute("caseTypes", caseTypes.withSla());
    model.addAttribute("currentType", typeKey);
    model.addAttribute("agencyParam", agency == null || agency.isBlank() ? null : agency);
    model.addAttribute("caseType", caseTypes.byProcessKey(processKey).orElse(null));
    return "sla/dashboard";
  }
}
