package vn.govflow.designer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;

/**
 * Moves running instances of a process from one deployed version to another with the engine's migration API
 * (issue #10 item 5): equal activities map to each other; an instance that cannot move (it waits in a step the new
 * version no longer has, say) stays where it is and the designer is told why, in words. Only the instances of the
 * designer's own agency (the case's {@code agencyCode}) are listed and moved.
 */
@Service
class InstanceMigration {
  static final int LIMIT = 500;

  record Version(String definitionId, int version, String versionTag, String tenantId, Instant deployedAt,
                 long running) {}

  record Candidate(String instanceId, String businessKey, String title, boolean movable, List<String> reasonsVi,
                   List<String> reasonsEn) {}

  record Preview(List<Candidate> instances) {}

  record NotMoved(String instanceId, List<String> reasonsVi, List<String> reasonsEn) {}

  record Outcome(List<String> moved, List<NotMoved> notMoved) {}

  private record Reasons(List<String> vi, List<String> en) {
    static Reasons none() {
      return new Reasons(new ArrayList<>(), new ArrayList<>());
    }

    void add(String vi, String en) {
      this.vi.add(vi);
      this.en.add(en);
    }

    boolean isEmpty() {
      return vi.isEmpty();
    }
  }

  /** Thrown inside the preview's transaction to roll the trial migration back. */
  private static final class Trial extends RuntimeException {
    Trial() {
      super(null, null, false, false);
    }
  }

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TransactionTemplate transactions;
  private final AuditLog audit;

  InstanceMigration(RuntimeService runtime, RepositoryService repository, PlatformTransactionManager transactions,
                    AuditLog audit) {
    this.runtime = runtime;
    this.repository = repository;
    this.transactions = new TransactionTemplate(transactions);
    this.audit = audit;
  }

  /** The deployed versions of a process, newest first, with the agency's running instances of each. */
  List<Version> versions(String key, String agencyCode) {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .orderByProcessDefinitionVersion().desc().list();
    Map<String, Instant> deployed = new HashMap<>();
    List<Version> versions = new ArrayList<>();
    for (ProcessDefinition d : definitions) {
      Instant at = deployed.computeIfAbsent(d.getDeploymentId(), id -> {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(id).singleResult();
        return deployment == null || deployment.getDeploymentTime() == null ? null
            : deployment.getDeploymentTime().toInstant();
      });
      long running = runtime.createProcessInstanceQuery().processDefinitionId(d.getId())
          .variableValueEquals("agencyCode", agencyCode).count();
      versions.add(new Version(d.getId(), d.getVersion(), d.getVersionTag(), d.getTenantId(), at, running));
    }
    return versions;
  }

  /** Both definitions must be versions of the process {@code key}; else nothing to show (404). */
  private ProcessDefinition definition(String key, String id) {
    ProcessDefinition d = id == null ? null : repository.createProcessDefinitionQuery().processDefinitionId(id)
        .singleResult();
    if (d == null || !d.getKey().equals(key)) {
      throw UserError.notFound();
    }
    return d;
  }

  /** One deployed version's diagram, as the engine stores it (the insight page draws the version chosen). */
  record VersionContent(String definitionId, int version, String versionTag, String tenantId, String content) {}

  VersionContent content(String key, String definitionId) {
    ProcessDefinition d = definition(key, definitionId);
    try (java.io.InputStream in = repository.getProcessModel(d.getId())) {
      return new VersionContent(d.getId(), d.getVersion(), d.getVersionTag(), d.getTenantId(),
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Who owns a version: its tenant (an agency's variant) or null (the province-wide model). */
  String owner(String key, String definitionId) {
    return definition(key, definitionId).getTenantId();
  }

  /** For each of the agency's running instances of {@code from}: could it move to {@code to} now, and why not. */
  Preview preview(String key, String from, String to, String agencyCode) {
    ProcessDefinition source = definition(key, from);
    ProcessDefinition target = definition(key, to);
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
        .variableValueEquals("agencyCode", agencyCode).orderByProcessInstanceId().asc().listPage(0, LIMIT);
    Map<String, Object> titles = titles(instances);
    Reasons planProblems = Reasons.none();
    MigrationPlan plan = plan(source, target, planProblems);
    List<Candidate> candidates = new ArrayList<>();
    for (ProcessInstance pi : instances) {
      Reasons reasons = plan == null ? planProblems : trial(plan, pi.getId(), source);
      candidates.add(new Candidate(pi.getId(), pi.getBusinessKey(), (String) titles.get(pi.getId()),
          reasons.isEmpty(), reasons.vi(), reasons.en()));
    }
    return new Preview(candidates);
  }

  /** Moves the listed instances one by one; each one that cannot move is reported with its reasons. */
  Outcome migrate(String key, String from, String to, List<String> instanceIds, String agencyCode) {
    ProcessDefinition source = definition(key, from);
    ProcessDefinition target = definition(key, to);
    Reasons planProblems = Reasons.none();
    MigrationPlan plan = plan(source, target, planProblems);
    List<String> moved = new ArrayList<>();
    List<NotMoved> notMoved = new ArrayList<>();
    for (String id : new LinkedHashSet<>(instanceIds == null ? List.<String>of() : instanceIds)) {
      boolean ours = id != null && runtime.createProcessInstanceQuery().processInstanceId(id)
          .processDefinitionId(source.getId()).variableValueEquals("agencyCode", agencyCode).count() == 1;
      if (!ours) {
        notMoved.add(new NotMoved(id, List.of("Không có hồ sơ đang chạy này ở phiên bản nguồn của cơ quan bạn."),
            List.of("No such running case of your agency on the source version.")));
        continue;
      }
      if (plan == null) {
        notMoved.add(new NotMoved(id, planProblems.vi(), planProblems.en()));
        continue;
      }
      Reasons reasons = Reasons.none();
      try {
        runtime.newMigration(plan).processInstanceIds(id).execute();
        moved.add(id);
        audit.record("designer.migrate", "process-instance", id,
            "Chuyển phiên bản / migrated " + source.getId() + " → " + target.getId());
      } catch (MigratingProcessInstanceValidationException e) {
        explain(e.getValidationReport(), source, reasons);
        notMoved.add(new NotMoved(id, reasons.vi(), reasons.en()));
      } catch (RuntimeException e) {
        reasons.add("Máy quy trình không chuyển được hồ sơ: " + e.getMessage(),
            "The engine could not move the case: " + e.getMessage());
        notMoved.add(new NotMoved(id, reasons.vi(), reasons.en()));
      }
    }
    audit.record("designer.migration", "process-definition", target.getId(), "Từ / from " + source.getId()
        + ": " + moved.size() + " chuyển / moved, " + notMoved.size() + " không chuyển / not moved");
    return new Outcome(moved, notMoved);
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, Reasons problems) {
    if (source.getId().equals(target.getId())) {
      problems.add("Phiên bản nguồn và đích trùng nhau.", "The source and target versions are the same.");
      return null;
    }
    try {
      return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
        String step = r.getMigrationInstruction() == null ? "?" : r.getMigrationInstruction().getSourceActivityId();
        for (String failure : r.getFailures()) {
          problems.add("Bước " + step + " không ánh xạ được sang phiên bản mới: " + failure,
              "The step " + step + " cannot be mapped to the new version: " + failure);
        }
      }
      if (problems.isEmpty()) {
        problems.add("Không lập được kế hoạch chuyển phiên bản: " + e.getMessage(),
            "No migration plan can be built: " + e.getMessage());
      }
      return null;
    }
  }

  /** Tries the migration of one instance in a transaction that is always rolled back; the reasons it failed. */
  private Reasons trial(MigrationPlan plan, String instanceId, ProcessDefinition source) {
    Reasons reasons = Reasons.none();
    try {
      transactions.executeWithoutResult(status -> {
        try {
          runtime.newMigration(plan).processInstanceIds(instanceId).execute();
        } catch (MigratingProcessInstanceValidationException e) {
          explain(e.getValidationReport(), source, reasons);
        } catch (RuntimeException e) {
          reasons.add("Máy quy trình không chuyển được hồ sơ: " + e.getMessage(),
              "The engine could not move the case: " + e.getMessage());
        }
        status.setRollbackOnly();
        throw new Trial();
      });
    } catch (Trial rolledBack) {
      // The trial is never kept.
    }
    return reasons;
  }

  private void explain(MigratingProcessInstanceValidationReport report, ProcessDefinition source, Reasons reasons) {
    BpmnModelInstance model = repository.getBpmnModelInstance(source.getId());
    for (String f : report.getFailures()) {
      reasons.add("Hồ sơ không chuyển được: " + f, "The case cannot move: " + f);
    }
    for (MigratingActivityInstanceValidationReport r : report.getActivityInstanceReports()) {
      for (String f : r.getFailures()) {
        step(model, r.getSourceScopeId(), f, reasons);
      }
    }
    for (MigratingTransitionInstanceValidationReport r : report.getTransitionInstanceReports()) {
      for (String f : r.getFailures()) {
        step(model, r.getSourceScopeId(), f, reasons);
      }
    }
    if (reasons.isEmpty()) {
      reasons.add("Hồ sơ không chuyển được sang phiên bản mới.", "The case cannot move to the new version.");
    }
  }

  private static void step(BpmnModelInstance model, String scopeId, String failure, Reasons reasons) {
    String name = name(model, scopeId);
    if (failure.contains("no migration instruction")) {
      reasons.add("Hồ sơ đang ở bước '" + name + "' (" + scopeId + "), bước này không có trong phiên bản mới.",
          "The case waits at the step '" + name + "' (" + scopeId + "), which the new version does not have.");
    } else {
      reasons.add("Bước '" + name + "' (" + scopeId + "): máy quy trình báo \"" + failure + "\".",
          "Step '" + name + "' (" + scopeId + "): " + failure);
    }
  }

  private static String name(BpmnModelInstance model, String id) {
    ModelElementInstance e = model == null || id == null ? null : model.getModelElementById(id);
    String name = e == null ? null : e.getAttributeValue("name");
    return name == null || name.isBlank() ? String.valueOf(id) : name.strip();
  }

  private Map<String, Object> titles(List<ProcessInstance> instances) {
    Map<String, Object> titles = new HashMap<>();
    if (instances.isEmpty()) {
      return titles;
    }
    Set<String> ids = new LinkedHashSet<>();
    instances.forEach(pi -> ids.add(pi.getId()));
    runtime.createVariableInstanceQuery().variableName("title").processInstanceIdIn(ids.toArray(String[]::new))
        .list().forEach(v -> {
          if (v.getExecutionId() != null && v.getExecutionId().equals(v.getProcessInstanceId())) {
            titles.put(v.getProcessInstanceId(), v.getValue() instanceof String s ? s : null);
          }
        });
    return titles;
  }

  static Instant at(Date d) {
    return d == null ? null : d.toInstant();
  }
}
