package vn.govflow.portal;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.casework.SearchText;
import vn.govflow.identity.Agency;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.notify.MailOnce;

/**
 * Delivers the approved answer (seed 003 Art 11): records and publishes it, mails it to the asker when asked
 * to, and mails a special case's appointment; each e-mail goes at most once (MailOnce).
 */
@Component
class AnswerDelivery {
  private final PortalMapper mapper;
  private final QuestionCase cases;
  private final IdentityDirectory directory;
  private final WorkingDayCalendar calendar;
  private final AnswerMail mail;
  private final MailOnce mailOnce;
  private final PublishedVersions published;

  AnswerDelivery(PortalMapper mapper, QuestionCase cases, IdentityDirectory directory, WorkingDayCalendar calendar,
                 AnswerMail mail, MailOnce mailOnce, PublishedVersions published) {
    this.published = published;
    this.mapper = mapper;
    this.cases = cases;
    this.directory = directory;
    this.calendar = calendar;
    this.mail = mail;
    this.mailOnce = mailOnce;
  }

  void publish(DelegateExecution execution) {
    String questionId = cases.caseOf(execution);
    PortalMapper.Texts texts = mapper.texts(questionId);
    String answer = answer(texts, execution);
    mapper.setAnswer(questionId, answer, answerEn(texts, execution),
        Citations.json(execution.getVariable("citations")),
        (String) execution.getVariable("noCitationReason"),
        execution.getVariable("publication") == null ? "public" : execution.getVariable("publication").toString(),
        OffsetDateTime.now(calendar.zone()).truncatedTo(ChronoUnit.SECONDS),
        SearchText.fold(execution.getVariable("title") + " " + texts.question() + " " + answer));
    published.refreshSearch(questionId);
    cases.event(questionId, null, "ANSWERED", null);
  }

  /**
   * Sends a private (or public and private) answer to the asker's e-mail. Without an address or a mail server
   * the history says so, and the asker still reads the answer through the tracking code; an SMTP failure is
   * thrown so the engine retries and then raises an incident.
   */
  void sendAnswer(DelegateExecution execution) {
    String questionId = cases.caseOf(execution);
    PortalQuestion q = mapper.byId(questionId);
    if (q.email() == null) {
      cases.event(questionId, null, "ANSWER_NOT_SENT", q.anonymisedAt() != null
          ? "Người hỏi đã xóa dữ liệu cá nhân; câu trả lời xem qua mã tra cứu."
          : "Người hỏi không để lại thư điện tử" + (q.phone() == null ? "" : "; liên hệ qua điện thoại")
              + "; câu trả lời xem qua mã tra cứu.");
      return;
    }
    if (!mail.enabled()) {
      cases.event(questionId, null, "ANSWER_NOT_SENT", "Chưa cấu hình máy chủ thư; câu trả lời xem qua mã tra cứu.");
      return;
    }
    PortalMapper.Handling h = mapper.handling(questionId);
    String agencyName = directory.agency(h.answeringAgency()).map(Agency::name).orElse("Cơ quan trả lời");
    // Sent at most once: a retry of this step after a rollback or a crash finds the e-mail already sent.
    PortalMapper.Texts texts = mapper.texts(questionId);
    MailOnce.Result sent = mailOnce.send(questionId, MailOnce.PORTAL_ANSWER, messageId -> mail.send(q, agencyName,
        answer(texts, execution), answerEn(texts, execution),
        Citations.of(execution.getVariable("citations")), messageId));
    mapper.setAnswerSent(questionId, sent.sentAt().atZoneSameInstant(calendar.zone()).toOffsetDateTime()
        .truncatedTo(ChronoUnit.SECONDS));
    if (!cases.hasEvent(questionId, "ANSWER_SENT")) {
      cases.event(questionId, null, "ANSWER_SENT", mask(q.email()) + resentNote(sent));
    }
  }

  /**
   * The approved answer: the draft GovFlow stored (issue #13 item 24), or, for a question drafted before the draft
   * moved out of the process, its variable.
   */
  private static String answer(PortalMapper.Texts texts, DelegateExecution execution) {
    return texts.draftAnswer() != null ? texts.draftAnswer() : (String) execution.getVariable("answer");
  }

  /** The English answer, the same way; a draft stored without one has none (not the old variable's). */
  private static String answerEn(PortalMapper.Texts texts, DelegateExecution execution) {
    return texts.draftAnswer() != null ? texts.draftAnswerEn() : (String) execution.getVariable("answerEn");
  }

  /** Tells the asker of a special case the date by which the answer is promised (the appointment). */
  void sendAppointment(DelegateExecution execution) {
    String questionId = cases.caseOf(execution);
    PortalQuestion q = mapper.byId(questionId);
    OffsetDateTime due = ((Date) execution.getVariable("dueAt")).toInstant().atZone(calendar.zone()).toOffsetDateTime();
    String when = due.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
    if (q.email() == null || !mail.enabled()) {
      cases.event(questionId, null, "APPOINTMENT", "Hẹn trả lời trước " + when + " (người hỏi xem qua mã tra cứu"
          + (q.email() == null ? "" : "; chưa cấu hình máy chủ thư") + ").");
      return;
    }
    String agencyName = directory.agency(mapper.handling(questionId).answeringAgency()).map(Agency::name)
        .orElse("Cơ quan trả lời");
    MailOnce.Result sent = mailOnce.send(questionId, MailOnce.PORTAL_APPOINTMENT,
        messageId -> mail.sendAppointment(q, agencyName, when, messageId));
    if (!cases.hasEvent(questionId, "APPOINTMENT")) {
      cases.event(questionId, null, "APPOINTMENT", "Hẹn trả lời trước " + when + "; đã gửi thư " + mask(q.email())
          + resentNote(sent) + ".");
    }
  }

  /** Said in the history when the e-mail went again because an earlier try's outcome was unknown. */
  private static String resentNote(MailOnce.Result sent) {
    return sent.resentAfterUnknown() ? " (gửi lại sau sự cố; cùng Message-ID " + sent.messageId() + ")" : "";
  }

  private static String mask(String email) {
    int at = email.indexOf('@');
    return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
  }
}
