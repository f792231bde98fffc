package vn.govflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A benchmark's report: target/benchmark/&lt;name&gt;.txt and the console, with the machine's load average at start
 * and end (other work on the two cores skews every number, so the report says how busy the machine was).
 */
final class BenchmarkReport {
  private final Path file;

  BenchmarkReport(String name) {
    this.file = Path.of("target", "benchmark", name + ".txt");
  }

  /** Starts the report afresh with its header: what, when, on what machine, how driven, the load average. */
  void start(String what, String driver) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    append(String.format(Locale.ROOT, "GovFlow %s benchmark, %s%n%d cores, Java %s, embedded PostgreSQL (zonky), %s;"
            + " load average at start: %s%n", what, OffsetDateTime.now().withNano(0),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), driver, loadAverage()));
  }

  /** The closing line: the load average at the end. */
  void end() {
    append(String.format("%nload average at end: %s (other work on the machine skews every number)%n",
        loadAverage()));
  }

  void append(String text) {
    System.out.print(text);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1, 5 and 15 minute load averages of the machine, or "n/a". */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
