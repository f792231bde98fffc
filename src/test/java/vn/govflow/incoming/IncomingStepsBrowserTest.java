package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.BrowserTest;

/**
 * The new steps' task pages in a real browser (issue #13 items 9, 11b), at desktop and phone width: the leader's
 * direction with its coordination rows and the direction text required beside its field, and the clerk's handover
 * of a bulky dossier. No sideways scrolling on a phone, and every control has its label. The document is
 * registered through the API (no browser post to the portal).
 */
class IncomingStepsBrowserTest extends BrowserTest implements IncomingTestSupport {
  @Test
  void theDirectionAndTheHandoverPagesFitAPhoneAndSayWhatIsMissingBesideTheField() throws Exception {
    String symbol = "BT" + System.nanoTime() % 100000 + "/UBND";
    HttpResponse<String> r = register(signIn("lannt.skhcn"), document(symbol, "Kèm hồ sơ dày cần bàn giao",
        ", \"bulkyDossier\": true"), "a.txt", text("x"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = JSON.readTree(r.body());
    awaitTask(created.get("processInstanceId").asText(), "Task_Direct");

    session.signInAs("hungtv.skhcn");
    session.openTask("Cho ý kiến chỉ đạo", symbol);
    fillDirection("skhcn-qlkh");
    assertThat(driver.findElement(By.id("list-coordination")).isDisplayed()).isTrue();
    session.screenshot("direction-coordination-desktop.png");
    fitsAPhoneWithLabels("direction-coordination-phone.png", () -> fillDirection("skhcn-qlkh"));
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.findElement(By.id("complete")).click();
    // Refused: the department has no head, and the direction's text is missing, each said beside its field.
    assertThat(driver.findElement(By.id("error-direction")).getText()).isEqualTo("Cần nhập: Ý kiến chỉ đạo.");
    assertThat(driver.findElement(By.id("form-error")).getText()).contains("Ý kiến chỉ đạo");
    fillDirection("skhcn-qlkh");
    driver.findElement(By.id("f-direction")).sendKeys("Anh chủ trì, phòng QLKH cho ý kiến.");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("error-coordination")).getText())
        .contains("đơn vị chưa có trưởng phòng để cho ý kiến");
    session.screenshot("direction-refused-desktop.png");
    fillDirection("skhcn-cds");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Cho ý kiến chỉ đạo");

    session.signInAs("lannt.skhcn");
    session.openTask("Bàn giao bản giấy/hồ sơ", symbol);
    assertThat(driver.findElement(By.id("f-receivedBy")).isDisplayed()).isTrue();
    session.screenshot("handover-desktop.png");
    fitsAPhoneWithLabels("handover-phone.png", () -> { });
  }

  private void fillDirection(String coordinatingDepartment) {
    new Select(driver.findElement(By.id("f-decision"))).selectByValue("assign");
    new Select(driver.findElement(By.id("f-leadHandler"))).selectByValue("anhdd.skhcn");
    new Select(driver.findElement(By.id("f-coordination-0-department"))).selectByValue(coordinatingDepartment);
  }

  /** At 390 px: no sideways scrolling, and each visible control of the task form is named by a label. */
  private void fitsAPhoneWithLabels(String screenshot, Runnable fill) throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    fill.run();
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Object sideways = js.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    session.screenshot(screenshot);
    assertThat(((Number) sideways).intValue()).as("sideways scrolling on a phone, in px").isLessThanOrEqualTo(0);
    @SuppressWarnings("unchecked")
    List<String> unlabelled = (List<String>) js.executeScript(
        "return Array.from(document.querySelectorAll('#task-form input, #task-form select, #task-form textarea'))"
            + ".filter(e => e.type !== 'hidden' && e.offsetParent !== null)"
            + ".filter(e => !(e.labels && e.labels.length > 0) && !e.getAttribute('aria-label'))"
            + ".map(e => e.name);");
    assertThat(unlabelled).as("controls without a label").isEmpty();
  }
}
