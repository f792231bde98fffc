package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govflow.support.MailH2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * With SMTP configured, the people a document is assigned to also get an e-mail (Vietnamese subject, the link
 * to the document). Mail is on here (see MailH2IntegrationTest).
 */
class IncomingMailIsolatedTest extends MailH2IntegrationTest implements IncomingTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @Test
  void assignedPeopleAreEmailed() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    HttpResponse<String> created = register(lan, document("M1/UBND-" + System.nanoTime() % 100000,
        "Thư báo giao việc", ""), "a.txt", text("x"));
    String id = JSON.readTree(created.body()).get("id").asText();
    Task direct = awaitTask(JSON.readTree(created.body()).get("processInstanceId").asText(), "Task_Direct");
    SsoClient leader = signIn("hungtv.skhcn");
    leader.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "");
    assertThat(leader.postJson("/api/v1/tasks/" + direct.getId() + "/complete", "{\"decision\": \"assign\","
        + " \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\", \"coordinators\": [\"maivt.skhcn\"], \"direction\": \"Xử lý, báo cáo kết quả.\"}")
        .statusCode()).isEqualTo(204);

    await(() -> smtp.getReceivedMessages().length >= 2);
    MimeMessage toAnh = Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(
        "anhdd.skhcn@laocai.gov.vn")).findFirst().orElseThrow();
    assertThat(toAnh.getSubject()).startsWith("Văn bản đến giao bạn chủ trì xử lý");
    assertThat(body(toAnh)).contains("/incoming/" + id);
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(IncomingMailIsolatedTest::recipient))
        .contains("maivt.skhcn@laocai.gov.vn");
  }

  /** Issue #13 item 11c (Art 21.2c): the sender inside the province gets the receipt notice by e-mail too. */
  @Test
  void aSenderInsideTheProvinceIsEmailedTheReceipt() throws Exception {
    String symbol = "M2/VP-" + System.nanoTime() % 100000;
    HttpResponse<String> created = register(signIn("lannt.skhcn"), document(symbol, "Thư báo nhận văn bản",
        ", \"senderAgencyCode\": \"000.00.01.H37\""), "a.txt", text("x"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long number = JSON.readTree(created.body()).get("arrivalNumber").asLong();
    await(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> recipient(m).equals("hoadt.vpubnd@laocai.gov.vn")));
    MimeMessage toHoa = Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(
        "hoadt.vpubnd@laocai.gov.vn")).findFirst().orElseThrow();
    assertThat(toHoa.getSubject()).startsWith("Đã nhận văn bản " + symbol + ": Sở Khoa học và Công nghệ, số đến "
        + number + "/");
    assertThat(body(toHoa)).contains("vào sổ văn bản đến số " + number + "/");
  }

  static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage m) {
    try {
      return String.valueOf(m.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
