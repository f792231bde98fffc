package vn.govflow.portal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.govflow.audit.AuditLog;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.HistoryEntry;
import vn.govflow.casework.SearchText;
import vn.govflow.common.error.UserError;
import vn.govflow.files.StoredFile;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;

/** The staff's side of the questions: their list, one question with the asker's details and files, a file. */
@Service
class StaffQuestions {
  private final PortalMapper mapper;
  private final WorkingDayCalendar calendar;
  private final IdentityDirectory directory;
  private final AuditLog audit;
  private final CaseHistory history;
  private final QuestionFiles files;
  private final PublicQuestions publicQuestions;

  StaffQuestions(PortalMapper mapper, WorkingDayCalendar calendar, IdentityDirectory directory, AuditLog audit,
                 CaseHistory history, QuestionFiles files, PublicQuestions publicQuestions) {
    this.mapper = mapper;
    this.calendar = calendar;
    this.directory = directory;
    this.audit = audit;
    this.history = history;
    this.files = files;
    this.publicQuestions = publicQuestions;
  }

  /** A line of the staff list, with its state against the deadline. */
  public record StaffRow(PortalMapper.Row row, String fieldName, String agencyName, boolean overdue, boolean late) {}

  /**
   * The questions a person handles: portal editors and administrators see all, an agency's staff those routed
   * to their agency. {@code state} is a status, or "OVERDUE" for open questions past their due date.
   */
  public List<StaffRow> staffList(CurrentUser me, String query, String state) {
    boolean all = me.hasRole(vn.govflow.identity.Roles.PORTAL_EDITOR) || me.isProvinceWide();
    if (!all && me.agencyCode() == null) {
      return List.of();
    }
    OffsetDateTime now = OffsetDateTime.now(calendar.zone());
    String status = state != null && List.of("RECEIVED", "IN_PROGRESS", "ANSWERED", "REJECTED").contains(state) ? state
        : null;
    return mapper.rows(all ? null : me.agencyCode(), status, "OVERDUE".equals(state) ? now : null, SearchText.likeTerms(query))
        .stream().map(r -> {
          String[] field = PortalFields.ALL.get(r.field());
          PortalMapper.Row z = new PortalMapper.Row(r.id(), r.trackingCode(), r.field(), r.answeringAgency(),
              r.status(), PortalQuestion.at(r.receivedAt(), calendar.zone()), PortalQuestion.at(r.dueAt(),
              calendar.zone()), PortalQuestion.at(r.answeredAt(), calendar.zone()), r.question());
          boolean open = "RECEIVED".equals(r.status()) || "IN_PROGRESS".equals(r.status());
          return new StaffRow(z, field == null ? r.field() : field[0], r.answeringAgency() == null ? null
              : directory.agency(r.answeringAgency()).map(a -> a.name()).orElse(r.answeringAgency()),
              open && r.dueAt().isBefore(now), r.answeredAt() != null && r.answeredAt().isAfter(r.dueAt()));
        }).toList();
  }

  /** Everything staff see about a question, personal data included: only for those handling it. */
  /**
   * {@code coordinating}: the viewer only coordinates (another agency's staff giving an opinion): the question,
   * read-only, with the asker's name but not their contact details or attachments (docs/decisions.md).
   */
  public record StaffView(PortalQuestion question, PortalMapper.Handling handling, String fieldName,
                          String askedAgencyName, String answeringAgencyName, List<PortalMapper.FileRow> files,
                          List<HistoryEntry> events, PublicQuestions.Rejection rejection, boolean coordinating) {}

  /** Steps whose comments speak of the asker's contact (a masked address): not for coordinators. */
  private static final java.util.Set<String> CONTACT_STEPS = java.util.Set.of("ANSWER_SENT", "ANSWER_NOT_SENT",
      "APPOINTMENT");

  /** Steps of a coordinator's opinion: the history names their agency beside them. */
  private static final java.util.Set<String> OPINION_STEPS = java.util.Set.of("Task_GiveOpinion",
      "Task_AgencyOpinion");

  /**
   * The question for a portal editor, a province-wide administrator, or staff of the agency it is routed to; for
   * a coordinator of this question (seed 003 Art 11.6b, 31.1c) the coordinator's view; 404 for anyone else
   * (another agency must not even learn that it exists). Reading personal data is audited.
   */
  public StaffView staffView(String id, CurrentUser me) {
    PortalQuestion q = vn.govflow.common.Ids.isUuid(id) ? mapper.byId(id) : null;
    q = q == null ? null : q.inZone(calendar.zone());
    PortalMapper.Handling h = q == null ? null : mapper.handling(id);
    if (q == null) {
      throw UserError.notFound();
    }
    boolean handling = me.hasRole(vn.govflow.identity.Roles.PORTAL_EDITOR) || me.isProvinceWide()
        || (h.answeringAgency() != null && h.answeringAgency().equals(me.agencyCode()));
    boolean coordinating = !handling && coordinates(id, me);
    if (!handling && !coordinating) {
      throw UserError.notFound();
    }
    audit.record(coordinating ? "portal.question.view-coordinating" : "portal.question.view", "portal-question",
        q.id(), q.trackingCode());
    String[] field = PortalFields.ALL.get(q.field());
    List<HistoryEntry> events = history.steps(PortalCaseType.TYPE, id).stream().map(st -> {
      HistoryEntry e = history.entry(PortalQuestion.at(st.occurredAt(), calendar.zone()), st.actor(),
          st.onBehalfOf(), st.step(), coordinating && CONTACT_STEPS.contains(st.step()) ? null : st.comment());
      String agency = OPINION_STEPS.contains(st.step()) && st.actor() != null ? directory.person(st.actor())
          .flatMap(p -> directory.agency(p.agencyCode())).map(a -> a.name()).orElse(null) : null;
      return agency == null || e.actorName() == null ? e : new HistoryEntry(e.occurredAt(),
          e.actorName() + " — " + agency, e.onBehalfOfName(), e.step(), e.comment());
    }).toList();
    return new StaffView(coordinating ? forCoordinator(q) : q, h, field == null ? q.field() : field[0],
        q.agencyCode() == null ? null : directory.agency(q.agencyCode()).map(a -> a.name()).orElse(q.agencyCode()),
        h.answeringAgency() == null ? null : directory.agency(h.answeringAgency()).map(a -> a.name())
            .orElse(h.answeringAgency()), coordinating ? List.of() : files.list(id), events,
        "REJECTED".equals(q.status()) ? publicQuestions.rejection(h) : null, coordinating);
  }

  /**
   * Whether the person coordinates this question: their agency was named as a coordinator, or they were by name.
   * The rows are written when the process creates the opinion tasks, so this holds while the task is open or done.
   */
  private boolean coordinates(String questionId, CurrentUser me) {
    return me.agencyCode() != null && mapper.coordinations(questionId).stream().anyMatch(c -> c.username() == null
        ? c.agencyCode().equals(me.agencyCode()) : c.username().equals(me.username()));
  }

  /** What a coordinator reads of the asker: who asks (name, organisation), never how to reach them. */
  private static PortalQuestion forCoordinator(PortalQuestion q) {
    return new PortalQuestion(q.id(), q.trackingCode(), q.askerType(), q.fullName(), null, null, null,
        q.organisationName(), null, null, null, null, null, q.field(), q.agencyCode(), q.question(), q.consent(),
        q.foreigner(), q.receivedAt(), q.dueAt(), q.status(), null, q.anonymisedAt());
  }


  /** An attachment of a question the viewer may read (else 404). */
  public StoredFile attachment(String questionId, String fileId, CurrentUser me) {
    StaffView v = staffView(questionId, me);
    if (v.files().stream().noneMatch(f -> f.id().equals(fileId))) {
      throw UserError.notFound();
    }
    return files.held(fileId).orElseThrow(UserError::notFound);
  }
}
