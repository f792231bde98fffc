package vn.govflow.designer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.audit.AuditLog;

/**
 * The release's models at start (issue #10), instead of Camunda's auto-deployment of every shipped file as one
 * deployment: each shipped model is compared with what the last release shipped for it (dsg_release_resource,
 * SHA-256 of the file), and
 * <ul>
 *   <li>unchanged: nothing is deployed;</li>
 *   <li>changed, and what runs province-wide is what the last release shipped (or nothing): the model is deployed,
 *       with only the models of its module that binding by deployment needs beside it (see
 *       {@link DesignDeployment#bundle}), at their live content, so a designer's companion stays as it is;</li>
 *   <li>changed, and what runs is not what the last release shipped (a designer deployed their own version since):
 *       the designer's version stays live and the release's becomes a draft revision (author "GovFlow release …"),
 *       audited, listed as "release version not applied" until a designer deploys a later revision.</li>
 * </ul>
 * Runs after every singleton is built (the engine is up) and before the application runners (demo data) and
 * requests. Release deployments have the source {@value #SOURCE} and no person; the designer's history
 * (dsg_deployment) and the engine's ownership check only concern designers' deployments.
 */
@Component
public class ReleaseDeployment implements SmartInitializingSingleton {
  static final String SOURCE = "govflow-release";
  static final String AUTHOR_PREFIX = "GovFlow release ";
  /** Camunda's name for the deployment its Spring auto-deployment made before this component (the baseline). */
  static final String SPRING_AUTO_DEPLOYMENT = "SpringAutoDeployment";
  private static final Logger log = LoggerFactory.getLogger(ReleaseDeployment.class);

  /** What a release did: the deployment (null when nothing was deployed), resources deployed, models drafted. */
  public record Outcome(String deploymentId, List<String> deployed, List<String> drafted) {}

  private final DesignModels models;
  private final DesignDrafts drafts;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final String configuredName;

  ReleaseDeployment(DesignModels models, DesignDrafts drafts, RepositoryService repository, JdbcTemplate jdbc,
                    AuditLog audit, PlatformTransactionManager transactions,
                    @Value("${govflow.release.name:}") String configuredName) {
    this.models = models;
    this.drafts = drafts;
    this.repository = repository;
    this.jdbc = jdbc;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactions);
    this.configuredName = configuredName;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<DesignModels.ModelFile> files;
    try {
      files = List.copyOf(DesignModels.scan().values());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the shipped models", e);
    }
    Outcome outcome = apply(files, releaseName(files));
    if (outcome.deploymentId() != null || !outcome.drafted().isEmpty()) {
      log.info("Release models: deployed {} in {}; drafted over designers' versions {}", outcome.deployed(),
          outcome.deploymentId(), outcome.drafted());
    }
  }

  /** Applies one release's model files (the shipped ones at start; tests pass their own). One transaction. */
  public Outcome apply(List<DesignModels.ModelFile> files, String release) {
    return transactions.execute(status -> applyInTransaction(files, release));
  }

  private Outcome applyInTransaction(List<DesignModels.ModelFile> files, String release) {
    // Two nodes starting together: the engine's own deployment lock row makes the second wait and then find the
    // first one's record (what Camunda takes for its duplicate filtering too).
    jdbc.queryForList("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'deployment.lock' FOR UPDATE");
    baseline(files);
    Map<String, String> shipped = new LinkedHashMap<>();
    jdbc.query("SELECT resource_name, checksum FROM dsg_release_resource",
        rs -> { shipped.put(rs.getString(1), rs.getString(2)); });
    Map<String, DesignModels.ModelFile> byId = new LinkedHashMap<>();
    files.forEach(f -> byId.put(f.kind().code() + ":" + f.key(), f));
    List<DesignModels.ModelFile> toDeploy = new ArrayList<>();
    List<DesignModels.ModelFile> toDraft = new ArrayList<>();
    for (DesignModels.ModelFile f : files) {
      String sum = sha256(f.content());
      String last = shipped.get(f.resourceName());
      if (sum.equals(last)) {
        continue;
      }
      Optional<DesignModels.Deployed> live = models.deployed(f.kind(), f.key(), null);
      String liveSum = live.map(d -> sha256(models.resource(d.deploymentId(), d.resourceName()))).orElse(null);
      if (sum.equals(liveSum)) {
        // Already live (a designer deployed the release's draft as it is): only the record moves.
        record(f, release, "DEPLOYED", live.get().deploymentId(), null);
      } else if (liveSum != null && !liveSum.equals(last)) {
        // What runs is not what the last release shipped: a designer's version (deployed by them, or carried
        // unchanged as a companion of a release deployment). It stays; the release's becomes a draft.
        toDraft.add(f);
      } else {
        toDeploy.add(f);
      }
    }
    Map<String, byte[]> override = new LinkedHashMap<>();
    toDeploy.forEach(f -> override.put(f.kind().code() + ":" + f.key(), f.content()));
    String deploymentId = null;
    List<String> deployed = new ArrayList<>();
    if (!toDeploy.isEmpty()) {
      Map<String, byte[]> resources = new LinkedHashMap<>();
      for (DesignModels.ModelFile f : toDeploy) {
        resources.putAll(DesignDeployment.bundle(f.kind(), f.key(), f.content(), f.module(),
            (kind, module) -> keysOfModule(byId, kind, module),
            (kind, key) -> {
              byte[] mine = override.get(kind.code() + ":" + key);
              if (mine != null) {
                return Optional.of(mine);
              }
              // Live province-wide content (a designer's stays as it is), else the shipped file.
              Optional<byte[]> live = models.deployedContent(kind, key, null);
              return live.isPresent() ? live
                  : Optional.ofNullable(byId.get(kind.code() + ":" + key)).map(DesignModels.ModelFile::content);
            },
            (kind, key) -> Optional.ofNullable(byId.get(kind.code() + ":" + key))
                .map(DesignModels.ModelFile::resourceName).orElseGet(() -> models.resourceName(kind, key))));
      }
      DeploymentBuilder builder = repository.createDeployment().name(truncate(AUTHOR_PREFIX + release, 255))
          .source(SOURCE);
      resources.forEach((name, bytes) -> builder.addString(name, new String(bytes, StandardCharsets.UTF_8)));
      deploymentId = builder.deploy().getId();
      deployed.addAll(resources.keySet());
      for (DesignModels.ModelFile f : toDeploy) {
        record(f, release, "DEPLOYED", deploymentId, null);
      }
      audit.record("designer.release.deploy", "deployment", deploymentId, truncate("release " + release
          + ": changed " + toDeploy.stream().map(DesignModels.ModelFile::resourceName).toList()
          + "; deployed " + resources.keySet(), 1000));
    }
    List<String> drafted = new ArrayList<>();
    for (DesignModels.ModelFile f : toDraft) {
      int live = models.deployed(f.kind(), f.key(), null).map(DesignModels.Deployed::version).orElse(0);
      String comment = "Bản phát hành GovFlow " + release + " thay đổi mô hình này; phiên bản v" + live
          + " do người thiết kế triển khai vẫn đang áp dụng. Hãy xem khác biệt rồi triển khai nếu muốn áp dụng. / "
          + "GovFlow release " + release + " changed this model; the designer's deployed version v" + live
          + " stays live. Review the diff and deploy it to apply it.";
      int revision = drafts.save(f.kind(), f.key(), null, new String(f.content(), StandardCharsets.UTF_8), comment,
          truncate(AUTHOR_PREFIX + release, 64));
      record(f, release, "DRAFTED", null, revision);
      audit.record("designer.release.draft", "design-" + f.kind().code(), f.key(), truncate("release " + release
          + ": draft revision " + revision + "; designer's v" + live + " stays live", 1000));
      drafted.add(f.resourceName());
    }
    return new Outcome(deploymentId, deployed, drafted);
  }

  /**
   * A model with no record yet that Camunda's former auto-deployment ("SpringAutoDeployment") deployed: what that
   * deployment holds is what the last release shipped, so an upgrade compares against it instead of deploying every
   * model again. Looked up once per model (afterwards the model has its record).
   */
  private void baseline(List<DesignModels.ModelFile> files) {
    Set<String> recorded = new HashSet<>(jdbc.queryForList("SELECT resource_name FROM dsg_release_resource",
        String.class));
    for (DesignModels.ModelFile f : files) {
      if (recorded.contains(f.resourceName())) {
        continue;
      }
      String table = switch (f.kind()) {
        case BPMN -> "ACT_RE_PROCDEF";
        case DMN -> "ACT_RE_DECISION_DEF";
        case FORM -> "ACT_RE_CAMFORMDEF";
      };
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT d.DEPLOYMENT_ID_ AS dep, d.RESOURCE_NAME_ AS res "
          + "FROM " + table + " d JOIN ACT_RE_DEPLOYMENT p ON p.ID_ = d.DEPLOYMENT_ID_ WHERE p.NAME_ = ? "
          + "AND d.KEY_ = ? AND d.TENANT_ID_ IS NULL ORDER BY d.VERSION_ DESC", SPRING_AUTO_DEPLOYMENT, f.key());
      if (rows.isEmpty()) {
        continue;
      }
      String deployment = String.valueOf(rows.get(0).get("dep"));
      byte[] before = models.resource(deployment, String.valueOf(rows.get(0).get("res")));
      jdbc.update("INSERT INTO dsg_release_resource (resource_name, kind, model_key, checksum, release_name, state, "
          + "deployment_id, recorded_at) VALUES (?, ?, ?, ?, ?, 'DEPLOYED', ?, ?)", f.resourceName(), f.kind().code(),
          f.key(), sha256(before), SPRING_AUTO_DEPLOYMENT, deployment, Timestamp.from(Instant.now()));
    }
  }

  private void record(DesignModels.ModelFile f, String release, String state, String deploymentId,
                      Integer revision) {
    Timestamp now = Timestamp.from(Instant.now());
    String sum = sha256(f.content());
    String name = truncate(release, 64);
    int updated = jdbc.update("UPDATE dsg_release_resource SET checksum = ?, release_name = ?, state = ?, "
        + "deployment_id = ?, draft_revision = ?, recorded_at = ? WHERE resource_name = ?", sum, name, state,
        deploymentId, revision, now, f.resourceName());
    if (updated == 0) {
      jdbc.update("INSERT INTO dsg_release_resource (resource_name, kind, model_key, checksum, release_name, state, "
          + "deployment_id, draft_revision, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", f.resourceName(),
          f.kind().code(), f.key(), sum, name, state, deploymentId, revision, now);
    }
  }

  /** The shipped models of a module and kind, with any the engine holds (designers' new models). */
  private List<String> keysOfModule(Map<String, DesignModels.ModelFile> byId, DesignKind kind, String module) {
    TreeSet<String> keys = new TreeSet<>();
    byId.values().stream().filter(f -> f.kind() == kind && f.module().equals(module)).forEach(f -> keys.add(f.key()));
    keys.addAll(models.keysOfModule(kind, module));
    return new ArrayList<>(keys);
  }

  /**
   * The release's name: govflow.release.name, else the jar's version, else the first 12 hex digits of the shipped
   * models' checksum (so two different releases never share a name).
   */
  private String releaseName(List<DesignModels.ModelFile> files) {
    if (configuredName != null && !configuredName.isBlank()) {
      return configuredName.strip();
    }
    String version = ReleaseDeployment.class.getPackage().getImplementationVersion();
    if (version != null && !version.isBlank()) {
      return version;
    }
    StringBuilder all = new StringBuilder();
    files.stream().sorted(DesignModels.order()).forEach(f -> all.append(f.resourceName()).append('=')
        .append(sha256(f.content())).append('\n'));
    return sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  /** Is this draft revision a release's (authored "GovFlow release …")? */
  static boolean releaseAuthor(String author) {
    return author != null && author.startsWith(AUTHOR_PREFIX);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
