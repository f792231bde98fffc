package vn.govflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.govflow.crash.ChildGovFlow;
import vn.govflow.crash.CrashWorkload;
import vn.govflow.support.SsoClient;
import vn.govflow.support.TestDatabases;

/**
 * What durability costs (docs/benchmark.md, "Durability"): the same GovFlow, in a JVM of its own as in
 * production, in SAFE mode (H2: written and synced at each commit; PostgreSQL: synchronous_commit on) and in
 * FAST mode (H2's default write delay; synchronous_commit off), alternating in the same run on each database.
 * PostgreSQL runs as a production server does: fsync on.
 * Timed over HTTP as a clerk and a leader: registrations one at a time, registrations from 4 clerks' threads at
 * once, and directions (claim and complete). Asserts sanity only. Report: stdout and target/benchmark/durability.txt.
 */
@Tag("benchmark")
class DurabilityBenchmarkIsolatedTest {
  private static final Path REPORT = Path.of("target", "benchmark", "durability.txt");
  private static final int SEQUENTIAL = Integer.getInteger("benchmark.durability.docs", 30);
  private static final int CONCURRENT_PER_THREAD = Integer.getInteger("benchmark.durability.concurrentDocs", 10);
  private static final int DIRECTIONS = Integer.getInteger("benchmark.durability.directions", 10);
  private static final int H2_ROUNDS = Integer.getInteger("benchmark.durability.h2Rounds", 2);
  private static final int PG_ROUNDS = Integer.getInteger("benchmark.durability.pgRounds", 1);

  /** mode → measure → samples over the rounds. */
  private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();

  /** A server of its own: the shared test server runs with fsync=off, which would make every commit free. */
  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String postgresUrl(String database) throws Exception {
    if (postgres == null) {
      postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }
    try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
      st.execute("CREATE DATABASE " + database);
    }
    return postgres.getJdbcUrl("postgres", database);
  }

  @Test
  void safeAgainstFast() throws Exception {
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, "");
    report(String.format(Locale.ROOT, "Durability benchmark, %d cores, load average %.1f at start%n",
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    Path h2Safe = TestDatabases.tempDir("govflow-bench-h2-safe-");
    Path h2Fast = TestDatabases.tempDir("govflow-bench-h2-fast-");
    for (int round = 0; round < H2_ROUNDS; round++) {
      for (String mode : round % 2 == 0 ? List.of("safe", "fast") : List.of("fast", "safe")) {
        measure("H2 " + mode, mode.equals("safe") ? h2Safe : h2Fast, mode, List.of());
      }
    }
    for (int round = 0; round < PG_ROUNDS; round++) {
      for (String mode : round % 2 == 0 ? List.of("safe", "fast") : List.of("fast", "safe")) {
        String url = postgresUrl("bench_" + mode + "_" + round);
        measure("PostgreSQL " + mode, TestDatabases.tempDir("govflow-bench-pg-"), mode, List.of(
            "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
            "--spring.datasource.password="));
      }
    }
    StringBuilder b = new StringBuilder("\nmode: registration p50 ms (one at a time) | registrations/s one at a time"
        + " | registrations/s from 4 threads | direction p50 ms\n");
    for (var e : results.entrySet()) {
      b.append(String.format(Locale.ROOT, "%-16s %8.1f | %6.2f | %6.2f | %8.1f%n", e.getKey(),
          median(e.getValue().get("regP50")), median(e.getValue().get("seqRate")),
          median(e.getValue().get("parRate")), median(e.getValue().get("dirP50"))));
    }
    for (String db : List.of("H2", "PostgreSQL")) {
      Map<String, List<Double>> safe = results.get(db + " safe");
      Map<String, List<Double>> fast = results.get(db + " fast");
      if (safe != null && fast != null) {
        b.append(String.format(Locale.ROOT, "%s safe/fast: registrations/s one at a time %.2f, from 4 threads %.2f;"
                + " direction p50 %.2f×%n", db, median(safe.get("seqRate")) / median(fast.get("seqRate")),
            median(safe.get("parRate")) / median(fast.get("parRate")),
            median(safe.get("dirP50")) / median(fast.get("dirP50"))));
      }
    }
    report(b.toString());
  }

  private void measure(String label, Path dataDir, String mode, List<String> dbArgs) throws Exception {
    ChildGovFlow child = new ChildGovFlow(dataDir, TestDatabases.freePort(), dbArgs);
    try {
      child.start(List.of("--govflow.durability.mode=" + mode));
      SsoClient clerk = SsoClient.signIn(child.baseUrl(), "lannt.skhcn", SsoClient.DEMO_PASSWORD);
      SsoClient leader = SsoClient.signIn(child.baseUrl(), "hungtv.skhcn", SsoClient.DEMO_PASSWORD);
      String run = label.replace(' ', '-') + "-" + System.nanoTime();
      for (int i = 0; i < 5; i++) {
        register(clerk, run + "-w" + i);
      }
      Timings registrations = new Timings();
      List<String> ids = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < SEQUENTIAL; i++) {
        long t = System.nanoTime();
        ids.add(register(clerk, run + "-s" + i));
        registrations.add(System.nanoTime() - t);
      }
      double seqRate = SEQUENTIAL / ((System.nanoTime() - start) / 1e9);

      ExecutorService pool = Executors.newFixedThreadPool(4);
      start = System.nanoTime();
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          int worker = w;
          done.add(pool.submit(() -> {
            for (int i = 0; i < CONCURRENT_PER_THREAD; i++) {
              register(clerk, run + "-p" + worker + "-" + i);
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      double parRate = 4 * CONCURRENT_PER_THREAD / ((System.nanoTime() - start) / 1e9);

      Timings directions = new Timings();
      Map<String, String> taskOf = new LinkedHashMap<>();
      for (var t : CrashWorkload.read(leader.get("/api/v1/tasks").body())) {
        taskOf.put(t.path("businessKey").asText(), t.path("id").asText());
      }
      for (String id : ids.subList(0, Math.min(DIRECTIONS, ids.size()))) {
        String task = taskOf.get(id);
        assertThat(task).as("leader's task for %s", id).isNotNull();
        long t = System.nanoTime();
        assertThat(leader.postJson("/api/v1/tasks/" + task + "/claim", "").statusCode()).isEqualTo(204);
        assertThat(leader.postJson("/api/v1/tasks/" + task + "/complete", "{\"decision\": \"assign\","
            + " \"leadType\": \"person\", \"leadHandler\": \"anhdd.skhcn\", \"direction\": \"Xử lý.\"}")
            .statusCode()).isEqualTo(204);
        directions.add(System.nanoTime() - t);
      }
      Map<String, List<Double>> m = results.computeIfAbsent(label, k -> new LinkedHashMap<>());
      m.computeIfAbsent("regP50", k -> new ArrayList<>()).add(registrations.percentile(50));
      m.computeIfAbsent("seqRate", k -> new ArrayList<>()).add(seqRate);
      m.computeIfAbsent("parRate", k -> new ArrayList<>()).add(parRate);
      m.computeIfAbsent("dirP50", k -> new ArrayList<>()).add(directions.percentile(50));
      report(String.format(Locale.ROOT, "%-16s registrations %s, %.2f/s; from 4 threads %.2f/s; directions %s%n",
          label, registrations.summary(), seqRate, parRate, directions.summary()));
    } finally {
      child.stop();
    }
  }

  private static String register(SsoClient clerk, String symbol) {
    String doc = "{\"senderName\": \"Ủy ban nhân dân huyện Bảo Thắng\", \"numberSymbol\": \"" + symbol + "\","
        + " \"documentDate\": \"" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1) + "\","
        + " \"documentType\": \"cong-van\", \"summary\": \"Đo chi phí an toàn dữ liệu\", \"urgency\": \"thuong\","
        + " \"pageCount\": 1}";
    HttpResponse<String> r = CrashWorkload.upload(clerk, doc, "bench.txt",
        ("Van ban " + symbol).getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return CrashWorkload.read(r.body()).get("id").asText();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void report(String text) throws Exception {
    System.out.print(text);
    Files.writeString(REPORT, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
