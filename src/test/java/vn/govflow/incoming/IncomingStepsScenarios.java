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

  /**
   * Item 11a (Art 23.1, second sentence): the clerk forwards a document straight to its handler; no direction task,
   * the leader is informed, the handler has it in the list, the slip says so. A target outside the agency is
   * refused before anything is stored.
   */
  @Test
  default void theClerkForwardsStraightToAKnownHandlerAndTheLeaderIsInformed() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    long before = lastNumber("000.00.12.H37");
    HttpResponse<String> outside = register(lan, document("F" + System.nanoTime() % 1_000_000 + "/UBND", "Chuyển nhầm",
        ", \"forwardTo\": \"thaomt.vpubnd\""), "a.txt", text("x"));
    assertThat(outside.statusCode()).as(outside.body()).isEqualTo(400);
    assertThat(fields(outside)).containsExactly("forwardTo");
    assertThat(lastNumber("000.00.12.H37")).isEqualTo(before);

    // The registration page offers it: the agency's departments and people, not another agency's.
    String page = lan.get("/incoming/new").body();
    assertThat(page).contains("<label for=\"forwardTo\">Chuyển thẳng cho</label>", "value=\"anhdd.skhcn\"",
        "value=\"skhcn-qlkh\"").doesNotContain("value=\"thaomt.vpubnd\"");
    String[] doc = registered(", \"forwardTo\": \"anhdd.skhcn\", \"directingLeader\": \"tuanlm.skhcn\"");
    Task handle = awaitTask(doc[1], "Task_Handle");
    assertThat(handle.getAssignee()).isEqualTo("anhdd.skhcn");
    assertThat(handle.getDueDate()).isNotNull();
    assertThat(bean(TaskService.class).createTaskQuery().processInstanceId(doc[1]).taskDefinitionKey("Task_Direct")
        .count()).isZero();
    assertThat(JSON.readTree(signIn("anhdd.skhcn").get("/api/v1/tasks").body()).findValuesAsText("id"))
        .contains(handle.getId());
    assertThat(bean(JdbcTemplate.class).queryForList("SELECT recipient FROM notification WHERE link = ? AND"
        + " subject_vi LIKE 'Văn bản đến văn thư đã chuyển thẳng cho Đỗ Đức Anh%'", String.class, "/incoming/" + doc[0]))
        .containsExactly("tuanlm.skhcn");
    JsonNode shown = JSON.readTree(lan.get("/api/v1/incoming-documents/" + doc[0]).body());
    assertThat(shown.get("history").findValuesAsText("step")).containsSubsequence("REGISTERED", "FORWARDED_DIRECTLY");
    assertThat(shown.get("history").findValuesAsText("comment"))
        .contains("Chuyển thẳng cho Đỗ Đức Anh | Đã báo lãnh đạo: Lê Minh Tuấn");
    assertThat(shown.at("/document/status").asText()).isEqualTo("DIRECTED");
    assertThat(lan.get("/incoming/" + doc[0]).body()).contains("Văn thư chuyển thẳng (đã báo lãnh đạo)");
    // Register column 8 ("Ngày chuyển") shows the day the clerk forwarded it, as it would a leader's direction.
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    JsonNode items = JSON.readTree(lan.get("/api/v1/incoming-documents?size=500&from=" + today.minusDays(30)
        + "&to=" + today).body()).get("items");
    JsonNode row = null;
    for (JsonNode item : items) {
      if (item.get("id").asText().equals(doc[0])) {
        row = item;
      }
    }
    assertThat(row).as("the register row of " + doc[0]).isNotNull();
    assertThat(java.time.OffsetDateTime.parse(row.get("forwardedAt").asText()))
        .isAfter(java.time.OffsetDateTime.now().minusHours(1));
  }

  /**
   * Item 11b (Art 23.3-23.4; seed 001 Art 11.1d): a document with a bulky dossier is handed over by a clerk against
   * a signature after the direction; who signed and when are on the slip, and the handling starts after it.
   */
  @Test
  default void aBulkyDossierIsHandedOverAgainstASignature() throws Exception {
    String[] doc = registered(", \"bulkyDossier\": true");
    Task direct = awaitTask(doc[1], "Task_Direct");
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete", "{\"decision\": \"assign\","
        + " \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\", \"direction\": \"Anh xử lý.\"}")
        .statusCode()).isEqualTo(204);
    Task handover = awaitTask(doc[1], "Task_Handover");
    assertThat(handover.getName()).isEqualTo("Bàn giao bản giấy/hồ sơ");
    assertThat(bean(TaskService.class).createTaskQuery().processInstanceId(doc[1]).taskDefinitionKey("Task_Handle")
        .count()).isZero();
    SsoClient lan = signIn("lannt.skhcn");
    assertThat(JSON.readTree(lan.get("/api/v1/tasks").body()).findValuesAsText("id")).contains(handover.getId());
    assertThat(lan.postJson("/api/v1/tasks/" + handover.getId() + "/claim", "").statusCode()).isEqualTo(204);
    String page = lan.get("/tasks/" + handover.getId()).body();
    assertThat(page).contains("Người ký nhận").contains("name=\"receivedAt\"");

    java.time.ZoneId zone = bean(WorkingDayCalendar.class).zone();
    java.time.LocalDateTime now = java.time.LocalDateTime.now(zone).withSecond(0).withNano(0);
    HttpResponse<String> future = lan.postJson("/api/v1/tasks/" + handover.getId() + "/complete",
        "{\"receivedBy\": \"anhdd.skhcn\", \"receivedAt\": \"" + now.plusDays(2) + "\"}");
    assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
    assertThat(fields(future)).containsExactly("receivedAt");
    HttpResponse<String> stranger = lan.postJson("/api/v1/tasks/" + handover.getId() + "/complete",
        "{\"receivedBy\": \"thaomt.vpubnd\", \"receivedAt\": \"" + now + "\"}");
    assertThat(fields(stranger)).containsExactly("receivedBy");
    HttpResponse<String> ok = lan.postJson("/api/v1/tasks/" + handover.getId() + "/complete",
        "{\"receivedBy\": \"anhdd.skhcn\", \"receivedAt\": \"" + now + "\", \"note\": \"01 tập hồ sơ\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(awaitTask(doc[1], "Task_Handle").getAssignee()).isEqualTo("anhdd.skhcn");

    JsonNode history = JSON.readTree(lan.get("/api/v1/incoming-documents/" + doc[0]).body()).get("history");
    assertThat(history.findValuesAsText("step")).containsSubsequence("DIRECTED", "HANDED_OVER");
    assertThat(history.findValuesAsText("comment")).contains("Bàn giao bản giấy, hồ sơ cho Đỗ Đức Anh, ký nhận lúc "
        + now.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")) + " | 01 tập hồ sơ");
    assertThat(lan.get("/incoming/" + doc[0]).body()).contains("Bàn giao bản giấy/hồ sơ (ký nhận)");
  }

  /**
   * Item 11c (Art 21.2c): a document from an agency inside the province is acknowledged to that agency's clerks on
   * registration, with its arrival number; one from outside the directory is not (nobody to tell).
   */
  @Test
  default void aSenderInsideTheProvinceHearsOfTheReceiptTheSameDay() throws Exception {
    HttpResponse<String> r = register(signIn("lannt.skhcn"), document("R" + System.nanoTime() % 1_000_000
        + "/VP-TH", "Báo cáo gửi các sở", ", \"senderAgencyCode\": \"000.00.01.H37\"")
        .replace("\"senderName\": \"Ủy ban nhân dân huyện Bảo Thắng\", ", ""), "a.txt", text("x"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = JSON.readTree(r.body());
    String id = created.get("id").asText();
    long number = created.get("arrivalNumber").asLong();
    String symbol = JSON.readTree(signIn("lannt.skhcn").get("/api/v1/incoming-documents/" + id).body())
        .at("/document/numberSymbol").asText();

    JsonNode hoa = JSON.readTree(signIn("hoadt.vpubnd").get("/api/v1/notifications").body());
    List<String> subjects = hoa.findValuesAsText("subjectVi");
    assertThat(subjects).contains("Đã nhận văn bản " + symbol + ": Sở Khoa học và Công nghệ, số đến " + number + "/"
        + LocalDate.now(bean(WorkingDayCalendar.class).zone()).getYear());
    // The other agency's people other than its clerks are not told; the receiving agency's slip records it.
    assertThat(JSON.readTree(signIn("sonnv.vpubnd").get("/api/v1/notifications").body()).findValuesAsText("subjectVi"))
        .noneMatch(s -> s.contains(symbol));
    JsonNode history = JSON.readTree(signIn("lannt.skhcn").get("/api/v1/incoming-documents/" + id).body())
        .get("history");
    assertThat(history.findValuesAsText("step")).containsSubsequence("REGISTERED", "RECEIPT_SENT");
    assertThat(history.findValuesAsText("comment")).contains("Đã báo nhận văn bản cho Văn phòng Ủy ban nhân dân tỉnh");

    String[] outside = registered("");
    JsonNode none = JSON.readTree(signIn("lannt.skhcn").get("/api/v1/incoming-documents/" + outside[0]).body());
    assertThat(none.get("history").findValuesAsText("step")).doesNotContain("RECEIPT_SENT");
  }
}
