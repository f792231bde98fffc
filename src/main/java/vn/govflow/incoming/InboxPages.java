package vn.govflow.incoming;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.govflow.casework.Urgency;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

/** The clerk's electronic inbox and one arrived document with its signature report (issue #9; Art 21.2). */
@Controller
class InboxPages {
  private final ExchangeInbox inbox;
  private final CurrentUserProvider users;
  private final IdentityDirectory directory;

  InboxPages(ExchangeInbox inbox, CurrentUserProvider users, IdentityDirectory directory) {
    this.inbox = inbox;
    this.users = users;
    this.directory = directory;
  }

  @GetMapping("/incoming/inbox")
  String list(Model model) {
    CurrentUser me = users.require();
    if (!me.hasRole(Roles.CLERK)) {
      throw UserError.forbidden("Chỉ văn thư xem hộp văn bản điện tử đến.", "Only a clerk sees the inbox.");
    }
    model.addAttribute("me", me);
    List<InboxEntry> entries = inbox.list(me, null);
    model.addAttribute("entries", entries);
    // A replacement (Art 18.3) says which earlier document it replaces, with a link to it.
    java.util.Map<String, InboxEntry> replaces = new java.util.HashMap<>();
    entries.forEach(e -> inbox.replaced(e).ifPresent(old -> replaces.put(e.id(), old)));
    model.addAttribute("replaces", replaces);
    model.addAttribute("urgencies", urgencyNames());
    return "incoming/inbox";
  }

  @GetMapping("/incoming/inbox/{id}")
  String entry(@PathVariable String id, Model model) {
    CurrentUser me = users.require();
    InboxEntry e = inbox.find(id, me).orElseThrow(UserError::notFound);
    boolean open = !InboxEntry.WITHDRAWN.equals(e.status());
    model.addAttribute("me", me);
    model.addAttribute("e", e);
    model.addAttribute("urgencyName", Urgency.byCode(e.urgency()).map(Urgency::nameVi).orElse(e.urgency()));
    model.addAttribute("files", open ? e.allFileIds().stream().map(f -> inbox.file(e, f))
        .flatMap(java.util.Optional::stream).toList() : List.of());
    InboxSignatures.Verification v = open ? inbox.verify(e) : null;
    model.addAttribute("verification", v);
    model.addAttribute("reported", inbox.reported(e));
    model.addAttribute("replaced", inbox.replaced(e).orElse(null));
    model.addAttribute("leaders", directory.people().stream().filter(p -> me.agencyCode().equals(p.agencyCode())
        && p.active() && (p.roles().contains(Roles.HEAD) || p.roles().contains(Roles.DEPUTY_HEAD))).toList());
    // Art 23.1, second sentence, as the API's forwardTo: a person or a department of the agency (rules in
    // IncomingStaff.forwardTarget, the same for both).
    java.text.Collator vietnamese = java.text.Collator.getInstance(Locale.forLanguageTag("vi"));
    model.addAttribute("forwardDepartments", directory.departments().stream()
        .filter(d -> me.agencyCode().equals(d.agencyCode()))
        .sorted(java.util.Comparator.comparing(vn.govflow.identity.Department::name, vietnamese)).toList());
    model.addAttribute("forwardPeople", directory.people().stream()
        .filter(p -> p.active() && me.agencyCode().equals(p.agencyCode())
            && vn.govflow.identity.Person.KIND_PERSON.equals(p.kind()))
        .sorted(java.util.Comparator.comparing(vn.govflow.identity.Person::fullName, vietnamese)).toList());
    return "incoming/inbox-entry";
  }

  @PostMapping("/incoming/inbox/{id}/accept")
  String accept(@PathVariable String id, @RequestParam(required = false) String directingLeader,
                @RequestParam(required = false) String forwardTo, @RequestParam(required = false) String lateReason,
                @RequestParam(required = false) Boolean confirmDuplicate, Model model, Locale locale,
                RedirectAttributes flash) {
    CurrentUser me = users.require();
    try {
      IncomingRegistration.Registered r = inbox.accept(id, new ExchangeInbox.Acceptance(Text.trim(directingLeader),
          Text.trim(forwardTo), Text.trim(lateReason), null, confirmDuplicate), me);
      flash.addFlashAttribute("registered", r.arrivalNumber() + "/" + r.document().regYear());
      return "redirect:/incoming/" + r.id();
    } catch (UserError e) {
      return problem(id, e, model, locale);
    }
  }

  @PostMapping("/incoming/inbox/{id}/refuse")
  String refuse(@PathVariable String id, @RequestParam(required = false) String reason, Model model, Locale locale) {
    try {
      inbox.refuse(id, reason, users.require());
      return "redirect:/incoming/inbox/" + id;
    } catch (UserError e) {
      return problem(id, e, model, locale);
    }
  }

  private String problem(String id, UserError e, Model model, Locale locale) {
    if (e.status().value() >= 500 || e.status().value() == 404) {
      throw e;
    }
    boolean en = "en".equals(locale.getLanguage());
    // The summary announces the refusal (issue #11); a problem about a control of this page links to it.
    vn.govflow.web.FormErrors errors = vn.govflow.web.FormErrors.none();
    boolean duplicate = "incoming-likely-duplicate".equals(e.code());
    if (e.fieldProblems().isEmpty()) {
      errors.add(duplicate ? "confirmDuplicate" : null, en ? e.messageEn() : e.messageVi());
    }
    for (vn.govflow.common.error.UserError.FieldProblem p : e.fieldProblems()) {
      errors.add(PAGE_FIELDS.contains(p.field()) ? p.field() : null, en ? p.messageEn() : p.messageVi());
    }
    model.addAttribute("formErrors", errors);
    model.addAttribute("duplicate", duplicate);
    return entry(id, model);
  }

  /** The controls of the entry page a refusal may point at. */
  private static final java.util.Set<String> PAGE_FIELDS = java.util.Set.of("directingLeader", "forwardTo",
      "lateReason", "reason");

  private static java.util.Map<String, String> urgencyNames() {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    for (Urgency u : Urgency.values()) {
      names.put(u.code(), u.nameVi());
    }
    return names;
  }
}
