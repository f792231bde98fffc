package vn.govflow.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.WebDriver;

/**
 * A page test in a real browser against a running GovFlow on H2. The browser is shared by the JVM's browser
 * tests but each test gets it as new (see {@link Browser#shared}): no cookies, default window, blank page.
 */
@Tag("browser")
public abstract class BrowserTest extends H2IntegrationTest {
  protected WebDriver driver;
  protected BrowserSession session;

  @BeforeEach
  void openBrowser() {
    driver = Browser.shared(baseUrl());
    session = new BrowserSession(driver, baseUrl());
  }
}
