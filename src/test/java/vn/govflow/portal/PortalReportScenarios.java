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
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/**
 * The Q&A report equals what the table says, per agency, for the people allowed to see it; its periods close on
 * the 25th (seed 003 Art 32.1) and its answer times are working days from the 08:00 start (Art 11.6c).
 */
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

    // From 08:00 of the working day after receipt: Tue 3/6 08:00 to Thu 5/6 10:00 is 2 + 2/9 working days; Wed
    // 4/6 08:00 to Thu 12/6 15:00 is 6 + 7/9 (no holiday in between): (2.22 + 6.78) / 2 = 4.5.
    double expectedAverage = 4.5;

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

  default JsonNode line(SsoClient who, String query, String agency) throws Exception {
    for (JsonNode l : JSON.readTree(who.get("/api/v1/portal/report?" + query).body())) {
      if (agency.equals(l.get("agencyCode").asText())) {
        return l;
      }
    }
    throw new AssertionError("no line for " + agency + " in " + query);
  }

  @Test
  default void periodsCloseOnThe25th() throws Exception {
    String vpubnd = "000.00.01.H37";
    // 2025-08-25 late evening: still the August report (26/07 – 25/08).
    insert(vpubnd, "IN_PROGRESS", "2025-08-25T23:30:00+07:00", "2025-09-03T17:00:00+07:00", null);
    // The 26th belongs to September's (26/08 – 25/09).
    insert(vpubnd, "IN_PROGRESS", "2025-08-26T00:10:00+07:00", "2025-09-04T17:00:00+07:00", null);
    // 25/09 at 16:00 is September's, 26/09 October's (26/09 – 25/10), as is 30/09.
    insert(vpubnd, "IN_PROGRESS", "2025-09-25T16:00:00+07:00", "2025-10-02T17:00:00+07:00", null);
    insert(vpubnd, "IN_PROGRESS", "2025-09-26T09:00:00+07:00", "2025-10-03T17:00:00+07:00", null);
    insert(vpubnd, "IN_PROGRESS", "2025-09-30T09:00:00+07:00", "2025-10-07T17:00:00+07:00", null);

    SsoClient head = signIn("sonnv.vpubnd");
    assertThat(line(head, "month=2025-08", vpubnd).get("received").asInt()).isEqualTo(1);
    assertThat(line(head, "month=2025-09", vpubnd).get("received").asInt()).isEqualTo(2);
    assertThat(line(head, "period=2025-09", vpubnd).get("received").asInt()).isEqualTo(2);
    assertThat(line(head, "month=2025-10", vpubnd).get("received").asInt()).isEqualTo(2);
    // Quarter 3 runs from 26/06 to 25/09, quarter 4 from 26/09 to 25/12.
    assertThat(line(head, "period=2025-Q3", vpubnd).get("received").asInt()).isEqualTo(3);
    assertThat(line(head, "period=2025-Q4", vpubnd).get("received").asInt()).isEqualTo(2);
    // The year (26/12/2024 – 25/12/2025) is its four quarters, whatever else this database holds.
    int quarters = 0;
    for (int q = 1; q <= 4; q++) {
      quarters += line(head, "period=2025-Q" + q, vpubnd).get("received").asInt();
    }
    assertThat(line(head, "period=2025", vpubnd).get("received").asInt()).isEqualTo(quarters)
        .isGreaterThanOrEqualTo(5);
    assertThat(head.get("/api/v1/portal/report?period=2025-Q5").statusCode()).isEqualTo(400);
  }

  @Test
  default void answerTimeIsWorkingDaysFromTheEightOClockStart() throws Exception {
    String skhcn = "000.00.12.H37";
    // Received Friday 29/08/2025 10:00. Saturday, Sunday and the National Day holidays (Monday 1/9 and
    // Tuesday 2/9) do not count: counting starts Wednesday 3/9 at 08:00. Answered Thursday 4/9 at 12:30:
    // one full working day and 4.5 of 9 office hours = 1.5 working days (6 calendar days after receipt).
    insert(skhcn, "ANSWERED", "2025-08-29T10:00:00+07:00", "2025-09-09T17:00:00+07:00", "2025-09-04T12:30:00+07:00");
    SsoClient head = signIn("hungtv.skhcn");
    assertThat(line(head, "month=2025-09", skhcn).get("averageWorkingDays").asDouble()).isEqualTo(1.5);
    // Received Monday 22/09 at 07:30, before the start: counting starts the same day at 08:00; answered
    // at 15:30, 7.5 of 9 hours. The average of 1.5 and 0.83 is 1.17, written 1.2.
    insert(skhcn, "ANSWERED", "2025-09-22T07:30:00+07:00", "2025-09-26T17:00:00+07:00", "2025-09-22T15:30:00+07:00");
    JsonNode line = line(head, "month=2025-09", skhcn);
    assertThat(line.get("answeredOnTime").asInt()).isEqualTo(2);
    assertThat(line.get("averageWorkingDays").asDouble()).isEqualTo(1.2);
  }
}
