package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.BrowserTest;

/**
 * Issue #13 item 18: a late triage is a "Báo quá hạn" step of the question's history on the staff question page,
 * readable on a desktop and on a 390 px phone without sideways scrolling. The question is asked through the API
 * (from its own address: browser posts to the ask form count against one address's flood limit).
 */
class PortalEscalationHistoryBrowserTest extends BrowserTest implements PortalTestApi {
  @Test
  void theStaffQuestionPageShowsTheEscalationInTheHistory() throws Exception {
    HttpResponse<String> asked = ask(individual("Báo quá hạn trên trang câu hỏi " + System.nanoTime()),
        someAddress());
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    String code = JSON.readTree(asked.body()).get("trackingCode").asText();
    String pi = bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question"
        + " WHERE tracking_code = ?", String.class, code);
    String id = bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi).singleResult()
        .getBusinessKey();
    awaitTask(pi, "Task_Triage");
    ManagementService jobs = bean(ManagementService.class);
    jobs.executeJob(jobs.createJobQuery().processInstanceId(pi).timers().activityId("BoundaryEvent_TriageOverdue")
        .singleResult().getId());
    awaitCondition(() -> jobs.createJobQuery().processInstanceId(pi).messages().count() == 0);

    session.signInAs("ngocct.vpubnd");
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.get(baseUrl() + "/questions/" + id);
    String row = driver.findElement(By.xpath("//table[@id='q-history']//tr[td[normalize-space(.)='Báo quá hạn']]"))
        .getText();
    assertThat(row).contains("Hệ thống").contains("Quá hạn bước \"Tiếp nhận, phân loại câu hỏi\"")
        .contains("đã báo lãnh đạo");
    session.screenshot("portal-question-escalated.png");
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    assertThat(driver.findElement(By.id("q-history")).getText()).contains("Báo quá hạn");
    session.screenshot("portal-question-escalated-phone.png");
    // The elements that stick out on the right, named for the failure message.
    Object wide = ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll('body *'))"
        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
        + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right))"
        + ".slice(0, 15).join(' ');");
    assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - window.innerWidth;")).intValue()).as(String.valueOf(wide))
        .isLessThanOrEqualTo(0);
    session.screenshot("portal-question-escalated-phone.png");
  }
}
