package vn.govflow.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.govflow.support.SsoClient;

/**
 * Crash safety (issue 12): a child GovFlow receives concurrent registrations, portal questions and directions,
 * is killed with SIGKILL at a random moment, and after every kill the database must hold everything it had
 * acknowledged, exactly once. After the last kill it is started again and must recover by itself: jobs the dead
 * process held run once their lock expires, nothing runs twice, the blob sweep removes what the crash left.
 * Run once per database by the subclasses; the kill moments come from a seed printed in the output
 * ({@code -Dcrash.seed=…} replays one).
 */
abstract class CrashRecoveryScenario {
  static final int ROUNDS = 2;
  private static final String DIRECT = "Task_Direct";
  private static final String HANDLE = "Task_Handle";

  /** Database arguments for the child GovFlow. */
  abstract List<String> databaseArgs();

  /** A connection to the child's database, opened while the child is stopped or dead (H2 is single-process). */
  abstract Connection connect() throws SQLException;

  abstract Path dataDir();

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void acknowledgedWorkSurvivesSigkillAndRecoversByItself() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("crash.seed=" + seed);
    Random random = new Random(seed);
    ChildGovFlow child = new ChildGovFlow(dataDir(), vn.govflow.support.TestDatabases.freePort(), databaseArgs());
    CrashWorkload work = new CrashWorkload();
    long lastKill = 0;
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        child.start(List.of());
        int before = work.registered.size();
        // Kill once this round has had between 3 and 14 registrations, 1 to 3 directions and a question
        // acknowledged, then up to 1.5 s later: a moment when requests of every kind are in flight.
        Kill at = new Kill(before + 3 + random.nextInt(12), work.directed.size() + 1 + random.nextInt(3),
            work.asked.size() + 1, random.nextInt(1500));
        runAndKill(child, work, "r" + round + "s" + (seed % 1000), at);
        lastKill = System.nanoTime();
        System.out.printf("round %d: killed after %d acknowledged registrations (+%d ms); acknowledged so far %s%n",
            round, work.registered.size() - before, at.extraDelayMs(), CrashWorkload.summary(work));
        try (Connection c = connect()) {
          JdbcTemplate jdbc = jdbc(c);
          System.out.printf("round %d: acknowledged but missing after SIGKILL: %s%n", round, missing(jdbc, work));
          assertAcknowledgedPresentOnce(jdbc, work);
          assertArrivalNumbersGapless(jdbc);
          System.out.printf("round %d: on disk after SIGKILL: %d documents, %d questions; jobs locked by the dead"
                  + " process: %d; orphan blobs: %d%n", round, count(jdbc, "SELECT COUNT(*) FROM inc_document"),
              count(jdbc, "SELECT COUNT(*) FROM portal_question"),
              count(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL"),
              orphanBlobs(jdbc).size());
        }
      }
      Set<String> documents;
      try (Connection c = connect()) {
        documents = new HashSet<>(jdbc(c).queryForList("SELECT id FROM inc_document WHERE number_symbol LIKE 'CR%'",
            String.class));
      }

      // Restart on the same data: the sweep runs soon and removes blobs unreferenced for 20 s.
      child.start(List.of("--govflow.files.sweep-first-after=PT1S", "--govflow.files.sweep-every=PT3S",
          "--govflow.files.sweep-min-age=PT20S"));
      awaitSettled(child, documents, Duration.ofSeconds(120));
      long sinceKill = Duration.ofNanos(System.nanoTime() - lastKill).toMillis();
      if (sinceKill < 30_000) {
        Thread.sleep(30_000 - sinceKill);
      }
      child.stop();

      try (Connection c = connect()) {
        JdbcTemplate jdbc = jdbc(c);
        assertAcknowledgedPresentOnce(jdbc, work);
        assertArrivalNumbersGapless(jdbc);
        assertProcessesWhereTheyShouldBe(jdbc, work);
        assertNothingTwice(jdbc);
        assertThat(orphanBlobs(jdbc)).as("blobs no stored file refers to, after the sweep").isEmpty();
        assertThat(missingBlobs(jdbc)).as("stored files whose bytes are missing").isEmpty();
        try (Stream<Path> parts = Files.list(dataDir().resolve("files").resolve("tmp"))) {
          assertThat(parts.toList()).as("unfinished uploads left in tmp/ after the sweep").isEmpty();
        }
      }
    } finally {
      child.stop();
    }
  }

  /** When to kill: once so many items in total are acknowledged (or the workload is over), then a delay. */
  record Kill(int registered, int directed, int asked, long extraDelayMs) {
    boolean reached(CrashWorkload work) {
      return work.registered.size() >= registered && work.directed.size() >= directed && work.asked.size() >= asked;
    }
  }

  /** Sends the workload on 6 threads and kills the child at the given moment. */
  private void runAndKill(ChildGovFlow child, CrashWorkload work, String round, Kill at) throws Exception {
    SsoClient clerk = SsoClient.signIn(child.baseUrl(), "lannt.skhcn", SsoClient.DEMO_PASSWORD);
    SsoClient leader = SsoClient.signIn(child.baseUrl(), "hungtv.skhcn", SsoClient.DEMO_PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int worker = w;
        jobs.add(pool.submit(() -> work.register(clerk, round, worker, 12)));
      }
      for (int w = 0; w < 2; w++) {
        int worker = w;
        jobs.add(pool.submit(() -> work.ask(new SsoClient(child.baseUrl()), round, worker, 10)));
      }
      jobs.add(pool.submit(() -> work.direct(leader, 12)));
      long limit = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!at.reached(work) && jobs.stream().anyMatch(f -> !f.isDone()) && System.nanoTime() < limit) {
        Thread.sleep(20);
      }
      Thread.sleep(at.extraDelayMs());
      child.kill();
      for (Future<?> f : jobs) {
        f.get(2, TimeUnit.MINUTES); // rethrows a refusal (an assertion) from a worker
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits until every document's process rests at a user task: the leader's direction or the handler's work. */
  private void awaitSettled(ChildGovFlow child, Set<String> documents, Duration limit) throws Exception {
    SsoClient leader = SsoClient.signIn(child.baseUrl(), "hungtv.skhcn", SsoClient.DEMO_PASSWORD);
    SsoClient handler = SsoClient.signIn(child.baseUrl(), "anhdd.skhcn", SsoClient.DEMO_PASSWORD);
    long end = System.nanoTime() + limit.toNanos();
    Set<String> waiting = new HashSet<>(documents);
    while (true) {
      waiting.removeAll(businessKeys(leader));
      waiting.removeAll(businessKeys(handler));
      if (waiting.isEmpty()) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError(waiting.size() + " documents never reached a task after the restart: " + waiting
            + "\n" + child.tail());
      }
      Thread.sleep(1000);
      waiting = new HashSet<>(documents);
    }
  }

  private static Set<String> businessKeys(SsoClient client) {
    Set<String> keys = new HashSet<>();
    for (JsonNode t : CrashWorkload.read(client.get("/api/v1/tasks").body())) {
      keys.add(t.path("businessKey").asText());
    }
    return keys;
  }

  private static void assertAcknowledgedPresentOnce(JdbcTemplate jdbc, CrashWorkload work) {
    for (CrashWorkload.Registered r : work.registered) {
      assertThat(jdbc.queryForList("SELECT arrival_number FROM inc_document WHERE number_symbol = ?", Long.class,
          r.numberSymbol())).as("acknowledged registration %s (arrival number %d)", r.numberSymbol(),
          r.arrivalNumber()).containsExactly(r.arrivalNumber());
      assertThat(count(jdbc, "SELECT COUNT(*) FROM inc_document WHERE id = ? AND process_instance_id = ?", r.id(),
          r.processInstanceId())).as("registration %s with its process", r.numberSymbol()).isEqualTo(1);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM case_file WHERE case_id = ?", r.id()))
          .as("file of %s", r.numberSymbol()).isEqualTo(1);
    }
    for (CrashWorkload.Asked a : work.asked) {
      assertThat(count(jdbc, "SELECT COUNT(*) FROM portal_question WHERE tracking_code = ?", a.trackingCode()))
          .as("acknowledged question %s", a.trackingCode()).isEqualTo(1);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM portal_question WHERE question = ?", a.question()))
          .as("question stored once: %s", a.trackingCode()).isEqualTo(1);
    }
    for (CrashWorkload.Directed d : work.directed) {
      assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL",
          d.taskId())).as("acknowledged direction (task %s)", d.taskId()).isEqualTo(1);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = ?", d.taskId()))
          .as("directed task %s still open", d.taskId()).isZero();
    }
  }

  /** What a crash lost, counted before the assertions stop at the first loss (to measure the unsafe mode). */
  private static String missing(JdbcTemplate jdbc, CrashWorkload work) {
    long documents = work.registered.stream().filter(r -> count(jdbc,
        "SELECT COUNT(*) FROM inc_document WHERE id = ?", r.id()) == 0).count();
    long questions = work.asked.stream().filter(a -> count(jdbc,
        "SELECT COUNT(*) FROM portal_question WHERE tracking_code = ?", a.trackingCode()) == 0).count();
    long directions = work.directed.stream().filter(d -> count(jdbc,
        "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL", d.taskId()) == 0).count();
    return documents + "/" + work.registered.size() + " registrations, " + questions + "/" + work.asked.size()
        + " questions, " + directions + "/" + work.directed.size() + " directions";
  }

  /** The register of Sở KH&CN this year: 1, 2, 3, … with no gap and no number twice. */
  private static void assertArrivalNumbersGapless(JdbcTemplate jdbc) {
    List<Long> numbers = jdbc.queryForList("SELECT arrival_number FROM inc_document WHERE agency_code = ?"
            + " AND reg_year = ? ORDER BY arrival_number", Long.class, CrashWorkload.AGENCY,
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
    for (int i = 0; i < numbers.size(); i++) {
      assertThat(numbers.get(i)).as("arrival number at position %d of %s", i, numbers).isEqualTo(i + 1L);
    }
  }

  private static void assertProcessesWhereTheyShouldBe(JdbcTemplate jdbc, CrashWorkload work) {
    for (String id : jdbc.queryForList("SELECT id FROM inc_document WHERE number_symbol LIKE 'CR%'", String.class)) {
      String pi = jdbc.queryForObject("SELECT process_instance_id FROM inc_document WHERE id = ?", String.class, id);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", id))
          .as("process instances of document %s", id).isEqualTo(1);
      long direct = openTasks(jdbc, pi, DIRECT);
      long handle = openTasks(jdbc, pi, HANDLE);
      assertThat(direct + handle).as("document %s waits at exactly one of %s, %s", id, DIRECT, HANDLE).isEqualTo(1);
      long directions = count(jdbc, "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?"
          + " AND TASK_DEF_KEY_ = ? AND END_TIME_ IS NOT NULL", pi, DIRECT);
      long applied = count(jdbc, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ?"
          + " AND ACT_ID_ = 'Task_ApplyDirection' AND END_TIME_ IS NOT NULL", pi);
      assertThat(List.of(directions, applied)).as("document %s: directions completed, directions applied", id)
          .isEqualTo(handle == 1 ? List.of(1L, 1L) : List.of(0L, 0L));
    }
    for (CrashWorkload.Directed d : work.directed) {
      String pi = jdbc.queryForObject("SELECT PROC_INST_ID_ FROM ACT_HI_TASKINST WHERE ID_ = ?", String.class,
          d.taskId());
      assertThat(openTasks(jdbc, pi, HANDLE)).as("handler's task after the acknowledged direction %s", d.taskId())
          .isEqualTo(1);
    }
    for (CrashWorkload.Asked a : work.asked) {
      String id = jdbc.queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?", String.class,
          a.trackingCode());
      assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", id))
          .as("process instances of question %s", a.trackingCode()).isEqualTo(1);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e"
          + " ON e.PROC_INST_ID_ = t.PROC_INST_ID_ AND e.ID_ = e.PROC_INST_ID_ WHERE e.BUSINESS_KEY_ = ?"
          + " AND t.TASK_DEF_KEY_ = 'Task_Triage'", id)).as("question %s waits for triage", a.trackingCode())
          .isEqualTo(1);
    }
    assertThat(jdbc.queryForList("SELECT ID_ FROM ACT_RU_JOB WHERE TYPE_ = 'message' OR RETRIES_ = 0", String.class))
        .as("asynchronous steps not run, or failed, after the restart").isEmpty();
  }

  /** No second history line, no second notification, for anything the crash interrupted. */
  private static void assertNothingTwice(JdbcTemplate jdbc) {
    assertThat(jdbc.queryForList("SELECT case_id || ' ' || step FROM case_history"
        + " GROUP BY case_id, step HAVING COUNT(*) > 1", String.class)).as("phiếu steps recorded twice").isEmpty();
    assertThat(jdbc.queryForList("SELECT recipient || ' ' || kind || ' ' || link FROM notification"
        + " WHERE link IS NOT NULL GROUP BY recipient, kind, link HAVING COUNT(*) > 1", String.class))
        .as("notifications sent twice").isEmpty();
  }

  private static long openTasks(JdbcTemplate jdbc, String pi, String key) {
    return count(jdbc, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = ?", pi, key);
  }

  private List<Path> orphanBlobs(JdbcTemplate jdbc) throws IOException {
    Set<String> referenced = new HashSet<>(jdbc.queryForList("SELECT sha256 FROM stored_file", String.class));
    try (Stream<Path> files = Files.walk(dataDir().resolve("files"), 3)) {
      return files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))
          .filter(p -> !referenced.contains(p.getFileName().toString())).toList();
    }
  }

  private List<String> missingBlobs(JdbcTemplate jdbc) {
    Path root = dataDir().resolve("files");
    return jdbc.queryForList("SELECT sha256 FROM stored_file", String.class).stream()
        .filter(sha -> !Files.isRegularFile(root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha)))
        .toList();
  }

  private static long count(JdbcTemplate jdbc, String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  private static JdbcTemplate jdbc(Connection c) {
    DataSource single = new SingleConnectionDataSource(c, true);
    return new JdbcTemplate(single);
  }
}
