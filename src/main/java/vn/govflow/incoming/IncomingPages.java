package vn.govflow.incoming;

import vn.govflow.documents.DocumentType;
import vn.govflow.casework.CaseHistory;

import vn.govflow.casework.Urgency;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.govflow.common.error.UserError;
import vn.govflow.files.FileService;
import vn.govflow.files.HeldUploads;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.web.FormErrors;

/** The register as the paper form prints it, and one document with its phiếu giải quyết. */
@Controller
class IncomingPages {
  private final IncomingService incoming;
  private final IncomingRegistration registration;
  private final RegisterQueries registerQueries;
  private final FileService files;
  private final CurrentUserProvider users;
  private final IdentityDirectory directory;
  private final ZoneId zone;

  private final CaseHistory history;
  private final RegisterClosings closings;

  private final ExchangeInbox exchange;
  private final HeldUploads pending;
  private final RegistrationRules rules;

  IncomingPages(IncomingService incoming, IncomingRegistration registration, RegisterQueries registerQueries,
                FileService files, CurrentUserProvider users, IdentityDirectory directory,
                @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone, CaseHistory history,
                RegisterClosings closings, ExchangeInbox exchange, HeldUploads pending, RegistrationRules rules) {
    this.pending = pending;
    this.rules = rules;
    this.exchange = exchange;
    this.history = history;
    this.closings = closings;
    this.incoming = incoming;
    this.registration = registration;
    this.registerQueries = registerQueries;
    this.files = files;
    this.users = users;
    this.directory = directory;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping("/incoming/register")
  String register(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String q, Model model) {
    CurrentUser me = users.require();
    LocalDate today = LocalDate.now(zone);
    LocalDate start = from == null ? today.withDayOfYear(1) : from;
    LocalDate end = to == null ? today : to;
    List<RegisterQueries.RegisterRow> rows = new ArrayList<>();
    long total;
    if (q == null || q.isBlank()) {
      // The printed register holds every document of the period (issue #13 item 11: never cut off silently).
      for (int page = 0; ; page++) {
        RegisterQueries.Page p = registerQueries.registerAscending(me, start, end, page, RegisterExport.PAGE);
        rows.addAll(registerQueries.rows(p.items()));
        if (p.items().size() < RegisterExport.PAGE) {
          break;
        }
      }
      total = rows.size();
    } else {
      RegisterQueries.Page p = registerQueries.register(me, q, start, end, 0, SEARCH_ROWS);
      rows.addAll(registerQueries.rows(p.items()));
      total = p.total();
    }
    // A period inside one closed year prints that year's closing statement after the last row (Art 22.3b).
    if (start.getYear() == end.getYear() && (q == null || q.isBlank())) {
      closings.closing(me, start.getYear()).ifPresent(c -> model.addAttribute("closing", c));
    }
    model.addAttribute("total", total);
    model.addAttribute("me", me);
    model.addAttribute("rows", rows);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("q", q);
    return "incoming/register";
  }

  /** A search shows at most this many rows and says so when there are more. */
  static final int SEARCH_ROWS = 500;

  /** Sổ theo dõi giải quyết văn bản đến (App IV §VIII) and its report (App VI §V.2). */
  @GetMapping("/incoming/follow-up")
  String followUp(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  Model model) {
    CurrentUser me = users.require();
    LocalDate today = LocalDate.now(zone);
    LocalDate start = from == null ? today.withDayOfYear(1) : from;
    LocalDate end = to == null ? today : to;
    model.addAttribute("me", me);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("followUp", registerQueries.followUp(me, start, end, java.time.OffsetDateTime.now(zone)));
    return "incoming/follow-up";
  }

  /** A year's closing: the statement once closed, otherwise what it would say and (for the clerk) the button. */
  @GetMapping("/incoming/register/closing")
  String closing(@RequestParam(required = false) Integer year, Model model) {
    CurrentUser me = users.require();
    int y = year == null ? LocalDate.now(zone).getYear() - 1 : year;
    model.addAttribute("me", me);
    model.addAttribute("year", y);
    model.addAttribute("closing", closings.closing(me, y).orElse(null));
    model.addAttribute("preview", closings.preview(me, y));
    model.addAttribute("canClose", me.hasRole(vn.govflow.identity.Roles.CLERK) && y < LocalDate.now(zone).getYear());
    return "incoming/closing";
  }

  @org.springframework.web.bind.annotation.PostMapping("/incoming/register/closing")
  String close(@RequestParam int year, Model model, java.util.Locale locale) {
    CurrentUser me = users.require();
    try {
      closings.close(me, year);
      return "redirect:/incoming/register/closing?year=" + year;
    } catch (UserError e) {
      if (e.status().value() >= 500) {
        throw e;
      }
      model.addAttribute("problem", "en".equals(locale.getLanguage()) ? e.messageEn() : e.messageVi());
      model.addAttribute("pageErrors", true); // the title starts "Lỗi:" (issue #11)
      closing(year, model);
      return "incoming/closing";
    }
  }

  @GetMapping("/incoming/new")
  String newDocument(Model model) {
    CurrentUser me = users.require();
    return registrationForm(me, model, null, null, null);
  }

  /**
   * The clerk's registration form (multipart: the fields and one or more files). A refused registration shows the
   * form again with its errors (issue #11) and keeps the attached files, held under a token (HeldUploads), so
   * the clerk neither types nor attaches anything twice.
   */
  @org.springframework.web.bind.annotation.PostMapping(value = "/incoming/new",
      consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
  String register(@org.springframework.web.bind.annotation.ModelAttribute RegistrationForm form,
                  @RequestParam(value = "files", required = false) List<org.springframework.web.multipart.MultipartFile> parts,
                  @RequestParam(value = "heldToken", required = false) String heldToken,
                  @RequestParam(value = "removeHeld", required = false) List<Integer> removeHeld,
                  Model model, java.util.Locale locale,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
    CurrentUser me = users.require();
    boolean en = "en".equals(locale.getLanguage());
    String token = heldToken;
    List<HeldUploads.Refusal> refused = new ArrayList<>();
    if (me.hasRole(vn.govflow.identity.Roles.CLERK)) {
      pending.remove(token, me.username(), removeHeld);
      if (parts != null) {
        for (org.springframework.web.multipart.MultipartFile p : parts) {
          if (p.getOriginalFilename() != null && !p.getOriginalFilename().isBlank()) {
            if (pending.held(token, me.username()).size() >= RegistrationRules.MAX_FILES) {
              refused.add(new HeldUploads.Refusal(p.getOriginalFilename(), "Tối đa " + RegistrationRules.MAX_FILES
                  + " tệp.", "At most " + RegistrationRules.MAX_FILES + " files."));
              continue;
            }
            HeldUploads.Result r = pending.hold(token, me.username(), "files", p.getOriginalFilename(),
                p::getInputStream);
            token = r.token() == null ? token : r.token();
            if (!r.held()) {
              refused.add(r.refusal());
            }
          }
        }
      }
    }
    final String heldUnder = token;
    List<IncomingRegistration.Upload> uploads = pending.held(token, me.username()).stream()
        .map(h -> new IncomingRegistration.Upload(h.name(), pending.content(heldUnder, me.username(), h.index())::open))
        .toList();
    if (!me.hasRole(vn.govflow.identity.Roles.CLERK) && parts != null) {
      // No files are held for anyone else: the registration refuses them (403) as before.
      uploads = parts.stream().filter(p -> p.getOriginalFilename() != null && !p.getOriginalFilename().isBlank())
          .map(p -> new IncomingRegistration.Upload(p.getOriginalFilename(), p::getInputStream)).toList();
    }
    FormErrors errors = FormErrors.none();
    try {
      if (refused.isEmpty()) {
        IncomingRegistration.Registered r = registration.register(form.toRequest(zone), uploads, me);
        pending.discard(token, me.username());
        flash.addFlashAttribute("registered", r.arrivalNumber() + "/" + r.document().regYear());
        return "redirect:/incoming/" + r.id();
      }
      // A file was refused: nothing is registered without it, but the other fields are checked all the same.
      rules.check(form.toRequest(zone), uploads, me);
    } catch (UserError e) {
      if (e.status().value() >= 500) {
        throw e;
      }
      addErrors(errors, e, en);
      model.addAttribute("duplicateOf", e.extra().get("duplicateOf"));
    }
    for (HeldUploads.Refusal r : refused) {
      errors.add("files", r.name() + ": " + (en ? r.messageEn() : r.messageVi()));
    }
    return registrationForm(me, model, form, errors, token);
  }

  /** Each problem beside its control (the control's id is the problem's field); a whole-form refusal beside the
   * control that settles it. */
  private static void addErrors(FormErrors errors, UserError e, boolean en) {
    if (e.fieldProblems().isEmpty()) {
      String field = switch (e.code()) {
        case "incoming-likely-duplicate" -> "confirmDuplicate";
        case "incoming-secret" -> "secrecy";
        case "incoming-register-closed" -> "arrivedAt";
        default -> e.code().startsWith("file-") ? "files" : null;
      };
      errors.add(field, en ? e.messageEn() : e.messageVi());
      return;
    }
    for (UserError.FieldProblem p : e.fieldProblems()) {
      String field = p.field() == null || p.field().equals("file") ? "files" : p.field();
      errors.add(field, en ? p.messageEn() : p.messageVi());
    }
  }

  private String registrationForm(CurrentUser me, Model model, RegistrationForm form, FormErrors errors,
                                  String heldToken) {
    model.addAttribute("me", me);
    model.addAttribute("form", form == null ? new RegistrationForm() : form);
    model.addAttribute("typeNames", DocumentType.knownNames());
    model.addAttribute("urgencies", Urgency.values());
    model.addAttribute("agencies", directory.agencies());
    model.addAttribute("leaders", directory.people().stream().filter(p -> me.agencyCode().equals(p.agencyCode())
        && (p.roles().contains(vn.govflow.identity.Roles.HEAD) || p.roles().contains(vn.govflow.identity.Roles.DEPUTY_HEAD)))
        .toList());
    // Art 23.1, second sentence: the clerk may pass a document straight to a known person or department.
    java.text.Collator vietnamese = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
    model.addAttribute("forwardDepartments", directory.departments().stream()
        .filter(d -> me.agencyCode().equals(d.agencyCode()))
        .sorted(java.util.Comparator.comparing(vn.govflow.identity.Department::name, vietnamese)).toList());
    model.addAttribute("forwardPeople", directory.people().stream()
        .filter(p -> p.active() && me.agencyCode().equals(p.agencyCode()))
        .sorted(java.util.Comparator.comparing(vn.govflow.identity.Person::fullName, vietnamese)).toList());
    model.addAttribute("formErrors", errors);
    List<HeldUploads.HeldFile> held = pending.held(heldToken, me.username());
    model.addAttribute("held", held);
    model.addAttribute("heldToken", held.isEmpty() ? null : heldToken);
    return "incoming/new";
  }

  @GetMapping("/incoming/{id}")
  String document(@PathVariable String id, Model model) {
    CurrentUser me = users.require();
    IncomingDocument d = incoming.find(id, me).orElseThrow(UserError::notFound);
    model.addAttribute("me", me);
    model.addAttribute("doc", d);
    model.addAttribute("typeName", d.typeName());
    model.addAttribute("urgencyName", Urgency.byCode(d.urgency()).map(Urgency::nameVi).orElse(""));
    model.addAttribute("files", incoming.fileIds(d).stream().map(f -> files.find(f, me)).flatMap(Optional::stream)
        .toList());
    model.addAttribute("events", history.entries(IncomingCaseType.TYPE, d.id(), at -> at));
    model.addAttribute("leadHandlerName", d.leadHandler() == null ? null
        : directory.person(d.leadHandler()).map(Person::fullName).orElse(d.leadHandler()));
    model.addAttribute("replacement", exchange.replacement(d.id()));
    return "incoming/document";
  }
}
