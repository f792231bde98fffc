package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/** A citizen asks on the public page without signing in, then follows the question by its code. */
class PortalBrowserTest extends BrowserTest {
  @Test
  void citizenAsksAndFollowsTheQuestionAndScriptStaysText() throws Exception {
    driver.get(baseUrl() + "/portal/ask");
    Browser.waitForText(driver, By.tagName("h1"), "Gửi câu hỏi");
    assertThat(driver.findElement(By.id("no-complaints")).getText()).contains("khiếu nại, tố cáo");
    // Issue #13 item 14: the contact fields say they are optional and how the asker follows the answer instead.
    assertThat(driver.findElement(By.id("contact-hint")).getText()).contains("không bắt buộc").contains("mã số");
    assertThat(driver.findElement(By.id("phone")).getAttribute("type")).isEqualTo("tel");
    session.screenshot("portal-ask.png");
    // Issue #13 item 20 (seed 003 Art 11.2): the page asks first what is sent, as a labelled group. (Sending a
    // complaint through the form is in PortalApiScenarios: every browser test posts from one address, and the
    // flood limit counts each post.)
    assertThat(driver.findElement(By.cssSelector("#category legend")).getText()).isEqualTo("Bạn muốn gửi");
    assertThat(driver.findElements(By.cssSelector("#category input[type=radio]"))).extracting(e -> e.getAttribute("value"))
        .containsExactly("hoi-dap", "khieu-nai", "to-cao");
    assertThat(driver.findElement(By.cssSelector("#category input[value='hoi-dap']")).isSelected()).isTrue();
    driver.findElement(By.id("ask-submit")).click();
    assertThat(driver.findElement(By.id("ask-problem")).getText()).contains("Họ và tên");

    driver.findElement(By.id("fullName")).sendKeys("Trần Thị Bích");
    driver.findElement(By.id("occupation")).sendKeys("Giáo viên");
    driver.findElement(By.id("address")).sendKeys("Phường Cốc Lếu, Lào Cai");
    driver.findElement(By.id("phone")).sendKeys("0912345678");
    new Select(driver.findElement(By.id("field"))).selectByValue("giao-duc");
    String question = "Hồ sơ xin học <script>alert('x')</script> gồm những gì?";
    driver.findElement(By.id("question")).sendKeys(question);
    driver.findElement(By.id("consent")).click();
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("portal-ask");
    java.nio.file.Path transcript = dir.resolve("Học bạ lớp 9.pdf");
    java.nio.file.Files.write(transcript, vn.govflow.files.Samples.pdf("Hoc ba lop 9"));
    driver.findElement(By.id("files")).sendKeys(transcript.toString());
    driver.findElement(By.id("ask-submit")).click();

    String code = driver.findElement(By.id("tracking-code")).getText();
    assertThat(code).matches("HD-\\d{4}-[A-Z0-9]{8}");
    assertThat(driver.findElement(By.id("due")).getText()).contains("17:00");
    driver.findElement(By.id("track-link")).click();
    Browser.waitForText(driver, By.id("track-status"), "Đã tiếp nhận");
    assertThat(driver.findElement(By.id("track-question")).getText()).isEqualTo(question);
    assertThat(session.alertShown()).isFalse();
    assertThat(driver.getPageSource()).doesNotContain("Cốc Lếu").doesNotContain("0912345678")
        .doesNotContain("Hoc_ba_lop_9.pdf");

    // The portal editor finds the attachment on the question's staff page, under a name without diacritics.
    String id = bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
        "SELECT id FROM portal_question WHERE tracking_code = ?", String.class, code);
    String staffPage = vn.govflow.support.SsoClient.signIn(baseUrl(), "ngocct.vpubnd",
        vn.govflow.support.SsoClient.DEMO_PASSWORD).get("/questions/" + id, "text/html").body();
    assertThat(staffPage).contains("Hoc_ba_lop_9.pdf").contains("Trần Thị Bích").contains("0912345678");
  }
}
