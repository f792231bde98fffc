package vn.govflow.portal;

import static vn.govflow.portal.PortalValues.blank;
import static vn.govflow.portal.PortalValues.trim;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.CaseDeadlines;
import vn.govflow.casework.CaseStart;
import vn.govflow.casework.Cases;
import vn.govflow.casework.SearchText;
import vn.govflow.casework.Urgency;
import vn.govflow.identity.IdentityDirectory;

/**
 * Receives citizens' and businesses' questions (seed 003 Art 11): once {@link QuestionChecks} accepts one, stores
 * it as typed with its files, starts its case, and gives back a tracking code and the date by which the answer is
 * due (5 working days from receipt, counted from 08:00 on working days; the agency may later classify it as 8 or,
 * with an appointment, up to 10).
 */
@Service
class QuestionSubmission {
  private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final PortalMapper mapper;
  private final QuestionChecks checks;
  private final QuestionFiles files;
  private final WorkingDayCalendar calendar;
  private final IdentityDirectory directory;
  private final AgencyChoices choices;
  private final AuditLog audit;
  private final Cases cases;
  private final CaseDeadlines deadlines;
  private final SecureRandom random = new SecureRandom();

  QuestionSubmission(PortalMapper mapper, QuestionChecks checks, QuestionFiles files, WorkingDayCalendar calendar,
                     IdentityDirectory directory, AgencyChoices choices, AuditLog audit, Cases cases,
                     CaseDeadlines deadlines) {
    this.mapper = mapper;
    this.checks = checks;
    this.files = files;
    this.calendar = calendar;
    this.directory = directory;
    this.choices = choices;
    this.audit = audit;
    this.cases = cases;
    this.deadlines = deadlines;
  }

  /** A file the asker attaches; {@code content} is opened once, while the question is stored. */
  public record Attachment(String name, long size, Content content) {}

  /** Opens an attachment's bytes. */
  @FunctionalInterface
  public interface Content {
    java.io.InputStream open() throws java.io.IOException;
  }

  @Transactional
  public PortalQuestion submit(QuestionRequest r, String clientIp) {
    return submit(r, List.of(), clientIp);
  }

  /**
   * Validates everything first (the question, then each file's count, size and type), then stores the files,
   * the question and its links and starts the process in one transaction: a refused question keeps nothing.
   */
  @Transactional
  public PortalQuestion submit(QuestionRequest r, List<Attachment> attachments, String clientIp) {
    QuestionChecks.Checked checked = checks.check(r, attachments);
    String type = checked.askerType();
    OffsetDateTime received = OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS);
    // What the asker is told at once; the classification recomputes it (portal-answer-deadline, row "received").
    OffsetDateTime due = calendar.deadline(received.toInstant(),
        deadlines.workingDays("portal-answer-deadline", org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValue("classification", "received").putValue("appointmentDays", null))).dueAt();
    // A foreign individual, or an organisation of another country (its nationality: where its head office is),
    // gets the answer in English too (seed 003 Art 8.2d); an organisation that names no nationality is Vietnamese.
    boolean foreigner = !isVietnamese(r.nationality());
    PortalQuestion q = new PortalQuestion(UUID.randomUUID().toString(), trackingCode(received), type,
        trim(r.fullName(), 100), trim(r.nationality(), 60), trim(r.occupation(), 100), trim(r.address(), 300),
        trim(r.organisationName(), 200), trim(r.representativePosition(), 100), trim(r.establishmentDecision(), 100),
        trim(r.headOfficeAddress(), 300), trim(r.email(), 200), trim(r.phone(), 30), r.field(),
        blank(r.agencyCode()) ? null : r.agencyCode().trim(), r.question(), true, foreigner, received, due,
        "RECEIVED", clientIp, null);
    mapper.insert(q);
    // Staff find it by its words from the start; publication later adds the answer's.
    mapper.setSearchText(q.id(), SearchText.fold(q.trackingCode() + " " + q.question()));
    files.store(q.id(), checked.files(), checked.names());
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put("trackingCode", q.trackingCode());
    vars.put("field", q.field());
    // Display-only variables for the task forms' texts: names, not codes.
    vars.put("fieldName", PortalFields.ALL.get(q.field())[0]);
    vars.put("askedAgencyName", q.agencyCode() == null ? "— (Ban biên tập chuyển)"
        : directory.agency(q.agencyCode()).map(a -> a.name()).orElse(q.agencyCode()));
    vars.put("foreigner", q.foreigner());
    vars.put("receivedAt", java.util.Date.from(received.toInstant()));
    vars.put("agencyOptions", choices.agencyOptions());
    vars.put("peopleOptions", new ArrayList<>());
    // A question asked without naming an agency has no owner until the editors route it.
    vn.govflow.identity.Agency owner = q.agencyCode() == null ? null : directory.agency(q.agencyCode()).orElse(null);
    String pi = cases.start(new CaseStart(PortalCaseType.TYPE, q.id(), owner, q.trackingCode() + " – "
        + (q.question().length() > 120 ? q.question().substring(0, 119) + "…" : q.question()), Urgency.THUONG,
        java.util.Date.from(due.toInstant()), vars));
    mapper.setProcessInstance(q.id(), pi);
    // Anonymous by design: the audit row carries the client address and the code, never the personal data.
    audit.record("portal.question.submit", "portal-question", q.id(), q.trackingCode() + ", " + checked.files().size()
        + " tệp");
    return q;
  }

  private String trackingCode(OffsetDateTime received) {
    StringBuilder sb = new StringBuilder("HD-").append(received.getYear()).append('-');
    for (int i = 0; i < 8; i++) {
      sb.append(CODE_CHARS[random.nextInt(CODE_CHARS.length)]);
    }
    return sb.toString();
  }

  private static boolean isVietnamese(String nationality) {
    String n = nationality == null ? "" : vn.govflow.files.FileNameRules.transliterate(nationality).trim().toLowerCase();
    return n.isEmpty() || n.equals("viet nam") || n.equals("vietnam") || n.equals("vn") || n.equals("vietnamese");
  }
}
