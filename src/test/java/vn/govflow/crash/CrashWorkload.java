package vn.govflow.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import vn.govflow.support.SsoClient;

/**
 * What people send to a GovFlow about to crash, and what it acknowledged: registrations answered 201 with an
 * arrival number, portal questions answered 201 with a tracking code, directions answered 204. A request with
 * no answer (the process died under it) is not acknowledged: it may or may not have happened, never twice.
 */
public final class CrashWorkload {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String AGENCY = "000.00.12.H37";

  record Registered(String id, long arrivalNumber, String processInstanceId, String numberSymbol) {}

  record Asked(String trackingCode, String question) {}

  record Directed(String taskId, String documentId) {}

  final List<Registered> registered = new CopyOnWriteArrayList<>();
  final List<Asked> asked = new CopyOnWriteArrayList<>();
  final List<Directed> directed = new CopyOnWriteArrayList<>();
  final Set<String> registeredIds = ConcurrentHashMap.newKeySet();
  /** Tasks a direction was sent for (answered or not): not tried twice. */
  private final Set<String> tried = ConcurrentHashMap.newKeySet();
  final AtomicInteger unanswered = new AtomicInteger();

  /** Registers documents one after another until {@code count} were sent or the server stops answering. */
  void register(SsoClient clerk, String round, int worker, int count) {
    for (int i = 0; i < count; i++) {
      String symbol = "CR" + round + "-" + worker + "-" + i + "/UBND";
      String doc = "{\"senderName\": \"Ủy ban nhân dân huyện Bảo Thắng\", \"numberSymbol\": \"" + symbol + "\","
          + " \"documentDate\": \"" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1) + "\","
          + " \"documentType\": \"cong-van\", \"summary\": \"Kiểm tra an toàn dữ liệu " + symbol + "\","
          + " \"urgency\": \"thuong\", \"pageCount\": 1}";
      byte[] file = ("Van ban kiem tra " + symbol + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> r;
      try {
        r = upload(clerk, doc, "cr-" + round + "-" + worker + "-" + i + ".txt", file);
      } catch (RuntimeException e) {
        unanswered.incrementAndGet();
        return; // the server is gone
      }
      if (r.statusCode() != 201) {
        throw new AssertionError("Registration refused: " + r.statusCode() + " " + r.body());
      }
      JsonNode body = read(r.body());
      registered.add(new Registered(body.get("id").asText(), body.get("arrivalNumber").asLong(),
          body.get("processInstanceId").asText(), symbol));
      registeredIds.add(body.get("id").asText());
    }
  }

  /** A citizen asks Sở KH&CN, from an address of its own. */
  void ask(SsoClient citizen, String round, int worker, int count) {
    for (int i = 0; i < count; i++) {
      String question = "Câu hỏi kiểm tra an toàn dữ liệu " + round + "-" + worker + "-" + i
          + ": thủ tục cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ cần những gì?";
      String body = "{\"askerType\": \"INDIVIDUAL\", \"category\": \"hoi-dap\", \"fullName\": \"Nguyễn Văn Dân\","
          + " \"nationality\": \"Việt Nam\", \"occupation\": \"Kỹ sư\", \"address\": \"Số 5 đường Hoàng Liên, Lào Cai\","
          + " \"email\": \"dan@example.vn\", \"field\": \"khoa-hoc-cong-nghe\", \"agencyCode\": \"" + AGENCY + "\","
          + " \"question\": \"" + question + "\", \"consent\": true}";
      HttpResponse<String> r;
      try {
        r = citizen.send(HttpRequest.newBuilder(URI.create(citizen.baseUrl() + "/api/v1/portal/questions"))
            .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113." + (worker + 1))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
      } catch (RuntimeException e) {
        unanswered.incrementAndGet();
        return;
      }
      if (r.statusCode() != 201) {
        throw new AssertionError("Question refused: " + r.statusCode() + " " + r.body());
      }
      asked.add(new Asked(read(r.body()).get("trackingCode").asText(), question));
    }
  }

  /**
   * The leader directs documents waiting for him (Task_Direct): claim, then complete assigning the handler
   * anhdd.skhcn, as the task page does. Stops when {@code count} were sent or the server is gone.
   */
  void direct(SsoClient leader, int count) {
    int sent = 0;
    while (sent < count) {
      JsonNode tasks;
      try {
        tasks = read(leader.get("/api/v1/tasks").body());
      } catch (RuntimeException e) {
        unanswered.incrementAndGet();
        return;
      }
      boolean any = false;
      for (JsonNode t : tasks) {
        String docId = t.path("businessKey").asText();
        if (sent >= count || !registeredIds.contains(docId) || !tried.add(t.get("id").asText())) {
          continue;
        }
        any = true;
        sent++;
        String taskId = t.get("id").asText();
        try {
          int claim = leader.postJson("/api/v1/tasks/" + taskId + "/claim", "").statusCode();
          if (claim != 204) {
            throw new AssertionError("Claim refused: " + claim);
          }
          HttpResponse<String> done = leader.postJson("/api/v1/tasks/" + taskId + "/complete",
              "{\"decision\": \"assign\", \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\","
                  + " \"direction\": \"Đồng chí Anh xử lý, báo cáo trước hạn.\"}");
          if (done.statusCode() != 204) {
            throw new AssertionError("Direction refused: " + done.statusCode() + " " + done.body());
          }
          directed.add(new Directed(taskId, docId));
        } catch (IllegalStateException e) {
          unanswered.incrementAndGet();
          return;
        }
      }
      if (!any) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  public static HttpResponse<String> upload(SsoClient client, String documentJson, String fileName, byte[] file) {
    String boundary = "----govflow" + System.nanoTime();
    byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + documentJson + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return client.send(client.withXsrf(HttpRequest.newBuilder(URI.create(client.baseUrl()
            + "/api/v1/incoming-documents")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(start),
            HttpRequest.BodyPublishers.ofByteArray(file), HttpRequest.BodyPublishers.ofByteArray(end))));
  }

  public static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }

  static Map<String, Object> summary(CrashWorkload w) {
    return Map.of("registered", w.registered.size(), "asked", w.asked.size(), "directed", w.directed.size(),
        "unanswered", w.unanswered.get());
  }
}
