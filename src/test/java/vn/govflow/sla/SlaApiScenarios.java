package vn.govflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/**
 * The SLA API over real HTTP, signed in, against cases of a small test process. Expected figures come from the
 * engine and the database directly, never from SlaService. Each test deploys its own copy of the process and
 * deletes it (with its instances and history) at the end.
 */
interface SlaApiScenarios extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();
  String KEY = "sla-test";
  String API = "/api/v1/sla/" + KEY;

  @Test
  default void headSeesHisAgencysCasesByStateDepartmentAndHandler() throws Exception {
    Fixture f = new Fixture(this);
    try {
      HttpResponse<String> response = signIn("hungtv.skhcn").get(API);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode report = JSON.readTree(response.body());
      Instant now = Instant.now();

      assertThat(report.get("processKey").asText()).isEqualTo(KEY);
      assertThat(report.get("agency").asText()).isEqualTo("skhcn");
      assertThat(report.get("agencyName").asText()).isEqualTo("Sở Khoa học và Công nghệ");
      assertThat(report.get("generatedAt").asText()).endsWith("+07:00");

      // What the engine says, counted here.
      Map<String, Integer> expected = f.countByState("skhcn", now);
      JsonNode totals = report.get("totals");
      assertThat(totals.get("overdue").asInt()).isEqualTo(expected.get("OVERDUE")).isEqualTo(2);
      assertThat(totals.get("dueSoon").asInt()).isEqualTo(expected.get("DUE_SOON")).isEqualTo(1);
      assertThat(totals.get("onTime").asInt()).isEqualTo(expected.get("ON_TIME")).isEqualTo(1);
      assertThat(totals.get("noDeadline").asInt()).isEqualTo(expected.get("NO_DEADLINE")).isEqualTo(1);
      // And what the database says, in SQL.
      assertThat(totals.get("total").asInt()).isEqualTo(f.sqlCount("skhcn", null)).isEqualTo(5);
      assertThat(totals.get("overdue").asInt()).isEqualTo(f.sqlCount("skhcn", now));

      JsonNode cds = line(report.get("byDepartment"), "id", "skhcn-cds");
      assertThat(cds.get("name").asText()).isEqualTo("Phòng Chuyển đổi số");
      assertThat(cds.get("counts").get("overdue").asInt()).isEqualTo(1);
      assertThat(cds.get("counts").get("onTime").asInt()).isEqualTo(1);
      assertThat(line(report.get("byDepartment"), "id", "skhcn-qlkh").get("counts").get("dueSoon").asInt())
          .isEqualTo(1);
      JsonNode unassigned = line(report.get("byDepartment"), "id", null);
      assertThat(unassigned.get("name").asText()).isEqualTo("chưa phân công");
      assertThat(unassigned.get("counts").get("overdue").asInt()).isEqualTo(1);
      assertThat(unassigned.get("counts").get("noDeadline").asInt()).isEqualTo(1);

      JsonNode anh = line(report.get("byHandler"), "username", "anhdd.skhcn");
      assertThat(anh.get("fullName").asText()).isEqualTo("Đỗ Đức Anh");
      assertThat(anh.get("counts").get("total").asInt()).isEqualTo(2);
      assertThat(line(report.get("byHandler"), "username", "maivt.skhcn").get("counts").get("dueSoon").asInt())
          .isEqualTo(1);

      JsonNode overdue = report.get("overdue");
      assertThat(overdue).hasSize(2);
      JsonNode held = line(overdue, "businessKey", f.key("overdue"));
      assertThat(held.get("title").asText()).isEqualTo("Công văn quá hạn");
      assertThat(held.get("dueAt").asText()).endsWith("+07:00");
      assertThat(OffsetDateTime.parse(held.get("dueAt").asText()).toInstant())
          .isEqualTo(f.dueAt.get(f.key("overdue")).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      double days = f.calendar.workingDaysBetween(f.dueAt.get(f.key("overdue")), now);
      assertThat(held.get("workingDaysOverdue").asDouble()).isGreaterThan(1).isCloseTo(days, within(0.2));
      assertThat(held.get("holders").get(0).get("type").asText()).isEqualTo("USER");
      assertThat(held.get("holders").get(0).get("id").asText()).isEqualTo("anhdd.skhcn");
      assertThat(held.get("holders").get(0).get("name").asText()).isEqualTo("Đỗ Đức Anh");
      JsonNode queued = line(overdue, "businessKey", f.key("overdue-unassigned"));
      assertThat(queued.get("holders").get(0).get("type").asText()).isEqualTo("GROUP");
      assertThat(queued.get("holders").get(0).get("id").asText()).isEqualTo("skhcn-clerk");
      assertThat(overdue.toString()).doesNotContain(f.key("vpubnd"));

      // The page shows the same figures.
      HttpResponse<String> page = signIn("hungtv.skhcn").get("/sla/process/" + KEY);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Theo dõi tiến độ").contains("id=\"sla-overdue\">2<")
          .contains("id=\"sla-due-soon\">1<").contains(f.key("overdue")).contains("Đỗ Đức Anh")
          .contains("id=\"sla-by-department\">")
          .contains("id=\"sla-by-handler\">");
    } finally {
      f.delete();
    }
  }

  @Test
  default void othersAreRefusedOrSeeOnlyTheirAgency() throws Exception {
    Fixture f = new Fixture(this);
    try {
      HttpResponse<String> handler = signIn("anhdd.skhcn").get(API);
      assertThat(handler.statusCode()).isEqualTo(403);
      assertThat(handler.headers().firstValue("Content-Type")).hasValueSatisfying(
          ct -> assertThat(ct).startsWith("application/problem+json"));
      assertThat(signIn("anhdd.skhcn").get("/sla/incoming").statusCode()).isEqualTo(403);

      SsoClient son = signIn("sonnv.vpubnd");
      JsonNode vp = JSON.readTree(son.get(API).body());
      assertThat(vp.get("agency").asText()).isEqualTo("vpubnd");
      assertThat(vp.get("totals").get("total").asInt()).isEqualTo(f.sqlCount("vpubnd", null)).isEqualTo(1);
      assertThat(vp.get("overdue").get(0).get("businessKey").asText()).isEqualTo(f.key("vpubnd"));
      assertThat(son.get(API + "?agency=skhcn").statusCode()).isEqualTo(403);

      SsoClient admin = signIn("khailv.skhcn");
      JsonNode chosen = JSON.readTree(admin.get(API + "?agency=vpubnd").body());
      assertThat(chosen.get("agency").asText()).isEqualTo("vpubnd");
      assertThat(chosen.get("totals").get("overdue").asInt()).isEqualTo(1);
      assertThat(chosen.get("totals").get("total").asInt()).isEqualTo(1);
      assertThat(JSON.readTree(admin.get(API).body()).get("totals").get("total").asInt()).isEqualTo(5);
      assertThat(admin.get(API + "?agency=nowhere").statusCode()).isEqualTo(400);

      // The incoming-document alias answers even before that process is deployed.
      HttpResponse<String> alias = signIn("tuanlm.skhcn").get("/api/v1/sla/incoming");
      assertThat(alias.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(alias.body()).get("processKey").asText()).isEqualTo("incoming-document");
      HttpResponse<String> english = signIn("hapt.skhcn").get("/sla/incoming?lang=en");
      assertThat(english.statusCode()).isEqualTo(200);
      assertThat(english.body()).contains("Deadline tracking").contains("id=\"sla-overdue\">0<");
    } finally {
      f.delete();
    }
  }

  @Test
  default void finishedCasesAreOnTimeOrLateAgainstTheirDeadline() throws Exception {
    Fixture f = new Fixture(this);
    try {
      TaskService tasks = bean(TaskService.class);
      for (String name : List.of("overdue", "on-time")) {
        String pi = f.instances.get(f.key(name));
        tasks.createTaskQuery().processInstanceId(pi).list().forEach(t -> tasks.complete(t.getId()));
      }
      LocalDate today = LocalDate.now(f.calendar.zone());
      HttpResponse<String> response = signIn("hungtv.skhcn").get(API + "/completed?from=" + today + "&to=" + today);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode done = JSON.readTree(response.body());

      int onTime = 0;
      int late = 0;
      HistoryService history = bean(HistoryService.class);
      for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
          .finished().variableValueEquals("agency", "skhcn").list()) {
        Date due = (Date) history.createHistoricVariableInstanceQuery().processInstanceId(p.getId())
            .variableName("dueAt").singleResult().getValue();
        if (p.getEndTime().after(due)) {
          late++;
        } else {
          onTime++;
        }
      }
      assertThat(done.get("onTime").asInt()).isEqualTo(onTime).isEqualTo(1);
      assertThat(done.get("late").asInt()).isEqualTo(late).isEqualTo(1);
      assertThat(done.get("total").asInt()).isEqualTo(2);
      assertThat(done.get("from").asText()).isEqualTo(today + "T00:00:00+07:00");
      assertThat(JSON.readTree(signIn("hungtv.skhcn").get(API).body()).get("totals").get("total").asInt())
          .isEqualTo(3);
    } finally {
      f.delete();
    }
  }

  /** The first element of an array whose field equals the value (null: the field is null or absent). */
  private static JsonNode line(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      JsonNode v = n.get(field);
      String text = v == null || v.isNull() ? null : v.asText();
      if (value == null ? text == null : value.equals(text)) {
        return n;
      }
    }
    throw new AssertionError("No element with " + field + " = " + value + " in " + array);
  }

  /** A deployment of the test process with six cases: five for skhcn, one for vpubnd. */
  final class Fixture {
    final GovFlowUnderTest app;
    final WorkingDayCalendar calendar;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String deploymentId;
    final Map<String, String> instances = new HashMap<>();
    final Map<String, Instant> dueAt = new HashMap<>();

    Fixture(GovFlowUnderTest app) {
      this.app = app;
      this.calendar = app.bean(WorkingDayCalendar.class);
      BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("SLA test").camundaHistoryTimeToLive(1)
          .startEvent()
          .userTask("Task_Handle").name("Xử lý").camundaAssignee("${leadHandler}")
          .camundaCandidateGroups("${agency}-clerk")
          .endEvent().done();
      deploymentId = app.bean(RepositoryService.class).createDeployment().name("sla-test-" + run)
          .addModelInstance(KEY + ".bpmn", model).deploy().getId();

      Instant now = Instant.now();
      Instant soon = calendar.deadline(now, 1).dueAt().toInstant();
      start("overdue", "skhcn", now.minus(Duration.ofDays(20)), "Công văn quá hạn", "anhdd.skhcn", "skhcn-cds");
      start("overdue-unassigned", "skhcn", now.minus(Duration.ofDays(25)), "Chưa giao", null, null);
      start("due-soon", "skhcn", soon.minus(Duration.ofHours(1)), "Sắp đến hạn", "maivt.skhcn", "skhcn-qlkh");
      start("on-time", "skhcn", calendar.deadline(now, 10).dueAt().toInstant(), "Trong hạn", "anhdd.skhcn",
          "skhcn-cds");
      start("no-deadline", "skhcn", null, "Không hạn", null, null);
      start("vpubnd", "vpubnd", now.minus(Duration.ofDays(20)), "Của Văn phòng", "thaomt.vpubnd", "vpubnd-kgvx");
    }

    String key(String name) {
      return "SLA-" + run + "-" + name;
    }

    private void start(String name, String agency, Instant due, String title, String handler, String department) {
      VariableMap vars = Variables.createVariables().putValue("agency", agency)
          .putValue("agencyCode", "skhcn".equals(agency) ? "000.00.12.H37" : "000.00.01.H37")
          .putValue("title", title).putValue("urgency", "thuong").putValue("leadHandler", handler);
      if (due != null) {
        vars.putValue("dueAt", Date.from(due));
        dueAt.put(key(name), due);
      }
      if (department != null) {
        vars.putValue("leadDepartment", department);
      }
      ProcessInstance pi = app.bean(RuntimeService.class).startProcessInstanceByKey(KEY, key(name), vars);
      instances.put(key(name), pi.getId());
    }

    /** The agency's running cases by state, classified here from the engine's variables. */
    Map<String, Integer> countByState(String agency, Instant now) {
      Instant soon = calendar.deadline(now, 1).dueAt().toInstant();
      RuntimeService runtime = app.bean(RuntimeService.class);
      Map<String, Integer> counts = new HashMap<>(Map.of("OVERDUE", 0, "DUE_SOON", 0, "ON_TIME", 0,
          "NO_DEADLINE", 0));
      List<ProcessInstance> all = new ArrayList<>(runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
          .list());
      for (ProcessInstance p : all) {
        if (!agency.equals(runtime.getVariable(p.getId(), "agency"))) {
          continue;
        }
        Date due = (Date) runtime.getVariable(p.getId(), "dueAt");
        String state = due == null ? "NO_DEADLINE" : due.toInstant().isBefore(now) ? "OVERDUE"
            : due.toInstant().isAfter(soon) ? "ON_TIME" : "DUE_SOON";
        counts.merge(state, 1, Integer::sum);
      }
      return counts;
    }

    /** Running cases of the agency in the engine's tables; with {@code overdueAt}, only those due before it. */
    int sqlCount(String agency, Instant overdueAt) {
      String sql = "SELECT COUNT(*) FROM ACT_RU_EXECUTION e"
          + " JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_"
          + " JOIN ACT_RU_VARIABLE a ON a.EXECUTION_ID_ = e.ID_ AND a.NAME_ = 'agency'"
          + " WHERE e.ID_ = e.PROC_INST_ID_ AND d.KEY_ = ? AND a.TEXT_ = ?";
      JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
      if (overdueAt == null) {
        return jdbc.queryForObject(sql, Integer.class, KEY, agency);
      }
      return jdbc.queryForObject(sql + " AND EXISTS (SELECT 1 FROM ACT_RU_VARIABLE v WHERE v.EXECUTION_ID_ = e.ID_"
          + " AND v.NAME_ = 'dueAt' AND v.LONG_ < ?)", Integer.class, KEY, agency, overdueAt.toEpochMilli());
    }

    /** Removes the deployment with its instances and their history, so no other test sees them. */
    void delete() {
      app.bean(RepositoryService.class).deleteDeployment(deploymentId, true, true, true);
    }
  }
}
