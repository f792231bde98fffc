package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.govflow.support.Await;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/**
 * Issue #9's exchange on one running GovFlow, end to end through the API as each person: the provincial office
 * (A) drafts, reviews, signs, numbers and issues a công văn to the Department of Science and Technology (B); B's
 * clerk checks the signatures and registers it, B's head assigns it, and A sees each status as it happens.
 */
interface ProvinceExchangeScenarios extends GovFlowUnderTest {
  ObjectMapper JSON_E2E = new ObjectMapper();
  String B = "000.00.12.H37";

  @Test
  default void anAgencyIssuesToAnotherWhoseClerkRegistersAndWhoseHeadAssignsAndTheSenderSeesEachStatus()
      throws Exception {
    String subject = "Về việc phối hợp triển khai nền tảng số E2E" + System.nanoTime();
    SsoClient thao = signIn("thaomt.vpubnd");
    HttpResponse<String> created = OutgoingDraftScenarios.createDraft(this, thao,
        "{\"documentType\":\"cong-van\",\"subject\":\"" + subject + "\",\"urgency\":\"khan\","
            + "\"recipients\":[{\"kind\":\"AGENCY\",\"agencyCode\":\"" + B + "\"}]}",
        "cong-van.docx", OutgoingDraftScenarios.docx("Kính gửi: Sở Khoa học và Công nghệ"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON_E2E.readTree(created.body()).at("/document/id").asText();
    assertThat(thao.upload("/api/v1/outgoing/" + id + "/final-pdf", "cong-van.pdf",
        OutgoingIssueTestSupport.pdf(subject)).statusCode()).isEqualTo(200);
    assertThat(thao.postJson("/api/v1/outgoing/" + id + "/submit", "").statusCode()).isEqualTo(204);
    assertThat(signIn("dungtv.vpubnd").postJson("/api/v1/outgoing/" + id + "/review", "{\"decision\":\"approve\"}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> signed = signIn("hanhlt.vpubnd").postJson("/api/v1/outgoing/" + id + "/sign", "");
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);

    SsoClient hoa = signIn("hoadt.vpubnd");
    HttpResponse<String> numbered = hoa.postJson("/api/v1/outgoing/" + id + "/number", "{}");
    assertThat(numbered.statusCode()).as(numbered.body()).isEqualTo(200);
    String numberSymbol = JSON_E2E.readTree(numbered.body()).get("numberSymbol").asText();
    HttpResponse<String> issued = hoa.postJson("/api/v1/outgoing/" + id + "/issue", "{}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    assertThat(statusAtB(hoa, id).get("statusCode").asText()).isEqualTo("01");
    // Issuing completed the clerk's step: A's process has ended.
    Await.until(() -> bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(id).count() == 0);

    // B's clerk: the document is in the electronic inbox, its signatures verified, and is registered.
    SsoClient lan = signIn("lannt.skhcn");
    JsonNode inbox = JSON_E2E.readTree(lan.get("/api/v1/incoming/inbox").body());
    String entry = null;
    for (JsonNode n : inbox) {
      if ((id + "/1").equals(n.get("dispatchId").asText())) {
        entry = n.get("id").asText();
      }
    }
    assertThat(entry).as("the dispatch in B's inbox: " + inbox).isNotNull();
    HttpResponse<String> accepted = lan.postJson("/api/v1/incoming/inbox/" + entry + "/accept", "{}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    JsonNode registered = JSON_E2E.readTree(accepted.body());
    JsonNode incoming = JSON_E2E.readTree(lan.get("/api/v1/incoming-documents/" + registered.get("id").asText())
        .body());
    assertThat(incoming.at("/document/numberSymbol").asText()).isEqualTo(numberSymbol);
    assertThat(incoming.at("/document/summary").asText()).isEqualTo(subject);
    assertThat(incoming.at("/document/signerName").asText()).isEqualTo("Lý Thị Hạnh");
    assertThat(statusAtB(hoa, id).get("statusCode").asText()).isEqualTo("03");

    // B's head assigns it to a department: A sees "assigned".
    String pi = registered.get("processInstanceId").asText();
    Task direct = Await.task(bean(TaskService.class), pi, "Task_Direct");
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    HttpResponse<String> directed = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"department\", \"leadDepartment\": \"skhcn-cds\","
            + " \"direction\": \"Phòng CĐS chủ trì.\"}");
    assertThat(directed.statusCode()).as(directed.body()).isEqualTo(204);

    // The direction is applied by an asynchronous step, which reports it.
    Await.until(() -> {
      try {
        return "04".equals(statusAtB(hoa, id).get("statusCode").asText());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    JsonNode atB = statusAtB(hoa, id);
    assertThat(atB.get("statusVi").asText()).isEqualTo("Đã phân công");
    assertThat(atB.get("history").findValuesAsText("code")).containsExactly("01", "03", "04");
    // The sending agency's head sees it too, on the page; B's people do not see A's document.
    String page = signIn("sonnv.vpubnd").get("/outgoing/" + id + "/delivery").body();
    assertThat(page).contains(numberSymbol, "Đã phân công");
    assertThat(lan.get("/api/v1/outgoing/" + id + "/recipients").statusCode()).isEqualTo(404);
  }

  private JsonNode statusAtB(SsoClient client, String id) throws Exception {
    HttpResponse<String> r = client.get("/api/v1/outgoing/" + id + "/recipients");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON_E2E.readTree(r.body()).get(0);
  }
}
