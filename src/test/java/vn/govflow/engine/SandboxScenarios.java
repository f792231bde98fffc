package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import vn.govflow.identity.Roles;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/**
 * The engine's side doors, tried as the attacks: a designer deploying (through the designer, the only way a
 * person deploys) models that reach the application, reflection, scripts, Java classes, a timer start or another
 * module's delegate (422 problem+json naming the element and the sandbox's rule, nothing deployed); a designer reading another agency's task and variables (nothing); an object
 * variable naming a Java type outside the allowlist (not deserialized). Run on H2 and on PostgreSQL.
 */
interface SandboxScenarios extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();
  String DESIGNER = "huybq.skhcn";

  /** A one-process model (the model checker's unit test builds the same). */
  static String model(String key, String body) {
    return ModelCheckerTest.process(key, body);
  }

  static String serviceTask(String attributes) {
    return """
        <bpmn:startEvent id="StartEvent_1"/>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Evil"/>
        <bpmn:serviceTask id="Task_Evil" %s/>
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Evil" targetRef="EndEvent_1"/>
        <bpmn:endEvent id="EndEvent_1"/>
        """.formatted(attributes);
  }

  /** POST /engine-rest/deployment/create as Cockpit would send it (multipart, one file): refused to persons. */
  static HttpResponse<String> restDeploy(SsoClient client, String key, String xml) {
    String boundary = "----sandbox" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
        + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
    return client.send(client.withXsrf(HttpRequest.newBuilder(URI.create(client.baseUrl()
            + "/engine-rest/deployment/create")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /**
   * The designer's way (issue #10 item 5: the only way a person deploys): the model saved as a draft, then
   * POST /api/v1/designer/models/bpmn/{key}/deploy.
   */
  static HttpResponse<String> deploy(SsoClient client, String key, String xml) throws Exception {
    HttpResponse<String> draft = client.postJson("/api/v1/designer/models/bpmn/" + key + "/drafts",
        JSON.writeValueAsString(Map.of("content", xml, "comment", "sandbox")));
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    return client.postJson("/api/v1/designer/models/bpmn/" + key + "/deploy", JSON.writeValueAsString(
        Map.of("revision", JSON.readTree(draft.body()).get("revision").asInt())));
  }

  /** Refused by the sandbox rule at the element: 422 problem+json naming both, and nothing deployed. */
  default void assertRefused(SsoClient designer, String key, String xml, String elementId, String rule)
      throws Exception {
    HttpResponse<String> r = deploy(designer, key, xml);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.get("code").asText()).isEqualTo("model-refused");
    assertThat(problem.get("messageVi").asText()).contains("Mô hình không được triển khai").contains(elementId);
    assertThat(problem.get("messageEn").asText()).contains(elementId);
    List<String> found = new ArrayList<>();
    problem.get("problems").forEach(p -> found.add(p.path("elementId").asText() + " " + p.get("rule").asText()
        + " " + p.get("severity").asText()));
    // The sandbox's own rule (ModelChecker, the one the engine's DeploymentCheck runs too), not a convention.
    assertThat(found).as(r.body()).contains(elementId + " govflow/" + rule + " ERROR");
    // Nothing deployed: no definition and no deployment of that name.
    RepositoryService repository = bean(RepositoryService.class);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    assertThat(repository.createDeploymentQuery().deploymentName("designer " + key).count()).isZero();
  }

  /** A list query (the engine refuses unbounded ones): 200 and its JSON array. */
  static JsonNode list(SsoClient client, String path) throws Exception {
    HttpResponse<String> r = client.get(path + "&firstResult=0&maxResults=10");
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    JsonNode array = JSON.readTree(r.body());
    assertThat(array.isArray()).as(r.body()).isTrue();
    return array;
  }

  static String key(String what) {
    return "portal-sandbox-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  default void aDesignersModelCannotReachTheApplicationOrTheJvm() throws Exception {
    SsoClient designer = signIn(DESIGNER);
    String k = key("jdbc");
    assertRefused(designer, k, model(k, serviceTask(
        "camunda:expression=\"${jdbcTemplate.queryForList('select * from gf_person')}\"")), "Task_Evil", "method");
    k = key("reflection");
    assertRefused(designer, k, model(k, serviceTask(
        "camunda:expression=\"${execution.getClass().forName('java.lang.Runtime')}\"")), "Task_Evil", "method");
    k = key("bean");
    assertRefused(designer, k, model(k, serviceTask("camunda:delegateExpression=\"${jdbcTemplate}\"")),
        "Task_Evil", "delegate");
    k = key("class");
    assertRefused(designer, k, model(k, serviceTask("camunda:class=\"java.lang.Runtime\"")), "Task_Evil", "class");
    k = key("script");
    assertRefused(designer, k, model(k, """
        <bpmn:startEvent id="StartEvent_1"/>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Script"/>
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
        """), "Task_Script", "script");
    k = key("other-module");
    String incoming = "incoming" + k.substring("portal".length());
    assertRefused(designer, incoming, model(incoming, serviceTask("camunda:delegateExpression=\"${portalRoute}\"")),
        "Task_Evil", "other-module");
  }

  @Test
  default void aDesignerCannotStartAProcessByATimer() throws Exception {
    String k = key("timer");
    assertRefused(signIn(DESIGNER), k, model(k, """
        <bpmn:startEvent id="StartEvent_EveryMinute">
          <bpmn:timerEventDefinition id="Timer_1"><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_EveryMinute" targetRef="EndEvent_1"/>
        <bpmn:endEvent id="EndEvent_1"/>
        """), "StartEvent_EveryMinute", "start-event");
  }

  @Test
  default void aCleanModelWithItsModulesDelegateDeploys() throws Exception {
    String k = key("clean");
    String xml = model(k,
        serviceTask("camunda:delegateExpression=\"${portalStatus}\" camunda:asyncBefore=\"true\""));
    SsoClient designer = signIn(DESIGNER);
    RepositoryService repository = bean(RepositoryService.class);
    // Issue #10 item 5: the engine's own REST deploy is refused even for a clean model, and deploys nothing.
    HttpResponse<String> raw = restDeploy(designer, k, xml);
    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(403);
    assertThat(JSON.readTree(raw.body()).get("code").asText()).isEqualTo("deploy-through-designer");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(k).count()).isZero();
    HttpResponse<String> r = deploy(designer, k, xml);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(k).count()).isEqualTo(1);
    repository.deleteDeployment(JSON.readTree(r.body()).get("deploymentId").asText(), true);
  }

  /**
   * The engine's own line behind the HTTP one (issue #10 item 5): any deployment made under a person's
   * authentication outside the designer's scope is refused, the administrator's too, whatever its source says;
   * the designer's scope and the application's own deployments (no person) pass.
   */
  @Test
  default void theEngineTakesAPersonsDeploymentOnlyFromTheDesigner() {
    RepositoryService repository = bean(RepositoryService.class);
    org.camunda.bpm.engine.IdentityService identity = bean(org.camunda.bpm.engine.IdentityService.class);
    vn.govflow.identity.IdentityDirectory directory = bean(vn.govflow.identity.IdentityDirectory.class);
    String k = key("engine-line");
    String xml = model(k,
        serviceTask("camunda:delegateExpression=\"${portalStatus}\" camunda:asyncBefore=\"true\""));
    for (String who : List.of("khailv.skhcn", DESIGNER)) {
      identity.setAuthentication(who, directory.groupIdsOf(who));
      try {
        assertThatThrownBy(() -> repository.createDeployment().name(k).source("govflow-designer")
            .addString(k + ".bpmn", xml).deploy())
            .satisfies(e -> assertThat(EngineRestRefusals.refusal(e)).isNotNull()
                .satisfies(u -> assertThat(u.code()).isEqualTo("deploy-through-designer"))
                .satisfies(u -> assertThat(u.status().value()).isEqualTo(403)));
      } finally {
        identity.clearAuthentication();
      }
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(k).count()).isZero();
    identity.setAuthentication(DESIGNER, directory.groupIdsOf(DESIGNER));
    String inScope;
    try {
      inScope = DesignerOnlyDeployments.deploy(() -> repository.createDeployment().name(k)
          .addString(k + ".bpmn", xml).deploy()).getId();
    } finally {
      identity.clearAuthentication();
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(k).count()).isEqualTo(1);
    // Deleting a deployment (its running cases with it) is the administrators' act, not the designer's.
    identity.setAuthentication(DESIGNER, directory.groupIdsOf(DESIGNER));
    try {
      assertThatThrownBy(() -> repository.deleteDeployment(inScope, true))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(k).count()).isEqualTo(1);
    repository.deleteDeployment(inScope, true);
    String noPerson = repository.createDeployment().name(k).addString(k + ".bpmn", xml).deploy().getId();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(k).count()).isEqualTo(1);
    repository.deleteDeployment(noPerson, true);
  }

  /**
   * Behind the designer's validation the engine's DeploymentCheck still applies the sandbox to the designer's own
   * deployment (a race between validation and deployment, or a companion model of the bundle): 400
   * {@code model-refused} naming the element and rule, nothing deployed.
   */
  @Test
  default void theEnginesCheckStillRefusesAnEvilModelInTheDesignersScope() {
    RepositoryService repository = bean(RepositoryService.class);
    org.camunda.bpm.engine.IdentityService identity = bean(org.camunda.bpm.engine.IdentityService.class);
    String k = key("engine-evil");
    String xml = model(k, serviceTask("camunda:delegateExpression=\"${jdbcTemplate}\""));
    identity.setAuthentication(DESIGNER, bean(vn.govflow.identity.IdentityDirectory.class).groupIdsOf(DESIGNER));
    try {
      assertThatThrownBy(() -> DesignerOnlyDeployments.deploy(() -> repository.createDeployment().name(k)
          .addString(k + ".bpmn", xml).deploy()))
          .satisfies(e -> assertThat(EngineRestRefusals.refusal(e)).isNotNull()
              .satisfies(u -> assertThat(u.code()).isEqualTo("model-refused"))
              .satisfies(u -> assertThat(u.fieldProblems()).anySatisfy(f -> {
                assertThat(f.field()).isEqualTo("Task_Evil");
                assertThat(f.messageEn()).startsWith("delegate:");
              })));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(k).count()).isZero();
  }

  @Test
  default void aDesignerSeesNoOtherAgencysTaskOrVariables() throws Exception {
    String k = "sandbox-secret-" + UUID.randomUUID().toString().substring(0, 8);
    String deploymentId = bean(RepositoryService.class).createDeployment().name(k)
        .addModelInstance(k + ".bpmn", Bpmn.createExecutableProcess(k).camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Register").camundaCandidateGroups("vpubnd-clerk").endEvent().done()).deploy().getId();
    try {
      ProcessInstance instance = bean(RuntimeService.class).startProcessInstanceByKey(k,
          Map.of("agency", "vpubnd", "secret", "vpubnd-only"));
      String taskId = bean(TaskService.class).createTaskQuery().processInstanceId(instance.getId()).singleResult()
          .getId();
      SsoClient designer = signIn(DESIGNER);
      String pid = instance.getId();
      assertThat(list(designer, "/engine-rest/task?processInstanceId=" + pid)).isEmpty();
      // The same query finds it for the agency's clerk (so the empty answer above is the designer's rights).
      assertThat(list(signIn("hoadt.vpubnd"), "/engine-rest/task?processInstanceId=" + pid)).hasSize(1);
      assertThat(designer.get("/engine-rest/task/" + taskId).statusCode()).isEqualTo(404);
      HttpResponse<String> taskVariables = designer.get("/engine-rest/task/" + taskId + "/variables");
      assertThat(taskVariables.statusCode()).isIn(403, 404);
      assertThat(taskVariables.body()).doesNotContain("vpubnd-only");
      HttpResponse<String> variables = designer.get("/engine-rest/process-instance/" + pid + "/variables");
      assertThat(variables.statusCode()).isIn(403, 404);
      assertThat(variables.body()).doesNotContain("vpubnd-only");
      assertThat(list(designer, "/engine-rest/process-instance?processInstanceIds=" + pid))
          .isEmpty();
      assertThat(list(designer, "/engine-rest/history/variable-instance?processInstanceId=" + pid)).isEmpty();
      assertThat(list(designer, "/engine-rest/history/process-instance?processInstanceId=" + pid)).isEmpty();
      // The designer still sees the definition (what Cockpit lists).
      assertThat(list(designer, "/engine-rest/process-definition?key=" + k)).hasSize(1);
    } finally {
      bean(RepositoryService.class).deleteDeployment(deploymentId, true, true, true);
    }
  }

  @Test
  default void designersGrantsFromAnOlderVersionConverge() {
    AuthorizationService authorizations = bean(AuthorizationService.class);
    String designer = Roles.PROCESS_DESIGNER;
    Authorization definitions = authorizations.createAuthorizationQuery().groupIdIn(designer)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    definitions.addPermission(Permissions.ALL);
    authorizations.saveAuthorization(definitions);
    Authorization instances = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    instances.setGroupId(designer);
    instances.setResource(Resources.PROCESS_INSTANCE);
    instances.setResourceId(Authorization.ANY);
    instances.addPermission(Permissions.READ);
    authorizations.saveAuthorization(instances);

    bean(EngineAuthorizations.class).ensure();

    assertThat(authorizations.isUserAuthorized(DESIGNER, List.of(designer), Permissions.READ,
        Resources.PROCESS_INSTANCE)).isFalse();
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(designer)
        .resourceType(Resources.PROCESS_INSTANCE).count()).isZero();
    Authorization trimmed = authorizations.createAuthorizationQuery().groupIdIn(designer)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    assertThat(trimmed.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(trimmed.isPermissionGranted(Permissions.READ_INSTANCE)).isFalse();
    assertThat(trimmed.isPermissionGranted(Permissions.UPDATE_INSTANCE)).isFalse();
  }

  @Test
  default void objectVariablesDeserializeOnlyAllowedTypes() {
    String k = "sandbox-variables-" + UUID.randomUUID().toString().substring(0, 8);
    String deploymentId = bean(RepositoryService.class).createDeployment().name(k)
        .addModelInstance(k + ".bpmn", Bpmn.createExecutableProcess(k).camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Wait").camundaCandidateGroups("vpubnd-clerk").endEvent().done()).deploy().getId();
    try {
      RuntimeService runtime = bean(RuntimeService.class);
      String pid = runtime.startProcessInstanceByKey(k).getId();
      runtime.setVariable(pid, "evil", Variables.serializedObjectValue("[\"touch\", \"/tmp/govflow-pwned\"]")
          .serializationDataFormat("application/json").objectTypeName("java.lang.ProcessBuilder").create());
      assertThatThrownBy(() -> runtime.getVariable(pid, "evil")).hasMessageContaining("java.lang.ProcessBuilder");
      // The serialized text is still there for an administrator to see and remove.
      assertThat(runtime.getVariableTyped(pid, "evil", false).toString()).contains("ProcessBuilder");
      // What the shipped processes store (lists and maps as JSON) still works.
      runtime.setVariable(pid, "coordinators", Variables.objectValue(new ArrayList<>(List.of("anhdd.skhcn")))
          .serializationDataFormat("application/json").create());
      assertThat(runtime.getVariable(pid, "coordinators")).isEqualTo(List.of("anhdd.skhcn"));
    } finally {
      bean(RepositoryService.class).deleteDeployment(deploymentId, true, true, true);
    }
  }
}
