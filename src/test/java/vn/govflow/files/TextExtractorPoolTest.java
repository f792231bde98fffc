package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hostile files that keep a parser busy past its time limit (issue 14): many at once never use more than the
 * pool's threads, nobody waits for ever, and once the pool and its queue are full a file is stored without
 * its text (NOT_EXTRACTED) instead of being refused.
 */
class TextExtractorPoolTest {
  private static final int THREADS = 2;
  private static final int QUEUE = 3;

  @Test
  void manySlowParsesAtOnceNeverUseMoreThanThePoolsThreads() throws Exception {
    Set<Thread> parsingThreads = ConcurrentHashMap.newKeySet();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    // A parser that ignores interruption and runs well past the 200 ms limit, as a stuck Tika parser does.
    TextExtractor.Parse stuck = (file, type) -> {
      parsingThreads.add(Thread.currentThread());
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
      while (System.nanoTime() < end) {
        Thread.onSpinWait();
      }
      running.decrementAndGet();
      return new TextExtractor.Result(TextStatus.EXTRACTED, "late", null);
    };
    try (TextExtractor extractor = new TextExtractor(FilesFixture.TIKA, 1000, Duration.ofMillis(200), THREADS, QUEUE,
        stuck)) {
      ExecutorService uploads = Executors.newFixedThreadPool(30);
      List<Future<TextExtractor.Result>> results = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < 30; i++) {
        results.add(uploads.submit((Callable<TextExtractor.Result>) () ->
            extractor.extract(Path.of("upload.pdf"), "application/pdf")));
      }
      List<TextStatus> statuses = new ArrayList<>();
      for (Future<TextExtractor.Result> r : results) {
        statuses.add(r.get(10, TimeUnit.SECONDS).status());
      }
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      uploads.shutdownNow();

      // Every upload got its answer at about the time limit, not after the stuck parses.
      assertThat(tookMs).isLessThan(1_400);
      assertThat(statuses).containsOnly(TextStatus.TIMEOUT, TextStatus.NOT_EXTRACTED);
      assertThat(statuses).filteredOn(s -> s == TextStatus.NOT_EXTRACTED).hasSizeGreaterThanOrEqualTo(30 - THREADS
          - QUEUE);

      // A second wave while the first parses are still stuck: still no new thread.
      for (int i = 0; i < 10; i++) {
        assertThat(extractor.extract(Path.of("again.pdf"), "application/pdf").status())
            .isIn(TextStatus.TIMEOUT, TextStatus.NOT_EXTRACTED);
      }
      assertThat(parsingThreads).hasSizeLessThanOrEqualTo(THREADS);
      assertThat(mostAtOnce.get()).isLessThanOrEqualTo(THREADS);
    }
  }

  @Test
  void onceTheStuckParserReturnsTheThreadServesTheNextFile() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    TextExtractor.Parse parse = (file, type) -> {
      if (file.toString().equals("stuck.pdf")) {
        while (true) { // deaf to interruption, like some parsers
          try {
            if (release.await(50, TimeUnit.MILLISECONDS)) {
              break;
            }
          } catch (InterruptedException ignored) {
            // keeps parsing
          }
        }
      }
      return new TextExtractor.Result(TextStatus.EXTRACTED, "text of " + file, null);
    };
    try (TextExtractor extractor = new TextExtractor(FilesFixture.TIKA, 1000, Duration.ofMillis(300), 1, 1, parse)) {
      assertThat(extractor.extract(Path.of("stuck.pdf"), "application/pdf").status()).isEqualTo(TextStatus.TIMEOUT);
      // The only thread is still held: the next file waits its time limit in the queue, then gives up its place.
      assertThat(extractor.extract(Path.of("b.pdf"), "application/pdf").status()).isEqualTo(TextStatus.TIMEOUT);
      release.countDown();
      TextExtractor.Result next = null;
      for (int i = 0; i < 20 && (next == null || next.status() != TextStatus.EXTRACTED); i++) {
        next = extractor.extract(Path.of("c.pdf"), "application/pdf");
      }
      assertThat(next.status()).isEqualTo(TextStatus.EXTRACTED);
      assertThat(next.text()).isEqualTo("text of c.pdf");
    }
  }
}
