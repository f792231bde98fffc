package vn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/** The calendar through the running application: public deadline reads, bad input, an administrator's new year. */
interface CalendarApiScenarios extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();

  @Test
  default void deadlineAcrossTheReunificationHolidayWithoutSigningIn() throws Exception {
    // A question sent on Friday evening 24/04/2026: Giỗ Tổ (compensated Mon 27/04), then 30/4 – 3/5 off.
    HttpResponse<String> r = anonymous().get("/api/v1/calendar/deadline?receivedAt=2026-04-24T19:00:00%2B07:00"
        + "&workingDays=5", "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("startsAt").asText()).isEqualTo("2026-04-28T08:00:00+07:00");
    assertThat(body.get("dueAt").asText()).isEqualTo("2026-05-06T17:00:00+07:00");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing date|workingDays=5|receivedAt",
      "malformed date|receivedAt=24/04/2026&workingDays=5|receivedAt",
      "negative days|receivedAt=2026-04-24T19:00:00%2B07:00&workingDays=-1|workingDays",
      "absurd days|receivedAt=2026-04-24T19:00:00%2B07:00&workingDays=3651|workingDays",
      "not a number|receivedAt=2026-04-24T19:00:00%2B07:00&workingDays=five|workingDays",
      "unknown zone|receivedAt=2026-04-24T19:00:00&timeZone=Mars/Olympus&workingDays=5|timeZone"})
  default void badParametersGetAProblemNamingTheField(String why, String query, String field) throws Exception {
    HttpResponse<String> r = anonymous().get("/api/v1/calendar/deadline?" + query, "application/json");
    assertThat(r.statusCode()).as(why).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("errors").findValuesAsText("field")).as(why).contains(field);
    assertThat(body.get("messageVi").asText()).isNotBlank();
    assertThat(body.get("messageEn").asText()).isNotBlank();
  }

  @Test
  default void onlyAnAdministratorLoadsANewYearsSchedule() throws Exception {
    String schedule = """
        {"notice": "Thông báo thử nghiệm lịch nghỉ 2027",
         "days": [
          {"date": "2027-01-01", "kind": "OFF", "nameVi": "Tết Dương lịch", "nameEn": "New Year"},
          {"date": "2027-02-05", "kind": "OFF", "nameVi": "Tết Nguyên đán", "nameEn": "Lunar New Year"},
          {"date": "2027-02-08", "kind": "OFF", "nameVi": "Tết Nguyên đán", "nameEn": "Lunar New Year"},
          {"date": "2027-02-09", "kind": "OFF", "nameVi": "Tết Nguyên đán", "nameEn": "Lunar New Year"},
          {"date": "2027-02-10", "kind": "OFF", "nameVi": "Tết Nguyên đán", "nameEn": "Lunar New Year"},
          {"date": "2027-02-11", "kind": "OFF", "nameVi": "Nghỉ bù Tết", "nameEn": "Lunar New Year, in lieu"},
          {"date": "2027-02-20", "kind": "WORKING", "nameVi": "Làm bù", "nameEn": "Make-up working day"},
          {"date": "2027-04-16", "kind": "OFF", "nameVi": "Giỗ Tổ Hùng Vương", "nameEn": "Hung Kings"},
          {"date": "2027-04-30", "kind": "OFF", "nameVi": "Ngày Giải phóng miền Nam", "nameEn": "Reunification Day"},
          {"date": "2027-05-03", "kind": "OFF", "nameVi": "Nghỉ bù Quốc tế Lao động", "nameEn": "Labour Day, in lieu"},
          {"date": "2027-09-02", "kind": "OFF", "nameVi": "Quốc khánh", "nameEn": "National Day"},
          {"date": "2027-09-03", "kind": "OFF", "nameVi": "Quốc khánh", "nameEn": "National Day"}
         ]}""";
    assertThat(anonymous().putJson("/api/v1/calendar/years/2027", schedule).statusCode()).isIn(401, 403);
    assertThat(signIn("hungtv.skhcn").putJson("/api/v1/calendar/years/2027", schedule).statusCode()).isEqualTo(403);

    SsoClient admin = signIn("khailv.skhcn");
    HttpResponse<String> saved = admin.putJson("/api/v1/calendar/years/2027", schedule);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

    // Thursday 04/02/2027 10:00 + 1 working day: 05/02 and 08–11/02 are off, so due Fri 12/02 17:00.
    JsonNode deadline = JSON.readTree(anonymous().get("/api/v1/calendar/deadline?receivedAt="
        + "2027-02-04T10:00:00%2B07:00&workingDays=1", "application/json").body());
    assertThat(deadline.get("dueAt").asText()).isEqualTo("2027-02-12T17:00:00+07:00");
    assertThat(deadline.get("provisional").asBoolean()).isFalse();

    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = 'khailv.skhcn'"
        + " AND action = 'calendar.year.update'", Integer.class)).isEqualTo(1);
  }
}
