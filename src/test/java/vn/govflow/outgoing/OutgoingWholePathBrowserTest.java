package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * Issue #9's whole path in a real browser, across two agencies of one GovFlow: a handler of the Department of
 * Science and Technology drafts a decision addressed to the provincial office, the head of department approves,
 * the deputy returns it with a comment, the handler sends it again, both approve, the head signs, the clerk numbers
 * and issues it, and the provincial office's clerk checks its signatures and finds it in the incoming register.
 */
class OutgoingWholePathBrowserTest extends BrowserTest {
  @Test
  void draftedReturnedSignedNumberedIssuedAndRegisteredByTheRecipient() throws Exception {
    String marker = "TOANTRINH" + System.nanoTime();
    String subject = "Quyết định về việc giao nhiệm vụ khoa học " + marker;
    Path docx = Files.createTempFile("du-thao-", ".docx");
    Files.write(docx, OutgoingDraftScenarios.docx("Dự thảo quyết định"));
    Path pdf = Files.createTempFile("ban-cuoi-", ".pdf");
    Files.write(pdf, OutgoingIssueTestSupport.pdf(subject));

    session.signInAs("anhdd.skhcn");
    driver.get(baseUrl() + "/outgoing/new");
    Browser.waitForText(driver, By.tagName("h1"), "Soạn văn bản đi");
    driver.findElement(By.id("documentType")).sendKeys("Quyết định");
    driver.findElement(By.id("subject")).sendKeys(subject);
    new Select(driver.findElement(By.id("agencies"))).selectByVisibleText("Văn phòng Ủy ban nhân dân tỉnh");
    driver.findElement(By.id("draft")).sendKeys(docx.toString());
    driver.findElement(By.id("create-draft")).click();
    Browser.waitForText(driver, By.id("doc-status"), "Đang soạn thảo");
    String page = driver.getCurrentUrl();
    driver.findElement(By.id("final-pdf")).sendKeys(pdf.toString());
    clickAndWaitForNextPage(driver.findElement(By.cssSelector("#final-pdf-form button")));
    submit(page);

    review("hapt.skhcn", page, "Lãnh đạo phòng kiểm tra", "approve", null);
    review("tuanlm.skhcn", page, "Phó thủ trưởng phụ trách duyệt", "return", "Bổ sung căn cứ Luật Khoa học");
    Browser.waitForText(driver, By.id("doc-status"), "Đang soạn thảo");

    session.signInAs("anhdd.skhcn");
    driver.get(page);
    Browser.waitContaining(driver, By.id("last-return"), "Bổ sung căn cứ Luật Khoa học");
    assertThat(driver.findElement(By.id("last-return")).getText()).contains("Lê Minh Tuấn");
    submit(page);
    review("hapt.skhcn", page, "Lãnh đạo phòng kiểm tra", "approve", null);
    review("tuanlm.skhcn", page, "Phó thủ trưởng phụ trách duyệt", "approve", "Trình Giám đốc ký");

    session.signInAs("hungtv.skhcn");
    driver.get(page);
    Browser.waitContaining(driver, By.id("doc-steps"), "Ký ban hành");
    Accessibility.assertPageAccessible(driver, "outgoing-document-sign");
    driver.findElement(By.id("sign")).click();
    Browser.waitForText(driver, By.id("doc-status"), "Đã ký, chờ cấp số");
    assertThat(driver.findElement(By.id("doc-signer")).getText()).isEqualTo("GIÁM ĐỐC Trần Văn Hùng");

    session.signInAs("lannt.skhcn");
    driver.get(page + "/issue");
    Browser.waitForText(driver, By.id("issue-status"), "Đã ký, chờ cấp số");
    Accessibility.assertPageAccessible(driver, "outgoing-issue-signed");
    driver.findElement(By.id("issue-number")).click();
    Browser.waitForText(driver, By.id("issue-done"), "Đã cấp số và ký số của cơ quan.");
    String heading = driver.findElement(By.id("issue-heading")).getText();
    assertThat(heading).matches("\\d{2,}/QĐ-SKHCN – Quyết định");
    String symbol = heading.substring(0, heading.indexOf(' '));
    driver.findElement(By.id("issue-send")).click();
    Browser.waitForText(driver, By.id("issue-done"), "Đã phát hành văn bản.");

    // The recipient agency's clerk: the signatures are checked, then it is registered and in the register.
    session.signInAs("hoadt.vpubnd");
    driver.get(baseUrl() + "/incoming/inbox");
    Browser.waitForText(driver, By.tagName("h1"), "Văn bản điện tử đến");
    driver.findElement(By.linkText(symbol + " – " + subject)).click();
    Browser.waitContaining(driver, By.id("verification-result"), "Chữ ký số hợp lệ và đủ");
    assertThat(driver.findElement(By.id("verification")).getText()).contains("Trần Văn Hùng",
        "Chữ ký số của cơ quan");
    driver.findElement(By.id("accept")).click();
    Browser.waitContaining(driver, By.id("registered"), "Đã vào sổ, số đến");
    driver.get(baseUrl() + "/incoming/register?q=" + marker);
    Browser.waitContaining(driver, By.id("register"), symbol);
    assertThat(driver.findElement(By.id("register")).getText()).contains("Sở Khoa học và Công nghệ", subject);
    session.assertFitsAndLabelled("outgoing-whole-path-register.png");

    // Back at the sender: the document was received and registered there.
    session.signInAs("hungtv.skhcn");
    driver.get(page + "/delivery");
    Browser.waitContaining(driver, By.id("recipient-1"), "Đã tiếp nhận, vào sổ");
  }

  private void submit(String page) {
    driver.get(page);
    driver.findElement(By.cssSelector("#submit-form button")).click();
    Browser.waitForText(driver, By.id("doc-status"), "Đang trình duyệt, ký");
  }

  private void review(String who, String page, String step, String decision, String comment) {
    session.signInAs(who);
    driver.get(page);
    Browser.waitContaining(driver, By.id("doc-steps"), step);
    if (comment != null) {
      driver.findElement(By.id("comment")).sendKeys(comment);
    }
    clickAndWaitForNextPage(driver.findElement(By.id(decision)));
    assertThat(driver.findElement(By.id("doc-steps")).getText()).doesNotContain(step);
  }

  /** Clicks a form's button and waits until the page it led to has replaced this one. */
  private void clickAndWaitForNextPage(WebElement button) {
    button.click();
    // While the next page replaces this one, Chromium may answer "node does not belong to the document" rather
    // than "stale": ask again until the old button is gone.
    new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(ExpectedConditions.stalenessOf(button));
  }
}
