package vn.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import vn.govflow.security.SignInGuard;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/** A real browser signs in through the SSO page and sees the Vietnamese home page, then switches to English. */
class SignInBrowserTest extends BrowserTest {
  @Test
  void clerkSignsInAndSeesHerProfileAndTaskList() throws Exception {
    driver.get(baseUrl() + "/");
    assertThat(driver.getCurrentUrl()).contains("/sso/login");
    Browser.waitForText(driver, By.tagName("h1"), "Đăng nhập một lần (SSO)");
    assertThat(driver.findElements(By.cssSelector("label[for=username] .required, label[for=password] .required")))
        .hasSize(2);
    Accessibility.assertPageAccessible(driver, "sign-in");

    driver.findElement(By.id("username")).sendKeys("lannt.skhcn");
    driver.findElement(By.id("password")).sendKeys("sai-mat-khau");
    driver.findElement(By.id("sign-in")).click();
    WebElement error = driver.findElement(By.id("sso-error"));
    assertThat(error.getText()).contains("không đúng");
    // Refused: announced, said first in the title, and both fields point at why.
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(driver.getTitle()).startsWith("Lỗi: ");
    for (String field : List.of("username", "password")) {
      assertThat(driver.findElement(By.id(field)).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(driver.findElement(By.id(field)).getAttribute("aria-describedby")).isEqualTo("sso-error");
    }
    // The name typed stays in the form; only the password is typed again.
    assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo("lannt.skhcn");
    assertThat(driver.findElement(By.id("username")).getAttribute("autocomplete")).isEqualTo("username");
    assertThat(driver.findElement(By.id("password")).getAttribute("autocomplete")).isEqualTo("current-password");
    Accessibility.assertPageAccessible(driver, "sign-in-refused");

    driver.findElement(By.id("password")).sendKeys("Demo@2026");
    driver.findElement(By.id("sign-in")).click();

    Browser.waitForText(driver, By.id("welcome"), "Xin chào, Nguyễn Thị Lan");
    assertThat(driver.findElement(By.id("agency")).getText()).isEqualTo("Sở Khoa học và Công nghệ (000.00.12.H37)");
    assertThat(driver.findElement(By.id("position")).getText()).isEqualTo("Văn thư");
    assertThat(driver.findElement(By.id("roles")).getText()).isEqualTo("Văn thư");
    Path shot = Path.of("target", "screenshots", "home-vi.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    Accessibility.assertPageAccessible(driver, "home");

    driver.findElement(By.id("nav-tasks")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Công việc của tôi");
    // Other tests sharing this server may have left the agency's clerks a task: the list shows it, or says none.
    var empty = session.findNow(By.id("tasks-empty"));
    if (empty.isEmpty()) {
      assertThat(driver.findElements(By.cssSelector("#tasks tbody tr"))).isNotEmpty();
    } else {
      assertThat(empty.get(0).getText()).isEqualTo("Không có công việc nào đang chờ bạn xử lý.");
    }

    driver.findElement(By.id("lang-switch")).click();
    Browser.waitForText(driver, By.tagName("h1"), "My tasks");
    driver.get(baseUrl() + "/");
    Browser.waitForText(driver, By.id("welcome"), "Hello, Nguyễn Thị Lan");
    assertThat(driver.findElement(By.id("roles")).getText()).isEqualTo("Clerk");

    // The problem page (an unknown task) fits a phone too.
    driver.get(baseUrl() + "/tasks/no-such-task?lang=vi");
    Browser.waitForText(driver, By.tagName("h1"), "Không thực hiện được");
    Accessibility.assertPageAccessible(driver, "problem");

    driver.get(baseUrl() + "/?lang=en");
    driver.findElement(By.id("sign-out")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Signed out");
    Accessibility.assertPageAccessible(driver, "signed-out");
    driver.get(baseUrl() + "/api/v1/me");
    assertThat(driver.getPageSource()).contains("unauthenticated");
  }

  @Test
  void anAdministratorUnlocksAnAccountOnAPageThatFitsAPhone() {
    // A lock, counted by the real guard (as the sign-in form counts wrong passwords) from a documentation address.
    String name = "nobody.a11y-locks";
    SignInGuard guard = bean(SignInGuard.class);
    for (int i = 0; i < 5; i++) {
      guard.failed(name, "203.0.113.16");
    }
    assertThat(guard.refusal(name, "192.0.2.10")).isPresent();

    session.signInAs("khailv.skhcn");
    driver.get(baseUrl() + "/admin/sign-in-locks?lang=vi");
    WebElement unlock = driver.findElement(By.id("unlock-" + name));
    // The button says whose lock it lifts, its visible words first (WCAG 2.5.3).
    assertThat(unlock.getAttribute("aria-label")).isEqualTo("Mở khóa tài khoản " + name);
    Accessibility.assertPageAccessible(driver, "sign-in-locks");
    unlock.click();
    assertThat(driver.findElement(By.id("signinlocks-unlocked")).getText()).contains("Đã mở khóa tài khoản " + name);
    assertThat(guard.refusal(name, "192.0.2.10")).isEmpty();
  }
}
