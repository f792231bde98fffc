package vn.govflow.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/**
 * Issue #10: a designer opens a deadline table (the portal's 5/8/10 working days, seed 003 Art 11), edits it and
 * its own tests, runs them before deploying, and a table that fails its tests is refused at deployment with the
 * failing case named at its rule. The table under test is a copy of the shipped one under a key of its own, so
 * other tests sharing the database keep the shipped table and tests.
 */
public interface DecisionTestsScenarios extends GovFlowUnderTest {
  String DESIGNER = "huybq.skhcn";
  String SHIPPED = "portal-answer-deadline";
  ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  private static String table(String key) {
    String shipped = new String(DecisionTests.shippedTable(SHIPPED).orElseThrow(), StandardCharsets.UTF_8);
    return shipped.replace("id=\"" + SHIPPED + "\"", "id=\"" + key + "\"")
        .replace("id=\"Definitions_PortalAnswerDeadline\"", "id=\"Definitions_" + key.replace('-', '_') + "\"");
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText(null)));
    return out;
  }

  @Test
  default void theShippedTestsAreShownAndPassAgainstTheShippedTable() throws Exception {
    SsoClient huy = signIn(DESIGNER);
    JsonNode tests = json(huy.get("/api/v1/designer/decisions/" + SHIPPED + "/tests", "application/json"), 200);
    assertThat(tests.get("source").asText()).isIn("file", "draft");
    assertThat(tests.get("cases").size()).isGreaterThanOrEqualTo(8);
    String shippedXml = new String(DecisionTests.shippedTable(SHIPPED).orElseThrow(), StandardCharsets.UTF_8);
    ObjectNode run = JSON.createObjectNode().put("content", shippedXml);
    run.set("cases", JSON.valueToTree(DecisionTests.toJson(DecisionTests.shipped(SHIPPED).orElseThrow())
        .get("cases")));
    JsonNode result = json(huy.postJson("/api/v1/designer/decisions/" + SHIPPED + "/tests/run", run.toString()),
        200);
    assertThat(result.get("passed").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.get("results")).hasSize(run.get("cases").size());
    assertThat(texts(result.get("results"), "messageVi")).allMatch(m -> m.endsWith("đạt."));

    // Not a designer: nothing.
    assertThat(signIn("hoadt.vpubnd").get("/api/v1/designer/decisions/" + SHIPPED + "/tests", "application/json")
        .statusCode()).isEqualTo(403);
  }

  @Test
  default void editedTestsAreKeptAsADraftAndABrokenTableIsRefusedAtDeployWithTheFailingCaseNamed() throws Exception {
    String key = "portal-dtest-" + System.nanoTime();
    SsoClient huy = signIn(DESIGNER);
    assertThat(json(huy.get("/api/v1/designer/decisions/" + key + "/tests", "application/json"), 200)
        .get("source").asText()).isEqualTo("none");

    // The designer keeps the shipped cases and adds one of his own.
    ObjectNode tests = DecisionTests.toJson(DecisionTests.shipped(SHIPPED).orElseThrow());
    ((com.fasterxml.jackson.databind.node.ArrayNode) tests.get("cases")).addObject()
        .put("name", "Phối hợp nhiều ngành, có hẹn 3 ngày: vẫn 8 ngày (seed 003 Điều 11)")
        .set("inputs", JSON.createObjectNode().put("classification", "multi-sector").put("appointmentDays", 3));
    ((ObjectNode) tests.get("cases").get(tests.get("cases").size() - 1))
        .set("expected", JSON.createObjectNode().put("workingDays", 8));
    JsonNode saved = json(huy.putJson("/api/v1/designer/decisions/" + key + "/tests", tests.toString()), 200);
    assertThat(saved.get("revision").asInt()).isEqualTo(1);
    JsonNode back = json(huy.get("/api/v1/designer/decisions/" + key + "/tests", "application/json"), 200);
    assertThat(back.get("source").asText()).isEqualTo("draft");
    assertThat(back.get("revision").asInt()).isEqualTo(1);
    assertThat(back.get("cases")).hasSize(9);
    assertThat(back.get("cases").get(8).get("expected").get("workingDays").asInt()).isEqualTo(8);
    assertThat(back.get("cases").get(6).get("inputs").get("appointmentDays").isNull()).isTrue();

    // His agency's variant keeps its own tests; until it has some it shows the province-wide ones.
    String own = "?agency=000.00.12.H37";
    assertThat(json(huy.get("/api/v1/designer/decisions/" + key + "/tests" + own, "application/json"), 200)
        .get("cases")).hasSize(9);
    ObjectNode variantTests = DecisionTests.toJson(DecisionTests.shipped(SHIPPED).orElseThrow().subList(0, 2));
    assertThat(json(huy.putJson("/api/v1/designer/decisions/" + key + "/tests" + own, variantTests.toString()), 200)
        .get("revision").asInt()).isEqualTo(1);
    assertThat(json(huy.get("/api/v1/designer/decisions/" + key + "/tests" + own, "application/json"), 200)
        .get("cases")).hasSize(2);
    assertThat(json(huy.get("/api/v1/designer/decisions/" + key + "/tests", "application/json"), 200)
        .get("cases")).hasSize(9);

    // A malformed test is the designer's to fix, named at its field; another agency's variant is not his.
    HttpResponse<String> bad = huy.putJson("/api/v1/designer/decisions/" + key + "/tests",
        "{\"cases\": [{\"name\": \"\", \"inputs\": {}, \"expected\": {}}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    assertThat(bad.body()).contains("cases[0].name", "cases[0].expected");
    assertThat(huy.putJson("/api/v1/designer/decisions/" + key + "/tests?agency=000.00.01.H37", tests.toString())
        .statusCode()).isEqualTo(403);

    // The designer turns the 8 days into 10: running the tests says which cases fail and why, in both languages.
    String broken = table(key).replace("<outputEntry id=\"Rule_MultiSector_out\"><text>8</text>",
        "<outputEntry id=\"Rule_MultiSector_out\"><text>10</text>");
    JsonNode run = json(huy.postJson("/api/v1/designer/decisions/" + key + "/tests/run",
        JSON.createObjectNode().put("content", broken).toString()), 200);
    assertThat(run.get("passed").asBoolean()).isFalse();
    List<JsonNode> failed = new ArrayList<>();
    run.get("results").forEach(r -> {
      if (!r.get("ok").asBoolean()) {
        failed.add(r);
      }
    });
    assertThat(failed).hasSize(2);
    assertThat(failed.get(0).get("name").asText()).contains("8 ngày");
    assertThat(failed.get(0).get("expected").get("workingDays").asInt()).isEqualTo(8);
    assertThat(failed.get(0).get("actual").get("workingDays").asInt()).isEqualTo(10);
    assertThat(failed.get(0).get("messageVi").asText()).contains("không đạt", "mong đợi 8", "thực tế 10");
    assertThat(failed.get(0).get("messageEn").asText()).contains("failed", "expected 8, actual 10");

    // Deploying the broken table is refused: 422 naming the failing case at its rule; nothing is deployed.
    int revision = json(huy.postJson("/api/v1/designer/models/dmn/" + key + "/drafts",
        JSON.createObjectNode().put("content", broken).put("comment", "8 → 10 ngày").toString()), 201)
        .get("revision").asInt();
    HttpResponse<String> refused = huy.postJson("/api/v1/designer/models/dmn/" + key + "/deploy",
        "{\"revision\": " + revision + ", \"versionTag\": \"thu-1\", \"comment\": \"thử\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode problems = JSON.readTree(refused.body()).get("problems");
    JsonNode failing = null;
    for (JsonNode p : problems) {
      if ("dmn-test".equals(p.get("rule").asText()) && p.get("messageVi").asText().contains("8 ngày")) {
        failing = p;
      }
    }
    assertThat(failing).as(refused.body()).isNotNull();
    assertThat(failing.get("elementId").asText()).isEqualTo("Rule_MultiSector");
    assertThat(failing.get("severity").asText()).isEqualTo("ERROR");
    assertThat(failing.get("messageEn").asText()).contains("expected 8, actual 10");
    RepositoryService repository = bean(RepositoryService.class);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isZero();

    // The validate call shows the same problem before deploying.
    JsonNode validated = json(huy.postJson("/api/v1/designer/validate", JSON.createObjectNode().put("kind", "dmn")
        .put("key", key).put("content", broken).toString()), 200);
    assertThat(validated.get("ok").asBoolean()).isFalse();
    assertThat(validated.get("problems").toString()).contains("dmn-test", "Rule_MultiSector");
    // His agency's variant is checked against its own two cases (5 days only), which the 10 days do not break.
    JsonNode asVariant = json(huy.postJson("/api/v1/designer/validate", JSON.createObjectNode().put("kind", "dmn")
        .put("key", key).put("content", broken).put("agency", "000.00.12.H37").toString()), 200);
    assertThat(asVariant.get("problems").toString()).as("the variant's own tests").doesNotContain("dmn-test");

    // The table fixed: its tests pass, it deploys, and the engine decides as its tests say.
    int fixed = json(huy.postJson("/api/v1/designer/models/dmn/" + key + "/drafts",
        JSON.createObjectNode().put("content", table(key)).put("comment", "trả lại 8 ngày").toString()), 201)
        .get("revision").asInt();
    json(huy.postJson("/api/v1/designer/models/dmn/" + key + "/deploy",
        "{\"revision\": " + fixed + ", \"versionTag\": \"thu-2\", \"comment\": \"đúng Điều 11\"}"), 201);
    Object days = bean(DecisionService.class).evaluateDecisionByKey(key).variables(Variables.createVariables()
        .putValue("classification", "multi-sector").putValue("appointmentDays", null)).evaluate()
        .getSingleEntry();
    assertThat(((Number) days).intValue()).isEqualTo(8);
  }
}
