package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.incoming.IncomingTestSupport;
import vn.govflow.support.SsoClient;

/**
 * Text extraction refused because the bounded pool was full is retried (issue 14): the file of a document
 * registered during a burst has no text at first, and after the retry sweep the document is found by the
 * file's words. A file whose retries are all refused ends ABANDONED and is not tried again.
 */
interface FileTextRetryScenarios extends IncomingTestSupport {

  @Test
  default void aFileStoredWhileThePoolWasFullBecomesSearchableAfterTheSweep() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    String fileId;
    String documentId;
    CountDownLatch release = fillThePool();
    try {
      HttpResponse<String> r = register(lan, document("31/QD-UBND", "Quyết định phê duyệt đề án", ""),
          "de-an-31.txt", text("Đề án Ươm tạo Doanh nghiệp Quảng Trường Kỳ Lân"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      documentId = JSON.readTree(r.body()).get("id").asText();
      JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + documentId).body());
      fileId = doc.at("/files/0/id").asText();
      assertThat(doc.at("/files/0/textStatus").asText()).isEqualTo("NOT_EXTRACTED");
    } finally {
      release.countDown();
    }
    // Words of the file only (not of the register's fields), without diacritics as people type them.
    assertThat(found(lan, "uom%20tao%20ky%20lan")).doesNotContain(documentId);

    awaitIdlePool();
    bean(TextRetry.class).retryDue(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));

    JsonNode file = JSON.readTree(lan.get("/api/v1/files/" + fileId).body());
    assertThat(file.get("textStatus").asText()).isEqualTo("EXTRACTED");
    assertThat(found(lan, "uom%20tao%20ky%20lan")).contains(documentId);
    // Another agency still does not find it.
    assertThat(found(signIn("hoadt.vpubnd"), "uom%20tao%20ky%20lan")).doesNotContain(documentId);
  }

  @Test
  default void aFileWhoseRetriesAreAllRefusedIsAbandoned() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    String fileId;
    CountDownLatch release = fillThePool();
    try {
      HttpResponse<String> r = register(lan, document("32/QD-UBND", "Quyết định khác", ""),
          "de-an-32.txt", text("Nội dung không bao giờ được đọc"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      fileId = JSON.readTree(lan.get("/api/v1/incoming-documents/" + JSON.readTree(r.body()).get("id").asText())
          .body()).at("/files/0/id").asText();
      // Every retry finds the pool still full; each is due at once when asked far enough ahead.
      OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
      for (int i = 0; i < 6 && !"ABANDONED".equals(status(fileId)); i++) {
        assertThat(status(fileId)).isEqualTo("NOT_EXTRACTED");
        bean(TextRetry.class).retryDue(later);
      }
    } finally {
      release.countDown();
    }
    assertThat(status(fileId)).isEqualTo("ABANDONED");
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("SELECT text_attempts FROM stored_file WHERE id = ?", Integer.class, fileId))
        .isEqualTo(5);
    assertThat(jdbc.queryForObject("SELECT text_note FROM stored_file WHERE id = ?", String.class, fileId))
        .startsWith("No text after 5 retries");
    awaitIdlePool();
    bean(TextRetry.class).retryDue(OffsetDateTime.now(ZoneOffset.UTC).plusDays(60));
    assertThat(status(fileId)).isEqualTo("ABANDONED");
    assertThat(JSON.readTree(lan.get("/api/v1/files/" + fileId).body()).get("textStatus").asText())
        .isEqualTo("ABANDONED");
  }

  /** Every extraction thread busy and the queue full, as during a burst of slow uploads, until released. */
  private CountDownLatch fillThePool() {
    ThreadPoolExecutor pool = bean(TextExtractor.class).pool();
    CountDownLatch release = new CountDownLatch(1);
    Runnable busy = () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
      pool.execute(busy);
    }
    // Every thread must hold a blocker before the queue is filled, or a thread would take a queued one and leave
    // room for the upload.
    await(() -> pool.getActiveCount() == pool.getMaximumPoolSize());
    while (pool.getQueue().remainingCapacity() > 0) {
      pool.execute(busy);
    }
    return release;
  }

  private void awaitIdlePool() {
    ThreadPoolExecutor pool = bean(TextExtractor.class).pool();
    await(() -> pool.getActiveCount() == 0 && pool.getQueue().isEmpty());
  }

  private String status(String fileId) {
    return bean(JdbcTemplate.class).queryForObject("SELECT text_status FROM stored_file WHERE id = ?", String.class,
        fileId);
  }

  private java.util.List<String> found(SsoClient c, String q) throws Exception {
    return JSON.readTree(c.get("/api/v1/incoming-documents?q=" + q).body()).get("items").findValuesAsText("id");
  }
}
