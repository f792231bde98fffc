package vn.govflow.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Retries text extraction for files stored without their text because the bounded extraction pool was full
 * ({@link TextStatus#NOT_EXTRACTED}) or the parse ran out of time ({@link TextStatus#TIMEOUT}, which under load
 * includes time spent waiting in the queue). A sweep takes the files that are due, one at a time on the same
 * bounded pool, so it can never add more than one parse to a busy GovFlow. A file that still has no outcome is
 * tried again after {@code text-retry-base}, doubling up to {@code text-retry-max-delay}; after
 * {@code text-retry-attempts} retries it is left {@link TextStatus#ABANDONED}. Text found later is announced with
 * {@link FileTextExtracted} so the modules that fold file text into their search index rebuild it.
 */
@Component
public class TextRetry {
  private static final Logger log = LoggerFactory.getLogger(TextRetry.class);

  private final StoredFileMapper mapper;
  private final BlobStore blobs;
  private final TextExtractor extractor;
  private final TransactionOperations tx;
  private final ApplicationEventPublisher events;
  private final int maxAttempts;
  private final Duration base;
  private final Duration maxDelay;
  private final int batch;

  TextRetry(StoredFileMapper mapper, BlobStore blobs, TextExtractor extractor, TransactionOperations tx,
            ApplicationEventPublisher events,
            @Value("${govflow.files.text-retry-attempts:5}") int maxAttempts,
            @Value("${govflow.files.text-retry-base:PT2M}") Duration base,
            @Value("${govflow.files.text-retry-max-delay:PT2H}") Duration maxDelay,
            @Value("${govflow.files.text-retry-batch:20}") int batch) {
    this.mapper = mapper;
    this.blobs = blobs;
    this.extractor = extractor;
    this.tx = tx;
    this.events = events;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.base = base;
    this.maxDelay = maxDelay;
    this.batch = Math.max(1, batch);
  }

  @Scheduled(initialDelayString = "${govflow.files.text-retry-first-after:PT1M}",
      fixedDelayString = "${govflow.files.text-retry-every:PT1M}")
  void sweep() {
    try {
      retryDue(OffsetDateTime.now(ZoneOffset.UTC));
    } catch (RuntimeException e) {
      log.warn("Text extraction retry failed; it runs again later", e);
    }
  }

  /**
   * Retries every file due at {@code now} (at most one batch). Returns how many got an outcome other than
   * another wait.
   */
  public int retryDue(OffsetDateTime now) {
    List<StoredFileMapper.PendingText> due = mapper.pendingText(now, batch);
    int settled = 0;
    for (StoredFileMapper.PendingText file : due) {
      if (retry(file)) {
        settled++;
      }
    }
    if (!due.isEmpty()) {
      log.info("Text extraction retry: {} file(s) due, {} settled", due.size(), settled);
    }
    return settled;
  }

  private boolean retry(StoredFileMapper.PendingText file) {
    int attempts = file.attempts() + 1;
    TextExtractor.Result result = extract(file);
    boolean again = result.status() == TextStatus.NOT_EXTRACTED || result.status() == TextStatus.TIMEOUT;
    TextStatus status = result.status();
    String note = result.note();
    OffsetDateTime retryAt = null;
    if (again && attempts >= maxAttempts) {
      status = TextStatus.ABANDONED;
      note = truncate("No text after " + attempts + " retries; last: " + result.status()
          + (result.note() == null ? "" : " (" + result.note() + ")"));
    } else if (again) {
      retryAt = OffsetDateTime.now(ZoneOffset.UTC).plus(delay(attempts));
    }
    TextStatus outcome = status;
    String finalNote = note;
    OffsetDateTime next = retryAt;
    Boolean updated = tx.execute(s -> {
      if (mapper.retried(file.id(), file.status(), outcome, finalNote, result.text(), attempts, next) == 0) {
        return false; // retried by another node, or erased
      }
      if (result.text() != null) {
        // Listeners update their search text in this transaction: the file and its index change together.
        events.publishEvent(new FileTextExtracted(file.id()));
      }
      return true;
    });
    return Boolean.TRUE.equals(updated) && next == null;
  }

  private TextExtractor.Result extract(StoredFileMapper.PendingText file) {
    Path blob = blobs.pathOf(file.sha256());
    if (!Files.isRegularFile(blob)) {
      // Erased meanwhile (its bytes swept): nothing to read, nothing to wait for.
      return new TextExtractor.Result(TextStatus.ABANDONED, null, "Stored bytes not found");
    }
    try {
      return extractor.extract(blob, file.mediaType());
    } catch (DecompressionBombException bomb) {
      // Stored while the pool was full, so never checked: no text is taken from it (it stays downloadable).
      return new TextExtractor.Result(TextStatus.CORRUPT, null, "Decompression bomb: no text extracted");
    }
  }

  /** The wait after the n-th unsuccessful retry: base, 2 × base, 4 × base, … up to the maximum. */
  Duration delay(int attempts) {
    Duration d = base.multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  private static String truncate(String s) {
    return s.length() > 500 ? s.substring(0, 500) : s;
  }
}
