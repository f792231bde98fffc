package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/** The monthly Q&A report equals what the table says, per agency, for the people allowed to see it. */
interface PortalReportScenarios extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();

  default void insert(String agency, String status, String received, String due, String answered) {
    bean(JdbcTemplate.class).update("INSERT INTO portal_question(id, tracking_code, asker_type, field, question,"
            + " consent, foreigner, received_at, due_at, status, answering_agency, answered_at) VALUES"
            + " (?, ?, 'INDIVIDUAL', 'khac', 'Câu hỏi báo cáo', TRUE, FALSE, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), "HD-2025-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        OffsetDateTime.parse(received), OffsetDateTime.parse(due), status, agency,
        answered == null ? null : OffsetDateTime.parse(answered));
  }

  @Test
  default void monthlyFiguresPerAgency() throws Exception {
    String skhcn = "000.00.12.H37";
    insert(skhcn, "ANSWERED", "2025-06-02T09:00:00+07:00", "2025-06-09T17:00:00+07:00", "2025-06-05T10:00:00+07:00");
    insert(skhcn, "ANSWERED", "2025-06-03T09:00:00+07:00", "2025-06-10T17:00:00+07:00", "2025-06-12T15:00:00+07:00");
    insert(skhcn, "IN_PROGRESS", "2025-06-04T09:00:00+07:00", "2025-06-11T17:00:00+07:00", null);
    insert(skhcn, "REJECTED", "2025-06-05T09:00:00+07:00", "2025-06-12T17:00:00+07:00", null);
    insert("000.00.01.H37", "IN_PROGRESS", "2025-06-06T09:00:00+07:00", "2025-06-13T17:00:00+07:00", null);

    WorkingDayCalendar cal = bean(WorkingDayCalendar.class);
    double expectedAverage = Math.round((cal.workingDaysBetween(OffsetDateTime.parse("2025-06-02T09:00:00+07:00")
        .toInstant(), OffsetDateTime.parse("2025-06-05T10:00:00+07:00").toInstant())
        + cal.workingDaysBetween(OffsetDateTime.parse("2025-06-03T09:00:00+07:00").toInstant(),
            OffsetDateTime.parse("2025-06-12T15:00:00+07:00").toInstant())) / 2 * 10) / 10.0;

    JsonNode leader = JSON.readTree(signIn("hungtv.skhcn").get("/api/v1/portal/report?month=2025-06").body());
    assertThat(leader.size()).isEqualTo(1);
    JsonNode line = leader.get(0);
    assertThat(line.get("agencyCode").asText()).isEqualTo(skhcn);
    assertThat(line.get("received").asInt()).isEqualTo(4);
    assertThat(line.get("answeredOnTime").asInt()).isEqualTo(1);
    assertThat(line.get("answeredLate").asInt()).isEqualTo(1);
    assertThat(line.get("openOverdue").asInt()).isEqualTo(1);
    assertThat(line.get("averageWorkingDays").asDouble()).isEqualTo(expectedAverage);

    SsoClient editor = signIn("ngocct.vpubnd");
    JsonNode all = JSON.readTree(editor.get("/api/v1/portal/report?month=2025-06").body());
    assertThat(all.findValuesAsText("agencyCode")).containsExactlyInAnyOrder(skhcn, "000.00.01.H37");
    byte[] xlsx = editor.getBytes("/api/v1/portal/report/xlsx?month=2025-06").body();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("Đã nhận");
      assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(4);
    }
    assertThat(signIn("anhdd.skhcn").get("/api/v1/portal/report?month=2025-06").statusCode()).isEqualTo(403);
    assertThat(editor.get("/api/v1/portal/report?month=06-2025").statusCode()).isEqualTo(400);
  }
}
