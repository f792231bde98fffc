package vn.govflow.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latency samples in milliseconds; percentiles by nearest rank. */
final class Timings {
  private final List<Double> millis = new ArrayList<>();

  void add(long nanos) {
    millis.add(nanos / 1e6);
  }

  int count() {
    return millis.size();
  }

  double percentile(double p) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  double max() {
    return Collections.max(millis);
  }

  String summary() {
    return String.format(Locale.ROOT, "p50 %8.2f ms   p95 %8.2f ms   max %8.2f ms   (n=%d)", percentile(50),
        percentile(95), max(), count());
  }
}
