package vn.govflow.designer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.audit.AuditLog;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.common.error.UserError;
import vn.govflow.designer.DecisionTestRunner.Run;
import vn.govflow.designer.DecisionTestRunner.TestCase;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/**
 * The designer's insight side (issue #10 items 5 and 6, and the decision tables' own tests): versions and
 * migration of running instances, statistics per element, an instance's path, and the decision tests. Process
 * designers only; every instance shown or moved is a case of the designer's own agency.
 */
@RestController
@RequestMapping("/api/v1/designer")
class DesignerInsightController {
  private final InstanceMigration migration;
  private final ProcessStatistics statistics;
  private final InstancePaths paths;
  private final DecisionTests decisionTests;
  private final CurrentUserProvider users;
  private final DesignOwnership ownership;
  private final AuditLog audit;
  private final ZoneId zone;

  DesignerInsightController(InstanceMigration migration, ProcessStatistics statistics, InstancePaths paths,
                            DecisionTests decisionTests, CurrentUserProvider users, DesignOwnership ownership,
                            AuditLog audit, WorkingDayCalendar calendar) {
    this.migration = migration;
    this.statistics = statistics;
    this.paths = paths;
    this.decisionTests = decisionTests;
    this.users = users;
    this.ownership = ownership;
    this.audit = audit;
    this.zone = calendar.zone();
  }

  /** A process designer working for an agency; everyone else is refused. */
  private CurrentUser designer() {
    CurrentUser user = users.require();
    ownership.requireDesigner(user);
    if (user.agencyCode() == null) {
      throw UserError.forbidden("Chỉ người thiết kế quy trình của một cơ quan được dùng chức năng này.",
          "Only a process designer of an agency may use this.");
    }
    return user;
  }

  private static String processKey(String key) {
    return DecisionTests.checkKey(key);
  }

  @GetMapping("/processes/{key}/versions")
  List<InstanceMigration.Version> versions(@PathVariable String key) {
    return migration.versions(processKey(key), designer().agencyCode());
  }

  /** A deployed version's BPMN XML (the process definition id), for drawing that version's statistics. */
  @GetMapping("/processes/{key}/versions/{definitionId}")
  InstanceMigration.VersionContent version(@PathVariable String key, @PathVariable String definitionId) {
    designer();
    return migration.content(processKey(key), definitionId);
  }

  record MigrationRequest(String from, String to, List<String> instanceIds) {}

  /** {@code mayMigrate}: the designer owns the target version as dserver's deploy rules say (DesignOwnership). */
  record PreviewResponse(List<InstanceMigration.Candidate> instances, boolean mayMigrate) {}

  @PostMapping("/processes/{key}/migration/preview")
  PreviewResponse preview(@PathVariable String key, @RequestBody MigrationRequest body) {
    CurrentUser user = designer();
    InstanceMigration.Preview preview = migration.preview(processKey(key), body.from(), body.to(),
        user.agencyCode());
    return new PreviewResponse(preview.instances(),
        ownership.mayDeploy(user, migration.owner(processKey(key), body.to())));
  }

  @PostMapping("/processes/{key}/migration")
  InstanceMigration.Outcome migrate(@PathVariable String key, @RequestBody MigrationRequest body) {
    CurrentUser user = designer();
    if (body.instanceIds() == null || body.instanceIds().isEmpty()) {
      throw UserError.badRequest("migration-no-instances", "Hãy chọn ít nhất một hồ sơ để chuyển phiên bản.",
          "Choose at least one case to migrate.");
    }
    // Moving cases onto a version is deploying it to them: the same owner as the version's deployment.
    ownership.requireMayDeploy(user, migration.owner(processKey(key), body.to()));
    return migration.migrate(processKey(key), body.from(), body.to(), body.instanceIds(), user.agencyCode());
  }

  /** Days {@code from}..{@code to} inclusive, in the calendar's zone; the last 30 days when not given. */
  @GetMapping("/processes/{key}/statistics")
  List<ProcessStatistics.ElementStatistics> statistics(
      @PathVariable String key, @RequestParam(required = false) String definitionId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    CurrentUser user = designer();
    LocalDate last = to == null ? LocalDate.now(zone) : to;
    LocalDate first = from == null ? last.minusDays(30) : from;
    if (last.isBefore(first)) {
      throw UserError.badRequest("statistics-bad-range", "Ngày kết thúc phải không trước ngày bắt đầu.",
          "The end date must not be before the start date.");
    }
    Instant start = first.atStartOfDay(zone).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
    return statistics.of(processKey(key), blankToNull(definitionId), start, end, user.agencyCode());
  }

  @GetMapping("/instances/{id}/path")
  InstancePaths.Path path(@PathVariable String id) {
    return paths.of(id, designer().agencyCode());
  }

  /** The agency variant a request names: none (province-wide) or the designer's own agency. */
  private String variant(CurrentUser user, String agency) {
    String a = blankToNull(agency);
    ownership.requireMayEdit(user, a);
    return a;
  }

  @GetMapping("/decisions/{key}/tests")
  Map<String, Object> tests(@PathVariable String key, @RequestParam(required = false) String agency) {
    CurrentUser user = designer();
    DecisionTests.Tests t = decisionTests.current(key, variant(user, agency));
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("cases", t.cases());
    out.put("source", t.source());
    out.put("revision", t.revision());
    return out;
  }

  @PutMapping("/decisions/{key}/tests")
  Map<String, Object> saveTests(@PathVariable String key, @RequestParam(required = false) String agency,
                                @RequestBody JsonNode body) {
    CurrentUser user = designer();
    String variant = variant(user, agency != null ? agency : body.path("agency").asText(null));
    List<TestCase> cases = DecisionTests.parse(body);
    int revision = decisionTests.save(key, variant, cases, user.username());
    audit.record("designer.decision-tests.save", "decision", key,
        "Lưu kiểm thử bảng quyết định / saved decision tests, revision " + revision + ", " + cases.size()
            + " trường hợp / cases" + (variant == null ? "" : ", " + variant));
    return Map.of("revision", revision, "cases", cases.size());
  }

  record RunResponse(boolean passed, List<DecisionTestRunner.Result> results, String errorVi, String errorEn) {}

  @PostMapping("/decisions/{key}/tests/run")
  RunResponse runTests(@PathVariable String key, @RequestBody JsonNode body) {
    CurrentUser user = designer();
    String content = body.path("content").asText("");
    if (content.isBlank()) {
      throw UserError.badRequest("decision-tests-no-table", "Hãy gửi bảng quyết định (DMN XML) cần kiểm thử.",
          "Send the decision table (DMN XML) to test.");
    }
    List<TestCase> cases = body.has("cases") && body.get("cases").isArray() ? DecisionTests.parse(body)
        : decisionTests.current(key, variant(user, body.path("agency").asText(null))).cases();
    Run run = decisionTests.run(key, content.getBytes(StandardCharsets.UTF_8), new ArrayList<>(cases));
    return new RunResponse(run.passed(), run.results(), run.errorVi(), run.errorEn());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
