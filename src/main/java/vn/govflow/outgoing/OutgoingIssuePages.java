package vn.govflow.outgoing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;
import vn.govflow.web.FormErrors;

/** The clerk's pages: the register (screen and print), issuing one document, and where it stands. */
@Controller
class OutgoingIssuePages {
  static final int SEARCH_ROWS = 500;

  private final OutgoingIssueService issue;
  private final OutgoingDelivery delivery;
  private final OutgoingRegisterQueries register;
  private final CurrentUserProvider users;
  private final IdentityDirectory directory;
  private final ZoneId zone;

  OutgoingIssuePages(OutgoingIssueService issue, OutgoingDelivery delivery, OutgoingRegisterQueries register,
                     CurrentUserProvider users, IdentityDirectory directory,
                     @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.issue = issue;
    this.delivery = delivery;
    this.register = register;
    this.users = users;
    this.directory = directory;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping("/outgoing/register")
  String register(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String q, @RequestParam(required = false) String register,
                  Model model) {
    CurrentUser me = users.require();
    LocalDate today = LocalDate.now(zone);
    LocalDate start = from == null ? today.withDayOfYear(1) : from;
    LocalDate end = to == null ? today : to;
    OutgoingRegisterQueries.Page p = this.register.search(me, q, start, end, register, 0, SEARCH_ROWS);
    model.addAttribute("rows", this.register.rows(p.items()));
    model.addAttribute("total", p.total());
    addFilters(model, me, start, end, q, register);
    return "outgoing/register";
  }

  /** The register form as printed and bound (Art 16.2b): every row of the period, in book order. */
  @GetMapping("/outgoing/register/print")
  String print(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(required = false) String register, Model model) {
    CurrentUser me = users.require();
    LocalDate today = LocalDate.now(zone);
    LocalDate start = from == null ? today.withDayOfYear(1) : from;
    LocalDate end = to == null ? today : to;
    model.addAttribute("rows", this.register.rows(this.register.book(me, start, end, register)));
    addFilters(model, me, start, end, null, register);
    return "outgoing/register-print";
  }

  private void addFilters(Model model, CurrentUser me, LocalDate from, LocalDate to, String q, String register) {
    List<OutgoingRegisterQueries.RegisterName> registers = this.register.registers(me);
    model.addAttribute("me", me);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("q", q);
    model.addAttribute("register", register == null ? "" : register);
    model.addAttribute("registers", registers);
    model.addAttribute("registerName", registers.stream().filter(r -> r.code().equals(register)).findFirst()
        .map(r -> english() ? r.nameEn() : r.nameVi()).orElse(null));
  }

  @GetMapping("/outgoing/issued")
  String issued(Model model) {
    CurrentUser me = users.require();
    model.addAttribute("documents", delivery.issued(me, 200));
    return "outgoing/issued";
  }

  @GetMapping("/outgoing/{id}/delivery")
  String delivery(@PathVariable String id, Model model) {
    CurrentUser me = users.require();
    OutgoingDocument d = delivery.readable(id, me);
    model.addAttribute("doc", d);
    model.addAttribute("recipients", delivery.recipients(d));
    model.addAttribute("mails", delivery.mails(d));
    return "outgoing/delivery";
  }

  @GetMapping("/outgoing/{id}/issue")
  String issuePage(@PathVariable String id, Model model) {
    CurrentUser me = users.require();
    OutgoingDocument d = issue.visible(id, me);
    model.addAttribute("doc", d);
    model.addAttribute("me", me);
    model.addAttribute("isClerk", me.hasRole(Roles.CLERK));
    model.addAttribute("isLeader", me.hasRole(Roles.HEAD) || me.hasRole(Roles.DEPUTY_HEAD));
    model.addAttribute("leaders", directory.people().stream()
        .filter(p -> p.active() && d.agencyCode().equals(p.agencyCode())
            && (p.roles().contains(Roles.HEAD) || p.roles().contains(Roles.DEPUTY_HEAD)))
        .sorted(java.util.Comparator.comparing(Person::fullName)).toList());
    model.addAttribute("recipients", delivery.recipients(d));
    // Art 18.3: before its number is taken, the document may be marked as the replacement of an issued one.
    boolean mayReplace = (me.hasRole(Roles.CLERK) || me.hasRole(Roles.HEAD) || me.hasRole(Roles.DEPUTY_HEAD))
        && d.state() == OutgoingStatus.SIGNED;
    model.addAttribute("replaceable", mayReplace ? delivery.issued(me, 200).stream()
        .filter(x -> OutgoingStatus.ISSUED.name().equals(x.status()) && !x.id().equals(d.id())).toList()
        : List.of());
    model.addAttribute("replaces", d.replacesId() == null ? null : issue.visible(d.replacesId(), me));
    model.addAttribute("replacedBy", d.replacedById() == null ? null : issue.visible(d.replacedById(), me));
    return "outgoing/issue";
  }

  @PostMapping("/outgoing/{id}/issue/number")
  String number(@PathVariable String id, RedirectAttributes flash) {
    return act(id, flash, () -> issue.number(id, users.require()), "outgoing.issue.done.numbered", null, Map.of());
  }

  @PostMapping("/outgoing/{id}/issue/send")
  String send(@PathVariable String id, RedirectAttributes flash) {
    return act(id, flash, () -> issue.issue(id, users.require()), "outgoing.issue.done.issued", null, Map.of());
  }

  @PostMapping("/outgoing/{id}/issue/replaces")
  String replaces(@PathVariable String id, @RequestParam(required = false) String replacesId,
                  RedirectAttributes flash) {
    return act(id, flash, () -> issue.replaces(id, replacesId == null || replacesId.isBlank() ? null : replacesId,
        users.require()), "outgoing.replaces.done", "replaces-id", Map.of());
  }

  @PostMapping("/outgoing/{id}/issue/recall")
  String recall(@PathVariable String id, @RequestParam(required = false) String reason,
                @RequestParam(required = false) String orderedBy, RedirectAttributes flash) {
    return act(id, flash, () -> issue.recall(id, reason, orderedBy == null || orderedBy.isBlank() ? null : orderedBy,
        users.require()), "outgoing.recall.done", "recall-reason", typed("reason", reason, "orderedBy", orderedBy));
  }

  /**
   * Runs an action; a refusal comes back on the page in the reader's language as form errors on the form's control
   * (the recall's "who ordered it" on its own control), with what was typed put back; nothing changed.
   */
  private String act(String id, RedirectAttributes flash, Runnable action, String doneKey, String control,
                     Map<String, String> typed) {
    try {
      action.run();
      flash.addFlashAttribute("done", doneKey);
    } catch (UserError e) {
      if (e.status().value() == 404) {
        throw e;
      }
      String field = "outgoing-recall-ordered-by".equals(e.code()) ? "recall-ordered-by" : control;
      flash.addFlashAttribute("formErrors", FormErrors.none().add(field, english() ? e.messageEn() : e.messageVi()));
      flash.addFlashAttribute("typed", typed);
    }
    return "redirect:/outgoing/" + id + "/issue";
  }

  private static Map<String, String> typed(String... pairs) {
    Map<String, String> typed = new java.util.HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        typed.put(pairs[i], pairs[i + 1]);
      }
    }
    return typed;
  }

  private static boolean english() {
    return "en".equals(LocaleContextHolder.getLocale().getLanguage());
  }
}
