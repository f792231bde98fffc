package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.calendar.WorkingDayCalendar;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/** What portal scenarios share: a valid question, asking from an address of one's own, waiting for the engine. */
interface PortalQuestions extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();

  default String individual(String question) throws Exception {
    return JSON.writeValueAsString(new QuestionRequest("INDIVIDUAL", "hoi-dap", "Nguyễn Văn Dân", "Việt Nam",
        "Kỹ sư", "Số 5 đường Hoàng Liên, Lào Cai", null, null, null, null, "dan@example.vn", null,
        "khoa-hoc-cong-nghe", "000.00.12.H37", question, true));
  }

  /** Each test comes from its own address (through a trusted local proxy), so the flood limit is per test. */
  default HttpResponse<String> ask(String body, String address) {
    SsoClient c = anonymous();
    return c.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/portal/questions"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  default String someAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "203." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  default int stored() {
    return bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM portal_question", Integer.class);
  }

  default org.camunda.bpm.engine.task.Task awaitTask(String processInstanceId, String key) {
    org.camunda.bpm.engine.TaskService tasks = bean(org.camunda.bpm.engine.TaskService.class);
    awaitCondition(() -> tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .count() > 0);
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list().get(0);
  }

  default void awaitCondition(java.util.function.BooleanSupplier condition) {
    long limit = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > limit) {
        throw new AssertionError("Condition not met within 30 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
