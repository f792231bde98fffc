package vn.govflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.Agency;
import vn.govflow.identity.IdentityDirectory;

/** The public side of Hỏi – Đáp: ask without signing in, then follow the question by its tracking code. */
@RestController
@RequestMapping("/api/v1/portal")
class PortalApiController {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private final QuestionSubmission submission;
  private final PublicQuestions portal;
  private final PersonalDataErasure erasure;
  private final IdentityDirectory directory;

  PortalApiController(QuestionSubmission submission, PublicQuestions portal, PersonalDataErasure erasure,
                      IdentityDirectory directory) {
    this.submission = submission;
    this.portal = portal;
    this.erasure = erasure;
    this.directory = directory;
  }

  record Submitted(String trackingCode, OffsetDateTime receivedAt, OffsetDateTime dueAt) {}

  @PostMapping(value = "/questions", consumes = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Submitted> ask(@RequestBody QuestionRequest request, HttpServletRequest http) {
    return submitted(request, java.util.List.of(), http);
  }

  /**
   * The same question with attached files: the part {@code question} (application/json) and up to five parts
   * {@code files} (PDF, office documents, text, images; 10 MB each).
   */
  @PostMapping(value = "/questions", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Submitted> askWithFiles(
      @org.springframework.web.bind.annotation.RequestPart("question") QuestionRequest request,
      @org.springframework.web.bind.annotation.RequestPart(name = "files", required = false)
      java.util.List<org.springframework.web.multipart.MultipartFile> files, HttpServletRequest http) {
    return submitted(request, attachments(files), http);
  }

  private ResponseEntity<Submitted> submitted(QuestionRequest request, java.util.List<QuestionSubmission.Attachment> files,
                                              HttpServletRequest http) {
    // The body limits and the flood limit per address ran before the body was read (PublicBodyLimits).
    PortalQuestion q = submission.submit(request, files, http.getRemoteAddr());
    return ResponseEntity.created(URI.create("/api/v1/portal/questions/" + q.trackingCode()))
        .body(new Submitted(q.trackingCode(), q.receivedAt(), q.dueAt()));
  }

  static java.util.List<QuestionSubmission.Attachment> attachments(
      java.util.List<org.springframework.web.multipart.MultipartFile> files) {
    return files == null ? java.util.List.of() : files.stream().filter(f -> f != null && !f.isEmpty())
        .map(f -> new QuestionSubmission.Attachment(f.getOriginalFilename(), f.getSize(), f::getInputStream)).toList();
  }

  /** The asker (who alone holds the code) asks for their personal data to be erased. */
  @PostMapping("/questions/{trackingCode}/erase-personal-data")
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
  void erase(@PathVariable String trackingCode) {
    erasure.erase(trackingCode);
  }

  record PublishedView(String id, String field, String fieldEn, String question, String answer, String answerEn,
                       Object citations, String answeringAgency, String answeringAgencyEn, OffsetDateTime receivedAt,
                       OffsetDateTime answeredAt, String approvedBy, String approvedByEn) {
    static PublishedView of(PortalMapper.Published p, IdentityDirectory directory, PublicQuestions portal) {
      String[] field = PortalFields.ALL.get(p.field());
      Object citations;
      try {
        citations = p.citations() == null ? java.util.List.of() : JSON.readValue(p.citations(), java.util.List.class);
      } catch (java.io.IOException e) {
        citations = java.util.List.of();
      }
      java.util.Optional<Agency> agency = p.answeringAgency() == null ? java.util.Optional.empty()
          : directory.agency(p.answeringAgency());
      return new PublishedView(p.id(), field == null ? p.field() : field[0], field == null ? p.field() : field[1],
          p.question(), p.answer(), p.answerEn(), citations, agency.map(Agency::name).orElse(null),
          agency.map(PortalApiController::nameEn).orElse(null), p.receivedAt(), p.answeredAt(),
          approver(portal, p.id(), false), approver(portal, p.id(), true));
    }
  }

  static String nameEn(Agency a) {
    return a.nameEn() == null || a.nameEn().isBlank() ? a.name() : a.nameEn();
  }

  /** Published answers (public), searched without diacritics, by field and answering agency. */
  @GetMapping("/answers")
  java.util.List<PublishedView> answers(@org.springframework.web.bind.annotation.RequestParam(required = false) String q,
                                        @org.springframework.web.bind.annotation.RequestParam(required = false) String field,
                                        @org.springframework.web.bind.annotation.RequestParam(required = false) String agency) {
    return portal.published(q, field, agency).stream().map(p -> PublishedView.of(p, directory, portal)).toList();
  }

  /** What the asker may see by the code: never the personal data they gave. */
  record Tracking(String trackingCode, String status, String field, String agencyName, OffsetDateTime receivedAt,
                  OffsetDateTime dueAt, String question, String answer, String answerEn, Object citations,
                  String answeringAgency, OffsetDateTime answeredAt, String rejectReason, String duplicateOf,
                  boolean appointment, String fieldEn, String answeringAgencyEn, String approvedBy,
                  String approvedByEn) {}

  private static String approver(PublicQuestions portal, String questionId, boolean english) {
    PublicQuestions.Approver a = portal.approver(questionId);
    return a == null ? null : english ? a.en() : a.vi();
  }

  @GetMapping("/questions/{trackingCode}")
  Tracking track(@PathVariable String trackingCode) {
    return tracking(portal.trackPublic(trackingCode).orElseThrow(UserError::notFound), portal, directory);
  }

  /** The tracking view, for the API and the page alike. */
  static Tracking tracking(PortalQuestion q, PublicQuestions portal, IdentityDirectory directory) {
    String[] field = PortalFields.ALL.get(q.field());
    PortalMapper.Answer a = portal.answer(q);
    Object citations = java.util.List.of();
    if (a != null && a.citations() != null) {
      try {
        citations = JSON.readValue(a.citations(), java.util.List.class);
      } catch (java.io.IOException e) {
        citations = java.util.List.of();
      }
    }
    PublicQuestions.Rejection rejection = "REJECTED".equals(q.status()) ? portal.rejection(q) : null;
    return new Tracking(q.trackingCode(), q.status(), field == null ? q.field() : field[0],
        q.agencyCode() == null ? null : directory.agency(q.agencyCode()).map(Agency::name).orElse(null),
        q.receivedAt(), q.dueAt(), q.question(), a == null ? null : a.answer(), a == null ? null : a.answerEn(),
        citations, a == null || a.answeringAgency() == null ? null
            : directory.agency(a.answeringAgency()).map(Agency::name).orElse(null), a == null ? null : a.answeredAt(),
        rejection == null ? null : rejection.reason(), rejection == null ? null : rejection.duplicateOfLink(),
        "IN_PROGRESS".equals(q.status()) && "special".equals(portal.classification(q)),
        field == null ? q.field() : field[1], a == null || a.answeringAgency() == null ? null
            : directory.agency(a.answeringAgency()).map(PortalApiController::nameEn).orElse(null),
        a == null ? null : approver(portal, q.id(), false), a == null ? null : approver(portal, q.id(), true));
  }
}
