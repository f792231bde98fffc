package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.support.SsoClient;

/**
 * Issue #13 items 9 and 11 (the process's steps), through the API and the task pages as each person sees them:
 * department coordinators with their own deadlines and a required direction (Decree 30/2020 Art 23.2; seed 001
 * Art 11.2).
 */
interface IncomingStepsScenarios extends IncomingTestSupport {
  Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Registers a document through the API: its id and process instance. */
  private String[] registered(String extra) throws Exception {
    HttpResponse<String> r = register(signIn("lannt.skhcn"), document("S" + System.nanoTime() % 1_000_000 + "/UBND",
        "Đề nghị phối hợp các phòng", extra), "a.txt", text("x"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = JSON.readTree(r.body());
    return new String[] {created.get("id").asText(), created.get("processInstanceId").asText()};
  }

  private List<String> fields(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).get("errors").findValuesAsText("field");
  }

  @Test
  default void aDepartmentCoordinatesByItsOwnDeadlineAndTheDirectionIsRequired() throws Exception {
    String[] doc = registered("");
    Task direct = awaitTask(doc[1], "Task_Direct");
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    WorkingDayCalendar calendar = bean(WorkingDayCalendar.class);
    LocalDate today = LocalDate.now(calendar.zone());
    LocalDate next = calendar.nextWorkingDay(today);
    String lead = "\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\"";

    // The page offers the agency's departments in the coordination rows, with their own date.
    String page = hung.get("/tasks/" + direct.getId()).body();
    assertThat(page).contains("name=\"coordination[0].department\"").contains("Phòng Chuyển đổi số")
        .contains("name=\"coordination[0].dueDate\"");
    // Without the direction's text: refused, and the page says so beside the field.
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).isTrue();
    String refusedPage = hung.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/tasks/" + direct.getId()
        + "/complete")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SsoClient.form(Map.of("_csrf", csrf.group(1),
            "decision", "assign", "leadType", "person", "leadHandler", "anhdd.skhcn"))))).body();
    assertThat(refusedPage).containsPattern("id=\"error-direction\">Cần nhập: Ý kiến chỉ đạo\\.<");
    HttpResponse<String> noText = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{" + lead + ", \"direction\": \"   \"}");
    assertThat(noText.statusCode()).as(noText.body()).isEqualTo(400);
    assertThat(fields(noText)).containsExactly("direction");
    assertThat(JSON.readTree(noText.body()).get("messageVi").asText()).contains("Cần ghi ý kiến chỉ đạo");

    // A deadline already past, one after the case's own deadline, a non-working day, a department without a head.
    HttpResponse<String> past = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete", "{" + lead
        + ", \"direction\": \"Xử lý.\", \"coordination\": [{\"department\": \"skhcn-cds\", \"dueDate\": \""
        + today.minusDays(1) + "\"}]}");
    assertThat(past.statusCode()).as(past.body()).isEqualTo(400);
    assertThat(fields(past)).containsExactly("coordination[0].dueDate");
    LocalDate farAway = calendar.nextWorkingDay(today.plusDays(20));
    HttpResponse<String> after = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete", "{" + lead
        + ", \"direction\": \"Xử lý.\", \"handlingDaysOverride\": 2, \"coordination\": [{\"person\": \"maivt.skhcn\","
        + " \"dueDate\": \"" + farAway + "\"}]}");
    assertThat(after.statusCode()).as(after.body()).isEqualTo(400);
    assertThat(fields(after)).containsExactly("coordination[0].dueDate");
    assertThat(JSON.readTree(after.body()).get("messageVi").asText()).contains("sau hạn giải quyết văn bản");
    LocalDate sunday = today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
    HttpResponse<String> holiday = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete", "{" + lead
        + ", \"direction\": \"Xử lý.\", \"coordination\": [{\"department\": \"skhcn-cds\", \"dueDate\": \"" + sunday
        + "\"}, {\"department\": \"skhcn-qlkh\"}]}");
    assertThat(holiday.statusCode()).as(holiday.body()).isEqualTo(400);
    assertThat(fields(holiday)).containsExactly("coordination[0].dueDate", "coordination[1].department");
    assertThat(bean(TaskService.class).createTaskQuery().taskId(direct.getId()).count()).isEqualTo(1);

    // Accepted: Mai with the default deadline, the Digital Transformation Division by the next working day.
    HttpResponse<String> ok = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete", "{" + lead
        + ", \"coordinators\": [\"maivt.skhcn\"], \"direction\": \"Anh chủ trì; phòng CĐS cho ý kiến.\","
        + " \"coordination\": [{\"department\": \"skhcn-cds\", \"dueDate\": \"" + next + "\"}]}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    Task handle = awaitTask(doc[1], "Task_Handle");
    List<Task> opinions = bean(TaskService.class).createTaskQuery().processInstanceId(doc[1])
        .taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).hasSize(2);
    Task mai = opinions.stream().filter(t -> "maivt.skhcn".equals(t.getAssignee())).findFirst().orElseThrow();
    Task cds = opinions.stream().filter(t -> t.getAssignee() == null).findFirst().orElseThrow();
    assertThat(cds.getDueDate().toInstant()).isEqualTo(calendar.deadline(next.atStartOfDay(calendar.zone())
        .toInstant(), 0).dueAt().toInstant());
    assertThat(mai.getDueDate()).isBefore(handle.getDueDate());
    assertThat(bean(TaskService.class).getIdentityLinksForTask(cds.getId())).extracting(IdentityLink::getUserId)
        .contains("hapt.skhcn");

    // The department's head sees it in her list, was told, and gives the department's opinion.
    SsoClient ha = signIn("hapt.skhcn");
    assertThat(JSON.readTree(ha.get("/api/v1/tasks").body()).findValuesAsText("id")).contains(cds.getId());
    assertThat(bean(JdbcTemplate.class).queryForList("SELECT subject_vi FROM notification WHERE recipient ="
        + " 'hapt.skhcn' AND link = ?", String.class, "/incoming/" + doc[0]))
        .anySatisfy(s -> assertThat(s).contains("cho ý kiến phối hợp của đơn vị"));
    assertThat(ha.postJson("/api/v1/tasks/" + cds.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(ha.postJson("/api/v1/tasks/" + cds.getId() + "/complete", "{\"opinion\": \"Phòng thống nhất.\"}")
        .statusCode()).isEqualTo(204);

    JsonNode history = JSON.readTree(signIn("lannt.skhcn").get("/api/v1/incoming-documents/" + doc[0]).body())
        .get("history");
    assertThat(history.findValuesAsText("comment")).anySatisfy(c -> assertThat(c)
        .contains("Chỉ đạo: Anh chủ trì; phòng CĐS cho ý kiến.").contains("Phối hợp: Vũ Thị Mai, Phòng Chuyển đổi số"
            + " (hạn " + next.format(DAY) + ")"));
    assertThat(history.findValuesAsText("comment")).contains("Phòng Chuyển đổi số: Phòng thống nhất.");
  }
}
