package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.support.SsoClient;

/**
 * Issue #13 item 3 (Decree 30/2020 Art 23.1) through the running application: the leader's direction has its own
 * reminder and escalation on ITS due date, with the real {@code caseReminders}, notifications and history.
 * The timers' dates are checked against the task's; the jobs are then run as the job executor runs them when the
 * dates come (moving the shared engine's clock would fire every other test's timers too; the clock itself is
 * moved in IncomingDocumentProcessTest).
 */
interface DirectionRemindersScenarios extends IncomingTestSupport {
  ObjectMapper JSON = new ObjectMapper();
  DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  @Test
  default void theDirectingLeadersAreRemindedOfTheDirectionAndTheHeadIsToldWhenItIsOverdue() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> created = register(lan, document("NH" + System.nanoTime() % 100000 + "/UBND",
        "Nhắc hạn cho ý kiến chỉ đạo", ""), "a.txt", text("x"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    String pi = JSON.readTree(created.body()).get("processInstanceId").asText();
    Task direct = awaitTask(pi, "Task_Direct");
    String due = SHOWN.format(direct.getDueDate().toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")));

    ManagementService jobs = bean(ManagementService.class);
    Job remind = timer(jobs, pi, "BoundaryEvent_DirectRemind");
    Job overdue = timer(jobs, pi, "BoundaryEvent_DirectOverdue");
    // On the task's own due date, the reminder before it and never before the task exists.
    assertThat(overdue.getDuedate()).isEqualTo(direct.getDueDate());
    assertThat(remind.getDuedate()).isBefore(direct.getDueDate()).isAfter(direct.getCreateTime());
    // The case deadline does not exist yet: the handling's timers are not there.
    assertThat(jobs.createJobQuery().processInstanceId(pi).timers().activityId("BoundaryEvent_Overdue").count())
        .isZero();

    // Unclaimed: every leader who may direct is reminded, nobody else.
    IdentityDirectory directory = bean(IdentityDirectory.class);
    List<String> leaders = new ArrayList<>(directory.membersOf("skhcn-head"));
    leaders.addAll(directory.membersOf("skhcn-deputy-head"));
    assertThat(leaders).contains("hungtv.skhcn", "tuanlm.skhcn");
    run(jobs, pi, remind);
    for (String leader : leaders) {
      assertThat(about(leader, id, "REMINDER")).as(leader).singleElement().satisfies(n -> {
        assertThat(n.get("subjectVi").asText()).contains("Cho ý kiến chỉ đạo").contains("Nhắc hạn cho ý kiến");
        assertThat(n.get("bodyVi").asText()).contains("\"Cho ý kiến chỉ đạo\" đến hạn lúc " + due);
        assertThat(n.get("bodyEn").asText()).contains("is due at " + due);
      });
    }
    assertThat(about("lannt.skhcn", id, "REMINDER")).isEmpty();
    assertThat(about("anhdd.skhcn", id, "REMINDER")).isEmpty();

    // Claimed by the deputy, then overdue: the deputy who holds it and the head are told, and the history says so.
    SsoClient tuan = signIn("tuanlm.skhcn");
    assertThat(tuan.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    run(jobs, pi, overdue);
    for (String person : List.of("tuanlm.skhcn", "hungtv.skhcn")) {
      assertThat(about(person, id, "ESCALATION")).as(person).singleElement().satisfies(n -> {
        assertThat(n.get("subjectVi").asText()).startsWith("Quá hạn bước \"Cho ý kiến chỉ đạo\"");
        assertThat(n.get("bodyVi").asText()).contains("đã quá hạn (" + due + ")")
            .contains("Người đang xử lý: " + directory.person("tuanlm.skhcn").orElseThrow().fullName());
      });
    }
    assertThat(about("anhdd.skhcn", id, "ESCALATION")).isEmpty();
    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + id).body());
    List<String> escalated = new ArrayList<>();
    doc.get("history").forEach(h -> {
      if ("ESCALATED".equals(h.get("step").asText())) {
        escalated.add(h.get("comment").asText());
      }
    });
    assertThat(escalated).containsExactly("Quá hạn bước \"Cho ý kiến chỉ đạo\" (" + due + "), đã báo lãnh đạo");
    // Non-interrupting: the direction is still the deputy's to give.
    assertThat(bean(org.camunda.bpm.engine.TaskService.class).createTaskQuery().taskId(direct.getId())
        .singleResult().getAssignee()).isEqualTo("tuanlm.skhcn");
  }

  private Job timer(ManagementService jobs, String pi, String activity) {
    Job job = jobs.createJobQuery().processInstanceId(pi).timers().activityId(activity).singleResult();
    assertThat(job).as(activity).isNotNull();
    return job;
  }

  /** Runs a timer job, then waits for the job executor to run the notification job it leads to. */
  private void run(ManagementService jobs, String pi, Job timer) {
    jobs.executeJob(timer.getId());
    await(() -> jobs.createJobQuery().processInstanceId(pi).messages().count() == 0);
    assertThat(bean(RuntimeService.class).createIncidentQuery().processInstanceId(pi).count()).isZero();
  }

  /** The person's notifications of a kind that link to this document. */
  private List<JsonNode> about(String person, String documentId, String kind) throws Exception {
    JsonNode all = JSON.readTree(signIn(person).get("/api/v1/notifications").body());
    List<JsonNode> found = new ArrayList<>();
    all.forEach(n -> {
      if (n.get("link").asText().equals("/incoming/" + documentId) && kind.equals(n.get("kind").asText())) {
        found.add(n);
      }
    });
    return found;
  }
}
