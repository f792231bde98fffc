package vn.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * What every staff page shares (issue #11): a skip link as the first Tab stop, the menu marking the current page
 * and collapsing behind a button on a phone, a language switch that keeps the page and its query.
 */
class PageLayoutBrowserTest extends BrowserTest {
  @Test
  void theHeaderWorksByKeyboardAndOnAPhone() {
    session.signInAs("lannt.skhcn");
    driver.get(baseUrl() + "/tasks?lang=vi");
    Browser.waitForText(driver, By.tagName("h1"), "Công việc của tôi");

    // The first Tab reaches the skip link; following it puts the focus on the page's content.
    new Actions(driver).sendKeys(Keys.TAB).perform();
    WebElement skip = driver.switchTo().activeElement();
    assertThat(skip.getText()).isEqualTo("Bỏ qua, đến nội dung chính");
    skip.sendKeys(Keys.ENTER);
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");

    assertThat(driver.findElement(By.id("nav-tasks")).getAttribute("aria-current")).isEqualTo("page");
    assertThat(session.findNow(By.cssSelector("#site-nav a[aria-current]"))).hasSize(1);
    Accessibility.assertPageAccessible(driver, "tasks");

    // On a phone the menu hides behind "Danh mục" until opened, and fits the screen when open.
    Accessibility.phone(driver);
    WebElement toggle = driver.findElement(By.cssSelector(".nav-toggle"));
    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("nav-tasks")).isDisplayed()).isFalse();
    toggle.click();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(driver.findElement(By.id("nav-tasks")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("nav-tasks")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
    Accessibility.assertFitsPhone(driver, "tasks, menu open");
    Accessibility.assertNoViolations(driver, "tasks, menu open (phone)");
    Accessibility.desktop(driver);

    // The language switch keeps the page and its query.
    driver.get(baseUrl() + "/notifications?lang=vi&x=1");
    assertThat(driver.findElement(By.id("lang-switch")).getAttribute("href")).endsWith("/notifications?x=1&lang=en");
  }
}
