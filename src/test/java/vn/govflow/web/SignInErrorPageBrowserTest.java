package vn.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;
import vn.govflow.support.SsoClient;

/**
 * A person opens GovFlow at 127.0.0.1 while its public URL is localhost (issue #13 item 23): a real browser signs
 * in and lands on a page that says so, with the link to the configured address, on a desktop and a phone.
 */
class SignInErrorPageBrowserTest extends BrowserTest {
  @Test
  void openedAtAnotherAddressTheBrowserShowsWhereToGo() throws Exception {
    String other = "http://127.0.0.1:" + PORT;
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.get(other + "/");
    driver.findElement(By.id("username")).sendKeys("lannt.skhcn");
    driver.findElement(By.id("password")).sendKeys(SsoClient.DEMO_PASSWORD);
    driver.findElement(By.id("sign-in")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Chưa đăng nhập được");
    assertThat(driver.findElement(By.id("signed-out-error")).getText())
        .contains("Bạn đã mở GovFlow tại " + other).contains("được cấu hình tại " + baseUrl());
    WebElement link = driver.findElement(By.id("open-public-url"));
    assertThat(link.getText()).isEqualTo("Mở GovFlow tại " + baseUrl());
    assertThat(link.getAttribute("href")).isEqualTo(baseUrl() + "/");
    shot("signin-address-desktop.png");

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    Browser.waitForText(driver, By.tagName("h1"), "Chưa đăng nhập được");
    Object sideways = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) sideways).intValue()).isLessThanOrEqualTo(0);
    shot("signin-address-phone.png");

    // Following the link, the same person is signed in (the issuer already knows them at this address).
    driver.findElement(By.id("open-public-url")).click();
    Browser.waitForText(driver, By.id("welcome"), "Xin chào, Nguyễn Thị Lan");
    assertThat(driver.getCurrentUrl()).startsWith(baseUrl());
  }

  private void shot(String name) throws Exception {
    Path shot = Path.of("target", "screenshots", name);
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
