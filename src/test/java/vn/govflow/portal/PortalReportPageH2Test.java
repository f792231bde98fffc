package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.support.H2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * The signed-in Q&A report page shows what the API says for the same month and person, in Vietnamese unless
 * English was chosen; people without the right see the 403 page, a mistyped month a message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalReportPageH2Test extends H2IntegrationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SKHCN = "000.00.12.H37";
  static final String VPUBND = "000.00.01.H37";
  /** A month no other test seeds (PortalReportScenarios uses 2025-06; the portal API tests use today). */
  static final String MONTH = "2024-10";
  static final String PAGE = "/reports/portal?month=" + MONTH;
  static final Pattern ROW = Pattern.compile("<tr[^>]*data-agency=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
  static final Pattern CELL = Pattern.compile("data-measure=\"([a-z-]+)\"[^>]*>([^<]*)<");

  /** Received, answered at: the answered questions seeded below, for the expected averages. */
  final List<String[]> skhcnAnswered = List.of(
      new String[] {"2024-10-01T09:00:00+07:00", "2024-10-03T10:00:00+07:00"},
      new String[] {"2024-10-02T09:00:00+07:00", "2024-10-04T15:00:00+07:00"},
      new String[] {"2024-10-07T09:00:00+07:00", "2024-10-16T11:00:00+07:00"});
  final List<String[]> vpubndAnswered = List.<String[]>of(
      new String[] {"2024-10-10T08:30:00+07:00", "2024-10-11T16:00:00+07:00"});

  void insert(String agency, String status, String received, String due, String answered) {
    bean(JdbcTemplate.class).update("INSERT INTO portal_question(id, tracking_code, asker_type, field, question,"
            + " consent, foreigner, received_at, due_at, status, answering_agency, answered_at) VALUES"
            + " (?, ?, 'INDIVIDUAL', 'khac', 'Câu hỏi cho trang báo cáo', TRUE, FALSE, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), "HD-2024-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        OffsetDateTime.parse(received), OffsetDateTime.parse(due), status, agency,
        answered == null ? null : OffsetDateTime.parse(answered));
  }

  @BeforeAll
  void seed() {
    insert(SKHCN, "ANSWERED", "2024-10-01T09:00:00+07:00", "2024-10-08T17:00:00+07:00", "2024-10-03T10:00:00+07:00");
    insert(SKHCN, "ANSWERED", "2024-10-02T09:00:00+07:00", "2024-10-09T17:00:00+07:00", "2024-10-04T15:00:00+07:00");
    insert(SKHCN, "ANSWERED", "2024-10-07T09:00:00+07:00", "2024-10-14T17:00:00+07:00", "2024-10-16T11:00:00+07:00");
    insert(SKHCN, "IN_PROGRESS", "2024-10-08T09:00:00+07:00", "2024-10-15T17:00:00+07:00", null);
    insert(SKHCN, "REJECTED", "2024-10-09T09:00:00+07:00", "2024-10-16T17:00:00+07:00", null);
    // Just outside the report month (26/09 – 25/10, seed 003 Art 32) in Vietnam's time: not counted.
    insert(SKHCN, "IN_PROGRESS", "2024-09-25T23:30:00+07:00", "2024-10-02T17:00:00+07:00", null);
    insert(SKHCN, "IN_PROGRESS", "2024-10-26T00:10:00+07:00", "2024-11-04T17:00:00+07:00", null);
    insert(VPUBND, "ANSWERED", "2024-10-10T08:30:00+07:00", "2024-10-17T17:00:00+07:00", "2024-10-11T16:00:00+07:00");
    insert(VPUBND, "IN_PROGRESS", "2024-10-21T09:00:00+07:00", "2024-10-28T17:00:00+07:00", null);
  }

  @Test
  void editorSeesEveryAgencyWithTheApiFiguresAndTotals() throws Exception {
    SsoClient editor = signIn("ngocct.vpubnd");
    HttpResponse<String> page = editor.get(PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Báo cáo Hỏi – Đáp</h1>").contains("Tháng 10/2024 · Tất cả cơ quan")
        .contains("Số liệu từ 26/09/2024 – 25/10/2024")
        .contains("value=\"2024-10\"").contains("type=\"month\"").contains("id=\"nav-portal-report\"");

    Map<String, Map<String, String>> rows = rows(page.body());
    JsonNode api = JSON.readTree(editor.get("/api/v1/portal/report?month=" + MONTH).body());
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
        withTotal(api.findValuesAsText("agencyCode")));
    for (JsonNode line : api) {
      assertThat(rows.get(line.get("agencyCode").asText())).as(line.get("agencyCode").asText())
          .isEqualTo(cells(line));
    }

    // The figures themselves, not only their agreement with the API.
    assertThat(rows.get(SKHCN)).isEqualTo(Map.of("received", "5", "on-time", "2", "late", "1",
        "open-overdue", "1", "average", vietnamese(average(skhcnAnswered))));
    assertThat(rows.get(VPUBND)).isEqualTo(Map.of("received", "2", "on-time", "1", "late", "0",
        "open-overdue", "1", "average", vietnamese(average(vpubndAnswered))));
    List<String[]> all = new ArrayList<>(skhcnAnswered);
    all.addAll(vpubndAnswered);
    assertThat(rows.get("total")).isEqualTo(Map.of("received", "7", "on-time", "3", "late", "1",
        "open-overdue", "2", "average", vietnamese(average(all))));
    assertThat(page.body()).contains("Tổng cộng").contains("Sở Khoa học và Công nghệ")
        .contains("Văn phòng Ủy ban nhân dân tỉnh");

    // The download link is the API's XLSX for the same month, and it opens.
    assertThat(page.body()).contains("href=\"/api/v1/portal/report/xlsx?month=2024-10\"");
    byte[] xlsx = editor.getBytes("/api/v1/portal/report/xlsx?month=" + MONTH).body();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("THÁNG 10/2024");
    }
  }

  @Test
  void headSeesOnlyTheirOwnAgency() throws Exception {
    SsoClient head = signIn("hungtv.skhcn");
    HttpResponse<String> page = head.get(PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Tháng 10/2024 · Sở Khoa học và Công nghệ")
        .doesNotContain("Văn phòng Ủy ban nhân dân tỉnh");
    Map<String, Map<String, String>> rows = rows(page.body());
    assertThat(rows.keySet()).containsExactlyInAnyOrder(SKHCN, "total");
    JsonNode api = JSON.readTree(head.get("/api/v1/portal/report?month=" + MONTH).body());
    assertThat(api.size()).isEqualTo(1);
    assertThat(rows.get(SKHCN)).isEqualTo(cells(api.get(0)));
    assertThat(rows.get("total")).isEqualTo(cells(api.get(0)));
  }

  @Test
  void handlerGetsTheForbiddenPageInVietnamese() {
    SsoClient handler = signIn("anhdd.skhcn");
    assertThat(handler.get("/").body()).doesNotContain("nav-portal-report");
    HttpResponse<String> page = handler.get(PAGE);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("lang=\"vi\"").contains("Không thực hiện được")
        .contains("Chỉ lãnh đạo cơ quan và biên tập viên xem báo cáo Hỏi – Đáp.")
        .doesNotContain("portalreport-table").doesNotContain("Exception");
    // The same one problem page for an address that leads nowhere, in the words for its status.
    HttpResponse<String> nowhere = handler.get("/khong-co-trang-nay", "text/html");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("id=\"problem-message\"").contains("Không thực hiện được")
        .contains("Không tìm thấy trang hoặc dữ liệu yêu cầu.").contains("HTTP 404");
  }

  @Test
  void aBadMonthIsExplainedOnThePage() {
    HttpResponse<String> page = signIn("ngocct.vpubnd").get("/reports/portal?month=10-2024");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("<h1>Báo cáo Hỏi – Đáp</h1>")
        .contains("Tháng phải có dạng YYYY-MM, ví dụ 2026-11.").contains("id=\"portalreport-month\"")
        .doesNotContain("portalreport-table").doesNotContain("portalreport-xlsx").doesNotContain("Exception")
        .doesNotContain("at vn.govflow");
  }

  @Test
  void anEmptyMonthSaysSo() {
    HttpResponse<String> page = signIn("ngocct.vpubnd").get("/reports/portal?month=2019-01");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Không có câu hỏi nào trong kỳ báo cáo này").contains("Tháng 1/2019")
        .doesNotContain("portalreport-table");
  }

  @Test
  void aQuarterAndAYearArePickedFromTheList() {
    SsoClient editor = signIn("ngocct.vpubnd");
    HttpResponse<String> quarter = editor.get("/reports/portal?period=2024-Q4");
    assertThat(quarter.statusCode()).isEqualTo(200);
    // Quarter 4 runs from 26/09 to 25/12: the October seeds without the one of 25/09 late evening.
    assertThat(quarter.body()).contains("Quý 4/2024 · Tất cả cơ quan").contains("Số liệu từ 26/09/2024 – 25/12/2024")
        .contains("href=\"/api/v1/portal/report/xlsx?period=2024-Q4\"").contains("id=\"portalreport-period\"");
    assertThat(rows(quarter.body()).get(SKHCN).get("received")).isEqualTo("6");
    HttpResponse<String> year = editor.get("/reports/portal?period=2024&lang=en");
    assertThat(year.body()).contains("Year 2024 · All agencies").contains("Figures from 26/12/2023 – 25/12/2024");
  }

  @Test
  void withoutAMonthTheCurrentMonthInVietnamIsShown() {
    HttpResponse<String> page = signIn("tuanlm.skhcn").get("/reports/portal");
    assertThat(page.statusCode()).isEqualTo(200);
    // After the 25th the open report month is the next one (Art 32: the month closes on the 25th).
    java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    YearMonth now = YearMonth.from(today).plusMonths(today.getDayOfMonth() > 25 ? 1 : 0);
    assertThat(page.body()).contains("value=\"" + now + "\"")
        .contains("Tháng " + now.getMonthValue() + "/" + now.getYear());
  }

  @Test
  void vietnameseByDefaultEnglishWhenChosen() {
    SsoClient editor = signIn("ngocct.vpubnd");
    HttpResponse<String> browserInEnglish = editor.send(HttpRequest.newBuilder(URI.create(baseUrl() + PAGE))
        .header("Accept-Language", "en-US,en;q=0.9").GET());
    assertThat(browserInEnglish.body()).contains("lang=\"vi\"").contains("<h1>Báo cáo Hỏi – Đáp</h1>")
        .contains("Đã nhận").contains("Trả lời đúng hạn").contains("Số ngày làm việc trung bình")
        .contains(">Báo cáo Hỏi – Đáp</a>");

    HttpResponse<String> english = editor.get(PAGE + "&lang=en");
    assertThat(english.body()).contains("lang=\"en\"").contains("<h1>Q&amp;A report</h1>")
        .contains("Month 10/2024 · All agencies").contains("Department of Science and Technology")
        .contains("Answered on time");
    // In English the decimal point is a point.
    assertThat(rows(english.body()).get(SKHCN).get("average")).isEqualTo(String.valueOf(average(skhcnAnswered)));
  }

  private double average(List<String[]> answered) {
    WorkingDayCalendar cal = bean(WorkingDayCalendar.class);
    double days = 0;
    for (String[] a : answered) {
      // From 08:00 of the first working day that counts, as the answer deadline counts (Art 11.6c).
      days += cal.workingDaysBetween(cal.deadline(OffsetDateTime.parse(a[0]).toInstant(), 1).startsAt().toInstant(),
          OffsetDateTime.parse(a[1]).toInstant());
    }
    return Math.round(days / answered.size() * 10) / 10.0;
  }

  /** How the page writes a one-decimal number in Vietnamese: a decimal comma. */
  private static String vietnamese(double value) {
    return String.format(java.util.Locale.ROOT, "%.1f", value).replace('.', ',');
  }

  private static List<String> withTotal(List<String> codes) {
    List<String> all = new ArrayList<>(codes);
    all.add("total");
    return all;
  }

  /** What the page should show for one API line. */
  private static Map<String, String> cells(JsonNode line) {
    JsonNode avg = line.get("averageWorkingDays");
    return Map.of("received", line.get("received").asText(), "on-time", line.get("answeredOnTime").asText(),
        "late", line.get("answeredLate").asText(), "open-overdue", line.get("openOverdue").asText(),
        "average", avg == null || avg.isNull() ? "—" : vietnamese(avg.asDouble()));
  }

  /** The report table's rows by agency code ("total" for the totals row), each measure as the page shows it. */
  private static Map<String, Map<String, String>> rows(String html) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      Map<String, String> cells = new LinkedHashMap<>();
      Matcher cell = CELL.matcher(row.group(2));
      while (cell.find()) {
        cells.put(cell.group(1), cell.group(2).trim());
      }
      rows.put(row.group(1), cells);
    }
    return rows;
  }
}
