package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * Issue #13 items 6, 7, 11 in a real browser: the clerk registers a Party document by typing its type, with its
 * signer; the document page shows the metadata; the register, the follow-up register and the closing page read at
 * desktop and phone width without sideways scrolling and without an axe-core WCAG 2.1 A/AA violation (issue #11).
 * A refused registration is announced, ties each error to its field and keeps what was typed and attached.
 */
class IncomingRegisterPagesBrowserTest extends BrowserTest {
  @Test
  void clerkRegistersAnyTypeAndTheRegisterPagesFitAPhone() throws Exception {
    String symbol = "31/TT-TU" + System.nanoTime() % 1000;
    Path dir = Files.createTempDirectory("scan");
    Path scan = dir.resolve("thong-tri-31.txt");
    Files.writeString(scan, "Thông tri về công tác dân vận", StandardCharsets.UTF_8);
    Path annex = dir.resolve("phu-luc.txt");
    Files.writeString(annex, "Phụ lục gửi nhầm", StandardCharsets.UTF_8);
    Path notPdf = dir.resolve("ban-quet.pdf");
    Files.writeString(notPdf, "Không phải PDF", StandardCharsets.UTF_8);
    session.signInAs("lannt.skhcn");
    driver.get(baseUrl() + "/incoming/new");
    Browser.waitForText(driver, By.tagName("h1"), "Vào sổ văn bản đến");
    // Required fields are marked before anyone submits (issue #11).
    assertThat(driver.findElement(By.id("numberSymbol")).getAttribute("required")).isEqualTo("true");
    assertThat(driver.findElement(By.cssSelector("label[for=summary]")).getText()).contains("*");
    Accessibility.assertPageAccessible(driver, "incoming-new");
    driver.findElement(By.id("senderName")).sendKeys("Tỉnh ủy Lào Cai");
    driver.findElement(By.id("numberSymbol")).sendKeys(symbol);
    driver.findElement(By.id("documentType")).clear();
    driver.findElement(By.id("documentType")).sendKeys("Thông tri");
    driver.findElement(By.id("signerName")).sendKeys("Nguyễn Văn Bình");
    driver.findElement(By.id("signerPosition")).sendKeys("Phó Bí thư");
    driver.findElement(By.id("summary")).sendKeys("Về tăng cường công tác dân vận");
    driver.findElement(By.id("files")).sendKeys(scan + "\n" + annex + "\n" + notPdf);
    // Arrived ten days ago (item 10, Art 4.2c): refused on the page until the clerk gives the reason.
    String arrived = java.time.LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(10)
        .withHour(9).withMinute(0).withSecond(0).withNano(0).toString();
    session.setValue(driver.findElement(By.id("arrivedAt")), arrived);
    session.setValue(driver.findElement(By.id("documentDate")),
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(11).toString());
    org.springframework.jdbc.core.JdbcTemplate jdbc = bean(org.springframework.jdbc.core.JdbcTemplate.class);
    String saved = "SELECT (SELECT COALESCE(SUM(last_number), 0) FROM inc_register_sequence) * 1000000"
        + " + (SELECT COUNT(*) FROM stored_file)";
    Long before = jdbc.queryForObject(saved, Long.class);
    driver.findElement(By.id("register-submit")).click();

    // The refusal is announced and focused, each error tied to its field; what was typed and attached is kept,
    // except the file whose content is not what its name says.
    Browser.waitContaining(driver, By.id("error-summary-title"), "Chưa gửi được");
    assertThat(driver.getTitle()).startsWith("Lỗi:");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
    WebElement summary = driver.findElement(By.id("error-summary"));
    assertThat(summary.getAttribute("role")).isEqualTo("alert");
    assertThat(summary.getText()).contains("lý do vào sổ muộn", "ban-quet.pdf: Nội dung tệp không khớp");
    assertThat(summary.findElement(By.partialLinkText("lý do vào sổ muộn")).getAttribute("href")).endsWith("#lateReason");
    WebElement lateReason = driver.findElement(By.id("lateReason"));
    assertThat(lateReason.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(lateReason.getAttribute("aria-describedby")).contains("lateReason-error");
    assertThat(driver.findElement(By.id("lateReason-error")).getText()).contains("lý do vào sổ muộn");
    assertThat(driver.findElement(By.id("files-error")).getText()).contains("ban-quet.pdf");
    assertThat(driver.findElement(By.id("documentType")).getAttribute("value")).isEqualTo("Thông tri");
    assertThat(driver.findElement(By.id("held-files")).getText()).contains("Đã đính kèm: thong-tri-31.txt",
        "Đã đính kèm: phu-luc.txt").doesNotContain("ban-quet.pdf");
    Accessibility.assertPageAccessible(driver, "incoming-new-refused");
    // Nothing half-saved: no arrival number taken, no file row (the held files wait outside the database).
    assertThat(jdbc.queryForObject(saved, Long.class)).isEqualTo(before);

    // The clerk drops the annex, gives the reason and submits without attaching anything again.
    driver.findElement(By.xpath("//li[contains(., 'phu-luc.txt')]//input[@name='removeHeld']")).click();
    driver.findElement(By.id("lateReason")).sendKeys("Văn bản chuyển qua bưu điện bị chậm");
    driver.findElement(By.id("register-submit")).click();
    assertThat(driver.findElement(By.id("registered")).getText()).startsWith("Đã vào sổ, số đến");
    assertThat(driver.findElement(By.id("doc-type")).getText()).isEqualTo("Thông tri");
    assertThat(driver.findElement(By.id("doc-signer")).getText()).isEqualTo("Nguyễn Văn Bình – Phó Bí thư");
    assertThat(driver.findElement(By.id("doc-code-number")).getText()).isEqualTo(symbol.substring(0, 2));
    assertThat(driver.findElement(By.id("doc-language")).getText()).isEqualTo("Tiếng Việt");
    assertThat(driver.findElement(By.id("doc-late")).getText()).isEqualTo("Văn bản chuyển qua bưu điện bị chậm");
    assertThat(session.findNow(By.cssSelector("#doc-files a")).stream().map(WebElement::getText))
        .containsExactly("thong-tri-31.txt");
    String documentUrl = driver.getCurrentUrl();
    Accessibility.assertPageAccessible(driver, "incoming-document");

    int lastYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() - 1;
    driver.get(baseUrl() + "/incoming/register");
    Browser.waitForText(driver, By.tagName("h1"), "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
    assertThat(driver.findElement(By.id("register")).getText()).contains(symbol, "Thông tri: Về tăng cường");
    // The summary opens the document as well as the arrival number does.
    assertThat(driver.findElement(By.partialLinkText("Thông tri: Về tăng cường")).getAttribute("href"))
        .isEqualTo(documentUrl);
    Accessibility.assertPageAccessible(driver, "incoming-register");
    driver.get(baseUrl() + "/incoming/follow-up");
    Browser.waitForText(driver, By.tagName("h1"), "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN");
    Accessibility.assertPageAccessible(driver, "incoming-follow-up");
    driver.get(baseUrl() + "/incoming/register/closing?year=" + lastYear);
    Browser.waitForText(driver, By.tagName("h1"), "KHÓA SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM " + lastYear);
    assertThat(driver.findElement(By.id("closing-submit")).getText()).isEqualTo("Khóa sổ năm " + lastYear);
    Accessibility.assertPageAccessible(driver, "incoming-closing");
  }

}
