package vn.govflow.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.CaseTextFields;
import vn.govflow.casework.CaseTexts;
import vn.govflow.casework.CaseType;
import vn.govflow.casework.CaseType.NavEntry;
import vn.govflow.casework.ReminderPolicy;
import vn.govflow.identity.Roles;

/** Portal questions as a case type: the staff pages and who sees them in the navigation. */
@Configuration
class PortalCaseType {
  static final String PROCESS_KEY = "portal-question";

  static final CaseType TYPE;

  static {
    Set<String> editorsAndLeaders = Set.of(Roles.PORTAL_EDITOR, Roles.HEAD, Roles.DEPUTY_HEAD, Roles.ADMIN);
    TYPE = new CaseType("portal", PROCESS_KEY, "questionId", "/questions/{id}", "Câu hỏi trên Cổng",
        "Portal questions",
        List.of(new NavEntry("nav-questions", "/questions", "Câu hỏi trên Cổng", "Portal questions",
                editorsAndLeaders),
            new NavEntry("nav-portal-report", "/reports/portal", "Báo cáo Hỏi – Đáp", "Q&A report",
                editorsAndLeaders)),
        true, 20);
  }

  @Bean
  CaseType portalQuestions() {
    return TYPE;
  }

  /**
   * The portal's editors follow every overdue question too (seed 003 Art 11: answers within the legal deadline),
   * and each escalation is a step of the question's history, shown on the staff question page (issue #13 item 18).
   */
  @Bean
  ReminderPolicy portalReminderPolicy(CaseHistory history) {
    return new ReminderPolicy() {
      @Override
      public String processKey() {
        return PROCESS_KEY;
      }

      @Override
      public Set<String> escalateAlsoTo() {
        return Set.of(Roles.PORTAL_EDITOR);
      }

      @Override
      public void recordEscalation(String questionId, String comment) {
        history.record(TYPE, questionId, null, null, "ESCALATED", comment);
      }
    };
  }

  /**
   * The question's text, up to 10,000 characters, stays in portal_question (after an erasure, as redacted there);
   * the task forms show it as {@code {{questionText}}} (issue #13 item 24).
   */
  @Bean
  CaseTexts portalQuestionTexts(PortalMapper mapper, AgencyChoices choices) {
    return new CaseTexts() {
      @Override
      public String processKey() {
        return PROCESS_KEY;
      }

      @Override
      public Map<String, Object> texts(String questionId) {
        PortalMapper.Texts texts = mapper.texts(questionId);
        if (texts == null || texts.question() == null) {
          return Map.of();
        }
        // The classification's coordinator choices (issue #13 item 12): every agency and person of the province,
        // read from the directory when the form is shown rather than stored in each question's process.
        Map<String, Object> values = new java.util.HashMap<>(Map.of("questionText", texts.question(),
            "coordinatorOptions", choices.coordinatorOptions(),
            "coordinatingAgencyOptions", choices.coordinatingAgencyOptions(choices.answeringAgency(questionId))));
        // The drafted answer (the approval's text, a returned draft's prefill); a question drafted before it moved
        // here has none and keeps its variables.
        if (texts.draftAnswer() != null) {
          values.put("answer", texts.draftAnswer());
        }
        if (texts.draftAnswerEn() != null) {
          values.put("answerEn", texts.draftAnswerEn());
        }
        return values;
      }
    };
  }

  /**
   * The drafted answer, up to 10,000 characters in each language, is stored in portal_question when the draft task
   * is completed, never as a process variable (issue #13 item 24). Each submission replaces the draft.
   */
  @Bean
  CaseTextFields portalDraftFields(PortalMapper mapper) {
    return new CaseTextFields() {
      @Override
      public String processKey() {
        return PROCESS_KEY;
      }

      @Override
      public Set<String> fields(String taskDefinitionKey) {
        return DRAFT_TASK.equals(taskDefinitionKey) ? DRAFT_FIELDS : Set.of();
      }

      @Override
      public Set<String> anyTaskFields() {
        return DRAFT_FIELDS;
      }

      @Override
      public void store(String questionId, String taskDefinitionKey, Map<String, Object> values) {
        mapper.setDraftAnswer(questionId, text(values.get("answer")), text(values.get("answerEn")));
      }
    };
  }

  static final String DRAFT_TASK = "Task_Draft";
  static final Set<String> DRAFT_FIELDS = Set.of("answer", "answerEn");

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
