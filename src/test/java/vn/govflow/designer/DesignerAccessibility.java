package vn.govflow.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import vn.govflow.support.Accessibility;

/**
 * Issue #11's checks for the designer's pages: {@link Accessibility#assertPageAccessible} with elements left out
 * of axe-core's run. Only for the third-party editors' own markup (bpmn-js, dmn-js, form-js) that GovFlow cannot
 * change; each caller names exactly what it leaves out and why.
 */
final class DesignerAccessibility {
  private DesignerAccessibility() {}

  /** As {@link Accessibility#assertPageAccessible}, axe-core ignoring the elements {@code excluded} (CSS selectors). */
  static void assertPageAccessible(WebDriver driver, String name, String... excluded) {
    if (excluded.length == 0) {
      Accessibility.assertPageAccessible(driver, name);
      return;
    }
    try {
      Accessibility.desktop(driver);
      assertNoViolations(driver, name + " (desktop)", excluded);
      shot(driver, name + "-desktop.png");
      Accessibility.phone(driver);
      Accessibility.assertFitsPhone(driver, name);
      assertNoViolations(driver, name + " (phone)", excluded);
      shot(driver, name + "-phone.png");
    } finally {
      Accessibility.desktop(driver);
    }
  }

  static void assertNoViolations(WebDriver driver, String what, String... excluded) {
    assertThat(violations(driver, excluded)).as("axe-core WCAG 2.1 A/AA violations on " + what + " ("
        + driver.getCurrentUrl() + "), leaving out " + List.of(excluded)).isEmpty();
  }

  @SuppressWarnings("unchecked")
  static List<String> violations(WebDriver driver, String... excluded) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
      try {
        js.executeScript(Files.readString(Path.of("frontend", "node_modules", "axe-core", "axe.min.js")));
      } catch (IOException e) {
        // The shared harness says loudly (and skips, or fails under CI) when axe-core is missing.
        return Accessibility.violations(driver);
      }
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return (List<String>) js.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "var exclude = arguments[1].map(function (s) { return [s]; });"
            + "axe.run({exclude: exclude}, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' ['"
            + " + v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' — ' + n.failureSummary"
            + ".replace(/\\s+/g, ' '); }).join('; ') + ']'; })); })"
            + ".catch(function (e) { done(['axe-core failed: ' + e]); });",
        List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"), List.of(excluded));
  }

  private static void shot(WebDriver driver, String name) {
    try {
      Path shot = Path.of("target", "screenshots", "a11y", name.replaceAll("[^A-Za-z0-9._-]", "_"));
      Files.createDirectories(shot.getParent());
      Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
