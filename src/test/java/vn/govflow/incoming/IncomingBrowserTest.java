package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Browser;
import vn.govflow.support.H2IntegrationTest;

/**
 * The whole way of an incoming document in a real browser, each person signed in as themselves: the clerk
 * registers it with its file, the leader directs it with a coordinator, the coordinator gives an opinion, the
 * handler records the answer, and the clerk sees the completed handling slip.
 */
@Tag("browser")
class IncomingBrowserTest extends H2IntegrationTest {
  private WebDriver driver;

  @BeforeEach
  void open() {
    driver = Browser.start();
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void clerkLeaderCoordinatorAndHandlerEachDoTheirPart() throws Exception {
    String symbol = "21/UBND-" + System.nanoTime() % 100000;
    Path scan = Files.createTempDirectory("scan").resolve("cong-van-21.txt");
    Files.writeString(scan, "Công văn về việc báo cáo chuyển đổi số quý IV", StandardCharsets.UTF_8);

    signInAs("lannt.skhcn");
    driver.findElement(By.id("nav-new-incoming")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Vào sổ văn bản đến");
    driver.findElement(By.id("senderName")).sendKeys("Ủy ban nhân dân huyện Bảo Thắng");
    driver.findElement(By.id("numberSymbol")).sendKeys(symbol);
    setDate(driver.findElement(By.id("documentDate")), LocalDate.now().minusDays(1));
    new Select(driver.findElement(By.id("documentType"))).selectByVisibleText("Công văn");
    new Select(driver.findElement(By.id("urgency"))).selectByVisibleText("Khẩn");
    driver.findElement(By.id("summary")).sendKeys("Về việc báo cáo chuyển đổi số quý IV");
    new Select(driver.findElement(By.id("directingLeader"))).selectByVisibleText("Trần Văn Hùng");
    driver.findElement(By.id("files")).sendKeys(scan.toString());
    driver.findElement(By.id("register-submit")).click();
    assertThat(driver.findElement(By.id("registered")).getText()).startsWith("Đã vào sổ, số đến");
    assertThat(driver.findElement(By.id("doc-status")).getText()).isEqualTo("Đã vào sổ, chờ lãnh đạo chỉ đạo");
    String documentUrl = driver.getCurrentUrl();

    signInAs("hungtv.skhcn");
    openTask("Cho ý kiến chỉ đạo", symbol);
    assertThat(driver.findElement(By.id("case-link")).getText()).contains(symbol);
    new Select(driver.findElement(By.id("f-decision"))).selectByValue("assign");
    assertThat(driver.findElement(By.id("f-returnReason")).isDisplayed()).isFalse();
    new Select(driver.findElement(By.id("f-leadHandler"))).selectByValue("anhdd.skhcn");
    new Select(driver.findElement(By.id("f-coordinators"))).selectByValue("maivt.skhcn");
    driver.findElement(By.id("f-direction")).sendKeys("Đồng chí Anh chủ trì, phòng QLKH phối hợp.");
    screenshot("leader-direction.png");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Cho ý kiến chỉ đạo");

    signInAs("anhdd.skhcn");
    openTask("Giải quyết văn bản", symbol);
    new Select(driver.findElement(By.id("f-outcome"))).selectByValue("answered");
    driver.findElement(By.id("f-replyReference")).sendKeys("45/SKHCN-CDS");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("form-error")).getText()).contains("ý kiến phối hợp");

    signInAs("maivt.skhcn");
    openTask("Cho ý kiến phối hợp", symbol);
    driver.findElement(By.id("f-opinion")).sendKeys("Phòng QLKH thống nhất nội dung báo cáo.");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Cho ý kiến phối hợp");

    signInAs("anhdd.skhcn");
    openTask("Giải quyết văn bản", symbol);
    new Select(driver.findElement(By.id("f-outcome"))).selectByValue("answered");
    assertThat(driver.findElement(By.id("f-replyReference")).isDisplayed()).isTrue();
    driver.findElement(By.id("f-replyReference")).sendKeys("45/SKHCN-CDS");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Giải quyết văn bản");

    signInAs("lannt.skhcn");
    await(() -> {
      driver.get(documentUrl);
      return driver.findElement(By.id("doc-status")).getText().equals("Đã giải quyết");
    });
    String history = driver.findElement(By.id("doc-history")).getText();
    assertThat(history).contains("Vào sổ").contains("Lãnh đạo chỉ đạo").contains("Đồng chí Anh chủ trì")
        .contains("Phòng QLKH thống nhất").contains("Đã trả lời bằng văn bản 45/SKHCN-CDS").contains("Hoàn thành");
    screenshot("handling-slip.png");
  }

  private void signInAs(String username) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl() + "/");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("Demo@2026");
    driver.findElement(By.id("sign-in")).click();
    // Wait for the home page (the sign-in page has an element with id "username" too).
    driver.findElement(By.id("welcome"));
    assertThat(driver.findElement(By.cssSelector("dd#username")).getText()).isEqualTo(username);
  }

  /** Opens the person's task of this name for the document, waiting for the engine's async step if needed. */
  private void openTask(String name, String symbol) {
    await(() -> {
      driver.get(baseUrl() + "/tasks");
      return driver.findElements(By.xpath("//tr[td[contains(., '" + symbol + "')]]//a[text()='" + name + "']"))
          .size() > 0;
    });
    driver.findElement(By.xpath("//tr[td[contains(., '" + symbol + "')]]//a[text()='" + name + "']")).click();
    Browser.waitForText(driver, By.id("task-name"), name);
    if (!driver.findElements(By.id("claim")).isEmpty()) {
      driver.findElement(By.id("claim")).click();
    }
    // The form appears once the task is the person's own.
    driver.findElement(By.id("task-form"));
  }

  private void setDate(WebElement input, LocalDate date) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input,
        date.format(DateTimeFormatter.ISO_LOCAL_DATE));
  }

  private void screenshot(String name) throws Exception {
    Path shot = Path.of("target", "screenshots", name);
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private void await(java.util.function.BooleanSupplier condition) {
    long limit = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > limit) {
        throw new AssertionError("Not reached within 30 s: " + driver.getCurrentUrl());
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
