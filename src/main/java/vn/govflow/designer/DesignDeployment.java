package vn.govflow.designer;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;
import vn.govflow.engine.DesignerOnlyDeployments;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;

/**
 * Deploys a draft from the designer: validated again, tagged with its version tag, deployed AS the designer (so the
 * engine's DeploymentCheck sees a person and their start rights), audited with the diff against the deployed
 * version.
 *
 * <p>Processes bind their decisions and forms by deployment ({@code decisionRefBinding}/{@code formRefBinding}
 * "deployment", and CaseDeadlines reads {@code <module>-task-deadline} from the process's own deployment). So one
 * deployment carries the changed model together with the latest version of every model of its module it must work
 * with: a process goes with its module's decisions and forms; a decision or form goes with every process of the
 * module that uses it (and that process's other decisions and forms). New cases take the new versions; running
 * ones keep their deployment's.
 */
@Service
public class DesignDeployment {
  static final String SOURCE = "govflow-designer";
  private static final Pattern VERSION_TAG = Pattern.compile("[\\p{L}\\p{N} ._+\\-]{1,64}");

  public record Result(String deploymentId, int version, List<String> resources) {}

  private final DesignModels models;
  private final DesignDrafts drafts;
  private final DesignValidation validation;
  private final DesignOwnership ownership;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final IdentityDirectory directory;
  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  DesignDeployment(DesignModels models, DesignDrafts drafts, DesignValidation validation, DesignOwnership ownership,
                   RepositoryService repository, IdentityService identity, IdentityDirectory directory,
                   ProcessEngine engine, JdbcTemplate jdbc, AuditLog audit) {
    this.models = models;
    this.drafts = drafts;
    this.validation = validation;
    this.ownership = ownership;
    this.repository = repository;
    this.identity = identity;
    this.directory = directory;
    this.engine = engine;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public Result deploy(DesignKind kind, String key, String agency, Integer revision, String versionTag,
                       String comment, CurrentUser user) {
    ownership.requireMayDeploy(user, agency);
    DesignDrafts.Draft draft = (revision == null ? drafts.latest(kind, key, agency)
        : drafts.revision(kind, key, agency, revision)).orElseThrow(() -> UserError.badRequest("draft-missing",
        "Không có bản nháp để triển khai; hãy lưu bản nháp trước.", "There is no draft to deploy; save one first."));
    String tag = versionTag == null || versionTag.isBlank() ? null : versionTag.strip();
    if (tag != null && !VERSION_TAG.matcher(tag).matches()) {
      throw UserError.badRequest("version-tag", "Nhãn phiên bản chỉ gồm chữ, số, dấu cách, '.', '_', '+', '-' "
          + "(tối đa 64 ký tự).", "A version tag holds letters, digits, spaces, '.', '_', '+', '-' (at most 64).");
    }
    byte[] content = tagged(kind, key, draft.content(), tag).getBytes(StandardCharsets.UTF_8);
    List<DesignProblem> problems = validation.validate(kind, key, agency, content, user);
    if (!DesignValidation.ok(problems)) {
      throw refused(problems);
    }
    Map<String, byte[]> resources = bundle(kind, key, agency, content);
    // What new cases ran until now: the variant's deployed version, else the shared one, else the shipped file.
    byte[] before = models.current(kind, key, agency).orElse(null);
    DeploymentWithDefinitions deployment;
    identity.setAuthentication(user.username(), directory.groupIdsOf(user.username()));
    try {
      DeploymentBuilder builder = repository.createDeployment().name("designer " + key).source(SOURCE);
      if (agency != null) {
        builder.tenantId(agency);
      }
      resources.forEach((name, bytes) -> builder.addString(name, new String(bytes, StandardCharsets.UTF_8)));
      // The one scope the engine's DeploymentCheck accepts a person's deployment in (issue #10 item 5).
      deployment = DesignerOnlyDeployments.deploy(builder::deployWithResult);
    } catch (ProcessEngineException e) {
      if (e.getCause() instanceof UserError refusal) {
        // The engine's DeploymentCheck: the same rules validate ran, so this is a race or a companion model.
        List<DesignProblem> engineProblems = refusal.fieldProblems().stream()
            .map(p -> DesignProblem.error(p.field(), "govflow/deployment-check", p.messageVi(), p.messageEn()))
            .toList();
        throw refused(engineProblems);
      }
      throw refused(List.of(DesignProblem.error(null, "engine-deploy", "Bộ máy quy trình từ chối: " + e.getMessage(),
          "The engine refuses it: " + e.getMessage())));
    } finally {
      identity.clearAuthentication();
    }
    int version = version(kind, key, deployment.getId());
    DesignDiff.Result diff = DesignDiff.of(kind, before, content);
    String note = comment == null ? null : comment.length() <= 1000 ? comment : comment.substring(0, 1000);
    long row = record(deployment.getId(), kind, key, agency, draft.revision(), tag, note, user.username(),
        String.join(",", resources.keySet()), diff);
    audit.record("designer.deploy", "design-" + kind.code(), DesignDrafts.objectId(key, agency),
        ("v" + version + (tag == null ? "" : " (" + tag + ")") + " deployment " + deployment.getId()
        + " from draft " + draft.revision() + "; " + diff.summary() + "; diff: dsg_deployment " + row
        + (note == null ? "" : "; " + note)));
    return new Result(deployment.getId(), version, new ArrayList<>(resources.keySet()));
  }

  /** Every deployment made from the designer for one model, newest first. */
  public List<Map<String, Object>> history(DesignKind kind, String key, String agency) {
    return jdbc.queryForList("SELECT id, deployment_id, revision, version_tag, comment, deployed_by, deployed_at, "
        + "resources, summary, diff FROM dsg_deployment WHERE kind = ? AND model_key = ? AND agency_code = ? "
        + "ORDER BY id DESC", kind.code(), key, DesignDrafts.agencyColumn(agency));
  }

  static UserError refused(List<DesignProblem> problems) {
    List<Map<String, Object>> list = problems.stream().map(DesignerController::problemJson).toList();
    String ids = String.join(", ", problems.stream().filter(p -> p.severity() == DesignProblem.Severity.ERROR)
        .map(p -> p.elementId() == null ? "(mô hình)" : p.elementId()).distinct().toList());
    return new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "model-refused",
        "Mô hình không được triển khai vì còn lỗi tại: " + ids + ".",
        "The model was not deployed: it has errors at: " + ids.replace("(mô hình)", "(model)") + ".",
        List.of(), Map.of("problems", list));
  }

  /** The changed model with every model of its module it works with (see the class comment). */
  Map<String, byte[]> bundle(DesignKind kind, String key, String agency, byte[] content) {
    return bundle(kind, key, content, models.module(kind, key), models::keysOfModule,
        (k, other) -> models.current(k, other, agency), models::resourceName);
  }

  /**
   * The bundle for any source of models: the release at start (ReleaseDeployment) passes its shipped files and
   * contents, the designer the deployed ones. {@code current} gives a companion's content for this deployment.
   */
  static Map<String, byte[]> bundle(DesignKind kind, String key, byte[] content, String module,
                                    BiFunction<DesignKind, String, List<String>> keysOfModule,
                                    BiFunction<DesignKind, String, Optional<byte[]>> current,
                                    BiFunction<DesignKind, String, String> resourceName) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(resourceName.apply(kind, key), content);
    List<String> processes = new ArrayList<>();
    if (kind == DesignKind.BPMN) {
      processes.add(key);
    } else {
      for (String process : keysOfModule.apply(DesignKind.BPMN, module)) {
        Optional<byte[]> xml = current.apply(DesignKind.BPMN, process);
        if (xml.isPresent() && uses(new String(xml.get(), StandardCharsets.UTF_8), kind, key)) {
          out.put(resourceName.apply(DesignKind.BPMN, process), xml.get());
          processes.add(process);
        }
      }
    }
    if (!processes.isEmpty()) {
      for (DesignKind companion : new DesignKind[] {DesignKind.DMN, DesignKind.FORM}) {
        for (String other : keysOfModule.apply(companion, module)) {
          if (companion == kind && other.equals(key)) {
            continue;
          }
          current.apply(companion, other).ifPresent(bytes -> out.put(resourceName.apply(companion, other), bytes));
        }
      }
    }
    return out;
  }

  /** Does the process use the decision or form? By reference, or the module's task deadlines by caseDeadlines. */
  static boolean uses(String processXml, DesignKind kind, String key) {
    String attribute = kind == DesignKind.DMN ? "decisionRef" : "formRef";
    if (Pattern.compile("\\b" + attribute + "=\"" + Pattern.quote(key) + "\"").matcher(processXml).find()) {
      return true;
    }
    return kind == DesignKind.DMN && key.endsWith("-task-deadline") && processXml.contains("caseDeadlines.");
  }

  /** The draft with {@code camunda:versionTag} set on the process (BPMN) or the decision (DMN). */
  static String tagged(DesignKind kind, String key, String xml, String tag) {
    if (tag == null || kind == DesignKind.FORM) {
      return xml;
    }
    String element = kind == DesignKind.BPMN ? "process" : "decision";
    String ns = kind == DesignKind.BPMN ? "http://camunda.org/schema/1.0/bpmn" : "http://camunda.org/schema/1.0/dmn";
    Matcher prefixMatch = Pattern.compile("xmlns:([\\w.-]+)=\"" + Pattern.quote(ns) + "\"").matcher(xml);
    String prefix = prefixMatch.find() ? prefixMatch.group(1) : null;
    Matcher start = Pattern.compile("<([\\w.-]+:)?" + element + "\\b[^>]*?\\bid=\"" + Pattern.quote(key)
        + "\"[^>]*?(/?)>").matcher(xml);
    if (!start.find()) {
      return xml;
    }
    String open = start.group();
    String escaped = tag.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    String replaced;
    Matcher existing = Pattern.compile("\\b[\\w.-]+:versionTag=\"[^\"]*\"").matcher(open);
    if (existing.find()) {
      String p = existing.group().substring(0, existing.group().indexOf(':'));
      replaced = existing.replaceFirst(Matcher.quoteReplacement(p + ":versionTag=\"" + escaped + "\""));
    } else {
      String attribute = (prefix == null ? "camunda" : prefix) + ":versionTag=\"" + escaped + "\""
          + (prefix == null ? " xmlns:camunda=\"" + ns + "\"" : "");
      int end = open.endsWith("/>") ? open.length() - 2 : open.length() - 1;
      replaced = open.substring(0, end) + " " + attribute + open.substring(end);
    }
    return xml.substring(0, start.start()) + replaced + xml.substring(start.end());
  }

  private int version(DesignKind kind, String key, String deploymentId) {
    return switch (kind) {
      case BPMN -> {
        ProcessDefinition d = repository.createProcessDefinitionQuery().deploymentId(deploymentId)
            .processDefinitionKey(key).singleResult();
        yield d == null ? 0 : d.getVersion();
      }
      case DMN -> {
        DecisionDefinition d = repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
            .decisionDefinitionKey(key).singleResult();
        yield d == null ? 0 : d.getVersion();
      }
      case FORM -> {
        CamundaFormDefinitionEntity d = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired().execute(c -> c.getCamundaFormDefinitionManager()
                .findDefinitionByDeploymentAndKey(deploymentId, key));
        yield d == null ? 0 : d.getVersion();
      }
    };
  }

  private long record(String deploymentId, DesignKind kind, String key, String agency, int revision, String tag,
                      String comment, String by, String resources, DesignDiff.Result diff) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    String summary = diff.summary();
    String unified = diff.unified().length() <= DesignDrafts.MAX_CONTENT ? diff.unified()
        : diff.unified().substring(0, DesignDrafts.MAX_CONTENT);
    jdbc.update(c -> {
      var s = c.prepareStatement("INSERT INTO dsg_deployment (deployment_id, kind, model_key, agency_code, revision, "
          + "version_tag, comment, deployed_by, deployed_at, resources, summary, diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
          + "?, ?, ?, ?)", new String[] {"id"});
      s.setString(1, deploymentId);
      s.setString(2, kind.code());
      s.setString(3, key);
      s.setString(4, DesignDrafts.agencyColumn(agency));
      s.setInt(5, revision);
      s.setString(6, tag);
      s.setString(7, comment);
      s.setString(8, by);
      s.setTimestamp(9, Timestamp.from(Instant.now()));
      s.setString(10, resources.length() <= 4000 ? resources : resources.substring(0, 4000));
      s.setString(11, summary.length() <= 4000 ? summary : summary.substring(0, 3999) + "…");
      s.setString(12, unified);
      return s;
    }, keys);
    return keys.getKey().longValue();
  }
}
