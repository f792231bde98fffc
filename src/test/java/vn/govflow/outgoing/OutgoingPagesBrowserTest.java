package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * The outgoing pages in a real browser, at desktop and phone width: a handler drafts a document on the one-column
 * form and submits it, the department's head returns it with a comment, and the handler sees the comment.
 */
class OutgoingPagesBrowserTest extends BrowserTest {
  @Test
  void aHandlerDraftsAndSubmitsAndTheDepartmentHeadReturnsItWithAComment() throws Exception {
    Path docx = Files.createTempFile("du-thao-", ".docx");
    Files.write(docx, OutgoingDraftScenarios.docx("Dự thảo kế hoạch"));

    session.signInAs("anhdd.skhcn");
    driver.get(baseUrl() + "/outgoing/new");
    Browser.waitForText(driver, By.tagName("h1"), "Soạn văn bản đi");
    session.assertFitsAndLabelled("outgoing-new-desktop.png");
    driver.findElement(By.id("documentType")).sendKeys("Kế hoạch");
    driver.findElement(By.id("subject")).sendKeys("Kế hoạch chuyển đổi số năm 2027");
    new Select(driver.findElement(By.id("departments"))).selectByVisibleText("Phòng Quản lý khoa học");
    driver.findElement(By.id("draft")).sendKeys(docx.toString());
    driver.findElement(By.id("create-draft")).click();
    Browser.waitForText(driver, By.id("doc-status"), "Đang soạn thảo");
    String page = driver.getCurrentUrl();
    assertThat(driver.findElement(By.id("versions")).getText()).contains("Đỗ Đức Anh");
    session.assertFitsAndLabelled("outgoing-document-desktop.png");
    driver.findElement(By.cssSelector("#submit-form button")).click();
    Browser.waitForText(driver, By.id("doc-status"), "Đang trình duyệt, ký");

    session.signInAs("hapt.skhcn");
    driver.get(page);
    Browser.waitForText(driver, By.id("doc-steps"), "Lãnh đạo phòng kiểm tra");
    driver.findElement(By.id("comment")).sendKeys("Bổ sung kinh phí thực hiện");
    driver.findElement(By.id("return")).click();
    try {
      Browser.waitForText(driver, By.id("doc-status"), "Đang soạn thảo");
    } catch (RuntimeException e) {
      session.screenshot("outgoing-return-failed.png");
      throw new AssertionError("After the return: " + driver.findElement(By.tagName("main")).getText(), e);
    }

    session.signInAs("anhdd.skhcn");
    for (String width : new String[] {"desktop", "phone"}) {
      if (width.equals("phone")) {
        driver.manage().window().setSize(new Dimension(390, 844));
      }
      driver.get(page);
      Browser.waitForText(driver, By.tagName("h1"), "Kế hoạch: Kế hoạch chuyển đổi số năm 2027");
      assertThat(driver.findElement(By.id("last-return")).getText())
          .startsWith("Ý kiến trả lại gần nhất: Phạm Thu Hà").endsWith("Bổ sung kinh phí thực hiện");
      assertThat(driver.findElement(By.id("doc-history")).getText()).contains("Trả lại người soạn thảo");
      session.assertFitsAndLabelled("outgoing-returned-" + width + ".png");
      driver.get(baseUrl() + "/outgoing");
      Browser.waitForText(driver, By.tagName("h1"), "Văn bản đi");
      assertThat(driver.findElement(By.id("my-drafts")).getText()).contains("Kế hoạch chuyển đổi số năm 2027");
      session.assertFitsAndLabelled("outgoing-list-" + width + ".png");
      driver.get(baseUrl() + "/outgoing/new");
      Browser.waitForText(driver, By.tagName("h1"), "Soạn văn bản đi");
      session.assertFitsAndLabelled("outgoing-new-" + width + ".png");
    }
  }

}
