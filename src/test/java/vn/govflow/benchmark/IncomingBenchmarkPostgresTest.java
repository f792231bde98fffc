package vn.govflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.audit.AuditLog;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;
import vn.govflow.incoming.FoldingAccess;
import vn.govflow.incoming.IncomingRegistration;
import vn.govflow.incoming.RegisterQueries;
import vn.govflow.incoming.RegistrationRequest;
import vn.govflow.support.PostgresIntegrationTest;
import vn.govflow.support.TestDatabases;
import vn.govflow.tasks.TaskListService;

/**
 * Incoming documents under load, each number against a baseline measured in the same run on the same embedded
 * PostgreSQL: (1) end-to-end throughput vs a bare engine, (2) the inbox with 10,000 open tasks vs the bare task
 * query, (3) the register search at 100,000 documents vs a plain page. Runs only with {@code -Pbenchmark}
 * (docs/benchmark.md); the report goes to stdout and target/benchmark/incoming.txt. Asserts sanity only.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncomingBenchmarkPostgresTest extends PostgresIntegrationTest {
  static final int WARMUP_DOCS = Integer.getInteger("benchmark.warmupDocs", 30);
  static final int DOCS = Integer.getInteger("benchmark.docs", 200);
  static final int ROUNDS = 4; // GovFlow and bare alternate in rounds of DOCS / ROUNDS, against drift
  static final int OPEN_TASKS = Integer.getInteger("benchmark.openTasks", 10_000);
  static final int INBOX_RUNS = Integer.getInteger("benchmark.inboxRuns", 50);
  static final int REGISTER_ROWS = Integer.getInteger("benchmark.registerRows", 100_000);
  static final int SEARCH_RUNS = Integer.getInteger("benchmark.searchRuns", 5);
  static final BenchmarkReport REPORT = new BenchmarkReport("incoming");
  static final String KEY = "incoming-document";
  static final String CLERK = "lannt.skhcn";
  static final String LEADER = "hungtv.skhcn";
  static final String HANDLER = "anhdd.skhcn";
  /** One-word, two-word, common, rare, and one that matches nothing (a full scan). */
  static final List<String> QUERIES = List.of("ubnd", "cải cách hành chính", "chuyển đổi số", "công văn",
      "tuyển dụng", "Bảo Thắng", "thủy lợi", "bức xạ", "đất hiếm", "tàu ngầm");
  static final String COLUMNS = "id, agency_code, reg_year, arrival_number, arrived_at, channel, sender_agency_code,"
      + " sender_name, number_symbol, document_date, document_type, summary, urgency, page_count, recipient, note,"
      + " bulky_dossier, duplicate_of, status, process_instance_id, due_at, lead_handler, lead_department, outcome,"
      + " reply_reference, forwarded_to, registered_by, on_behalf_of, registered_at";

  @Autowired IncomingRegistration registration;
  @Autowired RegisterQueries registerQueries;
  @Autowired TaskListService taskList;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired ProcessEngine engine;
  @Autowired IdentityDirectory directory;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  /** The start variables of a real registration; reused by the bare engine and the seeded starts. */
  private VariableMap startTemplate;

  @BeforeAll
  void header() throws IOException {
    REPORT.start("incoming-documents", "single-threaded driver");
  }

  // --- 1. End-to-end throughput ----------------------------------------------------------------------------------

  @Test
  @Order(1)
  void endToEndThroughputAgainstBareEngine() {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean wasActive = executor.isActive();
    // Jobs are executed by this thread in both engines, never by an executor racing it.
    executor.shutdown();
    try (BareEngine bare = new BareEngine(TestDatabases.postgresUrl("bare"))) {
      List<String> govflowIds = new ArrayList<>();
      List<String> bareIds = new ArrayList<>();
      for (int i = 0; i < WARMUP_DOCS; i++) {
        govflowIds.add(govflowDocument(i));
        bareIds.add(bareDocument(bare.engine, i));
      }
      long govflowNanos = 0;
      long bareNanos = 0;
      int n = 0;
      for (int round = 0; round < ROUNDS; round++) {
        int size = DOCS / ROUNDS + (round < DOCS % ROUNDS ? 1 : 0);
        long t0 = System.nanoTime();
        for (int i = 0; i < size; i++) {
          govflowIds.add(govflowDocument(WARMUP_DOCS + n + i));
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < size; i++) {
          bareIds.add(bareDocument(bare.engine, WARMUP_DOCS + n + i));
        }
        long t2 = System.nanoTime();
        govflowNanos += t1 - t0;
        bareNanos += t2 - t1;
        n += size;
      }

      // Sanity: every process ended where it should, and GovFlow's register says DONE.
      assertThat(runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(govflowIds)).count()).isZero();
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(govflowIds))
          .completed().count()).isEqualTo(govflowIds.size());
      assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_Done").count())
          .isGreaterThanOrEqualTo(govflowIds.size());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inc_document WHERE status = 'DONE' AND"
          + " number_symbol LIKE 'BM%/UBND-BENCH'", Long.class)).isEqualTo(govflowIds.size());
      assertThat(bare.engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
      assertThat(bare.engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_Done")
          .count()).isEqualTo(bareIds.size());

      double govflowRate = n / (govflowNanos / 1e9);
      double bareRate = n / (bareNanos / 1e9);
      assertThat(govflowRate).isPositive();
      assertThat(bareRate).isPositive();
      REPORT.append(String.format(Locale.ROOT, """

          1. End-to-end throughput (%d documents each after %d warm-up, %d alternating rounds)
             register -> leader claims, directs to a person -> job -> handler records outcome -> job -> end
             GovFlow (services, API path)  %7.1f documents/s   (%.1f ms per document)
             bare engine (no-op beans)     %7.1f documents/s   (%.1f ms per document)
             ratio GovFlow / bare          %7.2f
          """, n, WARMUP_DOCS, ROUNDS, govflowRate, govflowNanos / 1e6 / n, bareRate, bareNanos / 1e6 / n,
          govflowRate / bareRate));
    } finally {
      if (wasActive) {
        executor.start();
      }
    }
  }

  /** One document through GovFlow as the API drives it; returns its process instance id. */
  private String govflowDocument(int i) {
    CurrentUser clerk = user(CLERK);
    CurrentUser leader = user(LEADER);
    CurrentUser handler = user(HANDLER);
    byte[] file = ("Công văn số BM" + i + " về việc triển khai chuyển đổi số năm 2026.").getBytes(StandardCharsets.UTF_8);
    String pi = as(clerk, () -> registration.register(new RegistrationRequest(null, "ELECTRONIC", null,
        "Ủy ban nhân dân huyện Bảo Thắng", "BM" + i + "/UBND-BENCH", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1), "cong-van",
        "Về việc triển khai chuyển đổi số, văn bản thử tải số " + i, "thuong", 2, null, null, false, null, null,
        false), List.of(new IncomingRegistration.Upload("cong-van-" + i + ".txt", () -> new ByteArrayInputStream(file))),
        clerk).processInstanceId());
    if (startTemplate == null) {
      startTemplate = template(pi);
    }
    String direct = taskId(taskService, pi, "Task_Direct");
    as(leader, () -> {
      // TaskApiController.claim, then .complete
      taskList.claim(leader, direct);
      audit.record("task.claim", "task", direct, null);
      completeAsApi(leader, direct, direction());
      return null;
    });
    executeOnlyJob(management, pi);
    String handle = taskId(taskService, pi, "Task_Handle");
    as(handler, () -> {
      completeAsApi(handler, handle, outcome());
      return null;
    });
    executeOnlyJob(management, pi);
    return pi;
  }

  /** The same steps on the bare engine: start with the registration's variables, claim, complete, jobs. */
  private String bareDocument(ProcessEngine bare, int i) {
    VariableMap vars = Variables.createVariables();
    startTemplate.keySet().forEach(k -> vars.putValueTyped(k, startTemplate.getValueTyped(k)));
    String documentId = UUID.randomUUID().toString();
    vars.putValue("documentId", documentId);
    vars.putValue("title", "BM" + i + "/UBND-BENCH – Về việc triển khai chuyển đổi số, văn bản thử tải số " + i);
    TaskService tasks = bare.getTaskService();
    String pi = bare.getRuntimeService().startProcessInstanceByKey(KEY, documentId, vars).getId();
    String direct = taskId(tasks, pi, "Task_Direct");
    tasks.claim(direct, LEADER);
    tasks.complete(direct, direction());
    executeOnlyJob(bare.getManagementService(), pi);
    tasks.complete(taskId(tasks, pi, "Task_Handle"), outcome());
    executeOnlyJob(bare.getManagementService(), pi);
    return pi;
  }

  /** What TaskApiController.complete does after reading the JSON body. */
  private void completeAsApi(CurrentUser me, String taskId, Map<String, Object> variables) {
    Task task = taskList.visibleTask(me, taskId);
    assertThat(task.getAssignee()).isEqualTo(me.username());
    VariableMap vars = Variables.createVariables();
    vars.putAll(variables);
    taskService.complete(taskId, vars);
    audit.record("task.complete", "task", taskId, task.getName());
  }

  private static Map<String, Object> direction() {
    return Map.of("decision", "assign", "leadType", "person", "leadHandler", HANDLER,
        "coordinators", new ArrayList<String>(), "direction", "Đồng chí Anh chủ trì, báo cáo trước hạn.");
  }

  private static Map<String, Object> outcome() {
    return Map.of("outcome", "answered", "replyReference", "45/SKHCN-CDS", "proposal", "Đã trả lời.");
  }

  private static String taskId(TaskService tasks, String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult().getId();
  }

  private static void executeOnlyJob(ManagementService management, String pi) {
    List<Job> jobs = management.createJobQuery().processInstanceId(pi).executable().list();
    assertThat(jobs).hasSize(1);
    management.executeJob(jobs.get(0).getId());
  }

  // --- 2. Inbox with 10,000 open tasks ---------------------------------------------------------------------------

  @Test
  @Order(2)
  void inboxWithManyOpenTasksAgainstBareTaskQuery() throws Exception {
    CurrentUser leader = user(LEADER);
    VariableMap template = startTemplate();
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    TransactionTemplate tx = new TransactionTemplate(transactions);
    long seedStart = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < OPEN_TASKS; from += 100) {
        int first = from;
        int last = Math.min(OPEN_TASKS, from + 100);
        batches.add(pool.submit(() -> tx.executeWithoutResult(s -> {
          for (int i = first; i < last; i++) {
            VariableMap vars = Variables.createVariables();
            template.keySet().forEach(k -> vars.putValueTyped(k, template.getValueTyped(k)));
            String documentId = UUID.randomUUID().toString();
            vars.putValue("documentId", documentId);
            vars.putValue("title", "BI" + i + "/UBND-BENCH – Về việc báo cáo tình hình số " + i);
            ids.add(runtime.startProcessInstanceByKey(KEY, documentId, vars).getId());
          }
        })));
      }
      for (Future<?> f : batches) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

    List<String> groups = directory.groupIdsOf(LEADER);
    long open = taskService.createTaskQuery().taskCandidateGroupIn(groups).active().count();
    assertThat(open).isGreaterThanOrEqualTo(OPEN_TASKS);
    Timings govflow = new Timings();
    Timings bare = new Timings();
    int govflowSize = 0;
    int bareSize = 0;
    for (int i = 0; i < 5 + INBOX_RUNS; i++) {
      long t0 = System.nanoTime();
      govflowSize = as(leader, () -> taskList.tasksFor(leader)).size();
      long t1 = System.nanoTime();
      bareSize = taskService.createTaskQuery().taskCandidateGroupIn(groups).listPage(0, 500).size();
      long t2 = System.nanoTime();
      if (i >= 5) {
        govflow.add(t1 - t0);
        bare.add(t2 - t1);
      }
    }
    assertThat(bareSize).isEqualTo((int) Math.min(500, open));
    assertThat(govflowSize).isBetween(bareSize, 500); // also the leader's own and candidate-user tasks
    REPORT.append(String.format(Locale.ROOT, """

        2. Inbox of %s (groups %s) with %d open tasks in the agency, %d runs after 5 warm-up
           (seeding %d instances took %.1f s: %.0f instances/s, 2 threads, 100 per transaction)
           TaskListService.tasksFor          %s
           bare taskCandidateGroupIn page    %s
           ratio p50 %.2f   ratio p95 %.2f   (both return the first 500)
        """, LEADER, String.join(",", groups), open, INBOX_RUNS, OPEN_TASKS, seedSeconds, OPEN_TASKS / seedSeconds,
        govflow.summary(), bare.summary(), govflow.percentile(50) / bare.percentile(50),
        govflow.percentile(95) / bare.percentile(95)));

    long cleanStart = System.nanoTime();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      runtime.deleteProcessInstances(chunk, "benchmark clean-up", true, true, true);
      history.deleteHistoricProcessInstances(chunk);
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(ids)).count()).isZero();
    REPORT.append(String.format(Locale.ROOT, "   (clean-up of the seeded instances: %.1f s)%n",
        (System.nanoTime() - cleanStart) / 1e9));
  }

  // --- 3. Register search at 100,000 documents -------------------------------------------------------------------

  @Test
  @Order(3)
  void registerSearchAgainstPlainPage() {
    CurrentUser clerk = user(CLERK);
    String agency = clerk.agencyCode();
    int years = 10;
    int perYear = (REGISTER_ROWS + years - 1) / years;
    RegisterCorpus corpus = new RegisterCorpus(agency, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear() - years, perYear);
    long seedStart = System.nanoTime();
    try {
      for (int from = 0; from < REGISTER_ROWS; from += 1000) {
        jdbc.batchUpdate(RegisterCorpus.INSERT, corpus.rows(from, Math.min(REGISTER_ROWS, from + 1000)));
      }
      jdbc.execute("ANALYZE inc_document");
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      long rows = jdbc.queryForObject("SELECT COUNT(*) FROM inc_document WHERE agency_code = ?", Long.class, agency);
      assertThat(rows).isGreaterThanOrEqualTo(REGISTER_ROWS);

      String plain = "SELECT " + COLUMNS + " FROM inc_document WHERE agency_code = ?"
          + " ORDER BY reg_year DESC, arrival_number DESC LIMIT 50";
      Map<String, Long> matches = new java.util.LinkedHashMap<>();
      Map<String, Timings> perQuery = new java.util.LinkedHashMap<>();
      for (String q : QUERIES) { // warm-up, and the number of matches
        matches.put(q, registerQueries.register(clerk, q, null, null, 0, 50).total());
        jdbc.queryForList(plain, agency);
        perQuery.put(q, new Timings());
      }
      Timings search = new Timings();
      Timings baseline = new Timings();
      Timings countOnly = new Timings();
      for (int run = 0; run < SEARCH_RUNS; run++) {
        for (String q : QUERIES) {
          long t0 = System.nanoTime();
          RegisterQueries.Page page = registerQueries.register(clerk, q, null, null, 0, 50);
          long t1 = System.nanoTime();
          List<Map<String, Object>> top = jdbc.queryForList(plain, agency);
          long t2 = System.nanoTime();
          assertThat(page.items().size()).isEqualTo((int) Math.min(50, page.total()));
          assertThat(top).hasSize(50);
          List<String> terms = FoldingAccess.likeTerms(q);
          String count = "SELECT COUNT(*) FROM inc_document WHERE agency_code = ?"
              + " AND search_text LIKE ?".repeat(terms.size());
          List<Object> args = new ArrayList<>(List.of(agency));
          args.addAll(terms);
          long t3 = System.nanoTime();
          assertThat(jdbc.queryForObject(count, Long.class, args.toArray())).isEqualTo(page.total());
          long t4 = System.nanoTime();
          search.add(t1 - t0);
          perQuery.get(q).add(t1 - t0);
          baseline.add(t2 - t1);
          countOnly.add(t4 - t3);
        }
      }
      StringBuilder detail = new StringBuilder();
      matches.forEach((q, m) -> detail.append(String.format(Locale.ROOT, "     %-22s %6d matches   p50 %8.2f ms%n",
          "\"" + q + "\"", m, perQuery.get(q).percentile(50))));
      REPORT.append(String.format(Locale.ROOT, """

          3. Register search, %d rows in the agency (%d seeded in %.1f s, then ANALYZE), %d queries x %d runs
             RegisterQueries.register(q, page 0, 50)   %s
             plain SELECT ... LIMIT 50 (no search)     %s
             ratio p50 %.2f   ratio p95 %.2f
             (for scale: its COUNT(*) of matches alone  %s)
          %s""", rows, REGISTER_ROWS, seedSeconds, QUERIES.size(), SEARCH_RUNS, search.summary(),
          baseline.summary(), search.percentile(50) / baseline.percentile(50),
          search.percentile(95) / baseline.percentile(95), countOnly.summary(), detail));
    } finally {
      jdbc.update("DELETE FROM inc_document WHERE registered_by = ?", RegisterCorpus.MARKER);
      jdbc.execute("ANALYZE inc_document");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inc_document WHERE registered_by = ?", Long.class,
        RegisterCorpus.MARKER)).isZero();
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private VariableMap startTemplate() {
    if (startTemplate == null) {
      // Phase 1 did not run: take them from one registration (left open, at the leader).
      CurrentUser clerk = user(CLERK);
      String pi = as(clerk, () -> registration.register(new RegistrationRequest(null, "ELECTRONIC", null,
          "Sở Tài chính", "BT1/STC-BENCH", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1), "cong-van", "Mẫu biến khởi tạo", "thuong",
          1, null, null, false, null, null, false), List.of(new IncomingRegistration.Upload("mau.txt",
              () -> new ByteArrayInputStream("mẫu".getBytes(StandardCharsets.UTF_8)))), clerk).processInstanceId());
      startTemplate = template(pi);
    }
    return startTemplate;
  }

  /**
   * A registration's start variables as Java objects, so each engine serializes them as GovFlow's own start does
   * (the option lists are immutable JDK lists, which end up Java-serialized, not JSON).
   */
  private VariableMap template(String pi) {
    return Variables.fromMap(runtime.getVariables(pi));
  }

  /** The signed-in person, as SecurityCurrentUserProvider builds them. */
  private CurrentUser user(String username) {
    Person p = directory.person(username).orElseThrow();
    return new CurrentUser(p.username(), p.fullName(), p.agencyCode(),
        directory.agency(p.agencyCode()).map(a -> a.name()).orElse(null), p.departmentId(), null, null, p.roles(),
        null);
  }

  /** Runs as the person signed in, so the audit log and CurrentUserProvider see them as in a request. */
  private static <T> T as(CurrentUser user, Supplier<T> work) {
    var auth = UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
        user.roles().stream().map(r -> new SimpleGrantedAuthority(Roles.authority(r))).toList());
    SecurityContextHolder.getContext().setAuthentication(auth);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @AfterAll
  void footer() {
    REPORT.end();
  }


}
