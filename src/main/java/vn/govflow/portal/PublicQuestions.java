package vn.govflow.portal;

import static vn.govflow.portal.PortalValues.blank;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.SearchText;

/** What anyone reads without signing in: published answers, and a question followed by its tracking code. */
@Service
class PublicQuestions {
  private final PortalMapper mapper;
  private final WorkingDayCalendar calendar;
  private final vn.govflow.casework.CaseHistory history;
  private final vn.govflow.identity.IdentityDirectory directory;
  private final PublishedVersions published;

  PublicQuestions(PortalMapper mapper, WorkingDayCalendar calendar, vn.govflow.casework.CaseHistory history,
                  vn.govflow.identity.IdentityDirectory directory, PublishedVersions published) {
    this.mapper = mapper;
    this.published = published;
    this.calendar = calendar;
    this.history = history;
    this.directory = directory;
  }

  /** Who approved the answer, as the answer shows it: name and position, Vietnamese then English. */
  public record Approver(String vi, String en) {}

  /**
   * The leader who approved the answer (seed 003 Art 11.7: the one who answers is the agency's leader), from the
   * question's history: the last approval step. Null before an answer is approved.
   */
  public Approver approver(String questionId) {
    return history.steps(PortalCaseType.TYPE, questionId).stream()
        .filter(s -> "Task_Approve".equals(s.step()) && s.actor() != null)
        .reduce((first, second) -> second)
        .flatMap(s -> directory.person(s.actor()))
        .map(p -> {
          var position = p.jobPositionCode() == null ? Optional.<vn.govflow.identity.JobPosition>empty()
              : directory.jobPosition(p.jobPositionCode());
          return new Approver(p.fullName() + position.map(j -> ", " + j.name()).orElse(""),
              p.fullName() + position.map(j -> ", " + (j.nameEn() == null ? j.name() : j.nameEn())).orElse(""));
        }).orElse(null);
  }

  public List<PortalMapper.Published> published(String query, String field, String agencyCode) {
    List<String> terms = SearchText.likeTerms(query);
    return mapper.published(blank(field) ? null : field, blank(agencyCode) ? null : agencyCode, terms).stream()
        .map(p -> p.inZone(calendar.zone())).toList();
  }

  public Optional<PortalMapper.Published> publishedAnswer(String id) {
    return vn.govflow.common.Ids.isUuid(id) ? Optional.ofNullable(mapper.publishedById(id))
        .map(p -> p.inZone(calendar.zone())) : Optional.empty();
  }

  public Optional<PortalQuestion> track(String trackingCode) {
    if (trackingCode == null || !trackingCode.matches("HD-\\d{4}-[A-Z0-9]{8}")) {
      return Optional.empty();
    }
    return Optional.ofNullable(mapper.byTrackingCode(trackingCode)).map(q -> q.inZone(calendar.zone()));
  }

  /**
   * The question as the tracking page and API show it: the published version once an editor made one (issue #13
   * item 16), so no public page shows a text the editor took personal data out of.
   */
  public Optional<PortalQuestion> trackPublic(String trackingCode) {
    return track(trackingCode).map(q -> new PortalQuestion(q.id(), q.trackingCode(), q.askerType(), q.fullName(),
        q.nationality(), q.occupation(), q.address(), q.organisationName(), q.representativePosition(),
        q.establishmentDecision(), q.headOfficeAddress(), q.email(), q.phone(), q.field(), q.agencyCode(),
        published.publicQuestion(q.id(), q.question()), q.consent(), q.foreigner(), q.receivedAt(), q.dueAt(),
        q.status(), q.clientIp(), q.anonymisedAt()));
  }

  /** Why a question was refused, and the public page of the answer it duplicates (null when none). */
  public record Rejection(String reason, String duplicateOfLink) {}

  public Rejection rejection(PortalQuestion q) {
    return rejection(mapper.handling(q.id()));
  }

  /** The same for staff, who have read the question's handling already. */
  Rejection rejection(PortalMapper.Handling h) {
    String link = h.duplicateOf() == null || mapper.publishedById(h.duplicateOf()) == null ? null
        : "/portal/answers/" + h.duplicateOf();
    return new Rejection(h.rejectReason(), link);
  }

  /** own-remit, multi-sector or special once the agency's leader has classified it (else null). */
  public String classification(PortalQuestion q) {
    return mapper.handling(q.id()).classification();
  }

  /** The answer, once given (null before). */
  public PortalMapper.Answer answer(PortalQuestion q) {
    return "ANSWERED".equals(q.status()) ? mapper.answer(q.trackingCode()).inZone(calendar.zone()) : null;
  }
}
