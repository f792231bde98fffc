package vn.govflow.outgoing;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The clerk's postal register: the letters of a period, marking one as posted, and the printed form. */
@Controller
class OutgoingPostalPages {
  private final OutgoingPostal postal;
  private final CurrentUserProvider users;
  private final ZoneId zone;

  OutgoingPostalPages(OutgoingPostal postal, CurrentUserProvider users,
                      @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.postal = postal;
    this.users = users;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping("/outgoing/postal")
  String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
              Model model) {
    return page(from, to, model, "outgoing/postal");
  }

  @GetMapping("/outgoing/postal/print")
  String print(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               Model model) {
    return page(from, to, model, "outgoing/postal-print");
  }

  private String page(LocalDate from, LocalDate to, Model model, String view) {
    CurrentUser me = users.require();
    LocalDate today = LocalDate.now(zone);
    // By default the last month: letters wait days, not a year, for the post office.
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.minusMonths(1) : from;
    model.addAttribute("me", me);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("letters", postal.letters(me, start, end));
    return view;
  }

  @PostMapping("/outgoing/postal/{id}/posted")
  String posted(@PathVariable long id, @RequestParam(required = false) String address,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                RedirectAttributes flash) {
    try {
      OutgoingPostalMapper.Letter l = postal.markPosted(id, address, users.require());
      flash.addFlashAttribute("done", l.numberSymbol() + " – " + l.recipient());
    } catch (UserError e) {
      if (e.status().value() == 404 || e.status().value() == 403 || e.status().value() >= 500) {
        throw e;
      }
      flash.addFlashAttribute("problem", "en".equals(LocaleContextHolder.getLocale().getLanguage())
          ? e.messageEn() : e.messageVi());
    }
    return "redirect:/outgoing/postal" + (from == null || to == null ? "" : "?from=" + from + "&to=" + to);
  }
}
