package vn.govflow.outgoing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.SearchText;
import vn.govflow.casework.Urgency;
import vn.govflow.common.error.UserError;
import vn.govflow.documents.DocumentType;
import vn.govflow.files.FileService;
import vn.govflow.files.HeldUploads;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.Department;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.web.FormErrors;

/** The drafter's and the review chain's pages: the list, the new draft, one document with its actions. */
@Controller
class OutgoingPages {
  private final OutgoingDrafting drafting;
  private final CaseHistory history;
  private final FileService files;
  private final IdentityDirectory directory;
  private final OutgoingStaff staff;
  private final CurrentUserProvider users;
  private final HeldUploads pending;
  private final ZoneId zone;

  OutgoingPages(OutgoingDrafting drafting, CaseHistory history, FileService files, IdentityDirectory directory,
                OutgoingStaff staff, CurrentUserProvider users, HeldUploads pending,
                @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.staff = staff;
    this.drafting = drafting;
    this.history = history;
    this.files = files;
    this.directory = directory;
    this.users = users;
    this.pending = pending;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping("/outgoing")
  String list(@RequestParam(required = false) String status, Model model) {
    CurrentUser me = users.require();
    String filter = status == null || status.isBlank() ? null
        : Arrays.stream(OutgoingStatus.values()).map(Enum::name).filter(status::equals).findFirst().orElse(null);
    model.addAttribute("me", me);
    model.addAttribute("mine", drafting.list(me, null, true));
    model.addAttribute("documents", drafting.list(me, filter, false));
    model.addAttribute("statuses", OutgoingStatus.values());
    model.addAttribute("status", filter);
    model.addAttribute("names", names());
    return "outgoing/list";
  }

  @GetMapping("/outgoing/new")
  String newDraft(Model model) {
    return form(users.require(), model, Map.of(), List.of(), List.of(), null, null, List.of());
  }

  /**
   * A refused draft keeps what was typed, chosen and attached: the files wait on the server under pendingToken
   * (the browser cannot refill a file input), each with a "keep" box, and go through every check again on the next
   * submit. Nothing is saved by a refused submit.
   */
  @PostMapping(value = "/outgoing/new", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String create(@RequestParam Map<String, String> fields,
                @RequestParam(value = "departments", required = false) List<String> departments,
                @RequestParam(value = "agencies", required = false) List<String> agencies,
                @RequestParam(value = "draft", required = false) MultipartFile draft,
                @RequestParam(value = "appendices", required = false) List<MultipartFile> appendices,
                @RequestParam(value = "pendingToken", required = false) String token,
                @RequestParam(value = "keep", required = false) List<String> keep,
                Model model, Locale locale) {
    CurrentUser me = users.require();
    List<OutgoingDrafting.RecipientRequest> recipients = new ArrayList<>();
    // The form control each recipient came from, so a refusal of recipients[i] is shown beside that control.
    List<String> recipientControls = new ArrayList<>();
    (departments == null ? List.<String>of() : departments).forEach(d -> {
      recipients.add(new OutgoingDrafting.RecipientRequest("DEPARTMENT", d, null, null, null, false));
      recipientControls.add("departments");
    });
    (agencies == null ? List.<String>of() : agencies).forEach(a -> {
      recipients.add(new OutgoingDrafting.RecipientRequest("AGENCY", null, a, null, null, false));
      recipientControls.add("agencies");
    });
    for (String line : fields.getOrDefault("outside", "").split("\\R")) {
      if (!line.isBlank()) {
        String[] parts = line.split(";", 2);
        String where = parts.length > 1 ? parts[1].trim() : "";
        boolean post = where.isEmpty() || where.toLowerCase(Locale.ROOT).contains("bưu");
        recipients.add(new OutgoingDrafting.RecipientRequest("OUTSIDE", null, null, parts[0].trim(),
            post ? null : where, post));
        recipientControls.add("outside");
      }
    }
    String owner = me.username();
    List<HeldUploads.HeldFile> held = pending.held(token, owner);
    // The "keep" boxes carry the held files' positions in the list the form showed.
    List<HeldUploads.HeldFile> kept = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      if (keep != null && keep.contains(String.valueOf(i))) {
        kept.add(held.get(i));
      }
    }
    HeldUploads.HeldFile keptDraft = kept.stream().filter(h -> "draft".equals(h.field())).findFirst()
        .orElse(null);
    OutgoingDrafting.Upload draftUpload = upload(draft);
    if (draftUpload == null && keptDraft != null) {
      draftUpload = heldUpload(token, owner, keptDraft);
    }
    List<MultipartFile> newAppendices = appendices == null ? List.of() : appendices.stream()
        .filter(p -> p.getOriginalFilename() != null && !p.getOriginalFilename().isBlank()).toList();
    List<OutgoingDrafting.Upload> appendixUploads = new ArrayList<>();
    kept.stream().filter(h -> "appendices".equals(h.field()))
        .forEach(h -> appendixUploads.add(heldUpload(token, owner, h)));
    newAppendices.forEach(p -> appendixUploads.add(upload(p)));
    try {
      OutgoingDocument d = drafting.create(new OutgoingDrafting.DraftRequest(fields.get("documentType"),
          fields.get("subject"), fields.get("urgency"), recipients, fields.get("replyToIncomingId")),
          draftUpload, appendixUploads, me);
      pending.discard(token, owner);
      return "redirect:/outgoing/" + d.id();
    } catch (UserError e) {
      if (e.status().value() >= 500) {
        throw e;
      }
      FormErrors errors = draftErrors(e, locale, recipientControls);
      // Unticked files go; a draft refused for its own sake (its type) is not kept: the drafter chooses another,
      // and a newly chosen draft replaces the held one.
      List<Integer> drop = new ArrayList<>(held.stream().filter(h -> !kept.contains(h)).map(HeldUploads.HeldFile::index)
          .toList());
      if (keptDraft != null && (errors.has("draft") || upload(draft) != null)) {
        drop.add(keptDraft.index());
      }
      pending.remove(token, owner, drop);
      String heldUnder = token;
      if (!errors.has("draft") && upload(draft) != null) {
        heldUnder = hold(heldUnder, owner, "draft", draft, errors, locale);
      }
      for (MultipartFile p : newAppendices) {
        heldUnder = hold(heldUnder, owner, "appendices", p, errors, locale);
      }
      List<HeldUploads.HeldFile> nowHeld = pending.held(heldUnder, owner);
      return form(me, model, fields, departments == null ? List.of() : departments,
          agencies == null ? List.of() : agencies, errors, nowHeld.isEmpty() ? null : heldUnder, nowHeld);
    }
  }

  private OutgoingDrafting.Upload heldUpload(String token, String owner, HeldUploads.HeldFile h) {
    return new OutgoingDrafting.Upload(h.name(), pending.content(token, owner, h.index())::open);
  }

  /** Holds a file of the refused form; one the files module refuses is named beside its control instead. */
  private String hold(String token, String owner, String field, MultipartFile part, FormErrors errors, Locale locale) {
    HeldUploads.Result r = pending.hold(token, owner, field, part.getOriginalFilename(), part::getInputStream);
    if (!r.held()) {
      boolean en = "en".equals(locale.getLanguage());
      errors.add(field, r.refusal().name() + ": " + (en ? r.refusal().messageEn() : r.refusal().messageVi()));
    }
    return r.token() == null ? token : r.token();
  }

  /** The refusal of a draft as form errors, each on the control that holds the value refused. */
  private static FormErrors draftErrors(UserError e, Locale locale, List<String> recipientControls) {
    boolean en = "en".equals(locale.getLanguage());
    FormErrors errors = FormErrors.none();
    for (UserError.FieldProblem p : e.fieldProblems()) {
      String field = p.field() == null ? "" : p.field();
      String control = switch (field) {
        case "documentType", "subject", "urgency", "draft", "replyToIncomingId" -> field;
        case "recipients" -> "departments";
        default -> {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("recipients\\[(\\d+)]").matcher(field);
          int i = m.matches() ? Integer.parseInt(m.group(1)) : -1;
          yield i >= 0 && i < recipientControls.size() ? recipientControls.get(i) : null;
        }
      };
      errors.add(control, en ? p.messageEn() : p.messageVi());
    }
    if (e.fieldProblems().isEmpty()) {
      errors.add(null, en ? e.messageEn() : e.messageVi());
    }
    return errors;
  }

  private String form(CurrentUser me, Model model, Map<String, String> fields, List<String> chosenDepartments,
                      List<String> chosenAgencies, FormErrors errors, String pendingToken,
                      List<HeldUploads.HeldFile> held) {
    model.addAttribute("me", me);
    model.addAttribute("fields", fields);
    model.addAttribute("chosenDepartments", chosenDepartments);
    model.addAttribute("chosenAgencies", chosenAgencies);
    model.addAttribute("formErrors", errors);
    model.addAttribute("pendingToken", pendingToken);
    model.addAttribute("held", held);
    model.addAttribute("heldDraft", held.stream().anyMatch(h -> "draft".equals(h.field())));
    model.addAttribute("typeNames", DocumentType.knownNames());
    model.addAttribute("urgencies", Urgency.values());
    model.addAttribute("departments", directory.departments().stream()
        .filter(d -> d.agencyCode().equals(me.agencyCode())).toList());
    model.addAttribute("agencies", directory.agencies().stream()
        .filter(a -> a.active() && !a.code().equals(me.agencyCode())).toList());
    return "outgoing/new";
  }

  @GetMapping("/outgoing/{id}")
  String document(@PathVariable String id, Model model) {
    CurrentUser me = users.require();
    OutgoingDocument d = drafting.find(id, me).orElseThrow(UserError::notFound);
    List<Task> open = drafting.openTasks(d);
    Set<String> held = new java.util.HashSet<>();
    open.stream().filter(t -> drafting.holds(t, me)).forEach(t -> held.add(t.getTaskDefinitionKey()));
    model.addAttribute("me", me);
    model.addAttribute("doc", d);
    model.addAttribute("typeName", d.typeName());
    model.addAttribute("urgencyName", Urgency.byCode(d.urgency()).map(Urgency::nameVi).orElse(d.urgency()));
    model.addAttribute("versions", drafting.versions(d));
    List<OutgoingOpinion> opinions = drafting.opinions(d);
    Map<Integer, List<OutgoingOpinion>> byVersion = new LinkedHashMap<>();
    opinions.forEach(o -> byVersion.computeIfAbsent(o.versionNo(), k -> new ArrayList<>()).add(o));
    model.addAttribute("opinionsByVersion", byVersion);
    Map<String, String> askedNames = new LinkedHashMap<>();
    opinions.forEach(o -> askedNames.put(o.kind() + ":" + o.askedOf(), drafting.askedName(o)));
    model.addAttribute("askedNames", askedNames);
    model.addAttribute("recipients", drafting.recipients(d));
    model.addAttribute("appendices", drafting.appendices(d));
    model.addAttribute("lastReturn", drafting.lastReturn(d));
    model.addAttribute("openSteps", open.stream().map(Task::getTaskDefinitionKey).distinct().toList());
    model.addAttribute("held", held);
    model.addAttribute("drafter", me.username().equals(d.drafter()));
    model.addAttribute("names", names());
    model.addAttribute("signedFile", d.signedFileId() == null ? null
        : files.find(d.signedFileId(), me).orElse(null));
    model.addAttribute("entries", history.entries(OutgoingCaseType.TYPE, d.id(), at -> at.atZoneSameInstant(zone)
        .toOffsetDateTime()));
    if (held.contains("Task_Draft")) {
      addConsultChoices(model, me);
    }
    model.addAttribute("issueLinks", d.state() == OutgoingStatus.SIGNED || d.state() == OutgoingStatus.NUMBERED
        || d.state() == OutgoingStatus.ISSUED);
    return "outgoing/document";
  }

  @PostMapping(value = "/outgoing/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String uploadVersion(@PathVariable String id, @RequestParam(value = "file", required = false) MultipartFile file,
                       @RequestParam(required = false) String note, RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, "version-file", Map.of("note", "version-note"), typed("note", note),
        () -> drafting.uploadVersion(id, upload(file), note, users.require()));
  }

  @PostMapping(value = "/outgoing/{id}/final-pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String finalPdf(@PathVariable String id, @RequestParam(value = "file", required = false) MultipartFile file,
                  RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, "final-pdf", Map.of(), Map.of(),
        () -> drafting.uploadFinalPdf(id, upload(file), users.require()));
  }

  /** One choice of the consultation picker: "person:username", "department:id" or "agency:code". */
  record Choice(String value, String label, String search) {}

  /** People (name, position, department), departments of the agency and other agencies of the province. */
  private void addConsultChoices(Model model, CurrentUser me) {
    java.text.Collator vietnamese = java.text.Collator.getInstance(Locale.forLanguageTag("vi"));
    boolean en = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    List<Choice> people = directory.people().stream()
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && me.agencyCode().equals(p.agencyCode())
            && !p.username().equals(me.username()))
        .sorted(java.util.Comparator.comparing(Person::fullName, vietnamese))
        .map(p -> {
          String position = directory.jobPosition(p.jobPositionCode())
              .map(j -> en && j.nameEn() != null ? j.nameEn() : j.name()).orElse(null);
          String department = directory.department(p.departmentId())
              .map(x -> en && x.nameEn() != null ? x.nameEn() : x.name()).orElse(null);
          String label = p.fullName() + (position == null ? "" : " – " + position)
              + (department == null ? "" : " – " + department);
          return new Choice("person:" + p.username(), label, SearchText.fold(label + " " + p.username()));
        }).toList();
    List<Choice> departments = directory.departments().stream()
        // Only departments with a head: the head is whom the department's opinion is asked of.
        .filter(x -> x.agencyCode().equals(me.agencyCode()) && !staff.departmentHeads(x.id(), null).isEmpty())
        .sorted(java.util.Comparator.comparing(Department::name, vietnamese))
        .map(x -> {
          String label = en && x.nameEn() != null ? x.nameEn() : x.name();
          return new Choice("department:" + x.id(), label, SearchText.fold(x.name() + " " + x.shortName()));
        }).toList();
    List<Choice> agencies = directory.agencies().stream()
        .filter(a -> a.active() && !a.code().equals(me.agencyCode()))
        .sorted(java.util.Comparator.comparing(Agency::name, vietnamese))
        .map(a -> {
          String label = en && a.nameEn() != null ? a.nameEn() : a.name();
          return new Choice("agency:" + a.code(), label, SearchText.fold(a.name() + " " + a.shortName()));
        }).toList();
    model.addAttribute("consultPeople", people);
    model.addAttribute("consultDepartments", departments);
    model.addAttribute("consultAgencies", agencies);
  }

  /**
   * The picker sends "kind:id" values; the older typed fields (people, departments, agencies) still work. The
   * service validates every choice: an unknown one is refused and nothing is saved.
   */
  @PostMapping("/outgoing/{id}/opinions")
  String consult(@PathVariable String id, @RequestParam(value = "consultees", required = false) List<String> chosen,
                 @RequestParam(required = false) String people,
                 @RequestParam(value = "departments", required = false) List<String> departments,
                 @RequestParam(value = "agencies", required = false) List<String> agencies,
                 RedirectAttributes flash, Locale locale) {
    List<String> usernames = new ArrayList<>(people == null ? List.of() : Arrays.stream(people.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList());
    List<String> units = new ArrayList<>(departments == null ? List.of() : departments);
    List<String> others = new ArrayList<>(agencies == null ? List.of() : agencies);
    for (String c : chosen == null ? List.<String>of() : chosen) {
      int colon = c.indexOf(':');
      String kind = colon < 0 ? "" : c.substring(0, colon);
      String value = c.substring(colon + 1).trim();
      switch (kind) {
        case "department" -> units.add(value);
        case "agency" -> others.add(value);
        // Anything else is taken as a person, so a forged value is refused by the person check.
        default -> usernames.add(value);
      }
    }
    return act(id, flash, locale, "consultees", Map.of(), Map.of("consultees", chosen == null ? List.of() : chosen),
        () -> drafting.askOpinions(id, new OutgoingDrafting.OpinionRequest(usernames, units, others),
            users.require()));
  }

  @PostMapping("/outgoing/{id}/opinion")
  String opinion(@PathVariable String id, @RequestParam(required = false) String opinion, RedirectAttributes flash,
                 Locale locale) {
    return act(id, flash, locale, "opinion", Map.of(), typed("opinion", opinion), () -> {
      drafting.giveOpinion(id, opinion, users.require());
      return null;
    });
  }

  @PostMapping("/outgoing/{id}/submit")
  String submit(@PathVariable String id, RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, null, Map.of(), Map.of(), () -> {
      drafting.submit(id, users.require());
      return null;
    });
  }

  @PostMapping("/outgoing/{id}/review")
  String review(@PathVariable String id, @RequestParam(required = false) String decision,
                @RequestParam(required = false) String comment, RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, "comment", Map.of(), typed("comment", comment), () -> {
      drafting.review(id, decision, comment, users.require());
      return null;
    });
  }

  @PostMapping("/outgoing/{id}/sign")
  String sign(@PathVariable String id, RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, null, Map.of(), Map.of(), () -> drafting.sign(id, users.require()));
  }

  /**
   * Runs an action and comes back to the document; a refusal comes back as form errors on the form's control
   * (control; a field of the refusal may name another: controls) with what was typed (typed) put back.
   */
  private String act(String id, RedirectAttributes flash, Locale locale, String control, Map<String, String> controls,
                     Map<String, ?> typed, Supplier<Object> action) {
    try {
      action.get();
      flash.addFlashAttribute("done", true);
    } catch (UserError e) {
      if (e.status().value() >= 500 && e.status().value() != 503 || e.status().value() == 404) {
        throw e;
      }
      boolean en = "en".equals(locale.getLanguage());
      FormErrors errors = FormErrors.none();
      e.fieldProblems().forEach(p -> errors.add(controls.getOrDefault(p.field(), control),
          en ? p.messageEn() : p.messageVi()));
      if (e.fieldProblems().isEmpty()) {
        errors.add(control, en ? e.messageEn() : e.messageVi());
      }
      flash.addFlashAttribute("formErrors", errors);
      flash.addFlashAttribute("typed", typed);
    }
    return "redirect:/outgoing/" + id;
  }

  private static Map<String, ?> typed(String name, String value) {
    return value == null ? Map.of() : Map.of(name, value);
  }

  /** Usernames → full names, for the lists and the versions' authors. */
  private Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    directory.people().forEach(p -> names.put(p.username(), p.fullName()));
    return names;
  }

  private static OutgoingDrafting.Upload upload(MultipartFile part) {
    return part == null || part.getOriginalFilename() == null || part.getOriginalFilename().isBlank() ? null
        : new OutgoingDrafting.Upload(part.getOriginalFilename(), part::getInputStream);
  }
}
