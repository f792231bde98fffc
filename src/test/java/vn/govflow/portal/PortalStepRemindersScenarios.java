package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.support.SsoClient;

/**
 * Issue #13 item 18 (seed 003 Art 31.1c) through the running application: the editors' triage and the agency's
 * classification are reminded and escalated on their own due dates with the real {@code caseReminders}; a
 * forwarded question's classification starts its timers again and escalates to the NEW agency's head; each
 * escalation is a step of the question's history on the staff page. The timers' dates are checked against the
 * tasks'; the jobs then run as the job executor runs them when the dates come (the clock itself is moved in
 * PortalQuestionProcessTest: moving the shared engine's clock here would fire every other test's timers).
 */
interface PortalStepRemindersScenarios extends PortalTestApi {
  DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  @Test
  default void triageAndClassificationAreRemindedAndEscalatedAndAForwardEscalatesAtTheNewAgency()
      throws Exception {
    HttpResponse<String> asked = ask(individual("Nhắc hạn tiếp nhận và phân công câu hỏi " + System.nanoTime()),
        someAddress());
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    String code = JSON.readTree(asked.body()).get("trackingCode").asText();
    String pi = bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question"
        + " WHERE tracking_code = ?", String.class, code);
    String id = bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi).singleResult()
        .getBusinessKey();
    IdentityDirectory directory = bean(IdentityDirectory.class);
    List<String> editors = directory.membersOf("portal-editor");
    assertThat(editors).contains("ngocct.vpubnd");
    ManagementService jobs = bean(ManagementService.class);

    // Triage: the editors are reminded; overdue, the editors and the addressed agency's head are told.
    Task triage = awaitTask(pi, "Task_Triage");
    String triageDue = shown(triage);
    assertThat(timer(jobs, pi, "BoundaryEvent_TriageOverdue").getDuedate()).isEqualTo(triage.getDueDate());
    assertThat(timer(jobs, pi, "BoundaryEvent_TriageRemind").getDuedate()).isBefore(triage.getDueDate())
        .isAfter(triage.getCreateTime());
    run(jobs, pi, timer(jobs, pi, "BoundaryEvent_TriageRemind"));
    for (String editor : editors) {
      assertThat(about(editor, id, "REMINDER")).as(editor).singleElement().satisfies(n -> assertThat(
          n.get("bodyVi").asText()).contains("\"Tiếp nhận, phân loại câu hỏi\" đến hạn lúc " + triageDue));
    }
    assertThat(about("hungtv.skhcn", id, "REMINDER")).isEmpty();
    run(jobs, pi, timer(jobs, pi, "BoundaryEvent_TriageOverdue"));
    for (String person : concat(editors, directory.membersOf("skhcn-head"))) {
      assertThat(about(person, id, "ESCALATION")).as(person).singleElement().satisfies(n -> assertThat(
          n.get("subjectVi").asText()).startsWith("Quá hạn bước \"Tiếp nhận, phân loại câu hỏi\""));
    }

    // Routed to the Department; its leaders are reminded of the classification.
    SsoClient editor = signIn("ngocct.vpubnd");
    assertThat(editor.postJson("/api/v1/tasks/" + triage.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(editor.postJson("/api/v1/tasks/" + triage.getId() + "/complete",
        "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}").statusCode()).isEqualTo(204);
    Task classify = awaitTask(pi, "Task_Classify");
    assertThat(timer(jobs, pi, "BoundaryEvent_ClassifyOverdue").getDuedate()).isEqualTo(classify.getDueDate());
    run(jobs, pi, timer(jobs, pi, "BoundaryEvent_ClassifyRemind"));
    List<String> skhcnLeaders = concat(directory.membersOf("skhcn-head"), directory.membersOf("skhcn-deputy-head"));
    for (String leader : skhcnLeaders) {
      assertThat(about(leader, id, "REMINDER")).as(leader).singleElement().satisfies(n -> assertThat(
          n.get("subjectVi").asText()).contains("\"Phân công, phân loại câu hỏi\""));
    }

    // Forwarded to the Provincial Office: its own classification task, new timers, and the escalation reaches
    // the Office's head, not the Department's.
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/api/v1/tasks/" + classify.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(hung.postJson("/api/v1/tasks/" + classify.getId() + "/complete", "{\"classification\":"
        + " \"outside-remit\", \"forwardTo\": \"vpubnd\", \"note\": \"Thuộc thẩm quyền Văn phòng\"}").statusCode())
        .isEqualTo(204);
    Task atOffice = vn.govflow.support.Await.newTask(bean(TaskService.class), pi, "Task_Classify", classify.getId());
    String officeDue = shown(atOffice);
    Job officeOverdue = timer(jobs, pi, "BoundaryEvent_ClassifyOverdue");
    assertThat(officeOverdue.getDuedate()).isEqualTo(atOffice.getDueDate());
    assertThat(jobs.createJobQuery().processInstanceId(pi).timers().list()).hasSize(2);
    run(jobs, pi, officeOverdue);
    List<String> officeHeads = directory.membersOf("vpubnd-head");
    assertThat(officeHeads).isNotEmpty();
    for (String head : officeHeads) {
      assertThat(about(head, id, "ESCALATION")).as(head).singleElement().satisfies(n -> assertThat(
          n.get("bodyVi").asText()).contains("\"Phân công, phân loại câu hỏi\" đã quá hạn (" + officeDue + ")"));
    }
    for (String head : directory.membersOf("skhcn-head")) {
      // Told of the late triage only, never of the Office's classification.
      assertThat(about(head, id, "ESCALATION")).as(head).hasSize(1);
    }

    // Both escalations are steps of the question's history, on the staff page.
    JsonNode view = JSON.readTree(editor.get("/api/v1/questions/" + id, "application/json").body());
    List<String> escalated = new ArrayList<>();
    view.get("events").forEach(e -> {
      if ("ESCALATED".equals(e.get("step").asText())) {
        escalated.add(e.get("comment").asText());
      }
    });
    assertThat(escalated).containsExactly(
        "Quá hạn bước \"Tiếp nhận, phân loại câu hỏi\" (" + triageDue + "), đã báo lãnh đạo",
        "Quá hạn bước \"Phân công, phân loại câu hỏi\" (" + officeDue + "), đã báo lãnh đạo");
    String page = editor.get("/questions/" + id, "text/html").body();
    String history = page.substring(page.indexOf("id=\"q-history\""));
    assertThat(history).contains("Báo quá hạn")
        .contains("Quá hạn bước &quot;Phân công, phân loại câu hỏi&quot; (" + officeDue + ")");
  }

  private String shown(Task task) {
    return SHOWN.format(task.getDueDate().toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
  }

  private List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    b.stream().filter(x -> !all.contains(x)).forEach(all::add);
    return all;
  }

  private Job timer(ManagementService jobs, String pi, String activity) {
    Job job = jobs.createJobQuery().processInstanceId(pi).timers().activityId(activity).singleResult();
    assertThat(job).as(activity).isNotNull();
    return job;
  }

  /** Runs a timer job, then waits for the job executor to run the notification job it leads to. */
  private void run(ManagementService jobs, String pi, Job timer) {
    jobs.executeJob(timer.getId());
    awaitCondition(() -> jobs.createJobQuery().processInstanceId(pi).messages().count() == 0);
    assertThat(bean(RuntimeService.class).createIncidentQuery().processInstanceId(pi).count()).isZero();
  }

  /** The person's notifications of a kind that link to this question's staff page. */
  private List<JsonNode> about(String person, String questionId, String kind) throws Exception {
    JsonNode all = JSON.readTree(signIn(person).get("/api/v1/notifications", "application/json").body());
    List<JsonNode> found = new ArrayList<>();
    all.forEach(n -> {
      if (n.get("link").asText().equals("/questions/" + questionId) && kind.equals(n.get("kind").asText())) {
        found.add(n);
      }
    });
    return found;
  }
}
