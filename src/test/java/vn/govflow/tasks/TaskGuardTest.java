package vn.govflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.govflow.common.error.UserError;

/** The task guard's rules on their own, without an engine: who may act, which fields a task takes. */
class TaskGuardTest {
  private static final Map<String, String> AGENCY = Map.of("anh", "skhcn", "mai", "skhcn", "thao", "vpubnd");
  private final TaskGuard guard = new TaskGuard(null, u -> Optional.ofNullable(AGENCY.get(u)));

  private static TaskGuard.TaskFacts task(String assignee) {
    return new TaskGuard.TaskFacts("t1", assignee, "pi1", Set.of("mai"), Set.of("skhcn-handler"),
        Set.of("outcome", "proposal", "citations"));
  }

  private static TaskGuard.Actor person(String id, String... groups) {
    return new TaskGuard.Actor(id, Set.of(groups), false);
  }

  private static final TaskGuard.Actor ADMIN = new TaskGuard.Actor("khai", Set.of("camunda-admin"), true);

  private static String code(Runnable r) {
    try {
      r.run();
      return null;
    } catch (UserError e) {
      return e.code();
    }
  }

  @Test
  void onlyTheHolderCompletesAndOnlyWithTheFormsFields() {
    assertThatCode(() -> guard.checkCompletion("anh", task("anh"), Map.of("outcome", "filed", "citations", List.of())))
        .doesNotThrowAnyException();
    assertThat(code(() -> guard.checkCompletion("mai", task("anh"), Map.of())))
        .isEqualTo("task-not-yours");
    assertThat(code(() -> guard.checkCompletion("anh", task(null), Map.of())))
        .isEqualTo("task-not-claimed");
    assertThat(code(() -> guard.checkCompletion("anh", task("anh"),
        Map.of("outcome", "filed", "leadHandler", "thao")))).isEqualTo("task-field-not-in-form");
    assertThat(code(() -> guard.checkCompletion("anh", task("anh"),
        Map.of("documentId", "other")))).isEqualTo("task-variable-governed");
  }

  @Test
  void aSubsystemsGoverningVariablesAreRefusedToAdministratorsToo() {
    TaskGuard withModule = new TaskGuard(null, u -> Optional.ofNullable(AGENCY.get(u)), () -> Set.of("signerLevel"));
    assertThat(code(() -> withModule.checkTaskVariables(ADMIN, task("anh"), List.of("signerLevel"))))
        .isEqualTo("task-variable-governed");
    assertThat(code(() -> withModule.checkTaskVariables(ADMIN, task("anh"), List.of("proposal")))).isNull();
    assertThat(code(() -> guard.checkTaskVariables(ADMIN, task("anh"), List.of("signerLevel")))).isNull();
  }

  @Test
  void aGoverningVariableIsRefusedEvenWhenAFormNamesIt() {
    TaskGuard.TaskFacts designed = new TaskGuard.TaskFacts("t1", "anh", "pi1", Set.of(), Set.of(),
        Set.of("agency", "outcome"));
    assertThatThrownBy(() -> guard.checkCompletion("anh", designed, Map.of("agency", "vpubnd")))
        .isInstanceOf(UserError.class).hasMessageContaining("agency");
    assertThatThrownBy(() -> guard.checkTaskVariables(ADMIN, designed, List.of("dueAt")))
        .isInstanceOf(UserError.class);
  }

  @Test
  void claimingIsForCandidatesAndNeverForSomeoneElse() {
    assertThatCode(() -> guard.checkClaim(person("mai"), task(null), "mai")).doesNotThrowAnyException();
    assertThatCode(() -> guard.checkClaim(person("anh", "skhcn-handler"), task(null), "anh"))
        .doesNotThrowAnyException();
    assertThat(code(() -> guard.checkClaim(person("thao", "vpubnd-handler"),
        task(null), "thao"))).isEqualTo("task-not-candidate");
    assertThat(code(() -> guard.checkClaim(person("mai"), task(null), "anh")))
        .isEqualTo("task-admin-only");
    assertThat(code(() -> guard.checkClaim(person("mai"), task("anh"), "mai")))
        .isEqualTo("task-claimed");
    // An administrator takes an open task; one someone holds is reassigned, not claimed (the engine's 500 else).
    assertThatCode(() -> guard.checkClaim(ADMIN, task(null), "khai")).doesNotThrowAnyException();
    assertThat(code(() -> guard.checkClaim(ADMIN, task("anh"), "khai"))).isEqualTo("task-claimed");
  }

  @Test
  void assigningIsForAdministratorsExceptHandingBackOnesOwn() {
    assertThatCode(() -> guard.checkAssign(ADMIN, task("anh"), "mai")).doesNotThrowAnyException();
    assertThatCode(() -> guard.checkAssign(person("anh"), task("anh"), null)).doesNotThrowAnyException();
    assertThat(code(() -> guard.checkAssign(person("anh"), task("anh"), "thao")))
        .isEqualTo("task-admin-only");
    // Handing back is the holder's alone.
    assertThat(code(() -> guard.checkAssign(person("mai"), task("anh"), null)))
        .isEqualTo("task-not-yours");
  }

  @Test
  void delegatingIsTheHoldersAndStaysInTheAgency() {
    assertThatCode(() -> guard.checkDelegate(person("anh"), task("anh"), "mai")).doesNotThrowAnyException();
    assertThat(code(() -> guard.checkDelegate(person("anh"), task("anh"), "thao")))
        .isEqualTo("task-delegate-outside");
    assertThat(code(() -> guard.checkDelegate(person("mai"), task("anh"), "mai")))
        .isEqualTo("task-not-yours");
    // An administrator reassigns; delegating someone's task (to another agency, say) is not theirs either.
    assertThat(code(() -> guard.checkDelegate(ADMIN, task("anh"), "thao"))).isEqualTo("task-not-yours");
  }

  @Test
  void variablesOfATaskAreTheHoldersFormFieldsOnly() {
    assertThatCode(() -> guard.checkTaskVariables(person("anh"), task("anh"), List.of("proposal")))
        .doesNotThrowAnyException();
    assertThat(code(() -> guard.checkTaskVariables(person("mai"), task("anh"),
        List.of("proposal")))).isEqualTo("task-not-yours");
    assertThat(code(() -> guard.checkTaskVariables(person("anh"), task("anh"),
        List.of("leadHandler")))).isEqualTo("task-field-not-in-form");
    assertThatCode(() -> guard.checkTaskVariables(ADMIN, task("anh"), List.of("leadHandler")))
        .doesNotThrowAnyException();
  }
}
