package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * A portal editor edits the published version on the question's staff page (issue #13 item 16), on a desktop
 * and on a phone: labelled fields, no sideways scrolling, and the public answer page shows the edit.
 */
class PortalPublicationBrowserTest extends BrowserTest {
  @Test
  void theEditorSavesThePublishedVersionOnTheStaffPage() throws Exception {
    String id = UUID.randomUUID().toString();
    String code = "HD-2026-" + id.substring(0, 8).toUpperCase();
    bean(JdbcTemplate.class).update("INSERT INTO portal_question(id, tracking_code, asker_type, full_name, field,"
            + " question, consent, foreigner, received_at, due_at, status, answering_agency, answered_at, answer,"
            + " publication) VALUES (?, ?, 'INDIVIDUAL', 'Lò Văn Páo', 'khac', ?, TRUE, FALSE, ?, ?, 'ANSWERED',"
            + " '000.00.12.H37', ?, ?, 'public')",
        id, code, "Tôi là Lò Văn Páo, gọi 0911222333. Thủ tục cấp phép đề tài khoa học cấp tỉnh thế nào?",
        OffsetDateTime.parse("2026-11-02T09:00:00+07:00"), OffsetDateTime.parse("2026-11-09T17:00:00+07:00"),
        OffsetDateTime.parse("2026-11-04T10:00:00+07:00"), "Kính gửi ông Lò Văn Páo: hồ sơ nộp tại Sở.");

    session.signInAs("ngocct.vpubnd");
    driver.get(baseUrl() + "/questions/" + id);
    WebElement question = driver.findElement(By.id("pub-question"));
    assertThat(driver.findElement(By.cssSelector("label[for='pub-question']")).getText())
        .isEqualTo("Câu hỏi (bản đăng công khai)");
    assertThat(driver.findElement(By.cssSelector("label[for='pub-answer']")).getText())
        .isEqualTo("Câu trả lời (bản đăng công khai)");
    driver.manage().window().setSize(new Dimension(390, 844));
    // The publication part fits the phone's width. (The page's profile list above it, not part of this
    // feature, is wider than a phone today; reported to the lead.)
    Object wide = ((JavascriptExecutor) driver).executeScript(
        "const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll("
            + "'#q-publication, #q-publication *')).filter(e => e.getBoundingClientRect().right > w + 0.5)"
            + ".map(e => e.tagName + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');");
    System.out.println("Wider than the phone on the staff page: " + ((JavascriptExecutor) driver).executeScript(
        "const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.getBoundingClientRect().right > w + 0.5).slice(0, 5)"
            + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');"));
    ((JavascriptExecutor) driver).executeScript("document.getElementById('q-publication').scrollIntoView()");
    shot("portal-publication-phone.png");
    assertThat((String) wide).as("parts of the published-version form wider than a phone").isEmpty();

    question.clear();
    question.sendKeys("Tôi là […], gọi […]. Thủ tục cấp phép đề tài khoa học cấp tỉnh thế nào?");
    WebElement answer = driver.findElement(By.id("pub-answer"));
    answer.clear();
    answer.sendKeys("Kính gửi ông […]: hồ sơ nộp tại Sở.");
    driver.findElement(By.id("pub-save")).click();
    Browser.waitForText(driver, By.id("q-publication-saved"), "Đã lưu bản đăng công khai.");
    assertThat(driver.findElement(By.id("q-question")).getText()).contains("Lò Văn Páo").contains("0911222333");
    driver.manage().window().setSize(new Dimension(1280, 900));
    shot("portal-publication.png");

    driver.get(baseUrl() + "/portal/answers/" + id);
    assertThat(driver.findElement(By.id("answer-question")).getText())
        .isEqualTo("Tôi là […], gọi […]. Thủ tục cấp phép đề tài khoa học cấp tỉnh thế nào?");
    assertThat(driver.findElement(By.id("answer-text")).getText()).isEqualTo("Kính gửi ông […]: hồ sơ nộp tại Sở.");
    assertThat(driver.getPageSource()).doesNotContain("Lò Văn Páo").doesNotContain("0911222333");
  }

  private void shot(String name) throws Exception {
    Path shot = Path.of("target", "screenshots", name);
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
