package vn.govflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromium-driver, headless. Where they are missing the browser tests say so loudly and
 * are skipped, except under CI (CI=true), where a missing browser fails the run.
 */
public final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  /** How long findElement waits for an element to appear (pages load and scripts render after a click). */
  static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

  private Browser() {}

  /**
   * Waits until the element shows exactly this text. After a click that loads a new page, the old page's
   * element may still be found for a moment; waiting on the expected text (and retrying stale elements)
   * makes the check about the new page.
   */
  public static void waitForText(WebDriver driver, org.openqa.selenium.By by, String text) {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .withMessage(() -> "Expected \"" + text + "\" at " + by + " on " + driver.getCurrentUrl())
        .until(d -> text.equals(d.findElement(by).getText()));
  }

  /** Waits until the element's text contains this (the page after a click, not the one before). */
  public static void waitContaining(WebDriver driver, org.openqa.selenium.By by, String text) {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .withMessage(() -> "Expected \"" + text + "\" in " + by + " on " + driver.getCurrentUrl())
        .until(d -> d.findElement(by).getText().contains(text));
  }

  private static WebDriver shared;

  /**
   * One browser for all browser tests of this JVM (starting Chromium and its driver costs seconds each time),
   * handed to each test as a fresh one would be: no cookies, no site storage for the server under test, no
   * alert, one window of the default size, an empty console log, a blank page. Quit when the JVM ends.
   */
  public static synchronized WebDriver shared(String baseUrl) {
    if (shared != null) {
      try {
        reset(shared, baseUrl);
        return shared;
      } catch (RuntimeException e) {
        // A browser that died or hangs in a state we cannot undo: start another.
        System.err.println("Shared browser replaced: " + e);
        quitQuietly(shared);
        shared = null;
      }
    }
    shared = start();
    WebDriver started = shared;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> quitQuietly(started)));
    return shared;
  }

  private static void reset(WebDriver driver, String baseUrl) {
    try {
      driver.switchTo().alert().dismiss();
    } catch (org.openqa.selenium.NoAlertPresentException e) {
      // the usual case
    }
    String first = driver.getWindowHandles().iterator().next();
    for (String handle : driver.getWindowHandles()) {
      if (!handle.equals(first)) {
        driver.switchTo().window(handle).close();
      }
    }
    driver.switchTo().window(first);
    driver.get("about:blank");
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    chrome.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    chrome.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin", baseUrl, "storageTypes", "all"));
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
    driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
  }

  private static void quitQuietly(WebDriver driver) {
    try {
      driver.quit();
    } catch (RuntimeException e) {
      // already gone
    }
  }

  public static WebDriver start() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      String message = "BROWSER TESTS NEED Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
          + "): apt-get install chromium chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(message + " — required under CI");
      }
      System.err.println("\n*** SKIPPED: " + message + " ***\n");
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Headless as root in a closed network: no sandbox, and no background connections to Google's hosts.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,900", "--lang=vi");
    // The browser's console (CSP violations are reported there) is readable by tests.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
    return driver;
  }
}
