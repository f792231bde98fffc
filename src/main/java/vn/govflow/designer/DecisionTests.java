package vn.govflow.designer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.designer.DecisionTestRunner.Run;
import vn.govflow.designer.DecisionTestRunner.TestCase;

/**
 * A decision table's own tests (issue #10): hand-written inputs → expected outputs kept beside the decision. The
 * shipped ones are {@code dmn/<module>/<key>.tests.json}; a designer's edits are kept as draft revisions in
 * {@code dsg_decision_tests} (the newest wins), per agency variant ('' = province-wide).
 */
@Service
public class DecisionTests {
  static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,254}");
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_CASES = 500;

  /** The tests of a decision and where they come from: "draft" (then {@code revision}), "file" or "none". */
  public record Tests(List<TestCase> cases, String source, Integer revision) {}

  private final JdbcTemplate jdbc;
  private final DecisionTestRunner runner;

  DecisionTests(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // The process engine's own FEEL and JUEL: JUEL goes through its sandboxed expression manager, which
    // evaluates inside a command context only.
    this.runner = new DecisionTestRunner(cfg.getDmnEngineConfiguration(),
        run -> cfg.getCommandExecutorTxRequired().execute(context -> run.get()));
  }

  static String checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw UserError.notFound();
    }
    return key;
  }

  /** The shipped tests of a decision ({@code dmn/<module>/<key>.tests.json} on the classpath), if any. */
  public static Optional<List<TestCase>> shipped(String key) {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver()
          .getResources("classpath*:dmn/*/" + checkKey(key) + ".tests.json");
      if (found.length == 0) {
        return Optional.empty();
      }
      try (InputStream in = found[0].getInputStream()) {
        return Optional.of(parse(JSON.readTree(in)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the tests of " + key, e);
    }
  }

  /** The shipped table of a decision ({@code dmn/<module>/<key>.dmn}), if any. */
  public static Optional<byte[]> shippedTable(String key) {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver()
          .getResources("classpath*:dmn/*/" + checkKey(key) + ".dmn");
      if (found.length == 0) {
        return Optional.empty();
      }
      try (InputStream in = found[0].getInputStream()) {
        return Optional.of(in.readAllBytes());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the table " + key, e);
    }
  }

  /** {@code {"cases":[{name, inputs, expected}]}} → the cases; a malformed document is the designer's to fix. */
  static List<TestCase> parse(JsonNode doc) {
    List<FieldProblem> problems = new ArrayList<>();
    List<TestCase> cases = new ArrayList<>();
    JsonNode array = doc == null ? null : doc.get("cases");
    if (array == null || !array.isArray()) {
      throw new UserError(org.springframework.http.HttpStatus.BAD_REQUEST, "decision-tests-invalid",
          "Danh sách kiểm thử phải có dạng {\"cases\": [...]}.", "The tests must be {\"cases\": [...]}.");
    }
    if (array.size() > MAX_CASES) {
      throw UserError.badRequest("decision-tests-too-many", "Tối đa " + MAX_CASES + " trường hợp kiểm thử mỗi bảng.",
          "At most " + MAX_CASES + " test cases per table.");
    }
    int i = 0;
    for (JsonNode c : array) {
      String field = "cases[" + i++ + "]";
      String name = c.path("name").asText("").strip();
      if (name.isEmpty() || name.length() > 300) {
        problems.add(new FieldProblem(field + ".name", "Mỗi trường hợp cần một tên (tối đa 300 ký tự).",
            "Each case needs a name (at most 300 characters)."));
      }
      JsonNode inputs = c.get("inputs");
      JsonNode expected = c.get("expected");
      if (inputs == null || !inputs.isObject()) {
        problems.add(new FieldProblem(field + ".inputs", "Dữ liệu vào phải là một đối tượng {tên: giá trị}.",
            "The inputs must be an object {name: value}."));
      }
      if (expected == null || !expected.isObject() || expected.isEmpty()) {
        problems.add(new FieldProblem(field + ".expected",
            "Kết quả mong đợi phải nêu ít nhất một đầu ra {tên: giá trị}.",
            "The expected outputs must name at least one output {name: value}."));
      }
      if (inputs != null && inputs.isObject() && expected != null && expected.isObject()) {
        cases.add(new TestCase(name, values(inputs), values(expected)));
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(org.springframework.http.HttpStatus.BAD_REQUEST, "decision-tests-invalid",
          "Danh sách kiểm thử chưa hợp lệ.", "The tests are not valid.", problems, Map.of());
    }
    return cases;
  }

  private static Map<String, Object> values(JsonNode object) {
    Map<String, Object> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      Object value;
      if (v.isNull()) {
        value = null;
      } else if (v.isIntegralNumber()) {
        value = v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
      } else if (v.isNumber()) {
        value = v.doubleValue();
      } else if (v.isBoolean()) {
        value = v.booleanValue();
      } else if (v.isTextual()) {
        value = v.textValue();
      } else {
        value = JSON.convertValue(v, Object.class);
      }
      values.put(e.getKey(), value);
    });
    return values;
  }

  static ObjectNode toJson(List<TestCase> cases) {
    ObjectNode doc = JSON.createObjectNode();
    ArrayNode array = doc.putArray("cases");
    for (TestCase c : cases) {
      ObjectNode n = array.addObject();
      n.put("name", c.name());
      n.set("inputs", JSON.valueToTree(c.inputs()));
      n.set("expected", JSON.valueToTree(c.expected()));
    }
    return doc;
  }

  /**
   * The tests a designer sees: the newest draft of the variant, else (for a variant) the province-wide draft, else
   * the shipped file, else none.
   */
  public Tests current(String key, String agencyCode) {
    checkKey(key);
    if (agencyCode != null) {
      Tests variant = draft(key, agencyCode);
      if (variant != null) {
        return variant;
      }
    }
    Tests shared = draft(key, "");
    if (shared != null) {
      return shared;
    }
    return shipped(key).map(c -> new Tests(c, "file", null)).orElseGet(() -> new Tests(List.of(), "none", null));
  }

  private Tests draft(String key, String agency) {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT revision, cases_json FROM dsg_decision_tests"
        + " WHERE decision_key = ? AND agency_code = ? ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY", key, agency);
    if (!rows.isEmpty()) {
      try {
        return new Tests(parse(JSON.readTree((String) rows.get(0).get("cases_json"))), "draft",
            ((Number) rows.get(0).get("revision")).intValue());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Stored tests of " + key + " are not JSON", e);
      }
    }
    return null;
  }

  /** Keeps {@code cases} as the newest draft revision of the decision's tests; returns the revision. */
  @Transactional
  public int save(String key, String agencyCode, List<TestCase> cases, String author) {
    checkKey(key);
    String agency = agencyCode == null ? "" : agencyCode;
    Integer last = jdbc.queryForObject("SELECT MAX(revision) FROM dsg_decision_tests WHERE decision_key = ?"
        + " AND agency_code = ?", Integer.class, key, agency);
    int revision = last == null ? 1 : last + 1;
    jdbc.update("INSERT INTO dsg_decision_tests (decision_key, agency_code, revision, cases_json, author, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", key, agency, revision, toJson(cases).toString(), author,
        Timestamp.from(Instant.now()));
    return revision;
  }

  /** Runs {@code cases} against {@code dmnXml} (a draft, nothing deployed). */
  public Run run(String key, byte[] dmnXml, List<TestCase> cases) {
    return runner.run(checkKey(key), dmnXml, cases);
  }
}
