package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * A citizen asks on the public page without signing in, with the keyboard only (issue #11: a refused post keeps
 * what was typed and attached and leads to the field to fix), then follows the question by its code.
 */
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
    // Issue #11: required fields are marked before anyone submits; contact fields are typed and autocompleted.
    assertThat(driver.findElement(By.id("required-note")).getText()).isEqualTo("Các mục có dấu * là bắt buộc.");
    assertThat(driver.findElement(By.cssSelector("label[for=question] .required")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("question")).getAttribute("required")).isNotNull();
    assertThat(driver.findElement(By.id("email")).getAttribute("type")).isEqualTo("email");
    assertThat(driver.findElement(By.id("fullName")).getAttribute("autocomplete")).isEqualTo("name");
    assertThat(driver.findElement(By.cssSelector("#askerType legend")).getText()).startsWith("Người hỏi là");
    // An individual is not asked for the organisation's fields.
    assertThat(driver.findElement(By.id("organisationName")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("occupation")).isDisplayed()).isTrue();
    Accessibility.assertPageAccessible(driver, "portal-ask");

    // Keyboard only: Tab from the top goes through the form in order and skips the hidden organisation fields.
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 40 && !order.contains("ask-submit"); i++) {
      new Actions(driver).sendKeys(Keys.TAB).perform();
      order.add(driver.switchTo().activeElement().getAttribute("id"));
    }
    assertThat(order).containsSubsequence("category1", "askerType1", "fullName", "nationality", "occupation",
        "address", "email", "phone", "field", "agencyCode", "question", "files", "consent", "ask-submit")
        .doesNotContain("organisationName", "headOfficeAddress");
    // The asker type is chosen with the arrow keys; the organisation's fields appear and go again.
    focus("askerType1");
    new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
    assertThat(driver.findElement(By.id("askerType2")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("organisationName")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("occupation")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.cssSelector("label[for=fullName]")).getText()).startsWith("Họ và tên người đại diện");
    new Actions(driver).sendKeys(Keys.ARROW_UP).perform();
    assertThat(driver.findElement(By.id("askerType1")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("organisationName")).isDisplayed()).isFalse();
    // Typing field after field; the address is forgotten, a file is attached.
    type(Keys.TAB, "Trần Thị Bích");
    assertThat(active()).isEqualTo("fullName");
    type(Keys.TAB, null);
    type(Keys.TAB, "Giáo viên");
    assertThat(active()).isEqualTo("occupation");
    type(Keys.TAB, null);
    type(Keys.TAB, null);
    type(Keys.TAB, "0912345678");
    assertThat(active()).isEqualTo("phone");
    new Select(driver.findElement(By.id("field"))).selectByValue("giao-duc");
    String question = "Hồ sơ xin học <script>alert('x')</script> gồm những gì?";
    driver.findElement(By.id("question")).sendKeys(question);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("portal-ask");
    java.nio.file.Path transcript = dir.resolve("Học bạ lớp 9.pdf");
    java.nio.file.Files.write(transcript, vn.govflow.files.Samples.pdf("Hoc ba lop 9"));
    driver.findElement(By.id("files")).sendKeys(transcript.toString());
    focus("files");
    type(Keys.TAB, null);
    assertThat(active()).isEqualTo("consent");
    new Actions(driver).sendKeys(Keys.SPACE).perform();
    type(Keys.TAB, null);
    assertThat(active()).isEqualTo("ask-submit");
    org.springframework.jdbc.core.JdbcTemplate jdbc = bean(org.springframework.jdbc.core.JdbcTemplate.class);
    int questionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM portal_question", Integer.class);
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    session.await(() -> !driver.findElements(By.id("error-summary")).isEmpty());

    // Refused: the summary is announced and focused, the title says so, the field points at its message, and
    // everything typed and attached is still there; nothing was stored as a question.
    assertThat(driver.findElement(By.id("error-summary-title")).getText()).isEqualTo("Chưa gửi được. Xin sửa những mục sau:");
    assertThat(driver.getTitle()).startsWith("Lỗi: Gửi câu hỏi");
    assertThat(active()).isEqualTo("error-summary");
    assertThat(driver.findElement(By.id("error-summary")).getAttribute("role")).isEqualTo("alert");
    assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Cần nhập: Địa chỉ.")
        .doesNotContain("Họ và tên");
    assertThat(driver.findElement(By.id("address")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(driver.findElement(By.id("address")).getAttribute("aria-describedby")).isEqualTo("address-error");
    assertThat(driver.findElement(By.id("address-error")).getText()).endsWith("Cần nhập: Địa chỉ.");
    assertThat(driver.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Trần Thị Bích");
    assertThat(driver.findElement(By.id("question")).getAttribute("value")).isEqualTo(question);
    assertThat(driver.findElement(By.id("consent")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("held-files")).getText()).contains("Đã đính kèm: Học bạ lớp 9.pdf");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_question", Integer.class)).isEqualTo(questionsBefore);
    Accessibility.assertPageAccessible(driver, "portal-ask-refused");
    // The summary's link leads to the field; fixed, Enter sends the question with the file kept from before.
    focus("error-summary");
    type(Keys.TAB, null);
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    assertThat(active()).isEqualTo("address");
    type(null, "Phường Cốc Lếu, Lào Cai");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    Browser.waitForText(driver, By.tagName("h1"), "Đã nhận câu hỏi của bạn");
    assertThat(driver.getTitle()).startsWith("Đã nhận câu hỏi");
    Accessibility.assertPageAccessible(driver, "portal-asked");

    String code = driver.findElement(By.id("tracking-code")).getText();
    assertThat(code).matches("HD-\\d{4}-[A-Z0-9]{8}");
    assertThat(driver.findElement(By.id("due")).getText()).contains("17:00");
    driver.findElement(By.id("track-link")).click();
    Browser.waitForText(driver, By.id("track-status"), "Đã tiếp nhận");
    assertThat(driver.findElement(By.id("track-question")).getText()).isEqualTo(question);
    Accessibility.assertPageAccessible(driver, "portal-track");
    // In English the result stays (the switch keeps the code) and the asker's Vietnamese is marked as such.
    driver.findElement(By.id("lang-switch")).click();
    Browser.waitForText(driver, By.id("track-status"), "Received");
    assertThat(driver.findElement(By.id("track-question")).getAttribute("lang")).isEqualTo("vi");
    driver.get(baseUrl() + "/portal/track?lang=vi");
    assertThat(session.alertShown()).isFalse();
    assertThat(driver.getPageSource()).doesNotContain("Cốc Lếu").doesNotContain("0912345678")
        .doesNotContain("Hoc_ba_lop_9.pdf");

    // The portal editor finds the attachment on the question's staff page, under a name without diacritics.
    String id = jdbc.queryForObject(
        "SELECT id FROM portal_question WHERE tracking_code = ?", String.class, code);
    String staffPage = vn.govflow.support.SsoClient.signIn(baseUrl(), "ngocct.vpubnd",
        vn.govflow.support.SsoClient.DEMO_PASSWORD).get("/questions/" + id, "text/html").body();
    assertThat(staffPage).contains("Hoc_ba_lop_9.pdf").contains("Trần Thị Bích").contains("0912345678");
    // The copy held across the refused post is gone: one stored file, the question's.
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_file WHERE original_name = 'Hoc_ba_lop_9.pdf'",
        Integer.class)).isEqualTo(1);
  }

  private void focus(String id) {
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).focus();", id);
  }

  private String active() {
    return driver.switchTo().activeElement().getAttribute("id");
  }

  /** Presses the key (if any), then types the text (if any) into what has the focus. */
  private void type(Keys key, String text) {
    Actions keys = new Actions(driver);
    if (key != null) {
      keys.sendKeys(key);
    }
    if (text != null) {
      keys.sendKeys(text);
    }
    keys.perform();
  }
}
