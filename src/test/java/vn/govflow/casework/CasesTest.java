package vn.govflow.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import vn.govflow.identity.Agency;

/** The casework API's own guarantees: every convention variable set, none overridable, rules never skipped. */
class CasesTest {
  static final CaseType TYPE = new CaseType("letters", "letters-letter", "letterId", "/letters/{id}", "Thư", "Letters",
      List.of(new CaseType.NavEntry("nav-letters", "/letters", "Thư", "Letters", Set.of())), true, 1);

  @Test
  void aStartedCaseCarriesEveryConventionVariable() {
    Agency owner = new Agency("000.00.12.H37", "skhcn", "Sở Khoa học và Công nghệ", "Department of Science", null,
        true);
    Date due = new Date();
    Map<String, Object> vars = Cases.variables(new CaseStart(TYPE, "id-1", owner, "x".repeat(300), Urgency.KHAN, due,
        Map.of("letterKind", "thank-you")));
    assertThat(vars).containsEntry("letterId", "id-1").containsEntry("agency", "skhcn")
        .containsEntry("agencyCode", "000.00.12.H37").containsEntry("urgency", "khan").containsEntry("dueAt", due)
        .containsEntry("letterKind", "thank-you").containsKeys(Cases.CONVENTION_VARIABLES.toArray(String[]::new));
    assertThat((String) vars.get("title")).hasSize(Cases.TITLE_MAX).endsWith("…");

    Map<String, Object> unowned = Cases.variables(new CaseStart(TYPE, "id-2", null, "t", Urgency.THUONG, null, null));
    assertThat(unowned).containsKeys(Cases.CONVENTION_VARIABLES.toArray(String[]::new));
    assertThat(unowned.get("agency")).isNull();
    assertThat(unowned.get("agencyCode")).isNull();
  }

  @Test
  void aSubsystemCannotOverrideAConventionVariable() {
    assertThatThrownBy(() -> Cases.variables(new CaseStart(TYPE, "id-1", null, "t", Urgency.THUONG, null,
        Map.of("agency", "other")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agency");
  }

  @Test
  void aTaskWithoutARuleEntryIsRefusedNotCompletedUnchecked() {
    StringBuilder ran = new StringBuilder();
    TaskListener rule = t -> ran.append(t.getTaskDefinitionKey());
    TaskRules rules = TaskRules.forProcess("letters-letter").task("Task_Sign", rule).noRules("Task_Read").build();
    DelegateTask sign = Mockito.mock(DelegateTask.class);
    Mockito.when(sign.getTaskDefinitionKey()).thenReturn("Task_Sign");
    rules.notify(sign);
    assertThat(ran).hasToString("Task_Sign");
    DelegateTask read = Mockito.mock(DelegateTask.class);
    Mockito.when(read.getTaskDefinitionKey()).thenReturn("Task_Read");
    rules.notify(read);
    DelegateTask renamed = Mockito.mock(DelegateTask.class);
    Mockito.when(renamed.getTaskDefinitionKey()).thenReturn("Task_Signature");
    assertThatThrownBy(() -> rules.notify(renamed)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Task_Signature");
    assertThatThrownBy(() -> TaskRules.forProcess("p").noRules("A").noRules("A"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void caseTypesRefuseTwoTypesForOneProcessAndLinkToTheCasePage() {
    CaseType twin = new CaseType("letters2", "letters-letter", "letterId", "/l/{id}", "T", "T", List.of(), false, 2);
    assertThatThrownBy(() -> new CaseTypes(List.of(TYPE, twin))).isInstanceOf(IllegalStateException.class);
    CaseTypes types = new CaseTypes(List.of(TYPE));
    assertThat(types.caseLink("letters-letter", "42")).contains("/letters/42");
    assertThat(types.caseLink("unknown", "42")).isEmpty();
    assertThatThrownBy(() -> new CaseType("L", "p", "i", "/x/{id}", "a", "b", List.of(), false, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
