package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;
import vn.govflow.support.SsoClient;

/**
 * Issue #9's remaining pages in a real browser, at desktop and phone width: the handler picks whom to consult from
 * the directory (filtered without diacritics) and the chosen person gets the opinion step; the clerk records a
 * letter as posted in the postal register; a replacement issued to another agency shows there what it replaces,
 * and once registered the replaced document says by which one, and the sender sees it.
 */
class OutgoingFollowUpPagesBrowserTest extends BrowserTest implements OutgoingIssueTestSupport {
  private static final String[] WIDTHS = {"desktop", "phone"};

  private void width(String width) {
    driver.manage().window().setSize(width.equals("phone") ? new Dimension(390, 844) : new Dimension(1280, 900));
  }

  @Test
  void pickerPostalRegisterAndAReplacementAtTheRecipient() throws Exception {
    // --- the consultation picker ---
    SsoClient anh = signIn("anhdd.skhcn");
    HttpResponse<String> created = OutgoingDraftScenarios.createDraft(this, anh, "{\"documentType\":\"cong-van\","
        + "\"subject\":\"Xin ý kiến dự thảo quy chế số hóa\",\"urgency\":\"thuong\",\"recipients\":"
        + "[{\"kind\":\"DEPARTMENT\",\"departmentId\":\"skhcn-qlkh\"}]}", "cong-van.docx",
        OutgoingDraftScenarios.docx("Dự thảo quy chế"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String draft = json(created.body()).at("/document/id").asText();
    session.signInAs("anhdd.skhcn");
    // Each page once at desktop: the accessibility check reads it there and at a 390 px phone.
    width("desktop");
    driver.get(baseUrl() + "/outgoing/" + draft);
    Browser.waitForText(driver, By.id("doc-status"), "Đang soạn thảo");
    ((JavascriptExecutor) driver).executeScript("document.getElementById('consult-form').scrollIntoView()");
    session.assertFitsAndLabelled("outgoing-picker.png");
    Accessibility.assertPageAccessible(driver, "outgoing-picker");
    driver.findElement(By.id("consult-filter")).sendKeys("vu thi");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    assertThat(js.executeScript("return document.querySelector(\"option[value='person:maivt.skhcn']\").hidden"))
        .isEqualTo(false);
    assertThat(js.executeScript("return document.querySelector(\"option[value='person:hungtv.skhcn']\").hidden"))
        .isEqualTo(true);
    js.executeScript("document.getElementById('consult-form').scrollIntoView()");
    session.screenshot("outgoing-picker-filtered.png");
    // By keyboard: into the list, to the one option left, chosen, then the button.
    driver.findElement(By.id("consult-filter")).sendKeys(Keys.TAB);
    new Select(driver.findElement(By.id("consultees"))).selectByValue("person:maivt.skhcn");
    driver.findElement(By.id("consult")).click();
    Browser.waitForText(driver, By.id("doc-status"), "Đang lấy ý kiến");
    assertThat(driver.findElement(By.id("versions")).getText()).contains("Vũ Thị Mai");
    session.signInAs("maivt.skhcn");
    driver.get(baseUrl() + "/outgoing/" + draft);
    Browser.waitForText(driver, By.id("doc-status"), "Đang lấy ý kiến");
    assertThat(driver.findElements(By.id("opinion-form"))).hasSize(1);

    // --- the postal register ---
    SsoClient lan = signIn("lannt.skhcn");
    String posted = signedDocument("thong-bao", "Thông báo kết quả tuyển chọn đề tài", true,
        Recipient.post("Viện Khoa học Lâm nghiệp"), Recipient.email("Công ty Sao Mai", "vanthu@saomai.example"));
    String postedSymbol = json(lan.postJson("/api/v1/outgoing/" + posted + "/number", "{}").body())
        .get("numberSymbol").asText();
    assertThat(lan.postJson("/api/v1/outgoing/" + posted + "/issue", "{}").statusCode()).isEqualTo(200);
    long letter = bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
        "SELECT id FROM out_postal WHERE document_id = ?", Long.class, posted);
    session.signInAs("lannt.skhcn");
    driver.get(baseUrl() + "/outgoing/postal");
    Browser.waitForText(driver, By.tagName("h1"), "SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN");
    assertThat(driver.findElement(By.id("letter-" + letter)).getText()).contains(postedSymbol,
        "Viện Khoa học Lâm nghiệp", "Chưa gửi");
    session.assertFitsAndLabelled("outgoing-postal.png");
    Accessibility.assertPageAccessible(driver, "outgoing-postal");
    driver.get(baseUrl() + "/outgoing/" + posted + "/delivery");
    Browser.waitForText(driver, By.tagName("h1"), "Tình trạng gửi văn bản " + postedSymbol);
    assertThat(driver.findElement(By.id("mail-2")).getText()).contains("Thư chưa gửi");
    session.assertFitsAndLabelled("outgoing-delivery-mail.png");
    Accessibility.assertPageAccessible(driver, "outgoing-delivery-mail");
    driver.get(baseUrl() + "/outgoing/postal");
    driver.findElement(By.id("address-" + letter)).sendKeys("Đường Hoàng Quốc Việt, Hà Nội");
    driver.findElement(By.id("posted-" + letter)).click();
    Browser.waitContaining(driver, By.id("postal-done"), postedSymbol);
    assertThat(driver.findElement(By.id("letter-" + letter)).getText()).contains("Đã gửi lúc",
        "Đường Hoàng Quốc Việt, Hà Nội");
    assertThat(driver.findElements(By.id("posted-" + letter))).isEmpty();
    session.assertFitsAndLabelled("outgoing-postal-posted.png");
    driver.findElement(By.id("postal-print")).click();
    Browser.waitForText(driver, By.tagName("h1"), "SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN");
    assertThat(driver.findElement(By.id("postal")).getText()).contains(postedSymbol,
        "Viện Khoa học Lâm nghiệp, Đường Hoàng Quốc Việt, Hà Nội");
    session.assertFitsAndLabelled("outgoing-postal-print.png");
    Accessibility.assertPageAccessible(driver, "outgoing-postal-print");

    // --- a replacement at the recipient (the provincial office) ---
    String vp = "000.00.01.H37";
    String first = signedDocument("thong-bao", "Thông báo lịch họp giao ban quý", true,
        Recipient.agency(vp, "Văn phòng Ủy ban nhân dân tỉnh"));
    String firstSymbol = json(lan.postJson("/api/v1/outgoing/" + first + "/number", "{}").body())
        .get("numberSymbol").asText();
    assertThat(lan.postJson("/api/v1/outgoing/" + first + "/issue", "{}").statusCode()).isEqualTo(200);
    SsoClient hoa = signIn("hoadt.vpubnd");
    HttpResponse<String> firstTaken = hoa.postJson("/api/v1/incoming/inbox/" + entryOf(hoa, first + "/1")
        + "/accept", "{}");
    assertThat(firstTaken.statusCode()).as(firstTaken.body()).isEqualTo(201);
    String firstIncoming = json(firstTaken.body()).get("id").asText();
    String second = signedDocument("thong-bao", "Thông báo lịch họp giao ban quý (thay thế)", true,
        Recipient.agency(vp, "Văn phòng Ủy ban nhân dân tỉnh"));
    // The sender's clerk marks it as the replacement on its issuing page.
    session.signInAs("lannt.skhcn");
    width("desktop");
    driver.get(baseUrl() + "/outgoing/" + second + "/issue");
    Browser.waitForText(driver, By.id("issue-status"), "Đã ký, chờ cấp số");
    new Select(driver.findElement(By.id("replaces-id"))).selectByValue(first);
    driver.findElement(By.id("replaces-submit")).click();
    Browser.waitForText(driver, By.id("issue-done"), "Đã ghi văn bản này là văn bản thay thế.");
    assertThat(driver.findElement(By.id("issue-replaces")).getText()).startsWith("Văn bản thay thế cho số "
        + firstSymbol);
    session.assertFitsAndLabelled("outgoing-issue-replaces.png");
    Accessibility.assertPageAccessible(driver, "outgoing-issue-replaces");
    String secondSymbol = json(lan.postJson("/api/v1/outgoing/" + second + "/number", "{}").body())
        .get("numberSymbol").asText();
    assertThat(lan.postJson("/api/v1/outgoing/" + second + "/issue", "{}").statusCode()).isEqualTo(200);
    String secondEntry = entryOf(hoa, second + "/1");

    session.signInAs("hoadt.vpubnd");
    String today = java.time.LocalDate.now(VN).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    for (String w : WIDTHS) {
      width(w);
      driver.get(baseUrl() + "/incoming/inbox");
      Browser.waitForText(driver, By.tagName("h1"), "Văn bản điện tử đến");
      assertThat(driver.findElement(By.id("replaces-" + secondEntry)).getText())
          .startsWith("Văn bản thay thế cho số " + firstSymbol + " ngày " + today);
      session.assertFitsAndLabelled("incoming-inbox-replacement-" + w + ".png");
      driver.get(baseUrl() + "/incoming/inbox/" + secondEntry);
      Browser.waitContaining(driver, By.id("entry-replaces"), "Văn bản thay thế cho số " + firstSymbol);
      Browser.waitContaining(driver, By.id("verification-result"), "Chữ ký số hợp lệ và đủ");
      session.assertFitsAndLabelled("incoming-inbox-replacement-entry-" + w + ".png");
    }
    new Select(driver.findElement(By.id("forwardTo"))).selectByValue("vpubnd-kgvx");
    driver.findElement(By.id("accept")).click();
    Browser.waitContaining(driver, By.id("doc-replaces"), "Văn bản thay thế cho số " + firstSymbol);
    driver.get(baseUrl() + "/incoming/" + firstIncoming);
    Browser.waitContaining(driver, By.id("doc-replaced-by"), "Đã được thay thế bởi văn bản số " + secondSymbol
        + " ngày " + today);
    session.assertFitsAndLabelled("incoming-replaced-phone.png");
    driver.findElement(By.cssSelector("#doc-replaced-by a")).click();
    Browser.waitContaining(driver, By.id("doc-replaces"), firstSymbol);

    session.signInAs("lannt.skhcn");
    width("desktop");
    driver.get(baseUrl() + "/outgoing/" + first + "/delivery");
    Browser.waitForText(driver, By.tagName("h1"), "Tình trạng gửi văn bản " + firstSymbol);
    assertThat(driver.findElement(By.id("recipient-1")).getText()).contains("Đã nhận văn bản thay thế",
        "Đã được thay thế bởi văn bản số " + secondSymbol);
    session.assertFitsAndLabelled("outgoing-delivery-replaced-desktop.png");

    // --- the administrator's registers and abbreviations ---
    session.signInAs("khailv.skhcn");
    width("desktop");
    driver.get(baseUrl() + "/admin/outgoing");
    Browser.waitForText(driver, By.tagName("h1"), "Sổ và tên viết tắt của văn bản đi");
    assertThat(driver.findElement(By.id("registers")).getText()).contains("QPPL-QĐ");
    session.assertFitsAndLabelled("outgoing-settings.png");
    Accessibility.assertPageAccessible(driver, "outgoing-settings");
    WebElement abbreviation = driver.findElement(By.id("abbr-input-skhcn-vp"));
    abbreviation.clear();
    abbreviation.sendKeys("VP"); // its present value: the shared context keeps its symbols
    driver.findElement(By.id("abbr-save-skhcn-vp")).click();
    Browser.waitForText(driver, By.id("settings-done"), "Đã lưu: VP.");
    assertThat(driver.findElement(By.id("abbr-skhcn-vp")).getText()).contains("Do khailv.skhcn quy định lúc");
  }

  private String entryOf(SsoClient clerk, String dispatchId) throws Exception {
    for (JsonNode n : json(clerk.get("/api/v1/incoming/inbox").body())) {
      if (dispatchId.equals(n.get("dispatchId").asText())) {
        return n.get("id").asText();
      }
    }
    throw new AssertionError("dispatch " + dispatchId + " not in the inbox");
  }
}
