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
import vn.govflow.support.Accessibility;
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
    // Issue #11: the whole page (profile, publication form, history) fits a phone, axe-core finds nothing.
    Accessibility.assertPageAccessible(driver, "portal-staff-question");
    assertThat(driver.findElement(By.id("q-question")).getAttribute("lang")).isEqualTo("vi");
    driver.manage().window().setSize(new Dimension(390, 844));
    ((JavascriptExecutor) driver).executeScript("document.getElementById('q-publication').scrollIntoView()");
    shot("portal-publication-phone.png");

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
    // The editor's list of questions: a table on a desktop, cards on a phone.
    driver.get(baseUrl() + "/questions?q=" + code);
    assertThat(driver.findElement(By.cssSelector("#questions tbody")).getText()).contains(code);
    Accessibility.assertPageAccessible(driver, "portal-staff-questions");

    driver.get(baseUrl() + "/portal/answers/" + id);
    assertThat(driver.findElement(By.id("answer-question")).getText())
        .isEqualTo("Tôi là […], gọi […]. Thủ tục cấp phép đề tài khoa học cấp tỉnh thế nào?");
    assertThat(driver.findElement(By.id("answer-text")).getText()).isEqualTo("Kính gửi ông […]: hồ sơ nộp tại Sở.");
    assertThat(driver.getPageSource()).doesNotContain("Lò Văn Páo").doesNotContain("0911222333");
    // An answer's page is titled by its question (issue #11).
    assertThat(driver.getTitle()).startsWith("Tôi là […], gọi […]. Thủ tục cấp phép");
  }

  private void shot(String name) throws Exception {
    Path shot = Path.of("target", "screenshots", name);
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
