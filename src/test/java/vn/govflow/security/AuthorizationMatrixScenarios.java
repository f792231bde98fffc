package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.incoming.IncomingTestSupport;
import vn.govflow.support.SsoClient;

/**
 * Every role of the demo data against every endpoint of our API and the engine REST paths that read or change a
 * case: each cell is the status a person in that role gets (plus, for lists, whether the case is in the answer).
 * The case is an incoming document of Sở KH&CN waiting for its head's direction, and a portal question waiting
 * for an editor. Write cells are sent with bodies the allowed role's rules refuse (400), so the matrix changes
 * nothing and the allowed role is still told apart from the refused ones (403/404).
 */
public interface AuthorizationMatrixScenarios extends IncomingTestSupport {
  ObjectMapper MATRIX_JSON = new ObjectMapper();

  /** Columns: one person per role of Sở KH&CN, the head of another agency, the portal editor, nobody. */
  List<String> WHO = List.of("lannt.skhcn", "hungtv.skhcn", "tuanlm.skhcn", "hapt.skhcn", "anhdd.skhcn",
      "namhv.skhcn", "huybq.skhcn", "khailv.skhcn", "sonnv.vpubnd", "ngocct.vpubnd", "anonymous");

  /** A row: what is sent, and how its answer is read (status, or status and whether the case is in a list). */
  record Row(String name, java.util.function.BiFunction<Fixture, String, HttpRequest.Builder> request, Function<Outcome, String> read,
             List<String> expected) {}

  /** outgoingTasks: one outgoing document of Sở KH&CN waiting at each step, by step (task key → task id). */
  record Fixture(String base, String documentId, String processInstanceId, String directTaskId, String fileId,
                 String questionId, Map<String, String> outgoingTasks) {}

  /**
   * Who holds each outgoing step in the fixture: the drafter his Task_Draft by name, the others are offered to
   * their candidates and held by the one person the rules let act (as GovFlow's API claims before completing).
   */
  Map<String, String> OUTGOING_HOLDERS = Map.of("Task_Draft", "anhdd.skhcn", "Task_ReviewDepartment", "hapt.skhcn",
      "Task_ReviewDeputy", "tuanlm.skhcn", "Task_Sign", "hungtv.skhcn", "Task_Issue", "lannt.skhcn");

  record Outcome(int status, String body, Fixture fixture) {}

  static Function<Outcome, String> status() {
    return o -> String.valueOf(o.status());
  }

  /** "200+" when the answer names the case, "200-" when it does not. */
  static Function<Outcome, String> sees(Function<Fixture, String> what) {
    return o -> o.status() + (o.status() == 200 ? (o.body().contains(what.apply(o.fixture())) ? "+" : "-") : "");
  }

  static List<String> cells(String... cells) {
    assertThat(cells).hasSize(WHO.size());
    return List.of(cells);
  }

  private static HttpRequest.Builder get(Fixture f, String path) {
    return HttpRequest.newBuilder(URI.create(f.base() + path)).header("Accept", "application/json").GET();
  }

  private static HttpRequest.Builder send(Fixture f, String method, String path, String json) {
    return HttpRequest.newBuilder(URI.create(f.base() + path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpRequest.Builder emptyDeployment(Fixture f) {
    String boundary = "----matrix" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix\r\n--"
        + boundary + "--\r\n";
    return HttpRequest.newBuilder(URI.create(f.base() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder notAPdf(Fixture f) {
    String boundary = "----matrix" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\nnot a pdf\r\n--" + boundary + "--\r\n";
    return HttpRequest.newBuilder(URI.create(f.base() + "/api/v1/signatures/verify"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder emptyRegistration(Fixture f) {
    String boundary = "----matrix" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"\r\n"
        + "Content-Type: application/json\r\n\r\n{}\r\n--" + boundary + "--\r\n";
    return HttpRequest.newBuilder(URI.create(f.base() + "/api/v1/incoming-documents"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder emptyDraft(Fixture f) {
    String boundary = "----matrix" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"\r\n"
        + "Content-Type: application/json\r\n\r\n{}\r\n--" + boundary + "--\r\n";
    return HttpRequest.newBuilder(URI.create(f.base() + "/api/v1/outgoing"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  default List<Row> rows() {
    //                              clerk  head   deputy dhead  handlr archiv design admin  other  editor anon
    return List.of(
        new Row("GET /api/v1/me", (f, who) -> get(f, "/api/v1/me"), status(),
            cells("200", "200", "200", "200", "200", "200", "200", "200", "200", "200", "401")),
        new Row("GET /api/v1/tasks (the direction task)", (f, who) -> get(f, "/api/v1/tasks"), sees(Fixture::directTaskId),
            cells("200-", "200+", "200-", "200-", "200-", "200-", "200-", "200-", "200-", "200-", "401")),
        new Row("GET /api/v1/incoming-documents/{id}", (f, who) -> get(f, "/api/v1/incoming-documents/" + f.documentId()),
            status(), cells("200", "200", "200", "200", "200", "200", "200", "200", "404", "404", "401")),
        new Row("GET /api/v1/incoming-documents (register)", (f, who) -> get(f, "/api/v1/incoming-documents?size=200"),
            sees(Fixture::documentId),
            cells("200+", "200+", "200+", "200+", "200+", "200+", "200+", "200+", "200-", "200-", "401")),
        // Issue #9: the outgoing register is the agency's book, read by all its staff (each agency its own).
        new Row("GET /api/v1/outgoing/register", (f, who) -> get(f, "/api/v1/outgoing/register?size=5"), status(),
            cells("200", "200", "200", "200", "200", "200", "200", "200", "200", "200", "401")),
        // Where issued documents stand: the agency's leaders and clerks (the drafter sees their own one by one).
        new Row("GET /api/v1/outgoing/issued", (f, who) -> get(f, "/api/v1/outgoing/issued"), status(),
            cells("200", "200", "200", "200", "403", "403", "403", "403", "200", "403", "401")),
        new Row("POST /api/v1/incoming-documents (nothing to register)",
            (f, who) -> emptyRegistration(f), status(),
            // Only clerks register; the clerk's empty request is refused by its rules, not by her role.
            cells("400", "403", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        // Outgoing documents (issue #9): handlers and heads of department draft; the empty draft is refused by the
        // rules (400) for them, by the role (403) for the others. An unknown draft is nobody's (404).
        new Row("POST /api/v1/outgoing (nothing to draft)", (f, who) -> emptyDraft(f), status(),
            cells("403", "403", "403", "400", "400", "403", "400", "403", "403", "403", "401")),
        new Row("GET /api/v1/outgoing (the agency's documents)", (f, who) -> get(f, "/api/v1/outgoing"), status(),
            cells("200", "200", "200", "200", "200", "200", "200", "200", "200", "200", "401")),
        new Row("POST /api/v1/outgoing/{unknown}/review", (f, who) -> send(f, "POST",
            "/api/v1/outgoing/00000000-0000-4000-8000-000000000000/review", "{\"decision\": \"approve\"}"), status(),
            cells("404", "404", "404", "404", "404", "404", "404", "404", "404", "404", "401")),
        new Row("GET /api/v1/files/{id}", (f, who) -> get(f, "/api/v1/files/" + f.fileId()), status(),
            cells("200", "200", "200", "200", "200", "200", "200", "200", "404", "404", "401")),
        // Every member of staff may verify a PDF (this one is no PDF: 422); the demo CA's CRL is public.
        new Row("POST /api/v1/signatures/verify (not a PDF)", (f, who) -> notAPdf(f), status(),
            cells("422", "422", "422", "422", "422", "422", "422", "422", "422", "422", "401")),
        new Row("GET /pki/demo-ca.crl", (f, who) -> get(f, "/pki/demo-ca.crl"), status(),
            cells("200", "200", "200", "200", "200", "200", "200", "200", "200", "200", "200")),
        new Row("GET /api/v1/audit", (f, who) -> get(f, "/api/v1/audit?limit=5"), status(),
            cells("403", "200", "403", "403", "403", "403", "403", "200", "200", "403", "401")),
        // Sign-in locks are the province administrators' (seed 000 Art 15.1a); an account that is not locked: 404.
        new Row("GET /api/v1/admin/sign-in-locks", (f, who) -> get(f, "/api/v1/admin/sign-in-locks"), status(),
            cells("403", "403", "403", "403", "403", "403", "403", "200", "403", "403", "401")),
        new Row("POST /api/v1/admin/sign-in-locks/{not locked}/unlock",
            (f, who) -> send(f, "POST", "/api/v1/admin/sign-in-locks/maivt.skhcn/unlock", ""), status(),
            cells("403", "403", "403", "403", "403", "403", "403", "404", "403", "403", "401")),
        new Row("GET /api/v1/sla/incoming", (f, who) -> get(f, "/api/v1/sla/incoming"), status(),
            cells("403", "200", "200", "200", "403", "403", "403", "200", "200", "403", "401")),
        new Row("GET /api/v1/portal/report", (f, who) -> get(f, "/api/v1/portal/report?month=2026-11"), status(),
            cells("403", "200", "200", "403", "403", "403", "403", "200", "200", "200", "401")),
        new Row("PUT /api/v1/calendar/years/2031 (invalid schedule)",
            (f, who) -> send(f, "PUT", "/api/v1/calendar/years/2031", "{\"days\": [{\"date\": \"2030-01-01\"}]}"),
            status(), cells("403", "403", "403", "403", "403", "403", "403", "400", "403", "403", "401")),
        new Row("GET /api/v1/questions/{id} (not yet routed)", (f, who) -> get(f, "/api/v1/questions/" + f.questionId()),
            status(), cells("404", "404", "404", "404", "404", "404", "404", "200", "404", "200", "401")),
        new Row("POST /api/v1/tasks/{direction}/complete (empty form)",
            (f, who) -> send(f, "POST", "/api/v1/tasks/" + f.directTaskId() + "/complete", "{}"), status(),
            cells("403", "400", "403", "403", "403", "403", "403", "403", "404", "404", "401")),
        new Row("POST /api/v1/tasks/{direction}/complete (another case's documentId)",
            (f, who) -> send(f, "POST", "/api/v1/tasks/" + f.directTaskId() + "/complete",
                "{\"documentId\": \"someone-elses\"}"), status(),
            cells("403", "400", "403", "403", "403", "403", "403", "403", "404", "404", "401")),
        new Row("GET /engine-rest/task/{direction}", (f, who) -> get(f, "/engine-rest/task/" + f.directTaskId()), status(),
            // The designer reads his own agency's tasks (not work them: see complete below).
            cells("404", "200", "200", "404", "404", "404", "200", "200", "404", "404", "401")),
        new Row("GET /engine-rest/task?processInstanceId=", (f, who) -> get(f, "/engine-rest/task?maxResults=50&processInstanceId="
            + f.processInstanceId()), sees(Fixture::directTaskId),
            cells("200-", "200+", "200+", "200-", "200-", "200-", "200+", "200+", "200-", "200-", "401")),
        new Row("POST /engine-rest/task/{direction}/complete (empty form)",
            (f, who) -> send(f, "POST", "/engine-rest/task/" + f.directTaskId() + "/complete", "{\"variables\": {}}"),
            status(), cells("403", "400", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        new Row("POST /engine-rest/task/{direction}/submit-form (a field of no form)",
            (f, who) -> send(f, "POST", "/engine-rest/task/" + f.directTaskId() + "/submit-form",
                "{\"variables\": {\"documentId\": {\"value\": \"x\", \"type\": \"String\"}}}"),
            status(), cells("403", "400", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        // A variable that governs the case is refused to everyone, whoever holds the task.
        new Row("PUT /engine-rest/task/{direction}/variables/documentId",
            (f, who) -> send(f, "PUT", "/engine-rest/task/" + f.directTaskId() + "/variables/documentId",
                "{\"value\": \"x\", \"type\": \"String\"}"),
            status(), cells("400", "400", "400", "400", "400", "400", "400", "400", "400", "400", "401")),
        // Administrators manage a task's candidates (here: their own agency's archivists); nobody else does.
        new Row("POST /engine-rest/task/{direction}/identity-links",
            (f, who) -> send(f, "POST", "/engine-rest/task/" + f.directTaskId() + "/identity-links",
                "{\"groupId\": \"" + ("khailv.skhcn".equals(who) ? "skhcn-archivist" : "vpubnd-head")
                    + "\", \"type\": \"candidate\"}"),
            status(), cells("403", "403", "403", "403", "403", "403", "403", "204", "403", "403", "401")),
        // The agency's head and deputy heads read its cases in Cockpit (issue #13 item 22), as its designers do.
        new Row("GET /engine-rest/process-instance/{id}/variables",
            (f, who) -> get(f, "/engine-rest/process-instance/" + f.processInstanceId() + "/variables"), status(),
            cells("403", "200", "200", "403", "403", "403", "200", "200", "403", "403", "401")),
        new Row("GET /engine-rest/history/variable-instance?processInstanceId=",
            (f, who) -> get(f, "/engine-rest/history/variable-instance?maxResults=200&processInstanceId="
                + f.processInstanceId()),
            sees(Fixture::documentId),
            // A task's people read its case's history as they read the task's variables (historic instance
            // permissions): the head holds it, deputies are candidates, the archivists were added above; the
            // designer reads his agency's cases; no one of another agency.
            cells("200-", "200+", "200+", "200-", "200-", "200+", "200+", "200+", "200-", "200-", "401")),
        new Row("GET /engine-rest/user (another agency's people)", (f, who) -> get(f, "/engine-rest/user?maxResults=500"),
            // "+": people of both agencies are listed (the whole province's directory).
            o -> o.status() + (o.status() == 200 ? (o.body().contains(".vpubnd\"") && o.body().contains(".skhcn\"")
                ? "+" : "-") : ""),
            cells("200-", "200-", "200-", "200-", "200-", "200-", "200-", "200+", "200-", "200-", "401")),
        // Issue #10 item 5: persons deploy through the designer's page only; the engine's REST deploy is refused
        // to everyone, the designer and the administrator included.
        new Row("POST /engine-rest/deployment/create (no resources)", (f, who) -> emptyDeployment(f),
            status(), cells("403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        new Row("POST /engine-rest/deployment/{id}/redeploy", (f, who) -> send(f, "POST",
            "/engine-rest/deployment/00000000-no-such-deployment/redeploy", "{}"),
            status(), cells("403", "403", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        // Removing a deployment is the administrators' (an unknown one: 404 for them), not the designers'.
        new Row("DELETE /engine-rest/deployment/{id} (unknown)", (f, who) -> send(f, "DELETE",
            "/engine-rest/deployment/00000000-no-such-deployment", ""),
            status(), cells("403", "403", "403", "403", "403", "403", "403", "404", "403", "403", "401")),
        // Outgoing documents (issue #9) through the engine's REST API: the same rules as GovFlow's API. Claiming:
        // the step's candidates only (the drafter's step is his by name); an administrator may take any step.
        outgoingClaim("Task_Draft",
            cells("409", "409", "409", "409", "204", "409", "409", "409", "409", "409", "401")),
        outgoingClaim("Task_ReviewDepartment",
            cells("403", "403", "403", "204", "403", "403", "403", "204", "403", "403", "401")),
        outgoingClaim("Task_ReviewDeputy",
            cells("403", "403", "204", "403", "403", "403", "403", "204", "403", "403", "401")),
        outgoingClaim("Task_Sign",
            cells("403", "204", "403", "403", "403", "403", "403", "204", "403", "403", "401")),
        outgoingClaim("Task_Issue",
            cells("204", "403", "403", "403", "403", "403", "403", "204", "403", "403", "401")),
        // Completing, held by its person: the holder is answered by the step's rules (a form field the draft
        // step does not have 400; no decision 400; "sign" only by signing on GovFlow's page 409; the clerk's step
        // only by issuing on GovFlow's page 409); anyone else, the designer and the administrator too: 403.
        outgoingComplete("Task_Draft", "{\"next\": {\"value\": \"consult\", \"type\": \"String\"}}",
            cells("403", "403", "403", "403", "400", "403", "403", "403", "403", "403", "401")),
        outgoingComplete("Task_ReviewDepartment", "{}",
            cells("403", "403", "403", "400", "403", "403", "403", "403", "403", "403", "401")),
        // Not the department head's "approve" still in the process: the deputy's own decision (once 204).
        outgoingComplete("Task_ReviewDeputy", "{}",
            cells("403", "403", "400", "403", "403", "403", "403", "403", "403", "403", "401")),
        outgoingComplete("Task_Sign", "{\"decision\": {\"value\": \"sign\", \"type\": \"String\"}}",
            cells("403", "409", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        outgoingComplete("Task_Issue", "{}",
            cells("409", "403", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        // Held by the one completing (an administrator can give himself any step): the step's own rule on who
        // acts answers, before the form (a return without its comment 400 for the right person, 403 for others).
        outgoingCompleteHeld("Task_ReviewDepartment", "{\"decision\": {\"value\": \"return\", \"type\": \"String\"}}",
            cells("403", "403", "403", "400", "403", "403", "403", "403", "403", "403", "401")),
        outgoingCompleteHeld("Task_ReviewDeputy", "{\"decision\": {\"value\": \"return\", \"type\": \"String\"}}",
            cells("403", "403", "400", "403", "403", "403", "403", "403", "403", "403", "401")),
        outgoingCompleteHeld("Task_Sign", "{\"decision\": {\"value\": \"return\", \"type\": \"String\"}}",
            cells("403", "400", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        outgoingCompleteHeld("Task_Issue", "{}",
            cells("409", "403", "403", "403", "403", "403", "403", "403", "403", "403", "401")),
        // The variables that decide who reviews and signs, and the case's id, are GovFlow's alone: refused to
        // everyone, the administrator included.
        outgoingVariable("Task_Sign", "signerLevel", "deputy"),
        outgoingVariable("Task_ReviewDeputy", "signers", "tuanlm.skhcn"),
        outgoingVariable("Task_Draft", "outgoingId", "00000000-0000-4000-8000-000000000000"),
        // Last: on today's code it hands the task to another agency.
        new Row("POST /engine-rest/task/{direction}/delegate",
            (f, who) -> send(f, "POST", "/engine-rest/task/" + f.directTaskId() + "/delegate",
                "{\"userId\": \"sonnv.vpubnd\"}"),
            status(), cells("403", "400", "403", "403", "403", "403", "403", "403", "403", "403", "401")));
  }

  /**
   * A request on an outgoing step: before it, GovFlow puts the step in the hands of {@code holder} (given the
   * caller's name); after it, back as the fixture left it when {@code restore}, so the next cell starts alike.
   */
  private Row outgoingRow(String name, String step, String method, String path, String body,
                          java.util.function.UnaryOperator<String> holder, boolean restore, List<String> expected) {
    return new Row(method + " /engine-rest/task/{outgoing " + step + name + "}" + path + " " + body,
        (f, who) -> {
          holdAs(f, step, holder.apply(who));
          return send(f, method, "/engine-rest/task/" + f.outgoingTasks().get(step) + path, body.replace("{who}", who));
        },
        o -> {
          if (restore) {
            heldAsInFixture(o.fixture(), step);
          }
          return String.valueOf(o.status());
        }, expected);
  }

  /** Claiming the outgoing step for oneself; a claim that went through is undone. */
  private Row outgoingClaim(String step, List<String> expected) {
    return outgoingRow("", step, "POST", "/claim", "{\"userId\": \"{who}\"}",
        who -> "Task_Draft".equals(step) ? OUTGOING_HOLDERS.get(step) : null, true, expected);
  }

  /** Completing the outgoing step held by its person. */
  private Row outgoingComplete(String step, String variables, List<String> expected) {
    return outgoingRow("", step, "POST", "/complete", "{\"variables\": " + variables + "}",
        who -> OUTGOING_HOLDERS.get(step), false, expected);
  }

  /** Completing the outgoing step held by the caller (an administrator can give himself any step). */
  private Row outgoingCompleteHeld(String step, String variables, List<String> expected) {
    return outgoingRow(", held by the caller", step, "POST", "/complete",
        "{\"variables\": " + variables + "}",
        who -> "anonymous".equals(who) ? OUTGOING_HOLDERS.get(step) : who, true, expected);
  }

  /** Setting a variable through the outgoing step held by its person: refused to everyone. */
  private Row outgoingVariable(String step, String name, String value) {
    return outgoingRow("", step, "PUT", "/variables/" + name, "{\"value\": \"" + value + "\", \"type\": \"String\"}",
        who -> OUTGOING_HOLDERS.get(step), false,
        cells("400", "400", "400", "400", "400", "400", "400", "400", "400", "400", "401"));
  }

  /** GovFlow (no engine user) puts the step back as the fixture left it: the drafter's, or open to its pool. */
  private void heldAsInFixture(Fixture f, String step) {
    holdAs(f, step, "Task_Draft".equals(step) ? OUTGOING_HOLDERS.get(step) : null);
  }

  /** As GovFlow (no engine user); a step someone completed is left gone (the end of the test reports it). */
  private void holdAs(Fixture f, String step, String assignee) {
    TaskService tasks = bean(TaskService.class);
    String id = f.outgoingTasks().get(step);
    if (tasks.createTaskQuery().taskId(id).count() == 1) {
      tasks.setAssignee(id, assignee);
    }
  }

  /**
   * One outgoing quyết định of Sở KH&CN taken through GovFlow's API up to the step, drafted by the handler:
   * submitted, approved by the department's head and the supervising deputy, signed by the head.
   */
  private String outgoingAt(String step) throws Exception {
    SsoClient anh = signIn("anhdd.skhcn");
    String boundary = "----matrix" + System.nanoTime();
    byte[] docx;
    try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument();
         java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText("Ma trận phân quyền, văn bản đi");
      d.write(out);
      docx = out.toByteArray();
    }
    String json = "{\"documentType\":\"quyet-dinh\",\"subject\":\"Ma trận phân quyền " + step + "\","
        + "\"urgency\":\"thuong\",\"recipients\":[{\"kind\":\"DEPARTMENT\",\"departmentId\":\"skhcn-qlkh\"}]}";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "\r\nContent-Disposition:"
        + " form-data; name=\"draft\"; filename=\"ma-tran.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> created = anh.send(anh.withXsrf(HttpRequest.newBuilder(URI.create(baseUrl()
            + "/api/v1/outgoing"))).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofByteArray(docx), HttpRequest.BodyPublishers.ofByteArray(tail))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = MATRIX_JSON.readTree(created.body()).at("/document/id").asText();
    List<String> steps = List.of("Task_Draft", "Task_ReviewDepartment", "Task_ReviewDeputy", "Task_Sign",
        "Task_Issue");
    int at = steps.indexOf(step);
    if (at >= 1) {
      ok(anh.postJson("/api/v1/outgoing/" + id + "/submit", ""));
    }
    if (at >= 2) {
      ok(signIn("hapt.skhcn").postJson("/api/v1/outgoing/" + id + "/review", "{\"decision\":\"approve\"}"));
    }
    if (at >= 3) {
      ok(signIn("tuanlm.skhcn").postJson("/api/v1/outgoing/" + id + "/review", "{\"decision\":\"approve\"}"));
    }
    if (at >= 4) {
      byte[] pdf;
      try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument();
           java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
        d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
        d.save(out);
        pdf = out.toByteArray();
      }
      ok(anh.upload("/api/v1/outgoing/" + id + "/final-pdf", "ma-tran.pdf", pdf));
      ok(signIn("hungtv.skhcn").postJson("/api/v1/outgoing/" + id + "/sign", ""));
    }
    String pi = bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM out_document WHERE id = ?",
        String.class, id);
    return awaitTask(pi, step).getId();
  }

  private static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
  }

  default Fixture fixture() throws Exception {
    SsoClient clerk = signIn("lannt.skhcn");
    HttpResponse<String> registered = register(clerk, document("MT-" + System.nanoTime() + "/UBND-VP",
        "Ma trận phân quyền", ", \"directingLeader\": \"hungtv.skhcn\""), "matrix.txt", text("Văn bản thử phân quyền"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode r = MATRIX_JSON.readTree(registered.body());
    String documentId = r.get("id").asText();
    String processInstanceId = r.get("processInstanceId").asText();
    Task direct = awaitTask(processInstanceId, "Task_Direct");
    assertThat(direct.getAssignee()).isEqualTo("hungtv.skhcn");
    String fileId = bean(JdbcTemplate.class).queryForObject(
        "SELECT MIN(file_id) FROM case_file WHERE case_id = ?", String.class, documentId);

    HttpResponse<String> asked = anonymous().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/portal/questions"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"askerType\": \"INDIVIDUAL\", \"category\": \"hoi-dap\", \"fullName\": \"Trần Thị Hỏi\","
                + " \"nationality\": \"Việt Nam\", \"occupation\": \"Giáo viên\", \"address\": \"Lào Cai\","
                + " \"email\": \"hoi@example.vn\", \"field\": \"khoa-hoc-cong-nghe\","
                + " \"question\": \"Câu hỏi thử phân quyền\", \"consent\": true}")));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    String code = MATRIX_JSON.readTree(asked.body()).get("trackingCode").asText();
    String questionId = bean(JdbcTemplate.class).queryForObject(
        "SELECT id FROM portal_question WHERE tracking_code = ?", String.class, code);
    Map<String, String> outgoing = new LinkedHashMap<>();
    for (String step : List.of("Task_Draft", "Task_ReviewDepartment", "Task_ReviewDeputy", "Task_Sign", "Task_Issue")) {
      outgoing.put(step, outgoingAt(step));
    }
    return new Fixture(baseUrl(), documentId, processInstanceId, direct.getId(), fileId, questionId, outgoing);
  }

  @Test
  default void everyRoleGetsWhatItsRoleAllowsOnEveryEndpoint() throws Exception {
    Fixture f = fixture();
    Map<String, SsoClient> clients = new LinkedHashMap<>();
    for (String who : WHO) {
      clients.put(who, who.equals("anonymous") ? anonymous() : signIn(who));
    }
    List<String> wrong = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    for (Row row : rows()) {
      table.append(String.format("%-90s", row.name()));
      for (int i = 0; i < WHO.size(); i++) {
        SsoClient c = clients.get(WHO.get(i));
        HttpResponse<String> answer = c.send(c.withXsrf(row.request().apply(f, WHO.get(i))));
        String got = row.read().apply(new Outcome(answer.statusCode(), answer.body(), f));
        table.append(String.format(" %-5s", got));
        if (!got.equals(row.expected().get(i))) {
          wrong.add(row.name() + " as " + WHO.get(i) + ": expected " + row.expected().get(i) + ", got " + got
              + " " + abbreviate(answer.body()));
        }
      }
      table.append('\n');
    }
    // The case is untouched by every refused cell: still at the head's direction, with its own document.
    TaskService tasks = bean(TaskService.class);
    Task direct = tasks.createTaskQuery().taskId(f.directTaskId()).singleResult();
    if (direct == null) {
      wrong.add("the direction task was completed by someone");
    } else {
      if (!"hungtv.skhcn".equals(direct.getAssignee())) {
        wrong.add("the direction task was handed to " + direct.getAssignee());
      }
      if (!f.documentId().equals(tasks.getVariable(f.directTaskId(), "documentId"))) {
        wrong.add("the direction task's documentId was changed");
      }
      if (tasks.getIdentityLinksForTask(f.directTaskId()).stream().anyMatch(l -> "vpubnd-head".equals(l.getGroupId()))) {
        wrong.add("the direction task was shared with another agency's group");
      }
    }
    // Every outgoing step is still open, held as the fixture left it.
    for (Map.Entry<String, String> step : f.outgoingTasks().entrySet()) {
      Task t = tasks.createTaskQuery().taskId(step.getValue()).singleResult();
      if (t == null) {
        wrong.add("the outgoing " + step.getKey() + " was completed by someone");
      } else if (t.getAssignee() != null && !t.getAssignee().equals(OUTGOING_HOLDERS.get(step.getKey()))) {
        wrong.add("the outgoing " + step.getKey() + " was handed to " + t.getAssignee());
      }
    }
    assertThat(wrong).as("cells that differ from the matrix:\n" + String.join("\n", wrong) + "\n\nwhat each role got:\n"
        + table).isEmpty();
  }

  private static String abbreviate(String body) {
    String b = body == null ? "" : body.replaceAll("\\s+", " ");
    return b.length() > 160 ? b.substring(0, 160) + "…" : b;
  }
}
