package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;
import vn.govflow.support.SsoClient;

/**
 * Issue #13 item 12 in a browser: the leader's classification offers coordinating agencies once "several sectors"
 * is chosen; the other agency's leader opens the opinion task and the question's page, read-only and without the
 * asker's contact, at desktop and phone width. The question is asked through the API from its own address (no
 * browser post to the ask form: one address's flood limit).
 */
class PortalCoordinationBrowserTest extends BrowserTest implements PortalTestApi {
  static final String QUESTION = "Hợp tác xã được hỗ trợ ứng dụng công nghệ số như thế nào? (phối hợp liên ngành)";

  @Test
  void theOtherAgencysLeaderOpensTheOpinionTaskAndTheQuestionOnAPhone() throws Exception {
    HttpResponse<String> asked = ask(JSON.writeValueAsString(new QuestionRequest("INDIVIDUAL", "hoi-dap",
        "Nguyễn Văn Dân", "Việt Nam", "Kỹ sư", "Số 5 đường Hoàng Liên, Lào Cai", null, null, null, null,
        "dan@example.vn", "0977123456", "khoa-hoc-cong-nghe", "000.00.12.H37", QUESTION, true)), someAddress());
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    String code = JSON.readTree(asked.body()).get("trackingCode").asText();
    String id = bean(JdbcTemplate.class).queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?",
        String.class, code);
    String pi = bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question"
        + " WHERE id = ?", String.class, id);
    SsoClient editor = signIn("ngocct.vpubnd");
    Task triage = awaitTask(pi, "Task_Triage");
    editor.postJson("/api/v1/tasks/" + triage.getId() + "/claim", "");
    assertThat(editor.postJson("/api/v1/tasks/" + triage.getId() + "/complete",
        "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}").statusCode()).isEqualTo(204);
    awaitTask(pi, "Task_Classify");

    // The leader's form: the coordinating agencies appear, labelled, with "several sectors".
    session.signInAs("hungtv.skhcn");
    session.openTask("Phân công, phân loại câu hỏi", code);
    new Select(driver.findElement(By.id("f-classification"))).selectByValue("multi-sector");
    Browser.waitForText(driver, By.cssSelector("label[for='f-coordinatingAgencies']"),
        "Cơ quan phối hợp cho ý kiến (lãnh đạo, văn thư cơ quan đó nhận việc)");
    assertThat(driver.findElement(By.id("f-coordinatingAgencies")).isDisplayed()).isTrue();
    new Select(driver.findElement(By.id("f-coordinatingAgencies"))).selectByValue("vpubnd");
    new Select(driver.findElement(By.id("f-handler"))).selectByValue("anhdd.skhcn");
    session.screenshot("portal-classify-coordinators.png");
    driver.findElement(By.id("complete")).click();
    session.await(() -> bean(TaskService.class).createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey("Task_AgencyOpinion").count() == 1);

    // The Office's leader: the task in their own list, the question in its form, its page read-only.
    session.signInAs("sonnv.vpubnd");
    session.openTask("Cho ý kiến phối hợp", code);
    assertThat(driver.findElement(By.id("task-form")).getText()).contains(QUESTION);
    assertThat(driver.findElement(By.cssSelector("label[for='f-opinion']")).getText()).contains("Ý kiến phối hợp");
    fitsAPhone("portal-agency-opinion");

    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.findElement(By.id("case-link")).click();
    Browser.waitForText(driver, By.id("q-question"), QUESTION);
    assertThat(driver.findElement(By.id("q-coordinating")).getText()).contains("chỉ đọc");
    assertThat(driver.findElement(By.id("q-name")).getText()).isEqualTo("Nguyễn Văn Dân");
    assertThat(driver.getPageSource()).doesNotContain("dan@example.vn").doesNotContain("0977123456");
    assertThat(session.findNow(By.id("q-asker"))).isEmpty();
    session.screenshot("portal-question-coordinating.png");
    Accessibility.assertPageAccessible(driver, "portal-question-coordinating");
    assertThat(List.of(driver.getCurrentUrl())).allMatch(u -> u.endsWith("/questions/" + id));
  }

  /** At 390 px the page has no sideways scrolling. */
  private void fitsAPhone(String name) throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - window.innerWidth;")).intValue()).isLessThanOrEqualTo(0);
    session.screenshot(name + "-phone.png");
  }
}
