package vn.govflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.PostgresIntegrationTest;
import vn.govflow.support.SsoClient;
import vn.govflow.support.TestDatabases;

/**
 * Outgoing documents issued per second (issue #9), draft to issued with the signatures, against a bare engine
 * running the same BPMN, DMN and forms on the same embedded PostgreSQL. GovFlow is driven through the HTTP API, each
 * person signed in once: the handler creates a công văn draft (DOCX) and uploads the final PDF (so LibreOffice is
 * not timed), submits; the reviewer approves; the deputy signs "KT." (real PAdES); the clerk numbers (agency
 * signature) and issues to one agency in the province, whose electronic inbox receives it. Runs only with
 * {@code -Pbenchmark} (docs/benchmark.md); report on stdout and in target/benchmark/outgoing.txt. Sanity only.
 */
@Tag("benchmark")
@Tag("benchmark-outgoing") // -Dsurefire.groups=benchmark-outgoing runs this benchmark alone
class OutgoingBenchmarkPostgresTest extends PostgresIntegrationTest {
  static final int WARMUP_DOCS = Integer.getInteger("benchmark.outgoing.warmupDocs", 5);
  static final int DOCS = Integer.getInteger("benchmark.outgoing.docs", 40);
  static final int ROUNDS = 4; // GovFlow and bare alternate, against drift
  static final BenchmarkReport REPORT = new BenchmarkReport("outgoing");
  static final String KEY = "outgoing-document";
  static final String HANDLER = "thaomt.vpubnd";
  static final String REVIEWER = "dungtv.vpubnd";
  static final String SIGNER = "hanhlt.vpubnd";
  static final String CLERK = "hoadt.vpubnd";
  static final String RECIPIENT = "000.00.12.H37"; // Sở Khoa học và Công nghệ, on the same GovFlow
  static final Path FONT = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private SsoClient handler;
  private SsoClient reviewer;
  private SsoClient signer;
  private SsoClient clerk;
  /** From the first GovFlow document: its start variables, and per task, who held it and what the rules set. */
  private VariableMap startTemplate;
  private final Map<String, String> assigneeOf = new HashMap<>();
  private final Map<String, Object> draftRuleVariables = new HashMap<>();
  /** Each API call's latency in the timed rounds (not the warm-up), to show where a document's time goes. */
  private final Map<String, Timings> calls = new java.util.LinkedHashMap<>();
  private boolean timing;
  private int resent;

  @Test
  void documentsIssuedPerSecondAgainstBareEngine() throws IOException {
    REPORT.start("outgoing-documents", "single-threaded driver over HTTP");
    handler = signIn(HANDLER);
    reviewer = signIn(REVIEWER);
    signer = signIn(SIGNER);
    clerk = signIn(CLERK);
    byte[] docx = docx("Kính gửi: Sở Khoa học và Công nghệ");
    String run = Long.toString(System.nanoTime(), 36);

    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean wasActive = executor.isActive();
    // No job is due on this path (only the reminder timers, days away); off as in the bare engine.
    executor.shutdown();
    try (BareEngine bare = new BareEngine(TestDatabases.postgresUrl("bare_outgoing"), "outgoing")) {
      List<String> govflowIds = new ArrayList<>();
      List<String> bareIds = new ArrayList<>();
      for (int i = 0; i < WARMUP_DOCS; i++) {
        govflowIds.add(govflowDocument(subject(run, i), docx, pdf(subject(run, i))));
        bareIds.add(bareDocument(bare.engine));
      }
      long govflowNanos = 0;
      long bareNanos = 0;
      int n = 0;
      timing = true;
      for (int round = 0; round < ROUNDS; round++) {
        int size = DOCS / ROUNDS + (round < DOCS % ROUNDS ? 1 : 0);
        List<byte[]> pdfs = new ArrayList<>();
        for (int i = 0; i < size; i++) { // made before the clock starts: the handler brings them
          pdfs.add(pdf(subject(run, WARMUP_DOCS + n + i)));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < size; i++) {
          govflowIds.add(govflowDocument(subject(run, WARMUP_DOCS + n + i), docx, pdfs.get(i)));
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < size; i++) {
          bareIds.add(bareDocument(bare.engine));
        }
        long t2 = System.nanoTime();
        govflowNanos += t1 - t0;
        bareNanos += t2 - t1;
        n += size;
      }

      // Sanity: every document ISSUED with a number, arrived (01) in the agency's inbox, every process ended.
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM out_document WHERE status = 'ISSUED' AND number IS NOT NULL"
          + " AND subject LIKE ?", Long.class, "%" + run + "%")).isEqualTo(govflowIds.size());
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM out_recipient r JOIN out_document d ON d.id = r.document_id"
          + " WHERE d.subject LIKE ? AND r.agency_code = ? AND r.status_code = '01'", Long.class,
          "%" + run + "%", RECIPIENT))
          .isEqualTo(govflowIds.size());
      assertThat(runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(govflowIds)).count()).isZero();
      assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_Issued").count())
          .isGreaterThanOrEqualTo(govflowIds.size());
      assertThat(bare.engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
      assertThat(bare.engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_Issued")
          .count()).isEqualTo(bareIds.size());

      double govflowRate = n / (govflowNanos / 1e9);
      double bareRate = n / (bareNanos / 1e9);
      assertThat(govflowRate).isPositive();
      assertThat(bareRate).isPositive();
      REPORT.append(String.format(Locale.ROOT, """

          Outgoing documents issued per second (%d documents each after %d warm-up, %d alternating rounds)
             draft (DOCX) + final PDF -> submit -> review -> sign (KT., PAdES) -> number (agency signature) -> issue
             tasks per document: %s
             GovFlow (HTTP API, signed in)  %7.2f documents/s   (%.1f ms per document)
             bare engine (no-op beans)      %7.2f documents/s   (%.1f ms per document)
             ratio GovFlow / bare           %7.3f
          GovFlow per API call (%d sent again after a closed keep-alive connection):
          %s
          load average at end: %s
          """, n, WARMUP_DOCS, ROUNDS, assigneeOf.keySet(), govflowRate, govflowNanos / 1e6 / n, bareRate,
          bareNanos / 1e6 / n, govflowRate / bareRate, resent, perCall(), BenchmarkReport.loadAverage()));
    } finally {
      if (wasActive) {
        executor.start();
      }
    }
  }

  private static String subject(String run, int i) {
    return "Về việc triển khai nền tảng số, văn bản thử tải " + run + " số " + i;
  }

  /** One document through GovFlow's API, draft to issued; returns its process instance id. */
  private String govflowDocument(String subject, byte[] docx, byte[] pdf) throws IOException {
    long t = System.nanoTime();
    String json = "{\"documentType\":\"cong-van\",\"subject\":\"" + subject + "\",\"urgency\":\"thuong\","
        + "\"recipients\":[{\"kind\":\"AGENCY\",\"agencyCode\":\"" + RECIPIENT + "\"}]}";
    HttpResponse<String> created = send(() -> createDraft(handler, json, "cong-van.docx", docx));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    t = record("create draft (DOCX)", t);
    String id = JSON.readTree(created.body()).at("/document/id").asText();
    String pi = jdbc.queryForObject("SELECT process_instance_id FROM out_document WHERE id = ?", String.class, id);
    if (startTemplate == null) {
      startTemplate = Variables.fromMap(runtime.getVariables(pi));
    }
    t = System.nanoTime();
    expect(() -> handler.upload("/api/v1/outgoing/" + id + "/final-pdf", "cong-van.pdf", pdf), 200);
    t = record("final PDF", t);
    expect(() -> handler.postJson("/api/v1/outgoing/" + id + "/submit", ""), 204);
    t = record("submit", t);
    expect(() -> reviewer.postJson("/api/v1/outgoing/" + id + "/review", "{\"decision\":\"approve\"}"), 204);
    t = record("review (approve)", t);
    expect(() -> signer.postJson("/api/v1/outgoing/" + id + "/sign", ""), 200);
    t = record("sign (KT., PAdES)", t);
    expect(() -> clerk.postJson("/api/v1/outgoing/" + id + "/number", "{}"), 200);
    t = record("number (agency signature)", t);
    expect(() -> clerk.postJson("/api/v1/outgoing/" + id + "/issue", "{}"), 200);
    record("issue", t);
    if (assigneeOf.isEmpty()) {
      learnPath(pi);
    }
    return pi;
  }

  private long record(String call, long since) {
    long now = System.nanoTime();
    if (timing) {
      calls.computeIfAbsent(call, k -> new Timings()).add(now - since);
    }
    return System.nanoTime();
  }

  private String perCall() {
    StringBuilder b = new StringBuilder();
    calls.forEach((call, t) -> b.append(String.format(Locale.ROOT, "     %-27s %s%n", call, t.summary())));
    return b.toString().stripTrailing();
  }

  /** Who completed which task, and the variables the draft's task rule set (the bare engine's no-op does not). */
  private void learnPath(String pi) {
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pi).list()) {
      assigneeOf.put(t.getTaskDefinitionKey(), t.getAssignee());
    }
    for (String name : List.of("departmentHeads", "departmentReview", "supervisors", "signers")) {
      HistoricVariableInstance v = history.createHistoricVariableInstanceQuery().processInstanceId(pi)
          .variableName(name).singleResult();
      if (v != null) {
        draftRuleVariables.put(name, v.getValue());
      }
    }
    assertThat(assigneeOf).containsKeys("Task_Draft", "Task_Sign", "Task_Issue");
  }

  /**
   * The same process on the bare engine: started with the GovFlow document's start variables, each task claimed
   * by the person who held it in GovFlow and completed with the variables the API (and, for the draft, the task
   * rule) set, until the process ends.
   */
  private String bareDocument(ProcessEngine bare) {
    VariableMap vars = Variables.createVariables();
    startTemplate.keySet().forEach(k -> vars.putValueTyped(k, startTemplate.getValueTyped(k)));
    String documentId = UUID.randomUUID().toString();
    TaskService tasks = bare.getTaskService();
    String pi = bare.getRuntimeService().startProcessInstanceByKey(KEY, documentId, vars).getId();
    for (int step = 0; step < 10; step++) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(pi).list();
      if (open.isEmpty()) {
        return pi;
      }
      assertThat(open).hasSize(1);
      Task task = open.get(0);
      String key = task.getTaskDefinitionKey();
      assertThat(assigneeOf).as("GovFlow's path has %s", key).containsKey(key);
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), assigneeOf.get(key));
      }
      Map<String, Object> completion = new HashMap<>();
      if (key.equals("Task_Draft")) {
        completion.putAll(draftRuleVariables);
      } else if (key.startsWith("Task_Review")) {
        completion.put("decision", "approve");
        completion.put("comment", null);
      } else if (key.equals("Task_Sign")) {
        completion.put("decision", "sign");
      }
      tasks.complete(task.getId(), completion);
    }
    throw new AssertionError("the bare process did not end: " + pi);
  }

  /**
   * One API call. A pooled keep-alive connection the server has just closed fails with "received no bytes" before
   * the request is read; such a call is sent once more, and counted in the report. (Had it been processed, the
   * second one would be refused, 409, and the benchmark fail.)
   */
  private HttpResponse<String> send(java.util.function.Supplier<HttpResponse<String>> call) {
    try {
      return call.get();
    } catch (IllegalStateException e) {
      if (!(e.getCause() instanceof IOException io) || !String.valueOf(io.getMessage()).contains("no bytes")) {
        throw e;
      }
      resent++;
      return call.get();
    }
  }

  private void expect(java.util.function.Supplier<HttpResponse<String>> call, int status) {
    HttpResponse<String> response = send(call);
    assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isEqualTo(status);
  }

  /** POST /api/v1/outgoing as the draft form sends it: the document as JSON and the draft file. */
  private HttpResponse<String> createDraft(SsoClient client, String documentJson, String fileName, byte[] file) {
    String boundary = "----govflow" + System.nanoTime();
    List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data;"
        + " name=\"document\"\r\nContent-Type: application/json\r\n\r\n" + documentJson + "\r\n",
        StandardCharsets.UTF_8));
    parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data;"
        + " name=\"draft\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
        StandardCharsets.UTF_8));
    parts.add(HttpRequest.BodyPublishers.ofByteArray(file));
    parts.add(HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
    return client.send(client.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/outgoing")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))));
  }

  private static byte[] docx(String text) throws IOException {
    try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText(text);
      d.write(out);
      return out.toByteArray();
    }
  }

  /** A one-page A4 công văn with Vietnamese text and blanks for the number, as the outgoing tests make it. */
  private static byte[] pdf(String subject) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDFont font = PDType0Font.load(doc, FONT.toFile());
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        line(cs, font, 70, 780, "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH");
        line(cs, font, 70, 740, "Số:       /");
        line(cs, font, 70, 680, subject);
        line(cs, font, 400, 560, "KT. CHÁNH VĂN PHÒNG");
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static void line(PDPageContentStream cs, PDFont font, float x, float y, String text) throws IOException {
    cs.beginText();
    cs.setFont(font, 13);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }


}
