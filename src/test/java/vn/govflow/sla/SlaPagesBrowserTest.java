package vn.govflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * A head of agency finds the deadline pages from the menu: one tab per registered kind of case, the current one
 * marked for screen readers, and the page readable on a phone without scrolling sideways.
 */
class SlaPagesBrowserTest extends BrowserTest implements vn.govflow.incoming.IncomingTestSupport {
  @Test
  void aHeadMovesBetweenTheKindsOfCaseOnTheDeadlinePages() throws Exception {
    // A running case with a long sender and summary, so the tables are there and as wide as they get.
    String symbol = "SLA" + System.nanoTime() % 100000 + "/UBND-VP";
    register(signIn("lannt.skhcn"), document(symbol,
        "Về việc triển khai kế hoạch chuyển đổi số và phát triển chính quyền điện tử giai đoạn 2026–2030", ""),
        "a.txt", text("x"));
    session.signInAs("hungtv.skhcn");
    // The registered case types' entries for a head: the registers and the portal's questions, not clerks' entry.
    assertThat(driver.findElements(By.id("nav-register"))).hasSize(1);
    assertThat(driver.findElements(By.id("nav-questions"))).hasSize(1);
    assertThat(session.findNow(By.id("nav-new-incoming"))).isEmpty();

    // The head's direction form (issue #11): the lead's radio group is a fieldset with its legend, and a refused
    // completion (no direction written) is axe-clean and fits a phone, with its radios, lists and multi-choices.
    session.openTask("Cho ý kiến chỉ đạo", symbol);
    new Select(driver.findElement(By.id("f-decision"))).selectByValue("assign");
    assertThat(driver.findElement(By.cssSelector("#f-leadType-group > legend")).getText()).startsWith("Giao chủ trì cho");
    assertThat(driver.findElements(By.cssSelector("#f-leadType-group > legend .required"))).hasSize(1);
    driver.findElement(By.id("f-leadType")).click();
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("error-summary")).getAttribute("role")).isEqualTo("alert");
    assertThat(driver.getTitle()).startsWith("Lỗi: ");
    assertThat(driver.findElement(By.id("f-leadType")).isSelected()).isTrue();
    Accessibility.assertPageAccessible(driver, "task-form-direction-refused");

    // The head's task list: each task's tick box is named by the task and its case, the bulk controls a group.
    driver.get(baseUrl() + "/tasks");
    WebElement box = driver.findElement(By.xpath("//tr[td[contains(., '" + symbol + "')]]//input[@name='taskIds']"));
    assertThat(box.getAttribute("aria-label")).startsWith("Chọn: Cho ý kiến chỉ đạo – ");
    assertThat(driver.findElement(By.cssSelector("fieldset.bulk-assign > legend")).getText())
        .isEqualTo("Giao việc cho người khác");
    // "Giao" with nothing ticked: the list comes back saying so, announced and focused, its link to the first box.
    driver.findElement(By.id("assign-selected")).click();
    WebElement summary = driver.findElement(By.id("error-summary"));
    assertThat(summary.getText()).contains("Chọn từ 1 đến 200 công việc.");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
    assertThat(driver.getTitle()).startsWith("Lỗi: Công việc của tôi");
    assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).contains("#select-");
    Accessibility.assertPageAccessible(driver, "tasks-head");

    driver.findElement(By.id("nav-sla")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Theo dõi tiến độ: Văn bản đến");
    assertThat(driver.getCurrentUrl()).endsWith("/sla/incoming");
    List<WebElement> tabs = driver.findElements(By.cssSelector("#sla-types a"));
    assertThat(tabs).extracting(WebElement::getText).containsExactly("Văn bản đến", "Văn bản đi",
        "Câu hỏi trên Cổng");
    assertThat(tabs.get(0).getAttribute("aria-current")).isEqualTo("page");
    assertThat(tabs.get(2).getAttribute("aria-current")).isNull();
    shot("sla-incoming-desktop.png");
    Accessibility.assertPageAccessible(driver, "sla-incoming");

    tabs.get(2).click();
    Browser.waitForText(driver, By.tagName("h1"), "Theo dõi tiến độ: Câu hỏi trên Cổng");
    assertThat(driver.getCurrentUrl()).endsWith("/sla/portal");
    assertThat(driver.findElement(By.cssSelector("#sla-types a[aria-current='page']")).getText())
        .isEqualTo("Câu hỏi trên Cổng");

    tabs = driver.findElements(By.cssSelector("#sla-types a"));
    tabs.get(1).click();
    Browser.waitForText(driver, By.tagName("h1"), "Theo dõi tiến độ: Văn bản đi");
    assertThat(driver.getCurrentUrl()).endsWith("/sla/outgoing");

    driver.get(baseUrl() + "/sla/portal?lang=en");
    Browser.waitForText(driver, By.tagName("h1"), "Deadline tracking: Portal questions");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(baseUrl() + "/sla/incoming?lang=vi");
    Browser.waitForText(driver, By.tagName("h1"), "Theo dõi tiến độ: Văn bản đến");
    Object sideways = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    shot("sla-incoming-phone.png");
    Object wide = ((JavascriptExecutor) driver).executeScript(
        "const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.getBoundingClientRect().right > w + 0.5).slice(0, 5)"
            + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');");
    assertThat(((Number) sideways).intValue()).as("sideways scrolling on a phone, in px; too wide: " + wide)
        .isLessThanOrEqualTo(0);
  }

  private void shot(String name) throws Exception {
    Path shot = Path.of("target", "screenshots", name);
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
