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
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

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

  IncomingPages(IncomingService incoming, IncomingRegistration registration, RegisterQueries registerQueries,
                FileService files, CurrentUserProvider users, IdentityDirectory directory,
                @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone, CaseHistory history,
                RegisterClosings closings, ExchangeInbox exchange) {
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
      closing(year, model);
      return "incoming/closing";
    }
  }

  @GetMapping("/incoming/new")
  String newDocument(Model model) {
    CurrentUser me = users.require();
    return registrationForm(me, model, null, null);
  }

  /** The clerk's registration form (multipart: the fields and one or more files). */
  @org.springframework.web.bind.annotation.PostMapping(value = "/incoming/new",
      consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
  String register(@org.springframework.web.bind.annotation.ModelAttribute RegistrationForm form,
                  @RequestParam(value = "files", required = false) List<org.springframework.web.multipart.MultipartFile> parts,
                  Model model, java.util.Locale locale,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
    CurrentUser me = users.require();
    List<IncomingRegistration.Upload> uploads = parts == null ? List.of() : parts.stream()
        .filter(p -> p.getOriginalFilename() != null && !p.getOriginalFilename().isBlank())
        .map(p -> new IncomingRegistration.Upload(p.getOriginalFilename(), p::getInputStream)).toList();
    try {
      IncomingRegistration.Registered r = registration.register(form.toRequest(zone), uploads, me);
      flash.addFlashAttribute("registered", r.arrivalNumber() + "/" + r.document().regYear());
      return "redirect:/incoming/" + r.id();
    } catch (UserError e) {
      if (e.status().value() >= 500) {
        throw e;
      }
      boolean en = "en".equals(locale.getLanguage());
      List<String> details = e.fieldProblems().stream().map(p -> en ? p.messageEn() : p.messageVi()).toList();
      model.addAttribute("duplicateOf", e.extra().get("duplicateOf"));
      return registrationForm(me, model, form, new Problem(en ? e.messageEn() : e.messageVi(), details));
    }
  }

  record Problem(String message, List<String> details) {}

  private String registrationForm(CurrentUser me, Model model, RegistrationForm form, Problem problem) {
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
    model.addAttribute("problem", problem);
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
