package vn.govflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.notify.NotificationService.Message;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/** A notification made through the service bean, seen and read through the real HTTP stack, signed in. */
interface NotificationsApiScenarios extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();

  @Test
  default void aPersonSeesReadsOnlyTheirOwnNotifications() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    bean(NotificationService.class).notify("anhdd.skhcn", NotificationKind.ASSIGNED, new Message(
        "Công văn đến " + marker + " được giao cho bạn", "Incoming document " + marker + " was assigned to you",
        "Hạn xử lý: 3 ngày làm việc.", "Due in 3 working days.", "/documents/incoming/" + marker));

    SsoClient anh = signIn("anhdd.skhcn");
    JsonNode mine = find(anh, "/api/v1/notifications?unread=true", marker);
    assertThat(mine).as("Anh's unread notifications").isNotNull();
    long id = mine.get("id").asLong();
    assertThat(mine.get("subject").asText()).startsWith("Công văn đến");
    assertThat(mine.get("subjectEn").asText()).startsWith("Incoming document");
    assertThat(mine.get("kind").asText()).isEqualTo("ASSIGNED");
    assertThat(mine.get("read").asBoolean()).isFalse();
    assertThat(mine.get("emailStatus").asText()).as("no mail server in tests").isEqualTo("DISABLED");

    // The header of every signed-in page counts what is unread.
    int unread = bean(NotificationService.class).countUnread("anhdd.skhcn");
    assertThat(unread).isPositive();
    assertThat(anh.get("/tasks").body()).contains("id=\"unread-count\"")
        .contains(">" + (unread > 99 ? "99+" : String.valueOf(unread)) + "</span>");
    HttpResponse<String> page = anh.get("/notifications");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Công văn đến " + marker, "Chưa đọc");
    assertThat(anh.get("/notifications?lang=en").body()).contains("Incoming document " + marker, "Unread");
    anh.get("/notifications?lang=vi");

    SsoClient mai = signIn("maivt.skhcn");
    assertThat(find(mai, "/api/v1/notifications", marker)).as("not in Mai's list").isNull();
    HttpResponse<String> foreign = mai.postJson("/api/v1/notifications/" + id + "/read", "");
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain(marker);
    assertThat(mai.postJson("/api/v1/notifications/abc/read", "").statusCode()).isEqualTo(404);
    assertThat(unread(id)).as("Mai's attempt changed nothing").isTrue();
    assertThat(mai.sendWithoutRedirects(mai.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/notifications/" + id + "/open"))).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
        .isEqualTo(404);

    assertThat(anh.postJson("/api/v1/notifications/" + id + "/read", "").statusCode()).isEqualTo(204);
    assertThat(find(anh, "/api/v1/notifications?unread=true", marker)).isNull();
    JsonNode read = find(anh, "/api/v1/notifications", marker);
    assertThat(read.get("read").asBoolean()).isTrue();
    assertThat(read.get("readAt").isNull()).isFalse();

    bean(NotificationService.class).notify("anhdd.skhcn", NotificationKind.REMINDER, new Message(
        "Nhắc việc " + marker, "Reminder " + marker, null, null, "/tasks?case=" + marker + "-2"));
    long second = find(anh, "/api/v1/notifications?unread=true", marker + "-2").get("id").asLong();
    HttpResponse<String> open = anh.sendWithoutRedirects(anh.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl()
        + "/notifications/" + second + "/open"))).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(open.statusCode()).isEqualTo(302);
    assertThat(open.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/tasks?case=" + marker + "-2"));
    assertThat(unread(second)).as("opening marks read").isFalse();

    bean(NotificationService.class).notify("anhdd.skhcn", NotificationKind.REMINDER, new Message(
        "Nhắc việc " + marker, "Reminder " + marker, null, null, null));
    HttpResponse<String> all = anh.postJson("/api/v1/notifications/read-all", "");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(all.body()).get("marked").asInt()).isEqualTo(1);
    assertThat(JSON.readTree(anh.get("/api/v1/notifications?unread=true").body())).isEmpty();
  }

  @Test
  default void theListNeedsASignIn() {
    HttpResponse<String> anonymous = anonymous().get("/api/v1/notifications", "application/json");
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private JsonNode find(SsoClient client, String path, String marker) throws Exception {
    HttpResponse<String> response = client.get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    for (JsonNode n : JSON.readTree(response.body())) {
      if (!n.get("link").isNull() && n.get("link").asText().endsWith(marker)) {
        return n;
      }
    }
    return null;
  }

  private boolean unread(long id) {
    return bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM notification WHERE id = ? AND read_at IS NULL",
        Integer.class, id) == 1;
  }
}
