package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.govflow.documents.DocumentDispatch;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * Issue #9 in a real browser: the recipient's clerk opens the electronic inbox, reads a document's signature report,
 * registers the valid one and refuses the tampered one with a reason (a refusal without one is announced and tied
 * to the field); the pages read at desktop and phone width without sideways scrolling or an axe-core WCAG 2.1 A/AA
 * violation (issue #11).
 */
class InboxPagesBrowserTest extends BrowserTest implements ExchangeTestSupport {
  @Test
  void clerkChecksSignaturesRegistersOneAndRefusesATamperedOne() throws Exception {
    String marker = "BRW" + System.nanoTime();
    DocumentDispatch good = dispatch(signedPdf(marker + "G", true), "hoa-toc", "Về việc ứng phó bão số 3 "
        + marker + "G");
    DocumentDispatch bad = dispatch(replaceOnce(signedPdf(marker + "B", true), marker + "B 1000", marker + "B 9000"),
        "thuong", "Văn bản bị sửa " + marker + "B");
    bean(vn.govflow.documents.DocumentReceiving.class).receive(good);
    bean(vn.govflow.documents.DocumentReceiving.class).receive(bad);
    session.signInAs("lannt.skhcn");

    driver.get(baseUrl() + "/incoming/inbox");
    Browser.waitForText(driver, By.tagName("h1"), "Văn bản điện tử đến");
    assertThat(driver.findElement(By.id("inbox")).getText()).contains(good.numberSymbol(), "Hỏa tốc");
    Accessibility.assertPageAccessible(driver, "incoming-inbox");
    driver.findElement(By.linkText(good.numberSymbol() + " – " + good.subject())).click();
    Browser.waitContaining(driver, By.id("verification-result"), "Chữ ký số hợp lệ và đủ");
    assertThat(driver.findElement(By.id("verification")).getText()).contains("Ngô Văn Sơn",
        "Chữ ký của người có thẩm quyền", "Chữ ký số của cơ quan");
    Accessibility.assertPageAccessible(driver, "incoming-inbox-entry");
    driver.get(baseUrl() + "/incoming/inbox");
    driver.findElement(By.linkText(bad.numberSymbol() + " – " + bad.subject())).click();
    Browser.waitContaining(driver, By.id("verification-result"), "không vào sổ được");
    assertThat(driver.findElement(By.id("accept")).isEnabled()).isFalse();
    Accessibility.assertPageAccessible(driver, "incoming-inbox-tampered");

    // Refusing without a reason is refused: announced, focused, tied to the reason field (issue #11).
    driver.findElement(By.id("refuse")).click();
    Browser.waitContaining(driver, By.id("error-summary-title"), "Chưa gửi được");
    assertThat(driver.getTitle()).startsWith("Lỗi:");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
    assertThat(driver.findElement(By.id("reason")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(driver.findElement(By.id("reason-error")).getText()).contains("Cần ghi lý do từ chối");
    Accessibility.assertPageAccessible(driver, "incoming-inbox-refused");

    driver.findElement(By.id("reason")).sendKeys("Chữ ký số không hợp lệ: văn bản đã bị sửa sau khi ký");
    driver.findElement(By.id("refuse")).click();
    Browser.waitContaining(driver, By.id("entry-status"), "Đã từ chối tiếp nhận");
    assertThat(driver.findElement(By.id("reported-list")).getText()).contains("02 Từ chối tiếp nhận");

    driver.get(baseUrl() + "/incoming/inbox");
    driver.findElement(By.linkText(good.numberSymbol() + " – " + good.subject())).click();
    Browser.waitContaining(driver, By.id("verification-result"), "Chữ ký số hợp lệ và đủ");
    driver.findElement(By.id("accept")).click();
    Browser.waitContaining(driver, By.id("registered"), "Đã vào sổ, số đến");
    assertThat(driver.findElement(By.id("doc-signer")).getText()).isEqualTo("Ngô Văn Sơn – Chánh Văn phòng");
    Accessibility.assertPageAccessible(driver, "incoming-inbox-registered");
  }
}
