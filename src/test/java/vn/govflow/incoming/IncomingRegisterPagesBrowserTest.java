package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * Issue #13 items 6, 7, 11 in a real browser: the clerk registers a Party document by typing its type, with its
 * signer; the document page shows the metadata; the register, the follow-up register and the closing page read at
 * desktop and phone width without sideways scrolling, every control labelled.
 */
class IncomingRegisterPagesBrowserTest extends BrowserTest {
  @Test
  void clerkRegistersAnyTypeAndTheRegisterPagesFitAPhone() throws Exception {
    String symbol = "31/TT-TU" + System.nanoTime() % 1000;
    Path scan = Files.createTempDirectory("scan").resolve("thong-tri-31.txt");
    Files.writeString(scan, "Thông tri về công tác dân vận", StandardCharsets.UTF_8);
    session.signInAs("lannt.skhcn");
    driver.get(baseUrl() + "/incoming/new");
    Browser.waitForText(driver, By.tagName("h1"), "Vào sổ văn bản đến");
    driver.findElement(By.id("senderName")).sendKeys("Tỉnh ủy Lào Cai");
    driver.findElement(By.id("numberSymbol")).sendKeys(symbol);
    session.setValue(driver.findElement(By.id("documentDate")),
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString());
    driver.findElement(By.id("documentType")).clear();
    driver.findElement(By.id("documentType")).sendKeys("Thông tri");
    driver.findElement(By.id("signerName")).sendKeys("Nguyễn Văn Bình");
    driver.findElement(By.id("signerPosition")).sendKeys("Phó Bí thư");
    driver.findElement(By.id("summary")).sendKeys("Về tăng cường công tác dân vận");
    driver.findElement(By.id("files")).sendKeys(scan.toString());
    session.assertFitsAndLabelled("incoming-new-desktop.png");
    // Arrived ten days ago (item 10, Art 4.2c): refused on the page until the clerk gives the reason.
    String arrived = java.time.LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(10)
        .withHour(9).withMinute(0).withSecond(0).withNano(0).toString();
    session.setValue(driver.findElement(By.id("arrivedAt")), arrived);
    session.setValue(driver.findElement(By.id("documentDate")),
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(11).toString());
    driver.findElement(By.id("register-submit")).click();
    assertThat(driver.findElement(By.id("register-problem")).getText()).contains("lý do vào sổ muộn");
    assertThat(driver.findElement(By.id("documentType")).getAttribute("value")).isEqualTo("Thông tri");
    driver.findElement(By.id("lateReason")).sendKeys("Văn bản chuyển qua bưu điện bị chậm");
    driver.findElement(By.id("files")).sendKeys(scan.toString());
    driver.findElement(By.id("register-submit")).click();
    assertThat(driver.findElement(By.id("registered")).getText()).startsWith("Đã vào sổ, số đến");
    assertThat(driver.findElement(By.id("doc-type")).getText()).isEqualTo("Thông tri");
    assertThat(driver.findElement(By.id("doc-signer")).getText()).isEqualTo("Nguyễn Văn Bình – Phó Bí thư");
    assertThat(driver.findElement(By.id("doc-code-number")).getText()).isEqualTo(symbol.substring(0, 2));
    assertThat(driver.findElement(By.id("doc-language")).getText()).isEqualTo("Tiếng Việt");
    assertThat(driver.findElement(By.id("doc-late")).getText()).isEqualTo("Văn bản chuyển qua bưu điện bị chậm");
    session.screenshot("incoming-document-metadata.png");

    int lastYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() - 1;
    for (String width : new String[] {"desktop", "phone"}) {
      if (width.equals("phone")) {
        driver.manage().window().setSize(new Dimension(390, 844));
      }
      driver.get(baseUrl() + "/incoming/register");
      Browser.waitForText(driver, By.tagName("h1"), "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
      assertThat(driver.findElement(By.id("register")).getText()).contains(symbol, "Thông tri: Về tăng cường");
      session.assertFitsAndLabelled("incoming-register-" + width + ".png");
      driver.get(baseUrl() + "/incoming/follow-up");
      Browser.waitForText(driver, By.tagName("h1"), "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN");
      session.assertFitsAndLabelled("incoming-follow-up-" + width + ".png");
      driver.get(baseUrl() + "/incoming/register/closing?year=" + lastYear);
      Browser.waitForText(driver, By.tagName("h1"), "KHÓA SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM " + lastYear);
      assertThat(driver.findElement(By.id("closing-submit")).getText()).isEqualTo("Khóa sổ năm " + lastYear);
      session.assertFitsAndLabelled("incoming-closing-" + width + ".png");
      driver.get(baseUrl() + "/incoming/new");
      Browser.waitForText(driver, By.tagName("h1"), "Vào sổ văn bản đến");
      session.assertFitsAndLabelled("incoming-new-" + width + ".png");
    }
  }

}
