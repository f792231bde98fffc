package vn.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.notify.NotificationKind;
import vn.govflow.notify.NotificationService;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * Our pages, the public portal and Camunda's webapps work under their Content-Security-Policy: no violation is
 * reported in the browser's console on the main pages, a form still submits, a task form renders and its
 * script still shows and hides fields, and Cockpit and Tasklist start.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTest {

  @Test
  void theDetectorSeesAViolation() {
    // The control: an inline script injected into one of our pages is refused and reported.
    driver.get(baseUrl() + "/portal");
    drainConsole();
    ((JavascriptExecutor) driver).executeScript(
        "var s = document.createElement('script'); s.textContent = 'window.injected = 1;';"
            + " document.body.appendChild(s);");
    assertThat(((JavascriptExecutor) driver).executeScript("return window.injected === undefined;"))
        .isEqualTo(true);
    assertThat(violations()).isNotEmpty();
  }

  @Test
  void citizensPagesWorkUnderThePolicy() {
    driver.get(baseUrl() + "/portal");
    assertNoViolation("/portal");
    driver.get(baseUrl() + "/portal/ask");
    Browser.waitForText(driver, By.tagName("h1"), "Gửi câu hỏi");
    driver.findElement(By.id("fullName")).sendKeys("Lò Văn Páo");
    driver.findElement(By.id("occupation")).sendKeys("Nông dân");
    driver.findElement(By.id("address")).sendKeys("Xã Bản Phiệt, Bảo Thắng");
    driver.findElement(By.id("phone")).sendKeys("0987654321");
    new Select(driver.findElement(By.id("field"))).selectByValue("khoa-hoc-cong-nghe");
    driver.findElement(By.id("question")).sendKeys("Giống chè mới được hỗ trợ thế nào?");
    driver.findElement(By.id("consent")).click();
    driver.findElement(By.id("ask-submit")).click();
    // The form submitted: a tracking code came back.
    String code = driver.findElement(By.id("tracking-code")).getText();
    assertThat(code).matches("HD-\\d{4}-[A-Z0-9]{8}");
    assertNoViolation("/portal/ask → submitted");
    driver.findElement(By.id("track-link")).click();
    Browser.waitForText(driver, By.id("track-status"), "Đã tiếp nhận");
    assertNoViolation("/portal/track");
  }

  @Test
  void staffPagesAndATaskFormWorkUnderThePolicy() throws Exception {
    session.signInAs("lannt.skhcn");
    assertNoViolation("/ (home)");
    for (String page : List.of("/tasks", "/incoming/register", "/incoming/new", "/notifications")) {
      driver.get(baseUrl() + page);
      driver.findElement(By.tagName("h1"));
      assertNoViolation(page);
    }
    // The notifications page with one to open and mark read: axe-clean and fitting a phone (issue #11).
    bean(NotificationService.class).notify("lannt.skhcn", NotificationKind.ASSIGNED, new NotificationService.Message(
        "Văn bản đến giao bạn chủ trì xử lý: 1234/UBND-VP – Về việc triển khai kế hoạch chuyển đổi số giai đoạn 2026–2030",
        "Incoming document assigned to you (lead handler): 1234/UBND-VP", "Bạn được giao chủ trì xử lý văn bản.",
        "You have been assigned the document.", "/tasks"));
    driver.get(baseUrl() + "/notifications");
    assertThat(driver.findElements(By.cssSelector("#notifications tbody tr"))).isNotEmpty();
    Accessibility.assertPageAccessible(driver, "notifications");

    // A question for the portal editor: her task list, the question list and the task form.
    driver.manage().deleteAllCookies();
    driver.get(baseUrl() + "/portal/ask");
    driver.findElement(By.id("fullName")).sendKeys("Hờ A Sểnh");
    driver.findElement(By.id("occupation")).sendKeys("Cán bộ hưu trí");
    driver.findElement(By.id("address")).sendKeys("Bắc Hà, Lào Cai");
    driver.findElement(By.id("email")).sendKeys("senh@example.vn");
    new Select(driver.findElement(By.id("field"))).selectByValue("khoa-hoc-cong-nghe");
    String question = "Câu hỏi thử CSP " + System.nanoTime();
    driver.findElement(By.id("question")).sendKeys(question);
    driver.findElement(By.id("consent")).click();
    driver.findElement(By.id("ask-submit")).click();
    String code = driver.findElement(By.id("tracking-code")).getText();

    session.signInAs("ngocct.vpubnd");
    driver.get(baseUrl() + "/questions");
    driver.findElement(By.tagName("h1"));
    assertNoViolation("/questions");
    String id = bean(JdbcTemplate.class).queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?",
        String.class, code);
    driver.get(baseUrl() + "/questions/" + id);
    driver.findElement(By.tagName("h1"));
    assertNoViolation("/questions/{id}");

    session.openTask("Tiếp nhận, phân loại câu hỏi", code);
    // The task form rendered, and its script (static, allowed) shows and hides fields by their conditions.
    assertThat(driver.findElement(By.id("task-form")).isDisplayed()).isTrue();
    Select decision = new Select(driver.findElement(By.id("f-decision")));
    decision.selectByValue("reject");
    assertThat(driver.findElement(By.id("f-rejectReason")).isDisplayed()).isTrue();
    driver.findElement(By.id("f-note")).sendKeys("Ghi chú giữ lại");
    assertThat(driver.findElements(By.cssSelector("label[for=f-decision] .required"))).hasSize(1);
    assertThat(driver.findElement(By.id("f-decision")).getAttribute("required")).isEqualTo("true");

    // Refused without a reason (issue #11): the summary is announced and takes the focus, the title says "Lỗi:",
    // the field is marked and described by its message, and what was chosen and typed is still there.
    driver.findElement(By.id("complete")).click();
    WebElement summary = driver.findElement(By.id("error-summary"));
    assertThat(summary.getAttribute("role")).isEqualTo("alert");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
    assertThat(driver.getTitle()).startsWith("Lỗi: Tiếp nhận, phân loại câu hỏi");
    assertThat(driver.findElement(By.id("form-error")).getText()).isEqualTo("Biểu mẫu chưa hợp lệ: Cần nhập: Lý do từ chối.");
    WebElement reason = driver.findElement(By.id("f-rejectReason"));
    assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(reason.getAttribute("aria-describedby")).isEqualTo("error-rejectReason");
    assertThat(driver.findElement(By.id("error-rejectReason")).getText()).isEqualTo("Cần nhập: Lý do từ chối.");
    assertThat(new Select(driver.findElement(By.id("f-decision"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("reject");
    assertThat(driver.findElement(By.id("f-note")).getAttribute("value")).isEqualTo("Ghi chú giữ lại");
    Accessibility.assertPageAccessible(driver, "task-form-refused");
    // The summary's link takes the keyboard to the field.
    summary.findElement(By.cssSelector("a[href='#f-rejectReason']")).sendKeys(Keys.ENTER);
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-rejectReason");

    decision = new Select(driver.findElement(By.id("f-decision")));
    decision.selectByValue("accept");
    assertThat(driver.findElement(By.id("f-rejectReason")).isDisplayed()).isFalse();
    assertNoViolation("task form");
    // And it submits.
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Tiếp nhận, phân loại câu hỏi");
    assertNoViolation("task form → completed");
  }

  @Test
  void camundasWebappsStartUnderTheirPolicy() {
    // A leader: Cockpit and Tasklist are hers.
    session.signInAs("hungtv.skhcn");
    for (String app : List.of("cockpit", "tasklist")) {
      driver.get(baseUrl() + "/camunda/app/" + app + "/default/");
      // The Angular app has rendered its header once it has started.
      session.await(() -> !driver.findElements(By.cssSelector(".navbar, header .navbar-brand, [cam-widget-header]"))
          .isEmpty());
      assertNoViolation("Camunda " + app);
    }
  }

  private void assertNoViolation(String where) {
    assertThat(violations()).as("CSP violations on " + where).isEmpty();
  }

  private void drainConsole() {
    driver.manage().logs().get(LogType.BROWSER);
  }

  /** Console entries Chrome writes when the policy refuses something. */
  private List<String> violations() {
    List<String> found = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      String m = e.getMessage();
      if (m.contains("Content Security Policy") || m.contains("Content-Security-Policy")) {
        found.add(m);
      }
    }
    return found;
  }
}
