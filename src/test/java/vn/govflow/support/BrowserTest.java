package vn.govflow.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.WebDriver;

/** A page test in a real browser against a running GovFlow on H2: one fresh browser per test. */
@Tag("browser")
public abstract class BrowserTest extends H2IntegrationTest {
  protected WebDriver driver;
  protected BrowserSession session;

  @BeforeEach
  void openBrowser() {
    driver = Browser.start();
    session = new BrowserSession(driver, baseUrl());
  }

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }
}
