package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/** An editor opens the Q&A report from the menu and picks another month. */
class PortalReportPageBrowserTest extends BrowserTest {
  @Test
  void editorOpensTheReportFromTheMenuAndPicksAMonth() throws Exception {
    // A month no other test seeds.
    bean(JdbcTemplate.class).update("INSERT INTO portal_question(id, tracking_code, asker_type, field, question,"
            + " consent, foreigner, received_at, due_at, status, answering_agency, answered_at) VALUES"
            + " (?, ?, 'INDIVIDUAL', 'khac', 'Câu hỏi tháng 7', TRUE, FALSE, ?, ?, 'ANSWERED', ?, ?)",
        UUID.randomUUID().toString(), "HD-2024-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        OffsetDateTime.parse("2024-07-15T09:00:00+07:00"), OffsetDateTime.parse("2024-07-22T17:00:00+07:00"),
        "000.00.12.H37", OffsetDateTime.parse("2024-07-17T09:00:00+07:00"));

    driver.get(baseUrl() + "/");
    driver.findElement(By.id("username")).sendKeys("ngocct.vpubnd");
    driver.findElement(By.id("password")).sendKeys("Demo@2026");
    driver.findElement(By.id("sign-in")).click();
    driver.findElement(By.id("welcome"));

    driver.findElement(By.id("nav-portal-report")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Báo cáo Hỏi – Đáp");

    // Chromium's month picker is not typable the same way everywhere; set its value as the picker would.
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2024-07'",
        driver.findElement(By.id("portalreport-month")));
    driver.findElement(By.id("portalreport-show")).click();
    Browser.waitForText(driver, By.id("portalreport-heading"), "Tháng 7/2024 · Tất cả cơ quan");
    assertThat(driver.getCurrentUrl()).endsWith("/reports/portal?month=2024-07");
    assertThat(driver.findElement(By.cssSelector("tr[data-agency='000.00.12.H37'] td[data-measure='received']"))
        .getText()).isEqualTo("1");
    assertThat(driver.findElement(By.cssSelector("tr[data-agency='000.00.12.H37'] td[data-measure='on-time']"))
        .getText()).isEqualTo("1");
    assertThat(driver.findElement(By.cssSelector("tr[data-agency='total'] td[data-measure='received']"))
        .getText()).isEqualTo("1");
    assertThat(driver.findElement(By.id("portalreport-xlsx")).getAttribute("href"))
        .endsWith("/api/v1/portal/report/xlsx?month=2024-07");
    Accessibility.assertPageAccessible(driver, "portal-report");

    Path shot = Path.of("target", "screenshots", "portal-report.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

    // A quarter from the list (seed 003 Art 32: quarterly reports); every period starts on a 26th.
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("portalreport-period")))
        .selectByValue(quarterOffered());
    driver.findElement(By.id("portalreport-period-show")).click();
    // The click navigates: wait for the new page before reading it.
    session.await(() -> driver.getCurrentUrl().contains("/reports/portal?period="));
    assertThat(driver.findElement(By.id("portalreport-days")).getText()).startsWith("Số liệu từ 26/");
    // The labelled picker, on a phone, without sideways scrolling.
    assertThat(driver.findElement(By.cssSelector("label:has(#portalreport-period)")).getText())
        .contains("Quý hoặc năm");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    driver.get(baseUrl() + "/reports/portal?month=2024-07");
    Browser.waitForText(driver, By.id("portalreport-heading"), "Tháng 7/2024 · Tất cả cơ quan");
    Object sideways = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    Files.write(Path.of("target", "screenshots", "portal-report-phone.png"),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    assertThat(((Number) sideways).intValue()).as("sideways scrolling on a phone, in px").isLessThanOrEqualTo(0);
  }

  /** The oldest quarter the list offers (it offers the last eight). */
  private String quarterOffered() {
    java.util.List<org.openqa.selenium.WebElement> options = new org.openqa.selenium.support.ui.Select(
        driver.findElement(By.id("portalreport-period"))).getOptions();
    return options.stream().map(o -> o.getAttribute("value")).filter(v -> v.contains("-Q"))
        .reduce((a, b) -> b).orElseThrow();
  }
}
