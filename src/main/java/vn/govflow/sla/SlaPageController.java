package vn.govflow.sla;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** The leaders' dashboard page: the same figures as the API, for one process. */
@Controller
class SlaPageController {
  private final SlaService sla;
  private final SlaAccess access;
  private final CurrentUserProvider users;

  SlaPageController(SlaService sla, SlaAccess access, CurrentUserProvider users) {
    this.sla = sla;
    this.access = access;
    this.users = users;
  }

  @GetMapping("/sla/incoming")
  String incoming(@RequestParam(required = false) String agency, Model model) {
    return page(SlaApiController.INCOMING, agency, model);
  }

  @GetMapping("/sla/process/{processKey}")
  String page(@PathVariable String processKey, @RequestParam(required = false) String agency, Model model) {
    CurrentUser me = users.require();
    String owner = access.agencyFor(me, agency);
    model.addAttribute("me", me);
    model.addAttribute("report", sla.report(SlaApiController.checkKey(processKey), owner));
    return "sla/dashboard";
  }
}
