package vn.govflow.designer;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import vn.govflow.engine.ModelChecker;
import vn.govflow.engine.ModelRules;
import vn.govflow.engine.ModelVocabulary;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;

/**
 * Validation of a draft, the same for "validate" and "deploy": GovFlow's conventions ({@link ModelRules}, the rule
 * set the build's ModelLintTest runs), the sandbox ({@link ModelChecker}, which the engine's DeploymentCheck runs on
 * every deployment), the engine's own parse as a dry deploy (nothing written, the deployment cache untouched), and
 * every {@link DesignGate} bean.
 */
@Service
public class DesignValidation {
  private static final Pattern QUOTED_ID = Pattern.compile("(?:id|key) '([^']+)'");

  private final DesignModels models;
  private final ProcessEngine engine;
  private final AuthorizationService authorizations;
  private final IdentityDirectory directory;
  private final ObjectProvider<DesignGate> gates;
  private final ModelChecker checker;

  DesignValidation(DesignModels models, ProcessEngine engine, AuthorizationService authorizations,
                   IdentityDirectory directory, ObjectProvider<DesignGate> gates, ApplicationContext context) {
    this.models = models;
    this.engine = engine;
    this.authorizations = authorizations;
    this.directory = directory;
    this.gates = gates;
    Set<String> vocabulary = ModelVocabulary.beanNames();
    // The same "other bean" test as the engine's DeploymentCheck (engine/SandboxEnginePlugin).
    this.checker = new ModelChecker(name -> !vocabulary.contains(name) && context.containsBean(name));
  }

  /** Every problem of {@code content} as model {@code key} of {@code kind}, for {@code user} deploying it. */
  public List<DesignProblem> validate(DesignKind kind, String key, String agency, byte[] content, CurrentUser user) {
    Set<DesignProblem> problems = new LinkedHashSet<>();
    String module = models.module(kind, key);
    List<ModelRules.Finding> findings = switch (kind) {
      case BPMN -> ModelRules.bpmn(key, module, content, models.knownKeys(DesignKind.FORM)::contains,
          models.knownKeys(DesignKind.DMN)::contains);
      case DMN -> ModelRules.dmn(key, module, content);
      case FORM -> ModelRules.form(key, module, content);
    };
    for (ModelRules.Finding f : findings) {
      problems.add(new DesignProblem(f.elementId(), f.rule(), f.severity() == ModelRules.Severity.ERROR
          ? DesignProblem.Severity.ERROR : DesignProblem.Severity.WARNING, f.messageVi(), f.messageEn()));
    }
    boolean unreadable = findings.stream().anyMatch(f -> "xml".equals(f.rule()) || "json".equals(f.rule()));
    if (!unreadable) {
      for (ModelChecker.Problem p : checker.check(models.resourceName(kind, key), content, deployer(user))) {
        problems.add(DesignProblem.error(blankToNull(p.elementId(), models.resourceName(kind, key)),
            "govflow/" + p.rule(), p.messageVi(), p.messageEn()));
      }
      problems.addAll(dryDeploy(kind, key, content));
    }
    String variant = agency == null || agency.isBlank() ? null : agency;
    gates.orderedStream().forEach(g -> problems.addAll(g.check(kind, key, variant, content)));
    return new ArrayList<>(problems);
  }

  public static boolean ok(List<DesignProblem> problems) {
    return problems.stream().noneMatch(p -> p.severity() == DesignProblem.Severity.ERROR);
  }

  /** The engine's parse of the model, inside a command, writing nothing: its errors at their elements. */
  List<DesignProblem> dryDeploy(DesignKind kind, String key, byte[] content) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    List<DesignProblem> out = new ArrayList<>();
    String resource = models.resourceName(kind, key);
    try {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        if (kind == DesignKind.BPMN) {
          DeploymentEntity deployment = new DeploymentEntity();
          deployment.setName("designer-dry-run");
          deployment.setNew(true);
          ResourceEntity r = new ResourceEntity();
          r.setName(resource);
          r.setBytes(content);
          deployment.addResource(r);
          // BpmnParse builds the definitions in memory; only BpmnDeployer stores and caches them.
          org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer deployer = configuration.getDeployers().stream()
              .filter(d -> d instanceof org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer)
              .map(d -> (org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer) d).findFirst().orElseThrow();
          deployer.getBpmnParser().createParse().deployment(deployment)
              .sourceInputStream(new ByteArrayInputStream(content)).name(resource).execute();
        } else if (kind == DesignKind.DMN) {
          DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
          dmn.getTransformer().createTransform()
              .modelInstance(Dmn.readModelFromStream(new ByteArrayInputStream(content)))
              .transformDecisionRequirementsGraph();
        }
        return null;
      });
    } catch (ParseException e) {
      e.getResorceReports().forEach(report -> {
        report.getErrors().forEach(p -> out.add(DesignProblem.error(p.getMainElementId(), "engine-parse",
            "Bộ máy quy trình từ chối: " + p.getMessage(), "The engine refuses it: " + p.getMessage())));
        report.getWarnings().forEach(p -> out.add(DesignProblem.warning(p.getMainElementId(), "engine-parse",
            "Cảnh báo của bộ máy quy trình: " + p.getMessage(), "The engine warns: " + p.getMessage())));
      });
      if (out.isEmpty()) {
        out.add(DesignProblem.error(null, "engine-parse", "Bộ máy quy trình từ chối: " + e.getMessage(),
            "The engine refuses it: " + e.getMessage()));
      }
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      Matcher m = QUOTED_ID.matcher(message);
      out.add(DesignProblem.error(m.find() ? m.group(1) : null, "engine-parse",
          "Bộ máy quy trình từ chối: " + message, "The engine refuses it: " + message));
    }
    return out;
  }

  /** The person as DeploymentCheck sees them: a start trigger needs the right to start that process. */
  private ModelChecker.Deployer deployer(CurrentUser user) {
    if (user == null) {
      return ModelChecker.Deployer.BUILD;
    }
    List<String> groups = directory.groupIdsOf(user.username());
    return new ModelChecker.Deployer(true, key -> authorizations.isUserAuthorized(user.username(), groups,
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, key)
        && authorizations.isUserAuthorized(user.username(), groups, Permissions.CREATE, Resources.PROCESS_INSTANCE));
  }

  private static String blankToNull(String id, String resource) {
    return id == null || id.isBlank() || id.equals(resource) ? null : id;
  }
}
