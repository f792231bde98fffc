package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * Issue #9 items 4-6 in a real browser: the clerk numbers and issues a signed document on its issuing page, then
 * the delivery page, the issued list, the register and its printout read at desktop and phone width without
 * sideways scrolling, every control labelled.
 */
class OutgoingIssuePagesBrowserTest extends BrowserTest implements OutgoingIssueTestSupport {
  @Test
  void clerkNumbersAndIssuesAndThePagesFitAPhone() throws Exception {
    String id = signedDocument("giay-moi", "Mời dự hội nghị tổng kết khoa học và công nghệ năm nay", true,
        Recipient.department("skhcn-qlkh", "Phòng Quản lý khoa học"), Recipient.post("Ủy ban nhân dân huyện Sa Pa"));
    session.signInAs("lannt.skhcn");
    driver.get(baseUrl() + "/outgoing/" + id + "/issue");
    Browser.waitForText(driver, By.id("issue-status"), "Đã ký, chờ cấp số");
    session.assertFitsAndLabelled("outgoing-issue-signed.png");
    driver.findElement(By.id("issue-number")).click();
    Browser.waitForText(driver, By.id("issue-done"), "Đã cấp số và ký số của cơ quan.");
    String symbol = driver.findElement(By.id("issue-heading")).getText();
    assertThat(symbol).matches("\\d{2,}/GM-SKHCN – Giấy mời");
    symbol = symbol.substring(0, symbol.indexOf(' '));
    driver.findElement(By.id("issue-send")).click();
    Browser.waitForText(driver, By.id("issue-done"), "Đã phát hành văn bản.");
    assertThat(driver.findElement(By.id("issue-status")).getText()).isEqualTo("Đã phát hành");

    // Each page once: the accessibility check reads it at desktop and at a 390 px phone (axe-core, no sideways
    // scrolling); the older check adds that every control is labelled.
    driver.get(baseUrl() + "/outgoing/" + id + "/issue");
    Browser.waitForText(driver, By.id("issue-status"), "Đã phát hành");
    session.assertFitsAndLabelled("outgoing-issue.png");
    Accessibility.assertPageAccessible(driver, "outgoing-issue");
    driver.get(baseUrl() + "/outgoing/" + id + "/delivery");
    Browser.waitForText(driver, By.tagName("h1"), "Tình trạng gửi văn bản " + symbol);
    assertThat(driver.findElement(By.id("recipient-1")).getText()).contains("Phòng Quản lý khoa học", "Đã đến");
    session.assertFitsAndLabelled("outgoing-delivery.png");
    Accessibility.assertPageAccessible(driver, "outgoing-delivery");
    driver.get(baseUrl() + "/outgoing/issued");
    Browser.waitForText(driver, By.tagName("h1"), "Văn bản đã phát hành");
    assertThat(driver.findElement(By.id("issued-" + id)).getText()).contains(symbol, "Ủy ban nhân dân huyện Sa Pa");
    session.assertFitsAndLabelled("outgoing-issued.png");
    Accessibility.assertPageAccessible(driver, "outgoing-issued");
    driver.get(baseUrl() + "/outgoing/register?q=hoi+nghi+tong+ket");
    Browser.waitForText(driver, By.tagName("h1"), "SỔ ĐĂNG KÝ VĂN BẢN ĐI");
    assertThat(driver.findElement(By.id("register")).getText()).contains(symbol, "Giấy mời: Mời dự hội nghị");
    session.assertFitsAndLabelled("outgoing-register.png");
    Accessibility.assertPageAccessible(driver, "outgoing-register");
    driver.get(baseUrl() + "/outgoing/register/print");
    Browser.waitForText(driver, By.tagName("h1"), "SỔ ĐĂNG KÝ VĂN BẢN ĐI");
    assertThat(driver.findElement(By.id("register")).getText()).contains(symbol);
    session.assertFitsAndLabelled("outgoing-register-print.png");
    Accessibility.assertPageAccessible(driver, "outgoing-register-print");
    // A refused recall (a reason of spaces only) comes back announced on its field, the leader chosen kept.
    driver.get(baseUrl() + "/outgoing/" + id + "/issue");
    Select orderedBy = new Select(driver.findElement(By.id("recall-ordered-by")));
    orderedBy.selectByIndex(orderedBy.getOptions().size() - 1);
    String leader = orderedBy.getFirstSelectedOption().getText();
    driver.findElement(By.id("recall-reason")).sendKeys("   ");
    driver.findElement(By.id("recall-submit")).click();
    Browser.waitForText(driver, By.cssSelector("#error-summary a"), "Cần ghi lý do thu hồi (tối đa 1.000 ký tự).");
    assertThat(driver.getTitle()).startsWith("Lỗi: ");
    assertThat(driver.findElement(By.cssSelector("#error-summary a")).getAttribute("href")).endsWith("#recall-reason");
    assertThat(driver.findElement(By.id("recall-reason")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(driver.findElement(By.id("recall-reason-error")).getText()).contains("Cần ghi lý do thu hồi");
    assertThat(new Select(driver.findElement(By.id("recall-ordered-by"))).getFirstSelectedOption().getText())
        .isEqualTo(leader);
    assertThat(driver.findElement(By.id("issue-status")).getText()).isEqualTo("Đã phát hành");
    driver.get(baseUrl() + "/outgoing/" + id + "/issue?lang=en");
    Browser.waitForText(driver, By.id("issue-status"), "Issued");
    assertThat(driver.findElement(By.cssSelector("label[for=recall-ordered-by]")).getText()).startsWith("On the order of");
  }

}
