package vn.govflow.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import vn.govflow.support.Await;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/** What the portal scenarios share: asking as a citizen, and waiting for the process to reach a step. */
interface PortalTestApi extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();

  /** A Vietnamese individual asks Sở Khoa học và Công nghệ about science and technology. */
  default String individual(String question) throws Exception {
    return individual(question, "Việt Nam");
  }

  default String individual(String question, String nationality) throws Exception {
    return JSON.writeValueAsString(new QuestionRequest("INDIVIDUAL", "hoi-dap", "Nguyễn Văn Dân", nationality,
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

  default Task awaitTask(String processInstanceId, String key) {
    return Await.task(bean(TaskService.class), processInstanceId, key);
  }

  default void awaitCondition(BooleanSupplier condition) {
    Await.until(condition);
  }

  /** How many questions are stored: refused ones must leave this unchanged. */
  default int stored() {
    return bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
        "SELECT COUNT(*) FROM portal_question", Integer.class);
  }
}
