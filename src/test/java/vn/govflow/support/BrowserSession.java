package vn.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What browser tests do again and again, as a person would: sign in, open a task, wait for the engine. */
public final class BrowserSession {
  private final WebDriver driver;
  private final String baseUrl;

  public BrowserSession(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** Signs in through the login page as this demo person (all cookies dropped first). */
  public void signInAs(String username) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + "/");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(SsoClient.DEMO_PASSWORD);
    driver.findElement(By.id("sign-in")).click();
    // Wait for the home page (the sign-in page has an element with id "username" too).
    driver.findElement(By.id("welcome"));
    assertThat(driver.findElement(By.cssSelector("dd#username")).getText()).isEqualTo(username);
  }

  /**
   * Opens the person's task of this name on the case whose row shows {@code caseText}, waiting for the
   * engine's asynchronous steps to create it, and claims it when it is not the person's own yet.
   */
  public void openTask(String name, String caseText) {
    By link = By.xpath("//tr[td[contains(., '" + caseText + "')]]//a[text()='" + name + "']");
    await(() -> {
      driver.get(baseUrl + "/tasks");
      return !findNow(link).isEmpty();
    });
    driver.findElement(link).click();
    Browser.waitForText(driver, By.id("task-name"), name);
    if (!findNow(By.id("claim")).isEmpty()) {
      driver.findElement(By.id("claim")).click();
    }
    // The form appears once the task is the person's own.
    driver.findElement(By.id("task-form"));
  }

  /**
   * The elements matching now on the loaded page, without the implicit wait: for what may rightly be absent
   * (findElements would otherwise wait the whole implicit wait for an element that never comes).
   */
  public List<WebElement> findNow(By by) {
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    try {
      return driver.findElements(by);
    } finally {
      driver.manage().timeouts().implicitlyWait(Browser.IMPLICIT_WAIT);
    }
  }

  /** Sets an input's value directly (date and month pickers differ between browsers and locales). */
  public void setValue(WebElement input, String value) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
  }

  public boolean alertShown() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** Saves what the person sees to target/screenshots, for a human to look at. */
  public void screenshot(String name) throws Exception {
    Path shot = Path.of("target", "screenshots", name);
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Saves a screenshot and checks the page as a phone user needs it: no sideways scrolling, and every control in
   * the main content has a name (a label or aria-label).
   */
  public void assertFitsAndLabelled(String shot) throws Exception {
    screenshot(shot);
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Object sideways = js.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) sideways).intValue()).as("sideways scrolling on " + shot).isLessThanOrEqualTo(0);
    Object unlabelled = js.executeScript("return Array.from(document.querySelectorAll('main input:not([type=hidden]),"
        + " main select, main textarea')).filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))"
        + ".map(e => e.id || e.name).join(',');");
    assertThat((String) unlabelled).as("controls without a label on " + shot).isEmpty();
  }

  public void await(BooleanSupplier condition) {
    // A page load per poll: a slower pace than the engine scenarios.
    Await.until(condition, Await.LIMIT, Duration.ofMillis(300),
        () -> "Not reached within " + Await.LIMIT.toSeconds() + " s: " + driver.getCurrentUrl());
  }

}
