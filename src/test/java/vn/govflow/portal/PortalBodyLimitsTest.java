package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.govflow.support.H2IntegrationTest;

/**
 * The public portal's own body limits (issue 14), as the attack: a 60 MB body to the question endpoint is
 * answered 413 problem+json in both languages before the body is read, and nothing is stored.
 */
class PortalBodyLimitsTest extends H2IntegrationTest implements PortalTestApi {
  private static final long SIXTY_MB = 60L * 1024 * 1024;

  @Test
  void aSixtyMegabyteJsonQuestionIsRefusedBeforeItIsRead() throws Exception {
    int before = stored();
    Sent sent = sendRaw("application/json", SIXTY_MB, someAddress());
    assertThat(sent.status).isEqualTo(413);
    assertThat(sent.contentType).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(sent.body);
    assertThat(problem.get("code").asText()).isEqualTo("body-too-large");
    assertThat(problem.get("messageVi").asText()).contains("Dữ liệu gửi lên quá lớn").contains("64 KB");
    assertThat(problem.get("messageEn").asText()).contains("too large").contains("64 KB");
    // The answer came while the client was still sending: GovFlow did not read the 60 MB.
    assertThat(sent.bytesSentBeforeAnswer).isLessThan(SIXTY_MB);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aSixtyMegabyteMultipartQuestionIsRefusedToo() throws Exception {
    int before = stored();
    Sent sent = sendRaw("multipart/form-data; boundary=xyz", SIXTY_MB, someAddress());
    assertThat(sent.status).isEqualTo(413);
    assertThat(JSON.readTree(sent.body).get("messageEn").asText()).contains("attachments included");
    assertThat(sent.bytesSentBeforeAnswer).isLessThan(SIXTY_MB);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aQuestionJustOverSixtyFourKilobytesIsRefusedInTheAskersLanguage() throws Exception {
    int before = stored();
    char[] text = new char[66_000];
    Arrays.fill(text, 'a');
    HttpResponse<String> r = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/portal/questions"))
        .header("Content-Type", "application/json").header("Accept-Language", "en")
        .header("X-Forwarded-For", someAddress())
        .POST(HttpRequest.BodyPublishers.ofString(individual(new String(text)))));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(r.body()).get("detail").asText()).startsWith("The request is too large");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aBodyWithoutADeclaredLengthIsRefused() throws Exception {
    int before = stored();
    String question = individual("Chunked");
    HttpResponse<String> r = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/portal/questions"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", someAddress())
        // A publisher of unknown length: the client sends the body chunked.
        .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
            new java.io.ByteArrayInputStream(question.getBytes(StandardCharsets.UTF_8)))));
    assertThat(r.statusCode()).isEqualTo(411);
    assertThat(r.body()).contains("\"code\":\"body-length-required\"");
    assertThat(stored()).isEqualTo(before);
  }

  private record Sent(int status, String contentType, String body, long bytesSentBeforeAnswer) {}

  /** Declares the length, then streams the body from another thread while the answer is read. */
  private Sent sendRaw(String contentType, long length, String address) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/portal/questions HTTP/1.1\r\nHost: localhost:" + port() + "\r\nContent-Type: "
          + contentType + "\r\nContent-Length: " + length + "\r\nX-Forwarded-For: " + address
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      AtomicLong sent = new AtomicLong();
      Thread writer = new Thread(() -> {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        try {
          while (sent.get() < length) {
            out.write(chunk);
            sent.addAndGet(chunk.length);
          }
        } catch (IOException closedByServer) {
          // expected: GovFlow answers and closes without reading the rest
        }
      });
      writer.setDaemon(true);
      writer.start();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        assertThat(b).as("GovFlow answered before closing").isNotNegative();
        head.write(b);
      }
      long sentBeforeAnswer = sent.get();
      String headers = head.toString(StandardCharsets.ISO_8859_1);
      String type = header(headers, "content-type");
      int bodyLength = Integer.parseInt(header(headers, "content-length"));
      byte[] body = in.readNBytes(bodyLength);
      return new Sent(Integer.parseInt(headers.substring(9, 12)), type, new String(body, StandardCharsets.UTF_8),
          sentBeforeAnswer);
    }
  }

  private static String header(String headers, String name) {
    return headers.lines().filter(l -> l.toLowerCase().startsWith(name + ":"))
        .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse("");
  }
}
