package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * The whole way of an incoming document in a real browser, each person signed in as themselves: the clerk
 * registers it with its file, the leader directs it with a coordinator, the coordinator gives an opinion, the
 * handler records the answer, and the clerk sees the completed handling slip.
 */
class IncomingBrowserTest extends BrowserTest {
  @Test
  void clerkLeaderCoordinatorAndHandlerEachDoTheirPart() throws Exception {
    String symbol = "21/UBND-" + System.nanoTime() % 100000;
    Path scan = Files.createTempDirectory("scan").resolve("cong-van-21.txt");
    Files.writeString(scan, "Công văn về việc báo cáo chuyển đổi số quý IV", StandardCharsets.UTF_8);

    session.signInAs("lannt.skhcn");
    driver.findElement(By.id("nav-new-incoming")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Vào sổ văn bản đến");
    driver.findElement(By.id("senderName")).sendKeys("Ủy ban nhân dân huyện Bảo Thắng");
    driver.findElement(By.id("numberSymbol")).sendKeys(symbol);
    session.setValue(driver.findElement(By.id("documentDate")), LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString());
    // The type is typed or chosen from a datalist (issue #13 item 6); "Công văn" is the default.
    assertThat(driver.findElement(By.id("documentType")).getAttribute("value")).isEqualTo("Công văn");
    new Select(driver.findElement(By.id("urgency"))).selectByVisibleText("Khẩn");
    driver.findElement(By.id("summary")).sendKeys("Về việc báo cáo chuyển đổi số quý IV");
    new Select(driver.findElement(By.id("directingLeader"))).selectByVisibleText("Trần Văn Hùng");
    driver.findElement(By.id("files")).sendKeys(scan.toString());
    driver.findElement(By.id("register-submit")).click();
    assertThat(driver.findElement(By.id("registered")).getText()).startsWith("Đã vào sổ, số đến");
    assertThat(driver.findElement(By.id("doc-status")).getText()).isEqualTo("Đã vào sổ, chờ lãnh đạo chỉ đạo");
    String documentUrl = driver.getCurrentUrl();

    session.signInAs("hungtv.skhcn");
    session.openTask("Cho ý kiến chỉ đạo", symbol);
    assertThat(driver.findElement(By.id("case-link")).getText()).contains(symbol);
    new Select(driver.findElement(By.id("f-decision"))).selectByValue("assign");
    assertThat(driver.findElement(By.id("f-returnReason")).isDisplayed()).isFalse();
    new Select(driver.findElement(By.id("f-leadHandler"))).selectByValue("anhdd.skhcn");
    new Select(driver.findElement(By.id("f-coordinators"))).selectByValue("maivt.skhcn");
    driver.findElement(By.id("f-direction")).sendKeys("Đồng chí Anh chủ trì, phòng QLKH phối hợp.");
    session.screenshot("leader-direction.png");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Cho ý kiến chỉ đạo");

    session.signInAs("anhdd.skhcn");
    session.openTask("Giải quyết văn bản", symbol);
    new Select(driver.findElement(By.id("f-outcome"))).selectByValue("answered");
    driver.findElement(By.id("f-replyReference")).sendKeys("45/SKHCN-CDS");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("form-error")).getText()).contains("ý kiến phối hợp");

    session.signInAs("maivt.skhcn");
    session.openTask("Cho ý kiến phối hợp", symbol);
    driver.findElement(By.id("f-opinion")).sendKeys("Phòng QLKH thống nhất nội dung báo cáo.");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Cho ý kiến phối hợp");

    session.signInAs("anhdd.skhcn");
    session.openTask("Giải quyết văn bản", symbol);
    new Select(driver.findElement(By.id("f-outcome"))).selectByValue("answered");
    assertThat(driver.findElement(By.id("f-replyReference")).isDisplayed()).isTrue();
    driver.findElement(By.id("f-replyReference")).sendKeys("45/SKHCN-CDS");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Giải quyết văn bản");

    session.signInAs("lannt.skhcn");
    session.await(() -> {
      driver.get(documentUrl);
      return driver.findElement(By.id("doc-status")).getText().equals("Đã giải quyết");
    });
    String history = driver.findElement(By.id("doc-history")).getText();
    assertThat(history).contains("Vào sổ").contains("Lãnh đạo chỉ đạo").contains("Đồng chí Anh chủ trì")
        .contains("Phòng QLKH thống nhất").contains("Đã trả lời bằng văn bản 45/SKHCN-CDS").contains("Hoàn thành");
    org.openqa.selenium.WebElement file = driver.findElement(By.cssSelector("#doc-files a"));
    assertThat(file.getText()).isEqualTo("cong-van-21.txt");
    assertThat(file.getAttribute("href")).matches(".*/api/v1/files/[0-9a-f-]{36}/content");
    session.screenshot("handling-slip.png");
    Accessibility.assertPageAccessible(driver, "incoming-handling-slip");
  }
}
