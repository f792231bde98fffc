package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * The outgoing pages in a real browser, at desktop and phone width: a handler's first draft is refused (the incoming
 * document it answers is unknown) and the form says so, on the field, keeping what was typed, chosen and attached;
 * corrected, it is saved with the files held from the refused submit. The department's head returns it with a
 * comment, and the handler sees the comment. Every page passes axe-core (WCAG 2.1 A/AA) at desktop and phone width.
 */
class OutgoingPagesBrowserTest extends BrowserTest {
  @Test
  void aHandlerDraftsAndSubmitsAndTheDepartmentHeadReturnsItWithAComment() throws Exception {
    Path docx = Files.createTempFile("du-thao-", ".docx");
    Files.write(docx, OutgoingDraftScenarios.docx("Dự thảo kế hoạch"));
    Path appendix = Files.createTempFile("phu-luc-", ".docx");
    Files.write(appendix, OutgoingDraftScenarios.docx("Phụ lục kinh phí"));
    JavascriptExecutor js = (JavascriptExecutor) driver;

    session.signInAs("anhdd.skhcn");
    driver.get(baseUrl() + "/outgoing/new");
    Browser.waitForText(driver, By.tagName("h1"), "Soạn văn bản đi");
    // Required fields are marked before anyone submits; the recipients are one group with a legend.
    assertThat(driver.findElement(By.cssSelector("label[for=subject]")).getText()).contains("*");
    assertThat(driver.findElement(By.cssSelector("#recipients > legend")).getText()).startsWith("Nơi nhận");
    session.assertFitsAndLabelled("outgoing-new-desktop.png");
    driver.findElement(By.id("documentType")).sendKeys("Kế hoạch");
    driver.findElement(By.id("subject")).sendKeys("Kế hoạch chuyển đổi số năm 2027");
    new Select(driver.findElement(By.id("departments"))).selectByVisibleText("Phòng Quản lý khoa học");
    driver.findElement(By.id("draft")).sendKeys(docx.toString());
    driver.findElement(By.id("appendices")).sendKeys(appendix.toString());
    driver.findElement(By.id("replyToIncomingId")).sendKeys("khong-co-van-ban-nay");
    driver.findElement(By.id("create-draft")).click();

    // Refused: announced and focused, linked to the field, the message beside it, nothing saved, nothing lost.
    Browser.waitForText(driver, By.cssSelector("#error-summary h2"), "Chưa gửi được. Xin sửa những mục sau:");
    assertThat(driver.getTitle()).startsWith("Lỗi: Soạn văn bản đi");
    assertThat(driver.findElement(By.id("error-summary")).getAttribute("role")).isEqualTo("alert");
    assertThat(js.executeScript("return document.activeElement.id")).isEqualTo("error-summary");
    WebElement link = driver.findElement(By.cssSelector("#error-summary a"));
    assertThat(link.getAttribute("href")).endsWith("#replyToIncomingId");
    assertThat(link.getText()).isEqualTo("Không tìm thấy văn bản đến được trả lời trong cơ quan.");
    WebElement reply = driver.findElement(By.id("replyToIncomingId"));
    assertThat(reply.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(reply.getAttribute("aria-describedby")).isEqualTo("replyToIncomingId-error");
    assertThat(driver.findElement(By.id("replyToIncomingId-error")).getText())
        .contains("Không tìm thấy văn bản đến được trả lời trong cơ quan.");
    assertThat(driver.findElement(By.id("subject")).getAttribute("value")).isEqualTo("Kế hoạch chuyển đổi số năm 2027");
    assertThat(new Select(driver.findElement(By.id("departments"))).getFirstSelectedOption().getText())
        .isEqualTo("Phòng Quản lý khoa học");
    assertThat(driver.findElement(By.id("held-files")).getText())
        .contains(docx.getFileName().toString(), appendix.getFileName().toString());
    assertThat(driver.findElement(By.id("draft")).getAttribute("required")).isNull();
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM out_document WHERE subject = ?",
        Integer.class, "Kế hoạch chuyển đổi số năm 2027")).isZero();
    Accessibility.assertPageAccessible(driver, "outgoing-new-refused");
    js.executeScript("document.getElementById('held-files').scrollIntoView()");
    session.screenshot("outgoing-new-held-files.png");
    reply.clear();
    driver.findElement(By.id("create-draft")).click();

    Browser.waitForText(driver, By.id("doc-status"), "Đang soạn thảo");
    String page = driver.getCurrentUrl();
    assertThat(driver.findElement(By.id("versions")).getText()).contains("Đỗ Đức Anh", docx.getFileName().toString());
    assertThat(driver.findElement(By.id("appendices")).getText()).contains(appendix.getFileName().toString());
    session.assertFitsAndLabelled("outgoing-document-desktop.png");
    Accessibility.assertPageAccessible(driver, "outgoing-document-drafting");
    driver.findElement(By.cssSelector("#submit-form button")).click();
    Browser.waitForText(driver, By.id("doc-status"), "Đang trình duyệt, ký");

    session.signInAs("hapt.skhcn");
    driver.get(page);
    Browser.waitForText(driver, By.id("doc-steps"), "Lãnh đạo phòng kiểm tra");
    Accessibility.assertPageAccessible(driver, "outgoing-document-review");
    driver.findElement(By.id("comment")).sendKeys("Bổ sung kinh phí thực hiện");
    driver.findElement(By.id("return")).click();
    try {
      Browser.waitForText(driver, By.id("doc-status"), "Đang soạn thảo");
    } catch (RuntimeException e) {
      session.screenshot("outgoing-return-failed.png");
      throw new AssertionError("After the return: " + driver.findElement(By.tagName("main")).getText(), e);
    }

    session.signInAs("anhdd.skhcn");
    driver.get(page);
    Browser.waitForText(driver, By.tagName("h1"), "Kế hoạch: Kế hoạch chuyển đổi số năm 2027");
    assertThat(driver.findElement(By.id("last-return")).getText())
        .startsWith("Ý kiến trả lại gần nhất: Phạm Thu Hà").endsWith("Bổ sung kinh phí thực hiện");
    assertThat(driver.findElement(By.id("doc-history")).getText()).contains("Trả lại người soạn thảo");
    session.assertFitsAndLabelled("outgoing-returned.png");
    driver.get(baseUrl() + "/outgoing");
    Browser.waitForText(driver, By.tagName("h1"), "Văn bản đi");
    assertThat(driver.findElement(By.id("my-drafts")).getText()).contains("Kế hoạch chuyển đổi số năm 2027");
    session.assertFitsAndLabelled("outgoing-list.png");
    Accessibility.assertPageAccessible(driver, "outgoing-list");
  }

}
