package vn.govflow.outgoing;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** The agency administrator's page for the outgoing registers and abbreviations (issue #9, numbering). */
@Controller
class OutgoingSettingsPages {
  static final String PAGE = "/admin/outgoing";

  private final OutgoingSettings settings;
  private final CurrentUserProvider users;

  OutgoingSettingsPages(OutgoingSettings settings, CurrentUserProvider users) {
    this.settings = settings;
    this.users = users;
  }

  @GetMapping(PAGE)
  String page(Model model) {
    CurrentUser me = users.require();
    model.addAttribute("me", me);
    model.addAttribute("abbreviations", settings.abbreviations(me));
    model.addAttribute("registers", settings.registers(me));
    return "outgoing/settings";
  }

  @PostMapping(PAGE + "/abbreviations")
  String abbreviation(@RequestParam(required = false) String ownerKind, @RequestParam(required = false) String ownerId,
                      @RequestParam(required = false) String abbreviation, RedirectAttributes flash) {
    return act(flash, () -> settings.setAbbreviation(ownerKind, ownerId, abbreviation, users.require()),
        abbreviation);
  }

  @PostMapping(PAGE + "/registers")
  String addRegister(@RequestParam(required = false) String code, @RequestParam(required = false) String nameVi,
                     @RequestParam(required = false) String nameEn,
                     @RequestParam(required = false) String documentType,
                     @RequestParam(required = false) String abbreviation,
                     @RequestParam(required = false) boolean withYear, RedirectAttributes flash) {
    return act(flash, () -> settings.addRegister(new OutgoingSettings.RegisterForm(code, nameVi, nameEn, documentType,
        abbreviation, withYear), users.require()), nameVi);
  }

  @PostMapping(PAGE + "/registers/{code}")
  String editRegister(@PathVariable String code, @RequestParam(required = false) String nameVi,
                      @RequestParam(required = false) String nameEn,
                      @RequestParam(required = false) String abbreviation,
                      @RequestParam(required = false) boolean withYear, RedirectAttributes flash) {
    return act(flash, () -> settings.updateRegister(code, new OutgoingSettings.RegisterForm(code, nameVi, nameEn,
        null, abbreviation, withYear), users.require()), nameVi);
  }

  private String act(RedirectAttributes flash, Runnable action, String what) {
    try {
      action.run();
      flash.addFlashAttribute("done", what == null ? "" : what.strip());
    } catch (UserError e) {
      if (e.status().value() == 404 || e.status().value() == 403 || e.status().value() >= 500) {
        throw e;
      }
      boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
      flash.addFlashAttribute("problem", en ? e.messageEn() : e.messageVi());
      flash.addFlashAttribute("problemDetails", e.fieldProblems().stream()
          .map(p -> en ? p.messageEn() : p.messageVi()).toList());
    }
    return "redirect:" + PAGE;
  }
}
