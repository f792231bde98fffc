package vn.govflow.designer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.govflow.audit.AuditEvent;
import vn.govflow.audit.AuditService;
import vn.govflow.casework.CaseStart;
import vn.govflow.casework.CaseType;
import vn.govflow.casework.Cases;
import vn.govflow.casework.Urgency;
import vn.govflow.identity.Agency;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/**
 * The designer's server side as a designer uses it through /api/v1/designer: drafts with history, validation that
 * names the element, deployment through GovFlow (versions, running instances stay, decision tables that apply to
 * new cases only), ownership and agency variants, the audit row with its diff. Each test works in a module of its
 * own (a random prefix), so the shared context's other tests never see these models.
 */
interface DesignDeployScenarios extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();
  String DESIGNER = "huybq.skhcn";
  String SKHCN = "000.00.12.H37";
  String VPUBND = "000.00.01.H37";
  /** A process designer of the provincial office, created by these tests (the demo data has none). */
  String VPUBND_DESIGNER = "dsgtest.vpubnd";
  String API = "/api/v1/designer";

  static String module() {
    return "dsg" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  static String form(String key) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
          {"id": "Field_Note", "key": "note", "type": "textarea", "label": "Ghi chú"}]}
        """.formatted(key);
  }

  /** A task-deadline table answering every step with {@code days} working days. */
  static String deadlineTable(String key, int days) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_%1$s" name="Deadlines" namespace="http://govflow.vn/dmn">
          <decision id="%1$s" name="Hạn xử lý bước" camunda:historyTimeToLive="P3650D">
            <decisionTable id="Table_Deadline" hitPolicy="FIRST">
              <input id="Input_Task" label="Bước"><inputExpression id="Expr_Task" typeRef="string"><text>taskId</text></inputExpression></input>
              <output id="Output_Days" name="workingDays" typeRef="integer"/>
              <rule id="Rule_All"><inputEntry id="Entry_All"><text>-</text></inputEntry><outputEntry id="Out_All"><text>%2$d</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key, days).strip();
  }

  /** A process with the given user tasks in a row (id → candidate group), due dates from the module's table. */
  static String process(String key, String formKey, String due, String... tasks) {
    StringBuilder body = new StringBuilder("<bpmn:startEvent id=\"StartEvent_Start\"/>\n");
    String previous = "StartEvent_Start";
    for (int i = 0; i < tasks.length; i += 2) {
      body.append("<bpmn:sequenceFlow id=\"Flow_To").append(tasks[i]).append("\" sourceRef=\"").append(previous)
          .append("\" targetRef=\"").append(tasks[i]).append("\"/>\n");
      body.append("<bpmn:userTask id=\"").append(tasks[i]).append("\" name=\"").append(tasks[i])
          .append("\" camunda:candidateGroups=\"").append(tasks[i + 1]).append("\" camunda:dueDate=\"").append(due)
          .append("\" camunda:formRef=\"").append(formKey).append("\" camunda:formRefBinding=\"deployment\"/>\n");
      previous = tasks[i];
    }
    body.append("<bpmn:sequenceFlow id=\"Flow_ToEnd\" sourceRef=\"").append(previous)
        .append("\" targetRef=\"EndEvent_End\"/>\n<bpmn:endEvent id=\"EndEvent_End\"/>\n");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://govflow.vn/bpmn">
          <bpmn:process id="%1$s" name="Quy trình thử" isExecutable="true" camunda:historyTimeToLive="P3650D">
        %2$s  </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, body).strip();
  }

  default JsonNode ok(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  default int saveDraft(SsoClient who, String kind, String key, String content, String comment, String agency)
      throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("content", content, "comment", comment));
    if (agency != null) {
      body.put("agency", agency);
    }
    return ok(who.postJson(API + "/models/" + kind + "/" + key + "/drafts", JSON.writeValueAsString(body)), 201)
        .get("revision").asInt();
  }

  default HttpResponse<String> deploy(SsoClient who, String kind, String key, Integer revision, String tag,
                                      String agency) throws Exception {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("revision", revision);
    body.put("versionTag", tag);
    body.put("comment", "thử triển khai");
    if (agency != null) {
      body.put("agency", agency);
    }
    return who.postJson(API + "/models/" + kind + "/" + key + "/deploy", JSON.writeValueAsString(body));
  }

  default JsonNode draftAndDeploy(SsoClient who, String kind, String key, String content, String tag, String agency)
      throws Exception {
    int revision = saveDraft(who, kind, key, content, "bản nháp", agency);
    return ok(deploy(who, kind, key, revision, tag, agency), 201);
  }

  default String startCase(String processKey, String agencyCode) {
    Agency owner = bean(IdentityDirectory.class).agency(agencyCode).orElseThrow();
    CaseType type = new CaseType("dsgtest", processKey, "dsgTestId", "/designer-test/{id}", "Thử", "Test",
        List.of(), false, 0);
    return bean(Cases.class).start(new CaseStart(type, "DSG-" + UUID.randomUUID(), owner, "Hồ sơ thử thiết kế",
        Urgency.THUONG, null, Map.of()));
  }

  default Task onlyTask(String instanceId) {
    List<Task> tasks = bean(TaskService.class).createTaskQuery().processInstanceId(instanceId).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  /** POST /engine-rest/deployment/create as Cockpit would send it (multipart, one file, optional tenant). */
  static HttpResponse<String> restDeploy(SsoClient client, String key, String xml, String tenant) {
    String boundary = "----designer" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
        + (tenant == null ? "" : "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenant-id\"\r\n\r\n"
        + tenant) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
        + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
    return client.send(client.withXsrf(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.baseUrl()
            + "/engine-rest/deployment/create")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** The provincial office's designer (the demo data has designers in the department of science only). */
  default SsoClient vpubndDesigner() {
    IdentityDirectory directory = bean(IdentityDirectory.class);
    if (directory.person(VPUBND_DESIGNER).isEmpty()) {
      JdbcTemplate jdbc = bean(JdbcTemplate.class);
      jdbc.update("INSERT INTO idn_person (username, full_name, email, agency_code, department_id, job_position_code,"
          + " kind, password_hash, active) VALUES (?, 'Thử Thiết Kế', NULL, ?, 'vpubnd-hcto', 'chuyen-vien', 'PERSON',"
          + " ?, TRUE)", VPUBND_DESIGNER, VPUBND, bean(PasswordEncoder.class).encode(SsoClient.DEMO_PASSWORD));
      jdbc.update("INSERT INTO idn_person_role (username, role) VALUES (?, 'process-designer')", VPUBND_DESIGNER);
      directory.refresh();
    }
    return signIn(VPUBND_DESIGNER);
  }

  @Test
  default void draftsKeepTheirHistoryAndOnlyDesignersReachThem() throws Exception {
    SsoClient designer = signIn(DESIGNER);
    String key = module() + "-note";
    assertThat(saveDraft(designer, "form", key, form(key), "bản đầu", null)).isEqualTo(1);
    String second = form(key).replace("Ghi chú", "Ghi chú của chuyên viên");
    assertThat(saveDraft(designer, "form", key, second, "đổi nhãn", null)).isEqualTo(2);

    JsonNode revisions = ok(designer.get(API + "/models/form/" + key + "/revisions"), 200);
    assertThat(revisions).extracting(r -> r.get("revision").asInt() + " " + r.get("author").asText() + " "
        + r.get("comment").asText()).containsExactly("2 huybq.skhcn đổi nhãn", "1 huybq.skhcn bản đầu");
    assertThat(ok(designer.get(API + "/models/form/" + key + "/revisions/1"), 200).get("content").asText())
        .isEqualTo(form(key));
    JsonNode model = ok(designer.get(API + "/models/form/" + key), 200);
    assertThat(model.get("source").asText()).isEqualTo("draft");
    assertThat(model.get("revision").asInt()).isEqualTo(2);
    assertThat(model.get("content").asText()).contains("Ghi chú của chuyên viên");
    assertThat(model.get("deployedContent").isNull()).isTrue();
    // Saving never deploys.
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM ACT_RE_CAMFORMDEF WHERE KEY_ = ?",
        Integer.class, key)).isZero();
    // A shipped model opens from its file.
    JsonNode shipped = ok(designer.get(API + "/models/bpmn/portal-question"), 200);
    assertThat(shipped.get("content").asText()).contains("id=\"portal-question\"");
    assertThat(ok(designer.get(API + "/models"), 200)).anySatisfy(m -> {
      assertThat(m.get("key").asText()).isEqualTo(key);
      assertThat(m.get("draft").get("revision").asInt()).isEqualTo(2);
      assertThat(m.get("deployed").isNull()).isTrue();
    });
    assertThat(bean(AuditService.class).recent(null, DESIGNER, "designer.draft.save", 50))
        .extracting(AuditEvent::objectId).contains(key);

    // Someone without the process-designer role: 403 problem+json, Vietnamese first.
    SsoClient handler = signIn("anhdd.skhcn");
    for (HttpResponse<String> r : List.of(handler.get(API + "/models"),
        handler.postJson(API + "/models/form/" + key + "/drafts", JSON.writeValueAsString(Map.of("content", "{}"))),
        handler.postJson(API + "/models/form/" + key + "/deploy", "{}"), handler.get(API + "/pickers"))) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(JSON.readTree(r.body()).get("messageVi").asText()).contains("thiết kế quy trình");
    }
    assertThat(ok(designer.get(API + "/models/form/" + key + "/revisions"), 200)).hasSize(2);
  }

  @Test
  default void validationNamesTheElementOfAMissingDelegateAndABadExpression() throws Exception {
    SsoClient designer = signIn(DESIGNER);
    String m = module();
    String key = "portal-" + m;
    String xml = process(key, "portal-triage", "P2D", "Task_Check", "skhcn-handler")
        .replace("<bpmn:endEvent id=\"EndEvent_End\"/>", """
            <bpmn:endEvent id="EndEvent_End"/>
            <bpmn:serviceTask id="Task_Missing" camunda:delegateExpression="${portalNoSuchDelegate}"/>
            <bpmn:serviceTask id="Task_Reach" camunda:expression="${execution.getProcessEngineServices()}"/>
            <bpmn:serviceTask id="Task_Other" camunda:delegateExpression="${incomingReceipt}"/>
            """);
    long deployments = bean(RepositoryService.class).createDeploymentQuery().count();
    JsonNode result = ok(designer.postJson(API + "/validate", JSON.writeValueAsString(Map.of("kind", "bpmn",
        "key", key, "content", xml))), 200);
    assertThat(result.get("ok").asBoolean()).isFalse();
    List<String> problems = new ArrayList<>();
    result.get("problems").forEach(p -> problems.add(p.get("elementId").asText() + " " + p.get("rule").asText()
        + " " + p.get("severity").asText()));
    assertThat(problems).contains("Task_Missing govflow/delegate ERROR", "Task_Reach govflow/method ERROR",
        "Task_Other govflow/other-module ERROR");
    assertThat(result.get("problems").get(0).get("messageVi").asText()).isNotBlank();
    // The engine's own parse ran as a dry deploy: a service task without an implementation is its refusal.
    String noImplementation = process(key, "portal-triage", "P2D", "Task_Check", "skhcn-handler")
        .replace("<bpmn:endEvent id=\"EndEvent_End\"/>",
            "<bpmn:endEvent id=\"EndEvent_End\"/><bpmn:serviceTask id=\"Task_Empty\"/>");
    JsonNode parse = ok(designer.postJson(API + "/validate", JSON.writeValueAsString(Map.of("kind", "bpmn",
        "key", key, "content", noImplementation))), 200);
    assertThat(parse.get("problems")).anySatisfy(p -> {
      assertThat(p.get("rule").asText()).isEqualTo("engine-parse");
      assertThat(p.get("elementId").asText()).isEqualTo("Task_Empty");
    });
    // A clean model validates; validation wrote nothing.
    JsonNode clean = ok(designer.postJson(API + "/validate", JSON.writeValueAsString(Map.of("kind", "bpmn",
        "key", key, "content", process(key, "portal-triage", "P2D", "Task_Check", "skhcn-handler")))), 200);
    assertThat(clean.get("ok").asBoolean()).as(clean.toString()).isTrue();
    assertThat(bean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();

    // Deploying the broken draft is refused before the engine sees it: 422 with the same problems.
    int revision = saveDraft(designer, "bpmn", key, xml, "hỏng", null);
    HttpResponse<String> refused = deploy(designer, "bpmn", key, revision, null, null);
    JsonNode problem = ok(refused, 422);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(problem.get("messageVi").asText()).contains("Task_Missing");
    assertThat(problem.get("problems")).anySatisfy(p -> assertThat(p.get("elementId").asText())
        .isEqualTo("Task_Reach"));
    assertThat(bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  /**
   * Issue #10: "the new version applies to new cases only while running ones keep their dates". A case started
   * before the designer deploys a changed deadline table keeps the old table for its next step; a case started
   * after gets the new one.
   */
  @Test
  default void aChangedDeadlineTableAppliesToNewCasesOnly() throws Exception {
    SsoClient designer = signIn(DESIGNER);
    String m = module();
    String formKey = m + "-step";
    String table = m + "-task-deadline";
    String key = m + "-leave";
    draftAndDeploy(designer, "form", formKey, form(formKey), null, null);
    draftAndDeploy(designer, "dmn", table, deadlineTable(table, 2), null, null);
    String xml = process(key, formKey, "${caseDeadlines.taskDue(execution)}", "Task_First", "skhcn-handler",
        "Task_Second", "skhcn-handler");
    JsonNode first = draftAndDeploy(designer, "bpmn", key, xml, "2026.1", null);
    assertThat(first.get("version").asInt()).isEqualTo(1);
    assertThat(first.get("resources")).extracting(JsonNode::asText).contains("processes/" + m + "/" + key + ".bpmn",
        "dmn/" + m + "/" + table + ".dmn", "forms/" + m + "/" + formKey + ".form");
    RepositoryService repository = bean(RepositoryService.class);
    ProcessDefinition v1 = repository.createProcessDefinitionQuery().processDefinitionKey(key).singleResult();
    assertThat(v1.getVersionTag()).isEqualTo("2026.1");

    String before = startCase(key, SKHCN);
    Instant now = Instant.now();
    assertThat(onlyTask(before).getDueDate().toInstant()).isBefore(now.plus(Duration.ofDays(10)));

    // The designer changes the table only: it is deployed with the process that uses it.
    JsonNode second = draftAndDeploy(designer, "dmn", table, deadlineTable(table, 30), "2026.2", null);
    assertThat(second.get("resources")).extracting(JsonNode::asText).contains("processes/" + m + "/" + key + ".bpmn");
    String after = startCase(key, SKHCN);
    assertThat(onlyTask(after).getDueDate().toInstant()).isAfter(now.plus(Duration.ofDays(35)));

    // The running case goes on with its own deployment's table.
    bean(TaskService.class).complete(onlyTask(before).getId());
    Task next = onlyTask(before);
    assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_Second");
    assertThat(next.getDueDate().toInstant()).isBefore(Instant.now().plus(Duration.ofDays(10)));
    RuntimeService runtime = bean(RuntimeService.class);
    ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(before).singleResult();
    assertThat(running.getProcessDefinitionId()).isEqualTo(v1.getId());
    assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceId(after)
        .singleResult().getProcessDefinitionId()).getVersion()).isEqualTo(2);

    // The audit names the deployment and what changed; the diff is kept beside it.
    AuditEvent audit = bean(AuditService.class).recent(null, DESIGNER, "designer.deploy", 50).stream()
        .filter(e -> table.equals(e.objectId()) && e.detail().contains("2026.2")).findFirst().orElseThrow();
    assertThat(audit.detail()).contains(second.get("deploymentId").asText()).contains("changed [Out_All");
    String diff = bean(JdbcTemplate.class).queryForObject("SELECT diff FROM dsg_deployment WHERE deployment_id = ?",
        String.class, second.get("deploymentId").asText());
    assertThat(diff).startsWith("--- deployed\n+++ draft\n@@ ")
        .containsSubsequence("\n-      <rule id=\"Rule_All\">", "<text>2</text>", "\n+      <rule id=\"Rule_All\">",
            "<text>30</text>");

    JsonNode listed = ok(designer.get(API + "/models"), 200);
    assertThat(listed).anySatisfy(e -> {
      assertThat(e.get("key").asText()).isEqualTo(key);
      assertThat(e.get("deployed").get("version").asInt()).isEqualTo(2);
      assertThat(e.get("mayDeploy").asBoolean()).isTrue();
    });
    JsonNode opened = ok(designer.get(API + "/models/dmn/" + table), 200);
    assertThat(opened.get("deployedContent").asText()).contains("<text>30</text>");
  }

  /**
   * Issue #10 item 7: a province-wide process is deployed by the province's designers; the provincial office's
   * designer deploys their own variant with an extra review step, which that agency's new cases take while
   * another agency's cases keep the shared model.
   */
  @Test
  default void anAgencysVariantIsUsedForItsOwnNewCasesOnly() throws Exception {
    SsoClient province = signIn(DESIGNER);
    SsoClient office = vpubndDesigner();
    String m = module();
    String formKey = m + "-step";
    String key = m + "-incoming";
    draftAndDeploy(province, "form", formKey, form(formKey), null, null);
    String shared = process(key, formKey, "P3D", "Task_Handle", "handler");
    // The office's designer may not deploy the province-wide model.
    int revision = saveDraft(office, "bpmn", key, shared, "thử", null);
    HttpResponse<String> refused = deploy(office, "bpmn", key, revision, null, null);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("not-owner");
    // Nor through the raw engine REST deploy (issue #10 item 5): refused to every person, the province's
    // designer too with a valid model they own; nothing is deployed.
    for (SsoClient someone : List.of(office, province)) {
      HttpResponse<String> raw = restDeploy(someone, key, shared, null);
      assertThat(raw.statusCode()).as(raw.body()).isEqualTo(403);
      assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(raw.body());
      assertThat(problem.get("code").asText()).isEqualTo("deploy-through-designer");
      assertThat(problem.get("messageVi").asText()).startsWith("Hãy triển khai qua trang Thiết kế quy trình");
      assertThat(problem.get("messageEn").asText()).contains("process designer");
    }
    assertThat(bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    assertThat(bean(RepositoryService.class).createDeploymentQuery().deploymentName(key).count()).isZero();
    draftAndDeploy(province, "bpmn", key, shared, null, null);

    String variant = process(key, formKey, "P3D", "Task_ExtraReview", "vpubnd-head", "Task_Handle", "handler");
    JsonNode deployed = draftAndDeploy(office, "bpmn", key, variant, "vpubnd-1", VPUBND);
    assertThat(deployed.get("resources")).extracting(JsonNode::asText)
        .contains("forms/" + m + "/" + formKey + ".form");
    // The province's designer may neither deploy nor draft the office's variant.
    assertThat(deploy(province, "bpmn", key, 1, null, VPUBND).statusCode()).isEqualTo(403);
    assertThat(province.postJson(API + "/models/bpmn/" + key + "/drafts", JSON.writeValueAsString(
        Map.of("content", variant, "agency", VPUBND))).statusCode()).isEqualTo(403);

    RepositoryService repository = bean(RepositoryService.class);
    String officeCase = startCase(key, VPUBND);
    String scienceCase = startCase(key, SKHCN);
    assertThat(onlyTask(officeCase).getTaskDefinitionKey()).isEqualTo("Task_ExtraReview");
    assertThat(onlyTask(scienceCase).getTaskDefinitionKey()).isEqualTo("Task_Handle");
    RuntimeService runtime = bean(RuntimeService.class);
    assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceId(officeCase)
        .singleResult().getProcessDefinitionId()).getTenantId()).isEqualTo(VPUBND);
    assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceId(scienceCase)
        .singleResult().getProcessDefinitionId()).getTenantId()).isNull();

    JsonNode listed = ok(office.get(API + "/models"), 200);
    assertThat(listed).anySatisfy(e -> {
      assertThat(e.get("key").asText()).isEqualTo(key);
      assertThat(e.get("variants")).extracting(JsonNode::asText).containsExactly(VPUBND);
      assertThat(e.get("mayDeploy").asBoolean()).isFalse();
      assertThat(e.get("mayDeployVariant").asBoolean()).isTrue();
    });
    JsonNode opened = ok(office.get(API + "/models/bpmn/" + key + "?agency=" + VPUBND), 200);
    assertThat(opened.get("agency").asText()).isEqualTo(VPUBND);
    assertThat(opened.get("content").asText()).contains("Task_ExtraReview");
  }

  /** One model file of a release, as ReleaseDeployment reads the shipped ones. */
  static DesignModels.ModelFile shipped(DesignKind kind, String module, String key, String content) {
    return new DesignModels.ModelFile(kind, key, module, kind.resourceName(module, key),
        content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A release of one test module: the process (form and deadline table by deployment), its form, its tables. */
  static List<DesignModels.ModelFile> release(String m, String processXml, String formJson, int deadlineDays,
                                              int extraDays) {
    return List.of(shipped(DesignKind.BPMN, m, m + "-case", processXml),
        shipped(DesignKind.FORM, m, m + "-step", formJson),
        shipped(DesignKind.DMN, m, m + "-task-deadline", deadlineTable(m + "-task-deadline", deadlineDays)),
        shipped(DesignKind.DMN, m, m + "-extra", deadlineTable(m + "-extra", extraDays)));
  }

  static String caseProcess(String m, String... tasks) {
    return process(m + "-case", m + "-step", "${caseDeadlines.taskDue(execution)}", tasks);
  }

  default int latestVersion(DesignKind kind, String key) {
    return bean(DesignModels.class).deployed(kind, key, null).orElseThrow().version();
  }

  /**
   * Issue #10: at start only what a release changed is deployed (the deployment at this context's start went through
   * ReleaseDeployment too); an unchanged release deploys nothing; a changed table nobody's process uses goes alone;
   * a changed table a process uses goes with that process (binding by deployment), and new cases take it.
   */
  @Test
  default void aReleaseDeploysOnlyTheModelsItChanged() throws Exception {
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    RepositoryService repository = bean(RepositoryService.class);
    String shippedAtStart = jdbc.queryForObject("SELECT deployment_id FROM dsg_release_resource WHERE resource_name = "
        + "'processes/portal/portal-question.bpmn' AND state = 'DEPLOYED'", String.class);
    assertThat(repository.createDeploymentQuery().deploymentId(shippedAtStart).singleResult().getSource())
        .isEqualTo(ReleaseDeployment.SOURCE);

    ReleaseDeployment releases = bean(ReleaseDeployment.class);
    String m = module();
    String xml = caseProcess(m, "Task_Only", "skhcn-handler");
    ReleaseDeployment.Outcome first = releases.apply(release(m, xml, form(m + "-step"), 2, 1), "r1");
    assertThat(first.deployed()).containsExactlyInAnyOrder("processes/" + m + "/" + m + "-case.bpmn",
        "forms/" + m + "/" + m + "-step.form", "dmn/" + m + "/" + m + "-task-deadline.dmn",
        "dmn/" + m + "/" + m + "-extra.dmn");

    long deployments = repository.createDeploymentQuery().count();
    ReleaseDeployment.Outcome same = releases.apply(release(m, xml, form(m + "-step"), 2, 1), "r1");
    assertThat(same.deploymentId()).isNull();
    assertThat(same.deployed()).isEmpty();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

    // Only the unused table changed: it goes alone; the process, its form and its deadline table keep their version.
    ReleaseDeployment.Outcome extra = releases.apply(release(m, xml, form(m + "-step"), 2, 9), "r2");
    assertThat(extra.deployed()).containsExactly("dmn/" + m + "/" + m + "-extra.dmn");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
    assertThat(repository.createDeploymentQuery().deploymentId(extra.deploymentId()).singleResult().getSource())
        .isEqualTo(ReleaseDeployment.SOURCE);
    assertThat(latestVersion(DesignKind.DMN, m + "-extra")).isEqualTo(2);
    assertThat(latestVersion(DesignKind.DMN, m + "-task-deadline")).isEqualTo(1);
    assertThat(latestVersion(DesignKind.BPMN, m + "-case")).isEqualTo(1);
    assertThat(latestVersion(DesignKind.FORM, m + "-step")).isEqualTo(1);

    // The deadline table changed: the process that reads it from its own deployment goes with it.
    String before = startCase(m + "-case", SKHCN);
    ReleaseDeployment.Outcome deadline = releases.apply(release(m, xml, form(m + "-step"), 30, 9), "r3");
    assertThat(deadline.deployed()).contains("dmn/" + m + "/" + m + "-task-deadline.dmn",
        "processes/" + m + "/" + m + "-case.bpmn");
    assertThat(latestVersion(DesignKind.DMN, m + "-task-deadline")).isEqualTo(2);
    assertThat(latestVersion(DesignKind.BPMN, m + "-case")).isEqualTo(2);
    String after = startCase(m + "-case", SKHCN);
    Instant now = Instant.now();
    assertThat(onlyTask(after).getDueDate().toInstant()).isAfter(now.plus(Duration.ofDays(35)));
    assertThat(onlyTask(before).getDueDate().toInstant()).isBefore(now.plus(Duration.ofDays(10)));
    assertThat(bean(AuditService.class).recent(null, null, "designer.release.deploy", 50))
        .anySatisfy(e -> assertThat(e.objectId()).isEqualTo(deadline.deploymentId()));
  }

  /**
   * Upgrading from Camunda's auto-deployment: what its "SpringAutoDeployment" holds is the last release, so the first
   * start with ReleaseDeployment deploys only what the new release changed.
   */
  @Test
  default void anUpgradeTakesTheFormerAutoDeploymentAsTheLastRelease() {
    RepositoryService repository = bean(RepositoryService.class);
    String m = module();
    String xml = caseProcess(m, "Task_Only", "skhcn-handler");
    var auto = repository.createDeployment().name(ReleaseDeployment.SPRING_AUTO_DEPLOYMENT);
    // The starter named resources by their file path.
    release(m, xml, form(m + "-step"), 2, 1).forEach(f -> auto.addString("/app/BOOT-INF/classes/"
        + f.resourceName(), new String(f.content(), java.nio.charset.StandardCharsets.UTF_8)));
    auto.deploy();
    ReleaseDeployment releases = bean(ReleaseDeployment.class);
    ReleaseDeployment.Outcome upgrade = releases.apply(release(m, xml, form(m + "-step"), 2, 7), "u1");
    assertThat(upgrade.deployed()).containsExactly("dmn/" + m + "/" + m + "-extra.dmn");
    assertThat(latestVersion(DesignKind.BPMN, m + "-case")).isEqualTo(1);
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT release_name FROM dsg_release_resource WHERE "
        + "resource_name = ?", String.class, "processes/" + m + "/" + m + "-case.bpmn"))
        .isEqualTo(ReleaseDeployment.SPRING_AUTO_DEPLOYMENT);
  }

  /**
   * Issue #10: a release that changed a model a designer has changed since does not deploy over it: the designer's
   * version stays live, the release's waits as a draft ("release version not applied") until a designer deploys it.
   * A release that changes only a companion carries the designer's process as it is.
   */
  @Test
  default void aReleaseNeverDeploysOverADesignersVersion() throws Exception {
    SsoClient designer = signIn(DESIGNER);
    ReleaseDeployment releases = bean(ReleaseDeployment.class);
    DesignDrafts drafts = bean(DesignDrafts.class);
    String m = module();
    String key = m + "-case";
    String shippedXml = caseProcess(m, "Task_Only", "skhcn-handler");
    releases.apply(release(m, shippedXml, form(m + "-step"), 2, 1), "r1");
    JsonNode mine = draftAndDeploy(designer, "bpmn", key, caseProcess(m, "Task_Only", "skhcn-handler",
        "Task_Extra", "skhcn-handler"), "designer-1", null);

    String releasedXml = caseProcess(m, "Task_Only", "skhcn-handler", "Task_Release", "skhcn-handler");
    ReleaseDeployment.Outcome second = releases.apply(release(m, releasedXml, form(m + "-step"), 2, 1), "r2");
    assertThat(second.deploymentId()).isNull();
    assertThat(second.drafted()).containsExactly("processes/" + m + "/" + key + ".bpmn");
    ProcessDefinition live = bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key)
        .withoutTenantId().latestVersion().singleResult();
    assertThat(live.getDeploymentId()).isEqualTo(mine.get("deploymentId").asText());
    assertThat(live.getVersionTag()).isEqualTo("designer-1");
    DesignDrafts.Draft draft = drafts.latest(DesignKind.BPMN, key, null).orElseThrow();
    assertThat(draft.author()).isEqualTo("GovFlow release r2");
    assertThat(draft.content()).contains("Task_Release").doesNotContain("Task_Extra");
    assertThat(draft.comment()).contains("vẫn đang áp dụng").contains("stays live");
    assertThat(bean(AuditService.class).recent(null, null, "designer.release.draft", 50))
        .anySatisfy(e -> {
          assertThat(e.objectId()).isEqualTo(key);
          assertThat(e.detail()).contains("revision " + draft.revision());
        });
    JsonNode listed = ok(designer.get(API + "/models"), 200);
    assertThat(listed).anySatisfy(e -> {
      assertThat(e.get("key").asText()).isEqualTo(key);
      assertThat(e.get("releasePending").get("revision").asInt()).isEqualTo(draft.revision());
      assertThat(e.get("releasePending").get("release").asText()).isEqualTo("r2");
      assertThat(e.get("releasePending").get("labelVi").asText()).isEqualTo("bản phát hành mới chưa áp dụng");
      assertThat(e.get("releasePending").get("labelEn").asText()).isEqualTo("release version not applied");
    });

    // The same release again: no second draft.
    int revisions = drafts.revisions(DesignKind.BPMN, key, null).size();
    assertThat(releases.apply(release(m, releasedXml, form(m + "-step"), 2, 1), "r2").drafted()).isEmpty();
    assertThat(drafts.revisions(DesignKind.BPMN, key, null)).hasSize(revisions);

    // A later release changes the form only: it goes with the designer's process as the designer left it.
    String newForm = form(m + "-step").replace("\"Ghi chú\"}", "\"Ghi chú\"}, {\"id\": \"Field_Due\", "
        + "\"key\": \"due\", \"type\": \"textfield\", \"label\": \"Hạn\"}");
    ReleaseDeployment.Outcome third = releases.apply(release(m, releasedXml, newForm, 2, 1), "r3");
    assertThat(third.deployed()).contains("forms/" + m + "/" + m + "-step.form", "processes/" + m + "/" + key + ".bpmn");
    DesignModels models = bean(DesignModels.class);
    assertThat(new String(models.deployedContent(DesignKind.BPMN, key, null).orElseThrow(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("Task_Extra").doesNotContain("Task_Release");
    // …and a release after that still sees the designer's process there and drafts again.
    String laterXml = caseProcess(m, "Task_Only", "skhcn-handler", "Task_Later", "skhcn-handler");
    assertThat(releases.apply(release(m, laterXml, newForm, 2, 1), "r4").drafted())
        .containsExactly("processes/" + m + "/" + key + ".bpmn");

    // The designer deploys the release's draft: it is no longer pending, and the next start leaves it.
    DesignDrafts.Draft r4 = drafts.latest(DesignKind.BPMN, key, null).orElseThrow();
    ok(deploy(designer, "bpmn", key, r4.revision(), null, null), 201);
    assertThat(ok(designer.get(API + "/models"), 200)).anySatisfy(e -> {
      assertThat(e.get("key").asText()).isEqualTo(key);
      assertThat(e.get("releasePending").isNull()).isTrue();
    });
    ReleaseDeployment.Outcome again = releases.apply(release(m, laterXml, newForm, 2, 1), "r4");
    assertThat(again.deploymentId()).isNull();
    assertThat(again.drafted()).isEmpty();
  }

  @Test
  default void templatesAndPickersComeFromTheVocabularyAndTheDirectory() throws Exception {
    SsoClient designer = signIn(DESIGNER);
    JsonNode templates = ok(designer.get(API + "/element-templates"), 200);
    assertThat(templates).anySatisfy(t -> {
      assertThat(t.get("id").asText()).isEqualTo("govflow.portal.portalRoute");
      assertThat(t.get("category").get("id").asText()).isEqualTo("portal");
      assertThat(t.get("appliesTo")).extracting(JsonNode::asText).contains("bpmn:ServiceTask");
      assertThat(t.get("properties")).anySatisfy(p -> {
        assertThat(p.get("value").asText()).isEqualTo("${portalRoute}");
        assertThat(p.get("binding").get("name").asText()).isEqualTo("camunda:delegateExpression");
      });
    });
    // In Vietnamese first, the bean's name kept for the chooser's search; in English for an English reader.
    JsonNode route = byTemplateId(templates, "govflow.portal.portalRoute");
    assertThat(route.get("name").asText()).isEqualTo("Chuyển câu hỏi đến cơ quan trả lời");
    assertThat(route.get("category").get("name").asText()).isEqualTo("Hỏi đáp trực tuyến");
    assertThat(route.get("description").asText()).contains("portalRoute");
    JsonNode english = byTemplateId(ok(designer.get(API + "/element-templates?lang=en"), 200),
        "govflow.portal.portalRoute");
    assertThat(english.get("name").asText()).isEqualTo("Route the question to the answering agency");
    assertThat(english.get("category").get("name").asText()).isEqualTo("Online Q&A");
    ok(designer.get(API + "/element-templates?lang=vi"), 200);
    JsonNode pickers = ok(designer.get(API + "/pickers"), 200);
    assertThat(pickers.get("groups")).extracting(g -> g.get("id").asText()).contains("skhcn-handler", "handler");
    assertThat(pickers.get("forms")).extracting(f -> f.get("key").asText()).contains("portal-triage");
    assertThat(pickers.get("decisions")).extracting(d -> d.get("key").asText()).contains("portal-task-deadline");
  }

  private static JsonNode byTemplateId(JsonNode templates, String id) {
    for (JsonNode t : templates) {
      if (id.equals(t.path("id").asText())) {
        return t;
      }
    }
    throw new AssertionError("no template " + id);
  }
}
