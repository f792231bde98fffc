package vn.govflow.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.govflow.GovFlowApplication;

/**
 * A whole GovFlow in a JVM of its own (the test classpath, the application's main class), so that it can be
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) like a crashed server, and started again on
 * the same data.
 */
public final class ChildGovFlow {
  private final Path dataDir;
  private final int port;
  private final List<String> databaseArgs;
  private Process process;
  private Path log;
  private int starts;

  public ChildGovFlow(Path dataDir, int port, List<String> databaseArgs) {
    this.dataDir = dataDir;
    this.port = port;
    this.databaseArgs = databaseArgs;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  Path dataDir() {
    return dataDir;
  }

  /** Starts GovFlow with the given extra arguments and waits until it answers its health check. */
  public void start(List<String> extraArgs) throws Exception {
    starts++;
    log = dataDir.resolve("child-" + starts + ".log");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC",
        "-cp", classPath(),
        GovFlowApplication.class.getName(),
        "--server.port=" + port,
        "--govflow.data-dir=" + dataDir,
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.vn.govflow=INFO",
        // Many questions from one test address; the flood limit is not what is tested here.
        "--govflow.portal.max-questions-per-window=100000",
        // Jobs the killed process held run again 10 s after their lock was taken (production: 2 minutes).
        "--govflow.durability.job-lock-time=PT10S"));
    cmd.addAll(databaseArgs);
    cmd.addAll(extraArgs);
    // e.g. -Dcrash.childArgs=--govflow.durability.mode=fast to see what the unsafe mode loses
    String more = System.getProperty("crash.childArgs", "").trim();
    if (!more.isEmpty()) {
      cmd.addAll(List.of(more.split("\\s+")));
    }
    process = new ProcessBuilder(cmd).directory(dataDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitHealthy(Duration.ofMinutes(4));
  }

  /**
   * The test classpath without empty entries: surefire's ends with ':', which a child JVM reads as its working
   * directory (the project root would then add processes/*.bpmn a second time).
   */
  private static String classPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(e -> !e.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private void awaitHealthy(Duration limit) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("GovFlow exited with " + process.exitValue() + " while starting:\n" + tail());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("GovFlow did not become healthy within " + limit + ":\n" + tail());
  }

  /** SIGKILL: no shutdown hook, no flush, no pool close; exactly what a crash or the OOM killer does. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("GovFlow survived SIGKILL");
    }
  }

  /** SIGTERM: Spring closes the engine and the pool (to read H2's file afterwards). */
  public void stop() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
