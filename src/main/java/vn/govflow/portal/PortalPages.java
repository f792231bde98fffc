package vn.govflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.govflow.common.error.UserError;
import vn.govflow.files.HeldUploads;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.web.FormErrors;

/** The citizens' pages, public by design: published answers, asking a question, following it by its code. */
@Controller
class PortalPages {
  private final PublicQuestions portal;
  private final QuestionSubmission submission;
  private final IdentityDirectory directory;
  private final HeldUploads pending;
  private final long maxAttachmentBytes;

  PortalPages(PublicQuestions portal, QuestionSubmission submission, IdentityDirectory directory,
              HeldUploads pending,
              @Value("${govflow.portal.max-attachment-bytes:10485760}") long maxAttachmentBytes) {
    this.portal = portal;
    this.submission = submission;
    this.directory = directory;
    this.pending = pending;
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  @GetMapping("/portal")
  String answers(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
                 @RequestParam(required = false) String agency, Model model) {
    model.addAttribute("answers", portal.published(q, field, agency).stream()
        .map(p -> PortalApiController.PublishedView.of(p, directory, portal)).toList());
    model.addAttribute("q", q);
    model.addAttribute("field", field);
    model.addAttribute("agency", agency);
    common(model);
    return "portal/index";
  }

  @GetMapping("/portal/answers/{id}")
  String answer(@PathVariable String id, Model model) {
    model.addAttribute("a", PortalApiController.PublishedView.of(portal.publishedAnswer(id)
        .orElseThrow(UserError::notFound), directory, portal));
    common(model);
    return "portal/answer";
  }

  @GetMapping("/portal/ask")
  String askForm(Model model) {
    model.addAttribute("form", new AskForm());
    // No errors yet: the fields still point at their hints (FormErrors.describedBy).
    model.addAttribute("formErrors", FormErrors.none());
    common(model);
    return "portal/ask";
  }

  @PostMapping("/portal/ask")
  String ask(@ModelAttribute("form") AskForm form,
             @RequestParam(name = "files", required = false) java.util.List<org.springframework.web.multipart.MultipartFile> files,
             HttpServletRequest http, Model model, Locale locale) {
    common(model);
    boolean en = "en".equals(locale.getLanguage());
    // The flood limit and the body limit were applied by PublicBodyLimits before the form was parsed.
    // Files kept from an earlier refused post come first, in their order, then the ones chosen now.
    // The asker is anonymous: the held files are found by the token alone (HeldUploads.ANONYMOUS).
    String token = form.getPendingFiles();
    java.util.List<Integer> removed = indexes(form.getRemoveFiles());
    java.util.List<QuestionSubmission.Attachment> all = new java.util.ArrayList<>();
    for (HeldUploads.HeldFile h : pending.held(token, HeldUploads.ANONYMOUS)) {
      if (!removed.contains(h.index())) {
        all.add(new QuestionSubmission.Attachment(h.name(), h.size(),
            pending.content(token, HeldUploads.ANONYMOUS, h.index())::open));
      }
    }
    java.util.List<QuestionSubmission.Attachment> chosen = PortalApiController.attachments(files);
    all.addAll(chosen);
    try {
      PortalQuestion q = submission.submit(form.toRequest(), all, http.getRemoteAddr());
      pending.discard(token, HeldUploads.ANONYMOUS);
      model.addAttribute("question", q);
      return "portal/asked";
    } catch (UserError e) {
      // A browser cannot keep chosen files across a refused post: GovFlow keeps them (HeldUploads).
      pending.remove(token, HeldUploads.ANONYMOUS, removed);
      java.util.List<UserError.FieldProblem> problems = new java.util.ArrayList<>();
      for (QuestionSubmission.Attachment a : chosen) {
        String shown = shownName(a.name());
        String stored = QuestionChecks.storedName(a.name());
        // Files over the limits were named by the question's own checks already; they are simply not kept.
        if (stored == null || a.size() > maxAttachmentBytes
            || pending.held(token, HeldUploads.ANONYMOUS).size() >= QuestionChecks.MAX_ATTACHMENTS) {
          continue;
        }
        HeldUploads.Result r = pending.hold(token, HeldUploads.ANONYMOUS, "files", shown, stored, a.content()::open);
        token = r.token() == null ? token : r.token();
        if (!r.held()) {
          problems.add(new UserError.FieldProblem("files", "Tệp \"" + shown + "\": " + r.refusal().messageVi(),
              "File \"" + shown + "\": " + r.refusal().messageEn()));
        }
      }
      java.util.List<HeldUploads.HeldFile> held = pending.held(token, HeldUploads.ANONYMOUS);
      form.setPendingFiles(held.isEmpty() ? null : token);
      form.setRemoveFiles(null);
      model.addAttribute("heldFiles", held);
      model.addAttribute("formErrors", formErrors(e, problems, en));
      return "portal/ask";
    }
  }

  /** The held files the asker unticked (their indexes; anything else in the post is ignored). */
  private static java.util.List<Integer> indexes(java.util.List<String> values) {
    return values == null ? java.util.List.of() : values.stream().filter(v -> v != null && v.matches("\\d{1,6}"))
        .map(Integer::valueOf).toList();
  }

  /** The name as the asker knows it, without the path some browsers send. */
  static String shownName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** The refusal as the page shows it: each problem linked to the control to fix (ids are the fields' names). */
  static FormErrors formErrors(UserError e, java.util.List<UserError.FieldProblem> fileProblems, boolean en) {
    FormErrors errors = FormErrors.none();
    if (e.fieldProblems().isEmpty()) {
      // A file the storage refused is named by the hold's own messages; a complaint points at its choice.
      if (!(e.code() != null && e.code().startsWith("file-") && !fileProblems.isEmpty())) {
        String field = "portal-complaint".equals(e.code()) ? "category1"
            : e.code() != null && e.code().startsWith("file-") ? "files" : null;
        errors.add(field, en ? e.messageEn() : e.messageVi());
      }
    }
    for (UserError.FieldProblem p : e.fieldProblems()) {
      errors.add(controlId(p.field()), en ? p.messageEn() : p.messageVi());
    }
    for (UserError.FieldProblem p : fileProblems) {
      errors.add("files", en ? p.messageEn() : p.messageVi());
    }
    return errors;
  }

  /** The radio groups' problems point at their first radio (Thymeleaf numbers th:field radios from 1). */
  private static String controlId(String field) {
    return switch (field == null ? "" : field) {
      case "" -> null;
      case "askerType" -> "askerType1";
      case "category" -> "category1";
      default -> field;
    };
  }

  @GetMapping("/portal/track")
  String track(@RequestParam(required = false) String code, Model model) {
    common(model);
    model.addAttribute("code", code);
    if (code != null && !code.isBlank()) {
      portal.trackPublic(code.trim().toUpperCase()).ifPresentOrElse(
          q -> model.addAttribute("t", PortalApiController.tracking(q, portal, directory)),
          () -> model.addAttribute("notFound", true));
    }
    return "portal/track";
  }

  private void common(Model model) {
    model.addAttribute("fields", PortalFields.ALL);
    model.addAttribute("agencies", directory.agencies());
  }

  /** The ask form's fields. */
  public static class AskForm {
    private String askerType = "INDIVIDUAL";
    private String category = "hoi-dap";
    private String fullName;
    private String nationality = "Việt Nam";
    private String occupation;
    private String address;
    private String organisationName;
    private String representativePosition;
    private String establishmentDecision;
    private String headOfficeAddress;
    private String email;
    private String phone;
    private String field;
    private String agencyCode;
    private String question;
    private boolean consent;
    /** The token of files kept from a refused post, and the ones the asker unticked (HeldUploads). */
    private String pendingFiles;
    private java.util.List<String> removeFiles;

    QuestionRequest toRequest() {
      return new QuestionRequest(askerType, category, fullName, nationality, occupation, address, organisationName,
          representativePosition, establishmentDecision, headOfficeAddress, email, phone, field, agencyCode,
          question, consent);
    }

    public String getCategory() { return category; }
    public void setCategory(String v) { category = v; }
    public String getAskerType() { return askerType; }
    public void setAskerType(String v) { askerType = v; }
    public String getFullName() { return fullName; }
    public void setFullName(String v) { fullName = v; }
    public String getNationality() { return nationality; }
    public void setNationality(String v) { nationality = v; }
    public String getOccupation() { return occupation; }
    public void setOccupation(String v) { occupation = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String v) { organisationName = v; }
    public String getRepresentativePosition() { return representativePosition; }
    public void setRepresentativePosition(String v) { representativePosition = v; }
    public String getEstablishmentDecision() { return establishmentDecision; }
    public void setEstablishmentDecision(String v) { establishmentDecision = v; }
    public String getHeadOfficeAddress() { return headOfficeAddress; }
    public void setHeadOfficeAddress(String v) { headOfficeAddress = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getField() { return field; }
    public void setField(String v) { field = v; }
    public String getAgencyCode() { return agencyCode; }
    public void setAgencyCode(String v) { agencyCode = v; }
    public String getQuestion() { return question; }
    public void setQuestion(String v) { question = v; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean v) { consent = v; }
    public String getPendingFiles() { return pendingFiles; }
    public void setPendingFiles(String v) { pendingFiles = v; }
    public java.util.List<String> getRemoveFiles() { return removeFiles; }
    public void setRemoveFiles(java.util.List<String> v) { removeFiles = v; }
  }
}
