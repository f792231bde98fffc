package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * A portal question from the citizen's page to the published answer, in a real browser and only through pages,
 * each official signed in as themselves: the editor accepts and routes it, the head of the department classifies
 * it and names the handler, the handler drafts the answer citing a legal document in the form's list of
 * citations, the head approves, and the citizen reads the answer by its code and finds it among the answers.
 */
class PortalJourneyBrowserTest extends BrowserTest {
  /** Longer than the 120 characters of a task's title, so the end of it shows whether the full text is there. */
  private static final String QUESTION = "Doanh nghiệp khởi nghiệp sáng tạo về dữ liệu đặt trụ sở tại vườn ươm"
      + " Bắc Hà thì được hỗ trợ những khoản kinh phí nào, hồ sơ đề nghị hỗ trợ gồm những giấy tờ gì và nộp ở"
      + " đâu, thời hạn giải quyết bao lâu?";
  private static final String ANSWER = "Doanh nghiệp được hỗ trợ 50% chi phí thuê chỗ làm việc trong 12 tháng"
      + " tại vườn ươm Bắc Hà; hồ sơ nộp tại Bộ phận Một cửa của Sở.";
  private static final String CITATION = "13/2023/NĐ-CP";
  private static final String NASTY = "\"><script>alert('citation')</script>";

  @Test
  void questionGoesFromCitizenThroughEditorLeaderAndHandlerToThePublishedAnswer() throws Exception {
    // 1. The citizen asks, not signed in, and reads the tracking code and the due date.
    driver.manage().deleteAllCookies();
    driver.get(baseUrl() + "/portal/ask");
    Browser.waitForText(driver, By.tagName("h1"), "Gửi câu hỏi");
    driver.findElement(By.id("fullName")).sendKeys("Lý Thị Mai");
    driver.findElement(By.id("occupation")).sendKeys("Giám đốc doanh nghiệp");
    driver.findElement(By.id("address")).sendKeys("Thị trấn Bắc Hà, tỉnh Lào Cai");
    driver.findElement(By.id("email")).sendKeys("mai.ly@example.vn");
    new Select(driver.findElement(By.id("field"))).selectByValue("khoa-hoc-cong-nghe");
    driver.findElement(By.id("question")).sendKeys(QUESTION);
    driver.findElement(By.id("consent")).click();
    driver.findElement(By.id("ask-submit")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Đã nhận câu hỏi của bạn");
    String code = driver.findElement(By.id("tracking-code")).getText();
    assertThat(code).matches("HD-\\d{4}-[A-Z0-9]{8}");
    java.util.regex.Matcher due = java.util.regex.Pattern
        .compile("Câu hỏi sẽ được trả lời chậm nhất lúc (\\d{2}:\\d{2}) (\\d{2}/\\d{2}/\\d{4})\\.")
        .matcher(driver.findElement(By.id("due")).getText());
    assertThat(due.matches()).as("due date shown to the citizen").isTrue();
    String dueShown = due.group(2) + " " + due.group(1);

    // 2. The portal editor accepts it and routes it to the Department of Science and Technology.
    session.signInAs("ngocct.vpubnd");
    session.openTask("Tiếp nhận, phân loại câu hỏi", code);
    String triage = driver.findElement(By.id("task-form")).getText();
    assertThat(triage).contains(code).contains(QUESTION).contains("Lĩnh vực: Khoa học, công nghệ, chuyển đổi số")
        .doesNotContain("khoa-hoc-cong-nghe");
    assertThat(driver.findElement(By.id("case-link")).getAttribute("href")).contains("/questions/");
    new Select(driver.findElement(By.id("f-decision"))).selectByValue("accept");
    // The table's suggestion for the field is already chosen.
    assertThat(new Select(driver.findElement(By.id("f-routeTo"))).getFirstSelectedOption().getText())
        .isEqualTo("Sở Khoa học và Công nghệ");
    assertThat(driver.findElement(By.id("f-rejectReason")).isDisplayed()).isFalse();
    new Select(driver.findElement(By.id("f-routeTo"))).selectByVisibleText("Sở Khoa học và Công nghệ");
    driver.findElement(By.id("f-note")).sendKeys("Thuộc lĩnh vực khoa học, công nghệ.");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Tiếp nhận, phân loại câu hỏi");

    // 3. The head of the department classifies it as in remit (5 working days) and names the handler.
    session.signInAs("hungtv.skhcn");
    session.openTask("Phân công, phân loại câu hỏi", code);
    assertThat(driver.findElement(By.id("f-handler")).isDisplayed()).as("asked only once classified").isFalse();
    new Select(driver.findElement(By.id("f-classification"))).selectByValue("own-remit");
    assertThat(driver.findElement(By.id("f-forwardTo")).isDisplayed()).isFalse();
    Select handler = new Select(driver.findElement(By.id("f-handler")));
    assertThat(handler.getOptions()).extracting(WebElement::getText).contains("Đỗ Đức Anh");
    handler.selectByValue("anhdd.skhcn");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Phân công, phân loại câu hỏi");

    // 4. The handler drafts the answer and cites one legal document in the list's row.
    session.signInAs("anhdd.skhcn");
    session.openTask("Soạn câu trả lời", code);
    // The deadline the citizen was told (5 working days: in remit), as a date, not the server's Date.toString().
    assertThat(driver.findElement(By.id("task-form")).getText()).contains("Hạn trả lời: " + dueShown);
    WebElement list = driver.findElement(By.id("list-citations"));
    assertThat(list.findElement(By.tagName("legend")).getText()).isEqualTo("Văn bản quy phạm pháp luật được viện dẫn");
    assertThat(rows()).hasSize(1);
    assertThat(driver.findElement(By.id("f-citations-0-issuedOn")).getAttribute("type")).isEqualTo("date");
    driver.findElement(By.id("f-answer")).sendKeys(ANSWER);
    driver.findElement(By.id("f-citations-0-number")).sendKeys(CITATION);
    driver.findElement(By.id("f-citations-0-summary")).sendKeys("Bảo vệ dữ liệu cá nhân");
    session.setValue(driver.findElement(By.id("f-citations-0-issuedOn")), "2023-04-17");
    driver.findElement(By.id("f-citations-0-issuer")).sendKeys("Chính phủ");
    new Select(driver.findElement(By.id("f-publication"))).selectByValue("public");

    // A second row, half filled (and with markup in it), is refused naming the row; nothing typed is lost.
    driver.findElement(By.id("add-citations")).click();
    assertThat(driver.findElement(By.id("add-citations")).getText()).isEqualTo("Thêm văn bản");
    assertThat(rows()).hasSize(2);
    assertThat(rows().get(1).findElement(By.className("list-row-number")).getText()).isEqualTo("2");
    driver.findElement(By.id("f-citations-1-number")).sendKeys(NASTY);
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("form-error")).getText())
        .isEqualTo("Biểu mẫu chưa hợp lệ: Văn bản quy phạm pháp luật được viện dẫn, dòng 2: cần nhập Trích yếu.");
    assertThat(session.alertShown()).isFalse();
    assertThat(rows()).hasSize(2);
    assertThat(driver.findElement(By.id("f-citations-0-number")).getAttribute("value")).isEqualTo(CITATION);
    assertThat(driver.findElement(By.id("f-citations-0-issuedOn")).getAttribute("value")).isEqualTo("2023-04-17");
    assertThat(driver.findElement(By.id("f-citations-1-number")).getAttribute("value")).isEqualTo(NASTY);
    assertThat(driver.findElement(By.id("f-answer")).getAttribute("value")).isEqualTo(ANSWER);

    // Removing the second row leaves the one citation.
    rows().get(1).findElement(By.className("list-remove")).click();
    assertThat(rows()).hasSize(1);
    session.screenshot("portal-draft.png");
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Soạn câu trả lời");

    // 5. The head reads the draft and approves it.
    session.signInAs("hungtv.skhcn");
    session.openTask("Duyệt câu trả lời", code);
    assertThat(driver.findElement(By.id("task-form")).getText()).contains(ANSWER)
        .contains(CITATION + " (2023-04-17, Chính phủ)").contains("Hình thức trả lời: Đăng công khai trên Cổng");
    new Select(driver.findElement(By.id("f-approval"))).selectByValue("approve");
    assertThat(driver.findElement(By.id("f-returnComment")).isDisplayed()).isFalse();
    driver.findElement(By.id("complete")).click();
    assertThat(driver.findElement(By.id("task-done")).getText()).contains("Duyệt câu trả lời");

    // 6. The citizen, signed out, reads the answer by the code, and finds it among the answers without diacritics.
    driver.manage().deleteAllCookies();
    session.await(() -> {
      driver.get(baseUrl() + "/portal/track?code=" + code);
      return "Đã trả lời".equals(driver.findElement(By.id("track-status")).getText());
    });
    assertThat(driver.findElement(By.id("track-question")).getText()).isEqualTo(QUESTION);
    assertThat(driver.findElement(By.id("track-answer")).getText()).isEqualTo(ANSWER);
    assertThat(driver.findElement(By.id("track-citations")).getText()).contains(CITATION);
    // Seed 003 Art 11.7-11.8: the approving leader is named, and the answer is for reference only.
    assertThat(driver.findElement(By.id("track-approved-by")).getText()).startsWith("Lãnh đạo trả lời: ");
    assertThat(driver.findElement(By.id("track-reference-only")).getText())
        .contains("chỉ có ý nghĩa tham khảo, không phải là cơ sở pháp lý");
    session.screenshot("portal-track.png");

    driver.get(baseUrl() + "/portal");
    driver.findElement(By.id("portal-q")).sendKeys("vuon uom bac ha");
    driver.findElement(By.id("portal-search")).click();
    By found = By.xpath("//article[contains(@class,'qa')]//a[starts-with(normalize-space(.), 'Doanh nghiệp khởi nghiệp"
        + " sáng tạo về dữ liệu')]");
    assertThat(driver.findElements(found)).hasSize(1);
    Accessibility.assertPageAccessible(driver, "portal-answers");
    assertThat(driver.findElement(By.xpath("//article[contains(@class,'qa')][.//a[starts-with(normalize-space(.),"
        + " 'Doanh nghiệp khởi nghiệp sáng tạo về dữ liệu')]]")).getText()).contains("Sở Khoa học và Công nghệ");
    driver.findElement(found).click();
    Browser.waitForText(driver, By.id("answer-text"), ANSWER);
    assertThat(driver.findElement(By.id("answer-question")).getText()).isEqualTo(QUESTION);
    assertThat(driver.findElement(By.id("answer-citations")).getText())
        .isEqualTo(CITATION + " ngày 2023-04-17 của Chính phủ: Bảo vệ dữ liệu cá nhân");
    assertThat(driver.getPageSource()).doesNotContain("Lý Thị Mai").doesNotContain("mai.ly@example.vn")
        .doesNotContain("script>alert");
    assertThat(driver.findElement(By.id("answer-reference-only")).isDisplayed()).isTrue();
    session.screenshot("portal-answer.png");
    // On a phone the answer fits the screen (no sideways scrolling), and axe-core finds nothing at either width.
    Accessibility.assertPageAccessible(driver, "portal-answer");
    // In English the question, the answer and the cited documents stay marked as Vietnamese.
    driver.findElement(By.id("lang-switch")).click();
    Browser.waitForText(driver, By.tagName("h1"), "Question");
    assertThat(driver.findElement(By.id("answer-question")).getAttribute("lang")).isEqualTo("vi");
    assertThat(driver.findElement(By.id("answer-text")).getAttribute("lang")).isEqualTo("vi");
    assertThat(driver.findElement(By.cssSelector("#answer-citations li span[lang=vi]")).getText()).isEqualTo(CITATION);
    assertThat(driver.findElement(By.id("answer-citations")).getText())
        .isEqualTo(CITATION + " of 2023-04-17 by Chính phủ: Bảo vệ dữ liệu cá nhân");
  }

  private List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#list-citations .list-rows > .list-row"));
  }
}
