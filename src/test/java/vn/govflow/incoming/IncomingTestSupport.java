package vn.govflow.incoming;


import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.Await;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/** What incoming-document tests share: a document's JSON, a registration through the API, waiting for the engine. */
public interface IncomingTestSupport extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();

  default String document(String numberSymbol, String summary, String extra) {
    return "{\"senderName\": \"Ủy ban nhân dân huyện Bảo Thắng\", \"numberSymbol\": \"" + numberSymbol + "\","
        + " \"documentDate\": \"" + LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1) + "\", \"documentType\": \"cong-van\","
        + " \"summary\": \"" + summary + "\", \"urgency\": \"thuong\", \"pageCount\": 2" + extra + "}";
  }

  default HttpResponse<String> register(SsoClient client, String documentJson, String fileName, byte[] file) {
    String boundary = "----govflow" + System.nanoTime();
    StringBuilder head = new StringBuilder();
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"document\"\r\n")
        .append("Content-Type: application/json\r\n\r\n").append(documentJson).append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] fileHead = fileName == null ? new byte[0] : ("--" + boundary + "\r\nContent-Disposition: form-data;"
        + " name=\"files\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    byte[] end = ((fileName == null ? "" : "\r\n") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return client.send(client.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/incoming-documents")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(start),
            HttpRequest.BodyPublishers.ofByteArray(fileHead),
            HttpRequest.BodyPublishers.ofByteArray(file == null ? new byte[0] : file),
            HttpRequest.BodyPublishers.ofByteArray(end))));
  }

  default byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  default long lastNumber(String agencyCode) {
    Long n = bean(JdbcTemplate.class).queryForObject("SELECT MAX(arrival_number) FROM inc_document WHERE agency_code = ?"
        + " AND reg_year = ?", Long.class, agencyCode, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
    return n == null ? 0 : n;
  }

  default List<Integer> race(Callable<Integer> a, Callable<Integer> b) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(List.of(a, b))) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  default Task awaitTask(String processInstanceId, String key) {
    return Await.task(bean(TaskService.class), processInstanceId, key);
  }

  default void await(BooleanSupplier condition) {
    Await.until(condition);
  }

}
