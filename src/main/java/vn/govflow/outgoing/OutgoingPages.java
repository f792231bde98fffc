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
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.Department;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/** The drafter's and the review chain's pages: the list, the new draft, one document with its actions. */
@Controller
class OutgoingPages {
  private final OutgoingDrafting drafting;
  private final CaseHistory history;
  private final FileService files;
  private final IdentityDirectory directory;
  private final OutgoingStaff staff;
  private final CurrentUserProvider users;
  private final ZoneId zone;

  OutgoingPages(OutgoingDrafting drafting, CaseHistory history, FileService files, IdentityDirectory directory,
                OutgoingStaff staff, CurrentUserProvider users,
                @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.staff = staff;
    this.drafting = drafting;
    this.history = history;
    this.files = files;
    this.directory = directory;
    this.users = users;
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
    return form(users.require(), model, Map.of(), null);
  }

  @PostMapping(value = "/outgoing/new", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String create(@RequestParam Map<String, String> fields,
                @RequestParam(value = "departments", required = false) List<String> departments,
                @RequestParam(value = "agencies", required = false) List<String> agencies,
                @RequestParam(value = "draft", required = false) MultipartFile draft,
                @RequestParam(value = "appendices", required = false) List<MultipartFile> appendices,
                Model model, Locale locale) {
    CurrentUser me = users.require();
    List<OutgoingDrafting.RecipientRequest> recipients = new ArrayList<>();
    (departments == null ? List.<String>of() : departments).forEach(d ->
        recipients.add(new OutgoingDrafting.RecipientRequest("DEPARTMENT", d, null, null, null, false)));
    (agencies == null ? List.<String>of() : agencies).forEach(a ->
        recipients.add(new OutgoingDrafting.RecipientRequest("AGENCY", null, a, null, null, false)));
    for (String line : fields.getOrDefault("outside", "").split("\\R")) {
      if (!line.isBlank()) {
        String[] parts = line.split(";", 2);
        String where = parts.length > 1 ? parts[1].trim() : "";
        boolean post = where.isEmpty() || where.toLowerCase(Locale.ROOT).contains("bưu");
        recipients.add(new OutgoingDrafting.RecipientRequest("OUTSIDE", null, null, parts[0].trim(),
            post ? null : where, post));
      }
    }
    try {
      OutgoingDocument d = drafting.create(new OutgoingDrafting.DraftRequest(fields.get("documentType"),
              fields.get("subject"), fields.get("urgency"), recipients, fields.get("replyToIncomingId")),
          upload(draft), appendices == null ? List.of() : appendices.stream()
              .filter(p -> p.getOriginalFilename() != null && !p.getOriginalFilename().isBlank())
              .map(OutgoingPages::upload).toList(), me);
      return "redirect:/outgoing/" + d.id();
    } catch (UserError e) {
      if (e.status().value() >= 500) {
        throw e;
      }
      return form(me, model, fields, problem(e, locale));
    }
  }

  record Problem(String message, List<String> details) {}

  private static Problem problem(UserError e, Locale locale) {
    boolean en = "en".equals(locale.getLanguage());
    return new Problem(en ? e.messageEn() : e.messageVi(),
        e.fieldProblems().stream().map(p -> en ? p.messageEn() : p.messageVi()).toList());
  }

  private String form(CurrentUser me, Model model, Map<String, String> fields, Problem problem) {
    model.addAttribute("me", me);
    model.addAttribute("fields", fields);
    model.addAttribute("problem", problem);
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
    return act(id, flash, locale, () -> drafting.uploadVersion(id, upload(file), note, users.require()));
  }

  @PostMapping(value = "/outgoing/{id}/final-pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String finalPdf(@PathVariable String id, @RequestParam(value = "file", required = false) MultipartFile file,
                  RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, () -> drafting.uploadFinalPdf(id, upload(file), users.require()));
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
    return act(id, flash, locale, () -> drafting.askOpinions(id, new OutgoingDrafting.OpinionRequest(usernames,
        units, others), users.require()));
  }

  @PostMapping("/outgoing/{id}/opinion")
  String opinion(@PathVariable String id, @RequestParam(required = false) String opinion, RedirectAttributes flash,
                 Locale locale) {
    return act(id, flash, locale, () -> {
      drafting.giveOpinion(id, opinion, users.require());
      return null;
    });
  }

  @PostMapping("/outgoing/{id}/submit")
  String submit(@PathVariable String id, RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, () -> {
      drafting.submit(id, users.require());
      return null;
    });
  }

  @PostMapping("/outgoing/{id}/review")
  String review(@PathVariable String id, @RequestParam(required = false) String decision,
                @RequestParam(required = false) String comment, RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, () -> {
      drafting.review(id, decision, comment, users.require());
      return null;
    });
  }

  @PostMapping("/outgoing/{id}/sign")
  String sign(@PathVariable String id, RedirectAttributes flash, Locale locale) {
    return act(id, flash, locale, () -> drafting.sign(id, users.require()));
  }

  /** Runs an action and comes back to the document, with the refusal's words when it was refused. */
  private String act(String id, RedirectAttributes flash, Locale locale, Supplier<Object> action) {
    try {
      action.get();
      flash.addFlashAttribute("done", true);
    } catch (UserError e) {
      if (e.status().value() >= 500 && e.status().value() != 503 || e.status().value() == 404) {
        throw e;
      }
      flash.addFlashAttribute("problem", problem(e, locale));
    }
    return "redirect:/outgoing/" + id;
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
