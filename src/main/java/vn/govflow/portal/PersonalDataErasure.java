package vn.govflow.portal;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditRedaction;
import vn.govflow.audit.AuditService;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.SearchText;
import vn.govflow.common.PersonalData;
import vn.govflow.common.error.UserError;
import vn.govflow.engine.ProcessDataRedaction;
import vn.govflow.notify.NotificationRedaction;

/** Erases an asker's personal data on their request (seed 003 Art 27.2), everywhere GovFlow keeps it. */
@Service
class PersonalDataErasure {
  private final PortalMapper mapper;
  private final PublicQuestions publicQuestions;
  private final QuestionFiles files;
  private final WorkingDayCalendar calendar;
  private final CaseHistory history;
  private final AuditService auditService;
  private final AuditRedaction auditRedaction;
  private final ProcessDataRedaction processRedaction;
  private final NotificationRedaction notificationRedaction;
  private final PublishedVersions published;

  PersonalDataErasure(PortalMapper mapper, PublicQuestions publicQuestions, QuestionFiles files,
                      WorkingDayCalendar calendar, CaseHistory history, AuditService auditService,
                      AuditRedaction auditRedaction, ProcessDataRedaction processRedaction,
                      NotificationRedaction notificationRedaction, PublishedVersions published) {
    this.mapper = mapper;
    this.publicQuestions = publicQuestions;
    this.files = files;
    this.calendar = calendar;
    this.history = history;
    this.auditService = auditService;
    this.auditRedaction = auditRedaction;
    this.processRedaction = processRedaction;
    this.notificationRedaction = notificationRedaction;
    this.published = published;
  }

  /**
   * Erases the asker's personal data (seed 003 Art 27.2) everywhere GovFlow keeps it: the question's record and
   * attached files, every text that repeats the asker's identity (the question, a drafted answer, their
   * published version, the search words, the staff's comments on its steps), the engine's runtime and history
   * of the case, the staff's notifications that repeat its title, and the audit log's rows about the question and its
   * files (their addresses and details, through the audit log's one redaction path). The question, and a
   * published answer, stay anonymous; the log keeps that an erasure happened.
   */
  @Transactional
  public void erase(String trackingCode) {
    PortalQuestion q = publicQuestions.track(trackingCode).orElseThrow(UserError::notFound);
    List<String> personal = personalValues(q);
    mapper.erasePersonalData(q.id(), OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS));
    PortalMapper.Texts texts = mapper.texts(q.id());
    List<String> folded = personal.stream().map(SearchText::fold).toList();
    mapper.setTexts(q.id(), new PortalMapper.Texts(PersonalData.redact(texts.question(), personal),
        PersonalData.redact(texts.answer(), personal), PersonalData.redact(texts.answerEn(), personal),
        PersonalData.redact(texts.searchText(), folded), PersonalData.redact(texts.draftAnswer(), personal),
        PersonalData.redact(texts.draftAnswerEn(), personal)));
    published.erase(q.id(), personal, folded);
    history.rewriteComments(PortalCaseType.TYPE, q.id(), c -> PersonalData.mentions(c, personal)
        ? PersonalData.redact(c, personal) : c);
    // Attachments often are identity papers: they go too (their bytes with the storage's next sweep).
    List<PortalMapper.FileRow> attached = files.list(q.id());
    files.eraseAll(q.id(), attached, "xóa dữ liệu cá nhân theo yêu cầu người hỏi " + q.trackingCode());
    PortalMapper.Handling h = mapper.handling(q.id());
    processRedaction.redact(h == null ? null : h.processInstanceId(), personal);
    // The staff's notifications repeat the case's title, the question's first words.
    notificationRedaction.redact(personal, List.of(q.trackingCode()));
    // The asker asks in person: their address is not kept on this row either.
    auditService.recordWithoutAddress("portal.question.erase-personal-data", "portal-question", q.id(),
        q.trackingCode());
    List<AuditRedaction.Target> targets = new ArrayList<>();
    targets.add(new AuditRedaction.Target("portal-question", q.id(), false));
    // A file's audit rows name it (names often are the asker's): they lose their detail.
    attached.forEach(f -> targets.add(new AuditRedaction.Target("file", f.id(), true)));
    auditRedaction.redact(null, null, "portal-question", q.id(),
        "Xóa dữ liệu cá nhân của người hỏi " + q.trackingCode() + " (seed 003 Art 27.2): địa chỉ truy cập và chi tiết"
            + " nhận diện trong nhật ký của câu hỏi và " + attached.size() + " tệp", targets, personal,
        List.of(q.trackingCode()));
    history.record(PortalCaseType.TYPE, q.id(), null, null, "PERSONAL_DATA_ERASED",
        "Xóa dữ liệu cá nhân theo yêu cầu của người hỏi" + (attached.isEmpty() ? "" : ", cùng " + attached.size()
            + " tệp đính kèm"));
  }

  /** What identifies the asker: the fields of seed 003 Art 11 that name, locate or reach them. */
  static List<String> personalValues(PortalQuestion q) {
    List<String> values = new ArrayList<>();
    for (String v : new String[] {q.fullName(), q.address(), q.organisationName(), q.headOfficeAddress(),
        q.establishmentDecision(), q.email(), q.phone(), q.clientIp()}) {
      if (v != null && !v.isBlank()) {
        values.add(v.strip());
      }
    }
    return values;
  }
}
