package vn.govflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/**
 * The engine's pre-deployer: every deployment (the application's own at start, Cockpit's, the REST API's) passes
 * {@link ModelChecker} before anything is parsed or stored. A refusal is a 400 naming each element and rule; the
 * deployment's transaction rolls back, so nothing is deployed. A deployment is a person's when the engine has a
 * current authentication (the auto-deployment at start has none); a person's deployment that does not come
 * through the designer ({@link DesignerOnlyDeployments}) is refused with 403 before any other rule.
 */
final class DeploymentCheck implements Deployer {
  private final ModelChecker checker;
  private final java.util.function.Supplier<DeploymentOwnership> ownership;

  DeploymentCheck(ModelChecker checker) {
    this(checker, () -> null);
  }

  /** @param ownership looked up when a deployment is made (the designer's beans come after the engine). */
  DeploymentCheck(ModelChecker checker, java.util.function.Supplier<DeploymentOwnership> ownership) {
    this.checker = checker;
    this.ownership = ownership;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    CommandContext command = Context.getCommandContext();
    Authentication who = command == null ? null : command.getAuthentication();
    // Only a new deployment is a person's act; re-reading a stored one into the cache keeps the other rules.
    ModelChecker.Deployer deployer = who != null && who.getUserId() != null && deployment.isNew()
        ? new ModelChecker.Deployer(true, mayStart(command.getAuthorizationManager(), who))
        : ModelChecker.Deployer.BUILD;
    if (deployer.person() && !DesignerOnlyDeployments.throughDesigner()) {
      // Issue #10 item 5: a person's deployment comes through the designer only (its drafts, conventions, tests
      // and audited diff), whoever they are; REST, redeploy and any other path are refused before anything else.
      throw new ProcessEngineException("Deployment refused: not through the designer",
          DesignerOnlyDeployments.refusal());
    }
    List<ModelChecker.Problem> problems = new ArrayList<>();
    DeploymentOwnership owners = deployer.person() ? ownership.get() : null;
    if (owners != null) {
      // Issue #10 item 7: the same ownership rule as the designer's endpoint, on every path a person deploys by.
      owners.refusal(who.getUserId(), deployment.getTenantId()).ifPresent(message -> problems.add(
          new ModelChecker.Problem(deployment.getName(), "deployment", "owner", message[0], message[1])));
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      problems.addAll(checker.check(resource.getName(), resource.getBytes(), deployer));
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("Model refused: " + problems, refusal(problems));
    }
  }

  static UserError refusal(List<ModelChecker.Problem> problems) {
    List<UserError.FieldProblem> fields = problems.stream()
        .map(p -> new UserError.FieldProblem(p.elementId(), p.rule() + ": " + p.messageVi(),
            p.rule() + ": " + p.messageEn())).toList();
    String ids = String.join(", ", problems.stream().map(ModelChecker.Problem::elementId).distinct().toList());
    return new UserError(HttpStatus.BAD_REQUEST, "model-refused",
        "Mô hình không được triển khai vì vi phạm quy tắc an toàn tại: " + ids + ".",
        "The model was not deployed: it breaks the safety rules at: " + ids + ".", fields, java.util.Map.of());
  }

  /** The person may start a process by key: create-instance on the definition and create on instances. */
  private static Predicate<String> mayStart(AuthorizationManager authorizations, Authentication who) {
    return key -> authorizations.isAuthorized(who.getUserId(), who.getGroupIds(),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, key)
        && authorizations.isAuthorized(who.getUserId(), who.getGroupIds(), Permissions.CREATE,
        Resources.PROCESS_INSTANCE, null);
  }
}
