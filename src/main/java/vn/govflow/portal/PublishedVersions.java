package vn.govflow.portal;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.SearchText;
import vn.govflow.common.PersonalData;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.Roles;

/**
 * The published version of a question and its answer (issue #13 item 16; seed 003 Art 11.7 publishes answers,
 * Art 27.1 keeps personal data undisclosed): a portal editor takes out personal data the asker typed into the
 * text, at triage or at any time after; the public pages and API show that version from then on, staff the
 * original. docs/decisions.md says why publication does not wait for the edit.
 */
@Service
class PublishedVersions {
  static final int MAX_QUESTION = 10_000;
  static final int MAX_ANSWER = 20_000;

  private final PublicationMapper mapper;
  private final CaseHistory history;
  private final AuditLog audit;
  private final WorkingDayCalendar calendar;

  PublishedVersions(PublicationMapper mapper, CaseHistory history, AuditLog audit, WorkingDayCalendar calendar) {
    this.mapper = mapper;
    this.history = history;
    this.audit = audit;
    this.calendar = calendar;
  }

  /**
   * What the public reads (the edited text where there is one, else the original), and whether and when an
   * editor edited it. {@code answer} is null before the answer is given.
   */
  public record View(String question, String answer, String answerEn, boolean edited, OffsetDateTime editedAt,
                     String editedBy, boolean answered) {}

  public View of(String questionId) {
    PublicationMapper.Row r = mapper.row(questionId);
    if (r == null) {
      throw UserError.notFound();
    }
    return new View(or(r.publishedQuestion(), r.question()), or(r.publishedAnswer(), r.answer()),
        or(r.publishedAnswerEn(), r.answerEn()), r.editedAt() != null, PortalQuestion.at(r.editedAt(),
        calendar.zone()), r.editedBy(), "ANSWERED".equals(r.status()));
  }

  /** The question's text as the public reads it (tracking page and API included). */
  String publicQuestion(String questionId, String original) {
    PublicationMapper.Row r = mapper.row(questionId);
    return r == null ? original : or(r.publishedQuestion(), original);
  }

  /**
   * Saves the published version. Only portal editors (seed 003 Art 5.4, 22: the editorial board checks what the
   * portal publishes). The answer's texts are kept only once there is an answer; the English one only when the
   * answer has one. Recorded in the question's history (without the texts) and in the audit log.
   */
  @Transactional
  public View edit(String questionId, CurrentUser me, String question, String answer, String answerEn) {
    if (!me.hasRole(Roles.PORTAL_EDITOR)) {
      throw UserError.forbidden("Chỉ biên tập viên biên tập bản đăng công khai của câu hỏi.",
          "Only portal editors edit the published version of a question.");
    }
    PublicationMapper.Row r = vn.govflow.common.Ids.isUuid(questionId) ? mapper.row(questionId) : null;
    if (r == null) {
      throw UserError.notFound();
    }
    String q = required(question, MAX_QUESTION, "câu hỏi", "question");
    String a = r.answer() == null ? null : required(answer, MAX_ANSWER, "câu trả lời", "answer");
    String en = r.answerEn() == null ? null : required(answerEn, MAX_ANSWER, "câu trả lời tiếng Anh",
        "English answer");
    mapper.setPublished(questionId, q, a, en, search(q, a == null ? r.answer() : a),
        OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS), me.username());
    history.record(PortalCaseType.TYPE, questionId, me.username(), me.onBehalfOf(), "PUBLICATION_EDITED",
        "Biên tập bản đăng công khai (bỏ dữ liệu cá nhân)");
    audit.record("portal.question.publication-edit", "portal-question", questionId, null);
    return of(questionId);
  }

  /**
   * After the answer is published: the public search words follow the edited question when there is one, so a
   * word the editor took out does not find the question.
   */
  void refreshSearch(String questionId) {
    PublicationMapper.Row r = mapper.row(questionId);
    if (r != null && r.publishedQuestion() != null) {
      mapper.setSearch(questionId, search(r.publishedQuestion(), or(r.publishedAnswer(), r.answer())));
    }
  }

  /** Erasure (Art 27.2): the published version loses the asker's personal data too. */
  void erase(String questionId, Collection<String> personal, Collection<String> folded) {
    PublicationMapper.Row r = mapper.row(questionId);
    if (r == null || (r.publishedQuestion() == null && r.publishedAnswer() == null
        && r.publishedAnswerEn() == null)) {
      return;
    }
    mapper.rewrite(questionId, PersonalData.redact(r.publishedQuestion(), personal),
        PersonalData.redact(r.publishedAnswer(), personal), PersonalData.redact(r.publishedAnswerEn(), personal),
        PersonalData.redact(mapper.searchText(questionId), folded));
  }

  private static String search(String question, String answer) {
    return SearchText.fold(question + (answer == null ? "" : " " + answer));
  }

  private static String or(String edited, String original) {
    return edited != null ? edited : original;
  }

  private static String required(String text, int max, String nameVi, String nameEn) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw UserError.badRequest("portal-publication-empty", "Bản đăng công khai của " + nameVi
          + " không được để trống.", "The published " + nameEn + " must not be empty.");
    }
    if (t.length() > max) {
      throw UserError.badRequest("portal-publication-long", "Bản đăng công khai của " + nameVi + " dài quá "
          + max + " ký tự.", "The published " + nameEn + " is longer than " + max + " characters.");
    }
    return t;
  }
}
