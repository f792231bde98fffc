package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govflow.support.MailH2IntegrationTest;
import vn.govflow.support.SsoClient;

/**
 * The delivery page tells, for each e-mail recipient, what became of the issued copy as notify recorded it: the
 * mail server down at issuing (one try, the failure in words), then up again (sent, two tries). Real SMTP
 * (GreenMail), stopped and started again.
 */
class OutgoingMailIsolatedTest extends MailH2IntegrationTest implements OutgoingIssueTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  @Test
  void theDeliveryPageShowsEachEmailsTriesAndTheLastErrorInWords() throws Exception {
    smtp.stop();
    String id = signedDocument("thong-bao", "Thông báo kết quả lựa chọn nhà thầu " + System.nanoTime() % 100000, true,
        Recipient.email("Công ty Hoa Hồng", "vanthu@hoahong.example"));
    SsoClient clerk = signIn("lannt.skhcn");
    assertThat(clerk.postJson("/api/v1/outgoing/" + id + "/number", "{}").statusCode()).isEqualTo(200);
    assertThat(clerk.postJson("/api/v1/outgoing/" + id + "/issue", "{}").statusCode()).isEqualTo(200);
    String failed = mailCell(clerk.get("/outgoing/" + id + "/delivery").body());
    assertThat(failed).contains("Bản phát hành", "chưa gửi được", "Số lần thử: 1.",
        "Không kết nối được máy chủ thư; GovFlow tự gửi lại sau ít phút.");

    smtp.start();
    bean(OutgoingMailing.class).sendIssued(id); // what the sweep does for a copy still unsent
    await(() -> smtp.getReceivedMessages().length >= 1);
    String sent = mailCell(clerk.get("/outgoing/" + id + "/delivery").body());
    assertThat(sent).contains("Bản phát hành", "đã gửi lúc", "Số lần thử: 2.").doesNotContain("chưa gửi được");
    assertThat(mailCell(clerk.get("/outgoing/" + id + "/delivery?lang=en").body()))
        .contains("Issued copy", "sent at", "Tries: 2.");
  }

  private static String mailCell(String html) {
    int start = html.indexOf("id=\"mail-1\"");
    assertThat(start).as("the e-mail status of recipient 1").isGreaterThanOrEqualTo(0);
    return html.substring(start, html.indexOf("</ul>", start));
  }

  private void await(java.util.function.BooleanSupplier condition) {
    vn.govflow.support.Await.until(condition);
  }
}
