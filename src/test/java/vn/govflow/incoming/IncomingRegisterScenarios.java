package vn.govflow.incoming;

import vn.govflow.documents.DocumentType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.SsoClient;

/**
 * Issue #13 items 5, 6, 7, 10 and the register parts of 11: what the clerk and the register show, through the API,
 * the pages and the XLSX, on both databases.
 */
interface IncomingRegisterScenarios extends IncomingTestSupport {
  ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  String AGENCY = "000.00.12.H37";

  private String withType(String json, String type) {
    return json.replace("\"documentType\": \"cong-van\"", "\"documentType\": \"" + type + "\"");
  }

  private JsonNode created(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  private JsonNode registerRow(SsoClient clerk, String id) throws Exception {
    LocalDate today = LocalDate.now(VN);
    JsonNode list = JSON.readTree(clerk.get("/api/v1/incoming-documents?size=500&from=" + today.minusDays(30)
        + "&to=" + today).body());
    for (JsonNode item : list.get("items")) {
      if (item.get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("not in the register: " + id);
  }

  /** Items 6 and 7: any type of document, and the metadata of App VI Part II §II, in the API and on the page. */
  @Test
  default void anyDocumentTypeAndTheAppendixSixMetadata() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    long before = lastNumber(AGENCY);

    // Refused field by field, nothing registered: blank type, over-long type, recipients, signer, page count.
    HttpResponse<String> bad = register(lan, withType(document("1/X", "Sai", ""), " ")
        .replace("\"pageCount\": 2", "\"pageCount\": 1000, \"recipient\": \"" + "x".repeat(1001) + "\","
            + " \"signerName\": \"" + "y".repeat(51) + "\""), "a.txt", text("x"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(JSON.readTree(bad.body()).get("errors").findValuesAsText("field"))
        .contains("documentType", "pageCount", "recipient", "signerName");
    assertThat(register(lan, withType(document("2/X", "Sai", ""), "T".repeat(101)), "a.txt", text("x")).statusCode())
        .isEqualTo(400);
    assertThat(lastNumber(AGENCY)).isEqualTo(before);

    // A Party document, typed by name: accepted; number and notation derived from "số, ký hiệu".
    String recipients = "Phòng Quản lý khoa học; phối hợp: Phòng Kế hoạch – Tài chính, Văn phòng Sở. "
        + "r".repeat(900);
    JsonNode party = created(register(lan, withType(document("15/TT-TU", "Về tăng cường công tác dân vận",
        ", \"signerName\": \"Nguyễn Văn Bình\", \"signerPosition\": \"Phó Bí thư Thường trực\", \"recipient\": \""
            + recipients + "\"").replace("\"pageCount\": 2", "\"pageCount\": 999"), "Thông tri"), "a.txt",
        text("x")));
    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + party.get("id").asText()).body());
    assertThat(doc.at("/typeName").asText()).isEqualTo("Thông tri");
    assertThat(doc.at("/document/documentType").asText()).isEqualTo("Thông tri");
    assertThat(doc.at("/document/codeNumber").asText()).isEqualTo("15");
    assertThat(doc.at("/document/codeNotation").asText()).isEqualTo("TT-TU");
    assertThat(doc.at("/document/signerName").asText()).isEqualTo("Nguyễn Văn Bình");
    assertThat(doc.at("/document/signerPosition").asText()).isEqualTo("Phó Bí thư Thường trực");
    assertThat(doc.at("/document/language").asText()).isEqualTo("Tiếng Việt");
    assertThat(doc.at("/document/pageCount").asInt()).isEqualTo(999);
    assertThat(doc.at("/document/recipient").asText()).hasSize(recipients.length());
    assertThat(doc.at("/document/id").asText()).isEqualTo(party.get("id").asText());
    assertThat(registerRow(lan, party.get("id").asText()).get("typeAndSummary").asText())
        .isEqualTo("Thông tri: Về tăng cường công tác dân vận");
    // The signer is searchable in the register, without diacritics.
    assertThat(JSON.readTree(lan.get("/api/v1/incoming-documents?q=nguyen%20van%20binh%20dan%20van").body())
        .get("items").findValuesAsText("id")).contains(party.get("id").asText());

    // A decree, chosen by its name from the list; the clerk corrects the derived notation; another language.
    JsonNode decree = created(register(lan, withType(document("30/2020/NĐ-CP", "Về công tác văn thư",
        ", \"codeNotation\": \"NĐ-CP\", \"language\": \"Tiếng Việt, tiếng Anh\""), "Nghị định"), "a.txt",
        text("x")));
    doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + decree.get("id").asText()).body());
    assertThat(doc.at("/document/codeNumber").asText()).isEqualTo("30");
    assertThat(doc.at("/document/codeNotation").asText()).isEqualTo("NĐ-CP");
    assertThat(doc.at("/document/language").asText()).isEqualTo("Tiếng Việt, tiếng Anh");
    // One of the 29 types given by its name is stored by its code, so the deadline tables still match it.
    JsonNode invitation = created(register(lan, withType(document("7/GM-UBND", "Họp giao ban", ""), "giấy mời"),
        "a.txt", text("x")));
    assertThat(JSON.readTree(lan.get("/api/v1/incoming-documents/" + invitation.get("id").asText()).body())
        .at("/document/documentType").asText()).isEqualTo("giay-moi");

    // The document page shows the metadata; the form offers the known types and accepts others.
    String page = lan.get("/incoming/" + party.get("id").asText()).body();
    assertThat(page).contains("Thông tri", "Nguyễn Văn Bình – Phó Bí thư Thường trực", "TT-TU", "Tiếng Việt",
        "Người ký", "Ký hiệu văn bản", "999");
    String form = lan.get("/incoming/new").body();
    assertThat(form).contains("list=\"documentTypes\"", "<option value=\"Nghị định\">", "<option value=\"Thông tri\">",
        "<option value=\"Công văn\">", "<label for=\"documentType\"", "<label for=\"signerName\"",
        "<label for=\"codeNotation\"", "<label for=\"lateReason\"", "max=\"999\"");
  }

  /** Item 10 (Art 4.2c, 22.2): backdated beyond the window needs a reason and is marked late; without, no number. */
  @Test
  default void aLateRegistrationNeedsItsReasonAndIsMarkedInTheRegister() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    OffsetDateTime arrived = OffsetDateTime.now(VN).minusDays(10).truncatedTo(ChronoUnit.HOURS);
    String late = document("L1/UBND-VP", "Văn bản đến từ mười ngày trước", ", \"arrivedAt\": \"" + arrived + "\"")
        .replaceFirst("\"documentDate\": \"[0-9-]+\"", "\"documentDate\": \"" + arrived.toLocalDate().minusDays(1)
            + "\"");
    long before = lastNumber(AGENCY);
    HttpResponse<String> refused = register(lan, late, "a.txt", text("x"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("lateReason");
    assertThat(problem.get("errors").findValuesAsText("messageVi").get(0)).contains("lý do vào sổ muộn");
    assertThat(problem.get("errors").findValuesAsText("messageEn").get(0)).contains("late registration");
    assertThat(lastNumber(AGENCY)).isEqualTo(before);

    JsonNode ok = created(register(lan, late.replace("}", ", \"lateReason\": \"Bưu điện chuyển nhầm địa chỉ\"}"),
        "a.txt", text("x")));
    assertThat(ok.get("arrivalNumber").asLong()).isEqualTo(before + 1);
    JsonNode row = registerRow(lan, ok.get("id").asText());
    assertThat(row.get("late").asBoolean()).isTrue();
    assertThat(row.get("note").asText()).isEqualTo("Vào sổ muộn: Bưu điện chuyển nhầm địa chỉ");

    // Registered within the window: no reason asked, nothing marked (a reason given anyway is not kept).
    JsonNode timely = created(register(lan, document("L2/UBND-VP", "Văn bản vừa đến", ", \"arrivedAt\": \""
        + OffsetDateTime.now(VN).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS) + "\", \"lateReason\": \"Không cần\""),
        "a.txt", text("x")));
    JsonNode timelyRow = registerRow(lan, timely.get("id").asText());
    assertThat(timelyRow.get("late").asBoolean()).isFalse();
    assertThat(timelyRow.get("note").isNull()).isTrue();

    LocalDate today = LocalDate.now(VN);
    String page = lan.get("/incoming/register?from=" + arrived.toLocalDate() + "&to=" + today).body();
    assertThat(page).contains("Vào sổ muộn: Bưu điện chuyển nhầm địa chỉ");
    assertThat(xlsxRow(lan, arrived.toLocalDate(), today, "L1/UBND-VP").get(9))
        .isEqualTo("Vào sổ muộn: Bưu điện chuyển nhầm địa chỉ");
    assertThat(lan.get("/incoming/" + ok.get("id").asText()).body())
        .containsPattern("id=\"doc-late\">Bưu điện chuyển nhầm địa chỉ<");
    assertThat(lan.get("/incoming/" + timely.get("id").asText()).body()).doesNotContain("id=\"doc-late\"");
  }

  /**
   * Item 5 (App IV §VI): column 7 names who received the document by the direction; column 9 (ký nhận) is left for
   * the signature on paper. Item 11: the follow-up register shows the same document with its deadline and outcome.
   */
  @Test
  default void columnSevenIsTheReceiverColumnNineIsForASignatureAndTheFollowUpRegisterTracksIt() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    JsonNode created = created(register(lan, document("D7/UBND-VX", "Đề nghị báo cáo tiến độ",
        ", \"recipient\": \"Giám đốc Sở\""), "a.txt", text("x")));
    String id = created.get("id").asText();
    String pi = created.get("processInstanceId").asText();
    assertThat(registerRow(lan, id).get("recipient").asText()).isEqualTo("Giám đốc Sở");

    SsoClient leader = signIn("hungtv.skhcn");
    Task direct = awaitTask(pi, "Task_Direct");
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\","
            + " \"direction\": \"Đồng chí Anh chủ trì.\"}").statusCode()).isEqualTo(204);
    Task handle = awaitTask(pi, "Task_Handle");

    JsonNode row = registerRow(lan, id);
    assertThat(row.get("recipient").asText()).isEqualTo("Đỗ Đức Anh");
    assertThat(row.has("receivedBy")).isFalse();
    LocalDate today = LocalDate.now(VN);
    List<String> cells = xlsxRow(lan, today.minusDays(1), today, "D7/UBND-VX");
    assertThat(cells.get(6)).isEqualTo("Đỗ Đức Anh");
    assertThat(cells.get(8)).isEmpty();
    String page = lan.get("/incoming/register?from=" + today + "&to=" + today).body();
    String pageRow = page.substring(page.indexOf(">D7/UBND-VX<"));
    pageRow = pageRow.substring(0, pageRow.indexOf("</tr>"));
    // Each cell carries its column's name for the phone's card layout (issue #11).
    assertThat(pageRow).containsPattern("<td [^>]*>Đỗ Đức Anh</td>").containsPattern("<td class=\"signature\"[^>]*></td>");

    // The follow-up register: in progress within its deadline; then past it; then done late with the reply.
    JsonNode fu = followUpRow(lan, id);
    assertThat(fu.get("recipient").asText()).isEqualTo("Đỗ Đức Anh");
    assertThat(fu.get("timeliness").asText()).isEqualTo("IN_TIME");
    assertThat(fu.get("typeNumberDateIssuer").asText()).startsWith("Công văn số D7/UBND-VX ngày ")
        .contains("của Ủy ban nhân dân huyện Bảo Thắng");
    // As if the deadline had passed (the handler is late).
    OffsetDateTime past = OffsetDateTime.now(VN).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
    bean(JdbcTemplate.class).update("UPDATE inc_document SET due_at = ? WHERE id = ?", past, id);
    assertThat(followUpRow(lan, id).get("timeliness").asText()).isEqualTo("OVERDUE");
    assertThat(signIn("anhdd.skhcn").postJson("/api/v1/tasks/" + handle.getId() + "/complete",
        "{\"outcome\": \"answered\", \"replyReference\": \"52/SKHCN-KHTC\", \"proposal\": \"Đã báo cáo.\"}")
        .statusCode()).isEqualTo(204);
    await(() -> bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi).count() == 0);
    fu = followUpRow(lan, id);
    assertThat(fu.get("timeliness").asText()).isEqualTo("LATE");
    assertThat(fu.get("doneAt").isNull()).isFalse();
    assertThat(fu.get("replyReference").asText()).isEqualTo("52/SKHCN-KHTC");
    JsonNode totals = JSON.readTree(lan.get("/api/v1/incoming-documents/follow-up?from=" + today + "&to=" + today)
        .body()).get("totals");
    assertThat(totals.get("doneLate").asInt()).isPositive();
    assertThat(totals.get("total").asInt()).isEqualTo(totals.get("doneOnTime").asInt() + totals.get("doneLate").asInt()
        + totals.get("openInTime").asInt() + totals.get("openOverdue").asInt());

    String followUpPage = lan.get("/incoming/follow-up?from=" + today + "&to=" + today).body();
    assertThat(followUpPage).contains("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN", "Thời hạn giải quyết",
        "Tiến độ giải quyết", "Số, ký hiệu văn bản trả lời", "52/SKHCN-KHTC", "Đã giải quyết quá hạn",
        "id=\"fu-done-late\"".replace("fu-done-late", "fu-late"));
    assertThat(lan.get("/incoming/follow-up?from=" + today + "&to=" + today + "&lang=en").body())
        .contains("FOLLOW-UP REGISTER OF INCOMING DOCUMENTS", "Done late");
  }

  /**
   * Item 11 (Art 22.3b): a year's register prints in full (here 5,050 documents, past the old silent 5,000-row cut)
   * and is closed with its closing statement; after that, nothing more is registered in that year.
   */
  @Test
  default void aYearPrintsInFullAndIsClosedWithItsStatement() throws Exception {
    int year = 2019;
    int count = 5050;
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    List<Object[]> rows = new ArrayList<>();
    OffsetDateTime start = OffsetDateTime.of(year, 1, 2, 8, 0, 0, 0, java.time.ZoneOffset.ofHours(7));
    for (int n = 1; n <= count; n++) {
      OffsetDateTime at = start.plusMinutes(90L * n);
      rows.add(new Object[] {UUID.randomUUID().toString(), AGENCY, year, n, at, "n" + n + "/UBND-LS",
          at.toLocalDate(), "Tồn lưu " + n, at});
    }
    jdbc.batchUpdate("INSERT INTO inc_document(id, agency_code, reg_year, arrival_number, arrived_at, channel,"
        + " sender_name, number_symbol, document_date, document_type, summary, urgency, status, registered_by,"
        + " registered_at) VALUES (?, ?, ?, ?, ?, 'PAPER', 'Sở Tài chính', ?, ?, 'cong-van', ?, 'thuong', 'DONE',"
        + " 'lannt.skhcn', ?)", rows);
    jdbc.update("INSERT INTO inc_register_sequence(agency_code, reg_year, last_number) VALUES (?, ?, ?)", AGENCY,
        year, count);
    SsoClient lan = signIn("lannt.skhcn");

    String printed = lan.get("/incoming/register?from=" + year + "-01-01&to=" + year + "-12-31").body();
    assertThat(printed).contains("Tổng số: 5050 văn bản.", ">1</a>", ">5000</a>", ">5001</a>", ">5050</a>",
        "n5050/UBND-LS");

    // Only a clerk, only a year that has ended.
    assertThat(signIn("anhdd.skhcn").postJson("/api/v1/incoming-documents/register/" + year + "/closing", "")
        .statusCode()).isEqualTo(403);
    assertThat(lan.postJson("/api/v1/incoming-documents/register/" + LocalDate.now(VN).getYear() + "/closing", "")
        .statusCode()).isEqualTo(400);
    JsonNode open = JSON.readTree(lan.get("/api/v1/incoming-documents/register/" + year + "/closing").body());
    assertThat(open.get("closed").asBoolean()).isFalse();
    assertThat(open.at("/statement/documentCount").asLong()).isEqualTo(count);

    HttpResponse<String> closed = lan.postJson("/api/v1/incoming-documents/register/" + year + "/closing", "");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
    JsonNode statement = JSON.readTree(closed.body()).get("statement");
    assertThat(statement.get("documentCount").asLong()).isEqualTo(count);
    assertThat(statement.get("firstNumber").asLong()).isEqualTo(1);
    assertThat(statement.get("lastNumber").asLong()).isEqualTo(count);
    assertThat(statement.get("closedBy").asText()).isEqualTo("lannt.skhcn");
    assertThat(lan.postJson("/api/v1/incoming-documents/register/" + year + "/closing", "").statusCode())
        .isEqualTo(409);

    String closingPage = lan.get("/incoming/register/closing?year=" + year).body();
    assertThat(closingPage).contains("KHÓA SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2019",
        "Sổ đăng ký văn bản đến năm 2019 có 5050 văn bản, từ số 1 đến số 5050. Khóa sổ ngày "
            + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(VN)) + ".",
        "Người khóa sổ", "Thủ trưởng cơ quan");
    assertThat(lan.get("/incoming/register?from=" + year + "-01-01&to=" + year + "-12-31").body())
        .contains("id=\"closing-statement\"", "từ số 1 đến số 5050");

    // Nothing more is registered in the closed year: refused, no number taken.
    String old = document("Z9/UBND", "Văn bản năm cũ tìm thấy sau khi khóa sổ", ", \"arrivedAt\": \"" + year
        + "-12-30T09:00:00+07:00\", \"lateReason\": \"Thất lạc\"")
        .replaceFirst("\"documentDate\": \"[0-9-]+\"", "\"documentDate\": \"" + year + "-12-29\"");
    HttpResponse<String> refused = register(lan, old, "a.txt", text("x"));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).get("messageVi").asText()).contains("đã khóa");
    assertThat(jdbc.queryForObject("SELECT last_number FROM inc_register_sequence WHERE agency_code = ?"
        + " AND reg_year = ?", Long.class, AGENCY, year)).isEqualTo(count);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inc_document WHERE agency_code = ? AND reg_year = ?",
        Long.class, AGENCY, year)).isEqualTo(count);

    // The closing page's own form: an empty year closes with its statement; the current year is refused on the page.
    String emptyYear = lan.get("/incoming/register/closing?year=2018").body();
    assertThat(emptyYear).contains("Sổ năm 2018 chưa khóa.", "sổ năm 2018 không có văn bản nào", "Khóa sổ năm 2018");
    HttpResponse<String> pageClose = closeOnPage(lan, emptyYear, 2018);
    assertThat(pageClose.statusCode()).isIn(200, 302);
    assertThat(lan.get("/incoming/register/closing?year=2018").body())
        .contains("Sổ đăng ký văn bản đến năm 2018 không có văn bản nào. Khóa sổ ngày");
    int thisYear = LocalDate.now(VN).getYear();
    String refusedPage = closeOnPage(lan, lan.get("/incoming/register/closing?year=" + thisYear).body(), thisYear)
        .body();
    assertThat(refusedPage).contains("id=\"closing-problem\"", "Chỉ khóa sổ của năm đã kết thúc");
    assertThat(lan.get("/api/v1/incoming-documents/register/" + thisYear + "/closing").body())
        .contains("\"closed\":false");
  }

  /** Posts the closing page's form as the browser does (its CSRF field and the year). */
  private HttpResponse<String> closeOnPage(SsoClient client, String page, int year) {
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
        .matcher(page);
    assertThat(csrf.find()).as("the closing page's form carries a CSRF field").isTrue();
    return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
            + "/incoming/register/closing"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SsoClient.form(java.util.Map.of("_csrf", csrf.group(1),
            "year", String.valueOf(year))))));
  }

  private JsonNode followUpRow(SsoClient clerk, String id) throws Exception {
    LocalDate today = LocalDate.now(VN);
    JsonNode fu = JSON.readTree(clerk.get("/api/v1/incoming-documents/follow-up?from=" + today.minusDays(1) + "&to="
        + today).body());
    for (JsonNode r : fu.get("rows")) {
      if (r.get("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("not in the follow-up register: " + id + " " + fu);
  }

  private List<String> xlsxRow(SsoClient clerk, LocalDate from, LocalDate to, String numberSymbol) throws Exception {
    HttpResponse<byte[]> xlsx = clerk.getBytes("/api/v1/incoming-documents/export.xlsx?from=" + from + "&to=" + to);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      for (Row r : sheet) {
        if (r.getRowNum() > 4 && r.getCell(3) != null && numberSymbol.equals(r.getCell(3).getStringCellValue())) {
          List<String> cells = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            cells.add(r.getCell(i) == null ? "" : r.getCell(i).toString());
          }
          return cells;
        }
      }
    }
    throw new AssertionError("not in the XLSX: " + numberSymbol);
  }
}
