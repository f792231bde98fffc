package vn.govflow.designer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.govflow.engine.ModelVocabulary;

/**
 * The models a designer can open: the repository's files ({@code processes/}, {@code dmn/}, {@code forms/} on the
 * classpath, one folder per module) and what the engine has deployed, shared ({@code tenantId} null) or as an
 * agency's variant ({@code tenantId} = the agency code; tenants are labels only, see docs/decisions.md).
 */
@Component
public class DesignModels {
  /** One model file shipped with GovFlow. */
  public record ModelFile(DesignKind kind, String key, String module, String resourceName, byte[] content) {}

  /** The latest deployed version of a model (one tenant). */
  public record Deployed(String definitionId, int version, String versionTag, String deploymentId,
                         Instant deployedAt, String resourceName, String name, String tenantId) {}

  private final RepositoryService repository;
  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final Map<String, ModelFile> files;

  DesignModels(RepositoryService repository, ProcessEngine engine, JdbcTemplate jdbc) throws IOException {
    this.repository = repository;
    this.engine = engine;
    this.jdbc = jdbc;
    this.files = scan();
  }

  static Map<String, ModelFile> scan() throws IOException {
    Map<String, ModelFile> out = new LinkedHashMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (DesignKind kind : DesignKind.values()) {
      Resource[] resources = resolver.getResources("classpath*:" + kind.folder() + "/**/*" + kind.extension());
      for (Resource r : resources) {
        String url = r.getURL().toString();
        int at = url.lastIndexOf("/" + kind.folder() + "/");
        if (at < 0) {
          continue;
        }
        String path = url.substring(at + 1);
        String[] parts = path.split("/");
        if (parts.length != 3) {
          continue;
        }
        String key = parts[2].substring(0, parts[2].length() - kind.extension().length());
        try (InputStream in = r.getInputStream()) {
          out.putIfAbsent(id(kind, key), new ModelFile(kind, key, parts[1], path, in.readAllBytes()));
        }
      }
    }
    return out;
  }

  private static String id(DesignKind kind, String key) {
    return kind.code() + ":" + key;
  }

  public List<ModelFile> files() {
    return List.copyOf(files.values());
  }

  public Optional<ModelFile> file(DesignKind kind, String key) {
    return Optional.ofNullable(files.get(id(kind, key)));
  }

  /** The module of a model: its file's folder, else its key's prefix (docs/process-conventions.md). */
  public String module(DesignKind kind, String key) {
    return file(kind, key).map(ModelFile::module).orElse(ModelVocabulary.moduleOfProcess(key));
  }

  /** The resource name a model is deployed under. */
  public String resourceName(DesignKind kind, String key) {
    return kind.resourceName(module(kind, key), key);
  }

  /** The latest deployed version of the shared model ({@code agency} null) or of the agency's variant. */
  public Optional<Deployed> deployed(DesignKind kind, String key, String agency) {
    switch (kind) {
      case BPMN -> {
        ProcessDefinitionQuery q = repository.createProcessDefinitionQuery().processDefinitionKey(key);
        q = agency == null ? q.withoutTenantId() : q.tenantIdIn(agency);
        ProcessDefinition d = q.latestVersion().singleResult();
        return d == null ? Optional.empty() : Optional.of(new Deployed(d.getId(), d.getVersion(), d.getVersionTag(),
            d.getDeploymentId(), deployedAt(d.getDeploymentId()), d.getResourceName(), d.getName(), d.getTenantId()));
      }
      case DMN -> {
        DecisionDefinitionQuery q = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key);
        q = agency == null ? q.withoutTenantId() : q.tenantIdIn(agency);
        DecisionDefinition d = q.latestVersion().singleResult();
        return d == null ? Optional.empty() : Optional.of(new Deployed(d.getId(), d.getVersion(), d.getVersionTag(),
            d.getDeploymentId(), deployedAt(d.getDeploymentId()), d.getResourceName(), d.getName(), d.getTenantId()));
      }
      default -> {
        CamundaFormDefinitionEntity d = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired().execute(c -> c.getCamundaFormDefinitionManager()
                .findLatestDefinitionByKeyAndTenantId(key, agency));
        return d == null ? Optional.empty() : Optional.of(new Deployed(d.getId(), d.getVersion(), null,
            d.getDeploymentId(), deployedAt(d.getDeploymentId()), d.getResourceName(), null, d.getTenantId()));
      }
    }
  }

  public Optional<byte[]> deployedContent(DesignKind kind, String key, String agency) {
    return deployed(kind, key, agency).map(d -> resource(d.deploymentId(), d.resourceName()));
  }

  public byte[] resource(String deploymentId, String resourceName) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The agencies with their own variant of a model. */
  public Set<String> variants(DesignKind kind, String key) {
    String table = switch (kind) {
      case BPMN -> "ACT_RE_PROCDEF";
      case DMN -> "ACT_RE_DECISION_DEF";
      case FORM -> "ACT_RE_CAMFORMDEF";
    };
    return new TreeSet<>(jdbc.queryForList("SELECT DISTINCT TENANT_ID_ FROM " + table + " WHERE KEY_ = ? "
        + "AND TENANT_ID_ IS NOT NULL", String.class, key));
  }

  /** Every deployed key of a kind (any tenant). */
  public Set<String> deployedKeys(DesignKind kind) {
    String table = switch (kind) {
      case BPMN -> "ACT_RE_PROCDEF";
      case DMN -> "ACT_RE_DECISION_DEF";
      case FORM -> "ACT_RE_CAMFORMDEF";
    };
    return new TreeSet<>(jdbc.queryForList("SELECT DISTINCT KEY_ FROM " + table, String.class));
  }

  /** Keys known as files or deployed: what a process may reference. */
  public Set<String> knownKeys(DesignKind kind) {
    Set<String> keys = new TreeSet<>(deployedKeys(kind));
    files.values().stream().filter(f -> f.kind() == kind).forEach(f -> keys.add(f.key()));
    if (kind == DesignKind.DMN) {
      // A DMN file may hold more decisions than the one named like the file.
      keys.addAll(new TreeSet<>(jdbc.queryForList("SELECT DISTINCT KEY_ FROM ACT_RE_DECISION_DEF", String.class)));
    }
    return keys;
  }

  /** The content a model of this module has now for {@code agency}: its variant's, else the shared deployed, else the file. */
  public Optional<byte[]> current(DesignKind kind, String key, String agency) {
    if (agency != null) {
      Optional<byte[]> variant = deployedContent(kind, key, agency);
      if (variant.isPresent()) {
        return variant;
      }
    }
    Optional<byte[]> shared = deployedContent(kind, key, null);
    return shared.isPresent() ? shared : file(kind, key).map(ModelFile::content);
  }

  /** Every model (files and deployed keys) of one module and kind. */
  public List<String> keysOfModule(DesignKind kind, String module) {
    Set<String> keys = new TreeSet<>();
    files.values().stream().filter(f -> f.kind() == kind && f.module().equals(module)).forEach(f -> keys.add(f.key()));
    deployedKeys(kind).stream().filter(k -> module(kind, k).equals(module)).forEach(keys::add);
    return new ArrayList<>(keys);
  }

  private Instant deployedAt(String deploymentId) {
    Deployment d = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    return d == null || d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant();
  }

  static Comparator<ModelFile> order() {
    return Comparator.comparing((ModelFile f) -> f.kind().ordinal()).thenComparing(ModelFile::key);
  }
}
