package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.identity.CurrentUser;
import vn.govflow.support.SsoClient;

/**
 * Incoming documents end to end through the API, signed in as each person: registration and its refusals,
 * gapless numbering under concurrency, the register, and a document's way from the clerk to its outcome.
 */
interface IncomingApiScenarios extends IncomingTestSupport {
  @Test
  default void clerkRegistersAndBadInputConsumesNoNumber() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    String agency = "000.00.12.H37";
    long before = lastNumber(agency);

    HttpResponse<String> missing = register(lan, "{\"summary\": \"\"}", "a.txt", text("x"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).get("errors").findValuesAsText("field"))
        .contains("senderName", "numberSymbol", "documentDate", "documentType", "summary");

    HttpResponse<String> future = register(lan, document("1/UBND", "Tương lai", "").replace(
        LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString(), LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3).toString()), "a.txt", text("x"));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("documentDate");

    HttpResponse<String> secret = register(lan, document("2/UBND", "Mật", ", \"secrecy\": \"mat\""), "a.txt",
        text("x"));
    assertThat(secret.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(secret.body()).get("messageVi").asText()).contains("văn bản mật");

    HttpResponse<String> exe = register(lan, document("3/UBND", "Tệp sai", ""), "van-ban.pdf", text("#!/bin/sh\necho"));
    assertThat(exe.statusCode()).isEqualTo(415);
    assertThat(register(lan, document("4/UBND", "Không tệp", ""), null, null).statusCode()).isEqualTo(400);
    assertThat(register(signIn("anhdd.skhcn"), document("5/UBND", "Không phải văn thư", ""), "a.txt", text("x"))
        .statusCode()).isEqualTo(403);
    assertThat(lastNumber(agency)).isEqualTo(before);

    HttpResponse<String> ok = register(lan, document("12/UBND-VP", "Về việc triển khai công văn chuyển đổi số", ""),
        "cong-van-12.txt", text("Nội dung công văn về chữ ký số"));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    JsonNode created = JSON.readTree(ok.body());
    assertThat(created.get("arrivalNumber").asLong()).isEqualTo(before + 1);
    assertThat(created.get("processInstanceId").asText()).isNotBlank();

    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + created.get("id").asText()).body());
    assertThat(doc.at("/document/status").asText()).isEqualTo("REGISTERED");
    assertThat(doc.at("/files/0/name").asText()).isEqualTo("cong-van-12.txt");
    assertThat(doc.at("/history/0/step").asText()).isEqualTo("REGISTERED");

    // Another agency: the document does not exist for them.
    assertThat(signIn("hoadt.vpubnd").get("/api/v1/incoming-documents/" + created.get("id").asText()).statusCode())
        .isEqualTo(404);

    // Search without diacritics finds it, in the register and in the file's text.
    JsonNode found = JSON.readTree(lan.get("/api/v1/incoming-documents?q=cong%20van%20chuyen%20doi").body());
    assertThat(found.get("items").findValuesAsText("id")).contains(created.get("id").asText());
    JsonNode byText = JSON.readTree(lan.get("/api/v1/incoming-documents?q=chu%20ky%20so").body());
    assertThat(byText.get("items").findValuesAsText("id")).contains(created.get("id").asText());
    JsonNode notThere = JSON.readTree(signIn("hoadt.vpubnd").get("/api/v1/incoming-documents?q=chuyen%20doi").body());
    assertThat(notThere.get("items").findValuesAsText("id")).doesNotContain(created.get("id").asText());
  }

  @Test
  default void likelyDuplicateNeedsConfirmation() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    String json = document("77/UBND-TH", "Báo cáo trùng", "");
    assertThat(register(lan, json, "a.txt", text("x")).statusCode()).isEqualTo(201);
    HttpResponse<String> again = register(lan, json, "a.txt", text("x"));
    assertThat(again.statusCode()).isEqualTo(409);
    JsonNode problem = JSON.readTree(again.body());
    assertThat(problem.at("/duplicateOf/id").asText()).isNotBlank();
    HttpResponse<String> confirmed = register(lan, json.replace("}", ", \"confirmDuplicate\": true}"), "a.txt",
        text("x"));
    assertThat(confirmed.statusCode()).isEqualTo(201);
    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/"
        + JSON.readTree(confirmed.body()).get("id").asText()).body());
    assertThat(doc.at("/document/duplicateOf").asText()).isEqualTo(problem.at("/duplicateOf/id").asText());

    // Issue #13 item 8 (App VI Part I §III.1h): number and symbol plus issuer, whatever the date written on it.
    String otherDate = json.replaceFirst("\"documentDate\": \"[0-9-]+\"", "\"documentDate\": \""
        + LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(20) + "\"");
    assertThat(otherDate).isNotEqualTo(json);
    assertThat(register(lan, otherDate, "a.txt", text("x")).statusCode()).isEqualTo(409);
    // Another issuer's 77/UBND-TH is not a duplicate.
    assertThat(register(lan, json.replace("Ủy ban nhân dân huyện Bảo Thắng", "Ủy ban nhân dân huyện Sa Pa"), "a.txt",
        text("x")).statusCode()).isEqualTo(201);
  }

  @Test
  default void concurrentRegistrationsGetUniqueGaplessNumbers() throws Exception {
    IncomingRegistration service = bean(IncomingRegistration.class);
    CurrentUser clerk = new CurrentUser("hoadt.vpubnd", "Đặng Thị Hoa", "000.00.01.H37", "Văn phòng", "vpubnd-hcto",
        null, "Văn thư", Set.of("clerk"), null);
    long before = lastNumber("000.00.01.H37");
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<Long>> jobs = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      jobs.add(() -> service.register(new RegistrationRequest(null, "PAPER", null, "Sở Tài chính", "C" + n + "/STC",
          LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1), "cong-van", "Công văn đồng thời số " + n, "thuong", 1, null, null, false, null,
          null, false), List.of(new IncomingRegistration.Upload("scan-" + n + ".txt",
              () -> new ByteArrayInputStream(("scan " + n).getBytes(StandardCharsets.UTF_8)))), clerk).arrivalNumber());
    }
    List<Long> numbers = new ArrayList<>();
    try {
      for (Future<Long> f : pool.invokeAll(jobs)) {
        numbers.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    Collections.sort(numbers);
    List<Long> expected = new ArrayList<>();
    for (long i = before + 1; i <= before + threads; i++) {
      expected.add(i);
    }
    assertThat(numbers).isEqualTo(expected);
    assertThat(lastNumber("000.00.01.H37")).isEqualTo(before + threads);
  }

  @Test
  default void documentGoesFromClerkToLeaderToHandlersToOutcome() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> created = register(lan, document("88/UBND-VX", "Đề nghị phối hợp kiểm tra", ""), "a.txt",
        text("x"));
    assertThat(created.statusCode()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    String pi = JSON.readTree(created.body()).get("processInstanceId").asText();
    TaskService tasks = bean(TaskService.class);

    SsoClient leader = signIn("hungtv.skhcn");
    Task direct = awaitTask(pi, "Task_Direct");
    // Presented to the leader by the next working day (Decree 30/2020 Art 23.1), on the working-day calendar.
    assertThat(direct.getDueDate().toInstant()).isEqualTo(bean(vn.govflow.calendar.WorkingDayCalendar.class)
        .deadline(direct.getCreateTime().toInstant(), 1).dueAt().toInstant());
    assertThat(JSON.readTree(leader.get("/api/v1/tasks").body()).findValuesAsText("id")).contains(direct.getId());
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    HttpResponse<String> badDirection = leader.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"thaomt.vpubnd\"}");
    assertThat(badDirection.statusCode()).isEqualTo(400);
    assertThat(badDirection.body()).contains("leadHandler");
    assertThat(tasks.createTaskQuery().taskId(direct.getId()).count()).isEqualTo(1);
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\","
            + " \"coordinators\": [\"maivt.skhcn\"], \"direction\": \"Đồng chí Anh chủ trì, báo cáo trước hạn.\"}")
        .statusCode()).isEqualTo(204);

    Task handle = awaitTask(pi, "Task_Handle");
    Task opinion = awaitTask(pi, "Task_GiveOpinion");
    assertThat(handle.getAssignee()).isEqualTo("anhdd.skhcn");
    assertThat(opinion.getAssignee()).isEqualTo("maivt.skhcn");
    assertThat(handle.getDueDate()).isAfter(java.util.Date.from(Instant.now()));

    SsoClient anh = signIn("anhdd.skhcn");
    SsoClient mai = signIn("maivt.skhcn");
    // Both were told in the app; the leader's dashboard counts the case under Anh.
    assertThat(JSON.readTree(anh.get("/api/v1/notifications").body()).findValuesAsText("link"))
        .contains("/incoming/" + id);
    assertThat(JSON.readTree(mai.get("/api/v1/notifications").body()).findValuesAsText("link"))
        .contains("/incoming/" + id);
    JsonNode sla = JSON.readTree(leader.get("/api/v1/sla/incoming").body());
    assertThat(sla.at("/totals/total").asInt()).isPositive();
    assertThat(sla.get("byHandler").findValuesAsText("fullName")).contains("Đỗ Đức Anh");
    HttpResponse<String> early = anh.postJson("/api/v1/tasks/" + handle.getId() + "/complete",
        "{\"outcome\": \"filed\"}");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.body()).contains("ý kiến phối hợp");
    // Mai cannot complete Anh's task (403); another agency's person does not see it at all (404).
    assertThat(mai.postJson("/api/v1/tasks/" + handle.getId() + "/complete", "{\"outcome\": \"filed\"}").statusCode())
        .isEqualTo(403);
    assertThat(signIn("thaomt.vpubnd").postJson("/api/v1/tasks/" + handle.getId() + "/complete", "{}").statusCode())
        .isEqualTo(404);
    assertThat(mai.postJson("/api/v1/tasks/" + opinion.getId() + "/complete",
        "{\"opinion\": \"Phòng QLKH thống nhất.\"}").statusCode()).isEqualTo(204);
    assertThat(anh.postJson("/api/v1/tasks/" + handle.getId() + "/complete",
        "{\"outcome\": \"answered\", \"replyReference\": \"45/SKHCN-CDS\", \"proposal\": \"Đã trả lời.\"}")
        .statusCode()).isEqualTo(204);

    await(() -> bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi).count() == 0);
    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + id).body());
    assertThat(doc.at("/document/status").asText()).isEqualTo("DONE");
    assertThat(doc.at("/document/outcome").asText()).isEqualTo("answered");
    assertThat(doc.at("/document/replyReference").asText()).isEqualTo("45/SKHCN-CDS");
    assertThat(doc.get("history").findValuesAsText("step"))
        .containsSubsequence("REGISTERED", "DIRECTED", "OPINION", "HANDLED", "DONE");
    assertThat(doc.get("history").findValuesAsText("comment")).anySatisfy(c -> assertThat(c).contains("Phòng QLKH"));
  }

  /**
   * Issue #13 item 3 (Decree 30/2020 Art 23.1): an urgent document (khẩn counts) is presented at once: its directing
   * leader is notified on registration, or every head and deputy head when none is named; an ordinary one is not.
   */
  @Test
  default void anUrgentDocumentReachesItsLeaderAtOnce() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    String named = registeredWith(lan, "92/UBND-VX", "khan", ", \"directingLeader\": \"tuanlm.skhcn\"");
    assertThat(jdbc.queryForList("SELECT recipient || ' ' || subject_vi FROM notification WHERE kind = 'URGENT'"
        + " AND link = ?", String.class, "/incoming/" + named))
        .containsExactly("tuanlm.skhcn Văn bản KHẨN cần chỉ đạo ngay: 92/UBND-VX – Văn bản khẩn thử báo ngay");

    String unnamed = registeredWith(lan, "93/UBND-VX", "hoa-toc", "");
    assertThat(jdbc.queryForList("SELECT recipient FROM notification WHERE kind = 'URGENT' AND link = ?",
        String.class, "/incoming/" + unnamed)).containsExactlyInAnyOrder("hungtv.skhcn", "tuanlm.skhcn");

    String ordinary = registeredWith(lan, "94/UBND-VX", "thuong", ", \"directingLeader\": \"hungtv.skhcn\"");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE kind = 'URGENT' AND link = ?",
        Integer.class, "/incoming/" + ordinary)).isZero();
  }

  private String registeredWith(SsoClient clerk, String numberSymbol, String urgency, String extra) throws Exception {
    HttpResponse<String> r = register(clerk, document(numberSymbol, "Văn bản khẩn thử báo ngay", extra)
        .replace("\"urgency\": \"thuong\"", "\"urgency\": \"" + urgency + "\""), "a.txt", text("x"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asText();
  }

  @Test
  default void leadHandlerAsksToBeReassignedAndTheDocumentGoesBackToTheLeader() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> created = register(lan, document("91/UBND-VX", "Đề nghị giao lại", ""), "a.txt", text("x"));
    assertThat(created.statusCode()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asText();
    String pi = JSON.readTree(created.body()).get("processInstanceId").asText();
    SsoClient leader = signIn("hungtv.skhcn");
    Task direct = awaitTask(pi, "Task_Direct");
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\", \"direction\": \"Xử lý, báo cáo kết quả.\"}")
        .statusCode()).isEqualTo(204);
    Task handle = awaitTask(pi, "Task_Handle");
    String path = "/api/v1/incoming-documents/" + id + "/reassign-request";

    // Only the lead handler handling it may ask; the reason is required; another agency does not see the document.
    assertThat(signIn("maivt.skhcn").postJson(path, "{\"reason\": \"Không phải tôi\"}").statusCode()).isEqualTo(403);
    assertThat(signIn("thaomt.vpubnd").postJson(path, "{\"reason\": \"Nhầm\"}").statusCode()).isEqualTo(404);
    SsoClient anh = signIn("anhdd.skhcn");
    HttpResponse<String> noReason = anh.postJson(path, "{\"reason\": \"  \"}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noReason.body()).get("errors").findValuesAsText("field")).containsExactly("reason");
    assertThat(bean(TaskService.class).createTaskQuery().taskId(handle.getId()).count()).isEqualTo(1);

    assertThat(anh.postJson(path, "{\"reason\": \"Đi công tác dài ngày\"}").statusCode()).isEqualTo(204);
    Task again = awaitTask(pi, "Task_Direct");
    assertThat(again.getId()).isNotEqualTo(direct.getId());
    assertThat(bean(TaskService.class).createTaskQuery().taskId(handle.getId()).count()).isZero();
    assertThat(bean(RuntimeService.class).getVariable(pi, "reassignReason")).isEqualTo("Đi công tác dài ngày");
    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + id).body());
    assertThat(doc.get("history").findValuesAsText("step")).containsSubsequence("DIRECTED", "REASSIGN_REQUESTED");
    assertThat(doc.get("history").findValuesAsText("comment")).contains("Đi công tác dài ngày");

    // Issue #13 item 4 (Art 23.2, 23.4): handing the document to someone else keeps the deadline the direction set.
    // As if that direction had been given three days ago: its deadline, not one counted again from now, stays.
    java.util.Date directedDeadline = java.util.Date.from(handle.getDueDate().toInstant()
        .minus(java.time.Duration.ofDays(3)));
    bean(RuntimeService.class).setVariable(pi, "dueAt", directedDeadline);
    assertThat(leader.postJson("/api/v1/tasks/" + again.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(leader.postJson("/api/v1/tasks/" + again.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"maivt.skhcn\", \"direction\": \"Xử lý, báo cáo kết quả.\"}")
        .statusCode()).isEqualTo(204);
    Task reassigned = awaitTask(pi, "Task_Handle");
    assertThat(reassigned.getAssignee()).isEqualTo("maivt.skhcn");
    assertThat(reassigned.getDueDate()).isEqualTo(directedDeadline);
  }

  @Test
  default void registerExportsToXlsxWithTheTenColumns() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    assertThat(register(lan, document("99/UBND-KT", "Về kế hoạch xuất sổ", ""), "a.txt", text("x")).statusCode())
        .isEqualTo(201);
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    HttpResponse<byte[]> xlsx = lan.getBytes("/api/v1/incoming-documents/export.xlsx?from=" + today.minusDays(1)
        + "&to=" + today.plusDays(1));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      Row header = sheet.getRow(3);
      List<String> headers = new ArrayList<>();
      header.forEach(c -> headers.add(c.getStringCellValue()));
      assertThat(headers).containsExactly("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
          "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú");
      boolean found = false;
      for (Row r : sheet) {
        if (r.getRowNum() > 4 && r.getCell(3) != null && "99/UBND-KT".equals(r.getCell(3).getStringCellValue())) {
          found = r.getCell(5).getStringCellValue().equals("Công văn: Về kế hoạch xuất sổ");
        }
      }
      assertThat(found).isTrue();
    }
    assertThat(lan.getBytes("/api/v1/incoming-documents/export.xlsx?from=2026-05-01&to=2026-01-01").statusCode())
        .isEqualTo(400);
    HttpResponse<String> page = lan.get("/incoming/register?from=" + today.minusDays(1) + "&to=" + today);
    assertThat(page.body()).contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN").contains("99/UBND-KT").contains("(10)");
  }

  @Test
  default void leaderAssignsSeveralTasksAtOnceAllOrNothing() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    List<String> tasks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = register(lan, document("B" + i + "/UBND-" + System.nanoTime() % 100000,
          "Giao hàng loạt " + i, ""), "a.txt", text("x"));
      tasks.add(awaitTask(JSON.readTree(r.body()).get("processInstanceId").asText(), "Task_Direct").getId());
    }
    SsoClient leader = signIn("hungtv.skhcn");
    String ids = "[\"" + String.join("\",\"", tasks) + "\"]";
    assertThat(signIn("anhdd.skhcn").postJson("/api/v1/tasks/assign",
        "{\"taskIds\": " + ids + ", \"assignee\": \"tuanlm.skhcn\"}").statusCode()).isEqualTo(403);
    assertThat(leader.postJson("/api/v1/tasks/assign",
        "{\"taskIds\": " + ids + ", \"assignee\": \"sonnv.vpubnd\"}").statusCode()).isEqualTo(400);
    String withUnknown = "[\"" + String.join("\",\"", tasks) + "\",\"no-such-task\"]";
    assertThat(leader.postJson("/api/v1/tasks/assign",
        "{\"taskIds\": " + withUnknown + ", \"assignee\": \"tuanlm.skhcn\"}").statusCode()).isEqualTo(404);
    TaskService taskService = bean(TaskService.class);
    assertThat(tasks).allSatisfy(t -> assertThat(taskService.createTaskQuery().taskId(t).singleResult().getAssignee())
        .isNull());
    HttpResponse<String> ok = leader.postJson("/api/v1/tasks/assign",
        "{\"taskIds\": " + ids + ", \"assignee\": \"tuanlm.skhcn\"}");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("assigned").asInt()).isEqualTo(3);
    assertThat(tasks).allSatisfy(t -> assertThat(taskService.createTaskQuery().taskId(t).singleResult().getAssignee())
        .isEqualTo("tuanlm.skhcn"));
  }

  @Test
  default void twoPeopleAtOnceOneWinsTheOtherIsToldWith409() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> created = register(lan, document("R1/UBND-" + System.nanoTime() % 100000, "Tranh chấp",
        ""), "a.txt", text("x"));
    Task direct = awaitTask(JSON.readTree(created.body()).get("processInstanceId").asText(), "Task_Direct");
    SsoClient hung = signIn("hungtv.skhcn");
    SsoClient tuan = signIn("tuanlm.skhcn");
    List<Integer> claims = race(() -> hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode(),
        () -> tuan.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode());
    assertThat(claims).containsExactlyInAnyOrder(204, 409);
    String winner = bean(TaskService.class).createTaskQuery().taskId(direct.getId()).singleResult().getAssignee();
    SsoClient first = signIn(winner);
    SsoClient second = signIn(winner);
    String direction = "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\", \"direction\": \"Xử lý, báo cáo kết quả.\"}";
    List<Integer> completions = race(
        () -> first.postJson("/api/v1/tasks/" + direct.getId() + "/complete", direction).statusCode(),
        () -> second.postJson("/api/v1/tasks/" + direct.getId() + "/complete", direction).statusCode());
    assertThat(completions).containsExactlyInAnyOrder(204, 409);
    // Outside the agency the finished task reveals nothing.
    assertThat(signIn("thaomt.vpubnd").postJson("/api/v1/tasks/" + direct.getId() + "/complete", direction)
        .statusCode()).isEqualTo(404);
  }

  @Test
  default void reminderAndEscalationReachTheHandlerAndTheLeaders() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> created = register(lan, document("T1/UBND-" + System.nanoTime() % 100000,
        "Nhắc hạn và báo quá hạn", ""), "a.txt", text("x"));
    String id = JSON.readTree(created.body()).get("id").asText();
    String pi = JSON.readTree(created.body()).get("processInstanceId").asText();
    Task direct = awaitTask(pi, "Task_Direct");
    SsoClient leader = signIn("tuanlm.skhcn");
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/complete", "{\"decision\": \"assign\","
        + " \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\", \"direction\": \"Xử lý, báo cáo kết quả.\"}").statusCode()).isEqualTo(204);
    awaitTask(pi, "Task_Handle");

    // Fire the timers now instead of waiting for the working days to pass; the engine then runs the
    // notification service tasks as jobs, exactly as it will when the dates come.
    org.camunda.bpm.engine.ManagementService jobs = bean(org.camunda.bpm.engine.ManagementService.class);
    // One at a time, as the job executor would (exclusive jobs of one case never run concurrently).
    for (String timer : List.of("BoundaryEvent_Remind", "BoundaryEvent_Overdue")) {
      org.camunda.bpm.engine.runtime.Job job = jobs.createJobQuery().processInstanceId(pi).timers()
          .activityId(timer).singleResult();
      jobs.executeJob(job.getId());
      await(() -> jobs.createJobQuery().processInstanceId(pi).messages().count() == 0);
    }
    assertThat(bean(RuntimeService.class).createIncidentQuery().processInstanceId(pi).count()).isZero();

    JsonNode anh = JSON.readTree(signIn("anhdd.skhcn").get("/api/v1/notifications").body());
    List<String> anhKinds = new ArrayList<>();
    anh.forEach(n -> {
      if (n.get("link").asText().equals("/incoming/" + id)) {
        anhKinds.add(n.get("kind").asText());
      }
    });
    assertThat(anhKinds).contains("ASSIGNED", "REMINDER", "ESCALATION");
    JsonNode head = JSON.readTree(signIn("hungtv.skhcn").get("/api/v1/notifications").body());
    assertThat(head.findValuesAsText("subjectVi")).anySatisfy(t -> assertThat(t).startsWith("Văn bản đến quá hạn"));
    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + id).body());
    assertThat(doc.get("history").findValuesAsText("step")).contains("ESCALATED");
  }

}
