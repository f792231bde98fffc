package vn.govflow.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A sliding-window limit on public submissions per client address (no third-party service): at most
 * {@code max} in {@code window}. In memory, per GovFlow node; old entries are dropped as they age.
 */
@Component
class SubmissionLimiter {
  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  SubmissionLimiter(@Value("${govflow.portal.max-questions-per-window:5}") int max,
                    @Value("${govflow.portal.question-window:PT10M}") Duration window) {
    this.max = max;
    this.window = window;
    this.clock = Clock.systemUTC();
  }

  /** Seconds to wait before the next submission is accepted, or 0 when it is accepted (and counted) now. */
  long acquire(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(address == null ? "?" : address, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() >= max) {
        return Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
      }
      times.addLast(now);
    }
    if (recent.size() > 10_000) {
      prune(now);
    }
    return 0;
  }

  private void prune(Instant now) {
    for (Iterator<Map.Entry<String, Deque<Instant>>> it = recent.entrySet().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next().getValue();
      synchronized (times) {
        if (times.isEmpty() || times.peekLast().isBefore(now.minus(window))) {
          it.remove();
        }
      }
    }
  }
}
