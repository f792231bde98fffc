package vn.govflow.outgoing;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.casework.CaseTextFields;
import vn.govflow.casework.TaskRules;
import vn.govflow.engine.ModuleDelegates;

/** The beans outgoing-document names; each hands over to {@link OutgoingHandling}, where the rules live. */
@Configuration
@ModuleDelegates("outgoing")
class OutgoingDelegates {
  static final Set<String> OPINION_TASKS = Set.of("Task_GiveOpinion", "Task_AgencyOpinion");
  static final Set<String> COMMENT_TASKS = Set.of("Task_ReviewDepartment", "Task_ReviewDeputy", "Task_Sign");

  /** Task_Draft's start: the document is back with its handler (DRAFTING), the next step defaults to review. */
  @Bean
  ExecutionListener outgoingDraftStep(OutgoingHandling handling) {
    return handling::startDrafting;
  }

  @Bean
  TaskRules outgoingTaskRules(OutgoingHandling handling) {
    return TaskRules.forProcess(OutgoingCaseType.PROCESS_KEY)
        .task("Task_Draft", handling::checkDraft)
        .task("Task_GiveOpinion", handling::checkOpinion)
        .task("Task_AgencyOpinion", handling::checkOpinion)
        .task("Task_ReviewDepartment", handling::checkReview)
        .task("Task_ReviewDeputy", handling::checkReview)
        .task("Task_Sign", handling::checkSign)
        .task("Task_Issue", handling::checkIssued)
        // Who drafts, reviews and signs: from the directory, our tables and the outgoing-signer table only.
        .governing(OutgoingCaseType.TYPE.idVariable(), "drafter", "documentType", "signerLevel", "signers",
            "supervisors", "departmentHeads", "departmentReview")
        .build();
  }

  /**
   * Opinions and review comments are texts: taken out of the completion before the engine sees it (never process
   * variables) and written by the task's rules into out_opinion, out_document and the case history.
   */
  @Bean
  CaseTextFields outgoingTextFields() {
    return new CaseTextFields() {
      @Override
      public String processKey() {
        return OutgoingCaseType.PROCESS_KEY;
      }

      @Override
      public Set<String> fields(String taskDefinitionKey) {
        // The decision too: the rules read it from this completion, never the previous step's variable.
        return OPINION_TASKS.contains(taskDefinitionKey) ? Set.of("opinion")
            : COMMENT_TASKS.contains(taskDefinitionKey) ? Set.of("comment", "decision") : Set.of();
      }

      @Override
      public Set<String> anyTaskFields() {
        return Set.of("opinion", "comment", "decision");
      }

      @Override
      public void store(String businessKey, String taskDefinitionKey, Map<String, Object> values) {
        // The rules store them once checked (OutgoingHandling), with the acting person.
      }
    };
  }
}
