package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.SsoClient;

/**
 * Every path of a portal question through the running application: real delegates, database and HTTP API, the
 * staff signed in through the login page. Each scenario asserts what the asker sees by the tracking code and
 * the public answers, and what each person sees and may do through the task API.
 */
interface PortalPathsScenarios extends PortalTestApi {
  String CITATION = "{\"number\": \"15/2025/NQ-HĐND\", \"summary\": \"Chính sách hỗ trợ chuyển đổi số\","
      + " \"issuedOn\": \"2025-07-10\", \"issuer\": \"HĐND tỉnh Lào Cai\"}";

  /** A question as submitted: its tracking code, process instance and what the asker was told. */
  record Question(String code, String pi, OffsetDateTime receivedAt, OffsetDateTime dueAt) {}

  /** Asks from an address of its own (so the flood limit never bites) and finds the process it started. */
  default Question asked(String body) throws Exception {
    HttpResponse<String> r = ask(body, someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = JSON.readTree(r.body());
    String code = created.get("trackingCode").asText();
    String pi = bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question"
        + " WHERE tracking_code = ?", String.class, code);
    return new Question(code, pi, OffsetDateTime.parse(created.get("receivedAt").asText()),
        OffsetDateTime.parse(created.get("dueAt").asText()));
  }

  /** A word no other question contains, to find this question's answer among the published ones. */
  default String token() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder sb = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  /** What the asker sees by the tracking code. */
  default JsonNode track(String code) throws Exception {
    HttpResponse<String> r = anonymous().get("/api/v1/portal/questions/" + code, "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  default void awaitStatus(String code, String status) {
    awaitCondition(() -> {
      try {
        return status.equals(track(code).get("status").asText());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  /** The public answers found by a search. */
  default JsonNode published(String query) throws Exception {
    HttpResponse<String> r = anonymous().get("/api/v1/portal/answers?q=" + URLEncoder.encode(query,
        StandardCharsets.UTF_8), "application/json");
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The ids in the person's task list (GET /api/v1/tasks). */
  default Set<String> inbox(SsoClient person) {
    HttpResponse<String> r = person.get("/api/v1/tasks", "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try {
      return JSON.readTree(r.body()).findValuesAsText("id").stream().collect(Collectors.toSet());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Waits until the process has a task of this step that the person sees in their own task list, and returns
   * its id (the step's tasks come from the engine; whose they are, from the person's list).
   */
  default String taskFor(SsoClient person, String pi, String key) {
    TaskService tasks = bean(TaskService.class);
    String[] found = new String[1];
    awaitCondition(() -> {
      List<String> ids = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list().stream()
          .map(Task::getId).toList();
      if (ids.isEmpty()) {
        return false;
      }
      Set<String> mine = inbox(person);
      found[0] = ids.stream().filter(mine::contains).findFirst().orElse(null);
      return found[0] != null;
    });
    return found[0];
  }

  default HttpResponse<String> claim(SsoClient person, String taskId) {
    return person.postJson("/api/v1/tasks/" + taskId + "/claim", "");
  }

  default HttpResponse<String> complete(SsoClient person, String taskId, String json) {
    return person.postJson("/api/v1/tasks/" + taskId + "/complete", json);
  }

  /** Completes, expecting it to be accepted. */
  default void done(SsoClient person, String taskId, String json) {
    HttpResponse<String> r = complete(person, taskId, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  /** The fields a 400 names. */
  default List<String> problems(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode errors = JSON.readTree(r.body()).get("errors");
    assertThat(errors).as(r.body()).isNotNull();
    return errors.findValuesAsText("field");
  }

  default boolean open(String taskId) {
    return bean(TaskService.class).createTaskQuery().taskId(taskId).count() == 1;
  }

  /** The portal editor accepts the question and routes it to an agency. */
  default void accept(Question q, String agency) {
    SsoClient editor = signIn("ngocct.vpubnd");
    String triage = taskFor(editor, q.pi(), "Task_Triage");
    assertThat(claim(editor, triage).statusCode()).isEqualTo(204);
    done(editor, triage, "{\"decision\": \"accept\", \"routeTo\": \"" + agency + "\"}");
  }

  /** The agency's leader claims the classification and submits it. */
  default HttpResponse<String> classify(SsoClient leader, Question q, String json) {
    String classify = taskFor(leader, q.pi(), "Task_Classify");
    claim(leader, classify);
    return complete(leader, classify, json);
  }

  default String draft(String answer, String publication) {
    return "{\"answer\": \"" + answer + "\", \"publication\": \"" + publication + "\", \"citations\": [" + CITATION
        + "]}";
  }

  /** The leader approves (or returns) the draft. */
  default void approval(SsoClient leader, Question q, String json) {
    String approve = taskFor(leader, q.pi(), "Task_Approve");
    assertThat(claim(leader, approve).statusCode()).isEqualTo(204);
    done(leader, approve, json);
  }

  default Instant calendarDue(OffsetDateTime received, int workingDays) throws Exception {
    HttpResponse<String> r = anonymous().get("/api/v1/calendar/deadline?receivedAt=" + URLEncoder.encode(
        received.toString(), StandardCharsets.UTF_8) + "&workingDays=" + workingDays, "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return OffsetDateTime.parse(JSON.readTree(r.body()).get("dueAt").asText()).toInstant();
  }

  default Instant dueOf(JsonNode tracked) {
    return OffsetDateTime.parse(tracked.get("dueAt").asText()).toInstant();
  }

  // --- paths -------------------------------------------------------------------------------------------------

  /** The process conventions (docs/process-conventions.md) hold for questions too, and follow a route. */
  @Test
  default void aQuestionCarriesTheCaseConventionsAndItsOwnerFollowsTheRoute() throws Exception {
    Question q = asked(individual("Thủ tục đăng ký quyền sở hữu công nghiệp " + token()));
    RuntimeService runtime = bean(RuntimeService.class);
    java.util.Map<String, Object> vars = runtime.getVariables(q.pi());
    assertThat(vars).containsEntry("agency", "skhcn").containsEntry("agencyCode", "000.00.12.H37")
        .containsEntry("urgency", "thuong").containsKeys("title", "dueAt", "questionId");
    assertThat((String) vars.get("title")).startsWith(q.code() + " – Thủ tục đăng ký");
    accept(q, "vpubnd");
    String vpubndCode = bean(vn.govflow.identity.IdentityDirectory.class).agencies().stream()
        .filter(a -> a.shortName().equals("vpubnd")).findFirst().orElseThrow().code();
    // The route is an asynchronous step: the owner changes once its job has run.
    awaitCondition(() -> "vpubnd".equals(runtime.getVariable(q.pi(), "agency")));
    assertThat(runtime.getVariables(q.pi())).containsEntry("agency", "vpubnd").containsEntry("agencyCode", vpubndCode);
  }

  @Test
  default void editorRejectsAnAbusiveQuestionAndNothingIsPublished() throws Exception {
    String word = token();
    Question q = asked(individual("Câu hỏi với lời lẽ xúc phạm " + word));
    SsoClient editor = signIn("ngocct.vpubnd");
    String triage = taskFor(editor, q.pi(), "Task_Triage");
    assertThat(claim(editor, triage).statusCode()).isEqualTo(204);

    // Refusing needs a reason: the task stays with the editor, the asker sees nothing change.
    assertThat(problems(complete(editor, triage, "{\"decision\": \"reject\"}"))).containsExactly("rejectReason");
    assertThat(problems(complete(editor, triage, "{\"decision\": \"later\", \"routeTo\": \"skhcn\"}")))
        .containsExactly("decision");
    assertThat(open(triage)).isTrue();
    assertThat(inbox(editor)).contains(triage);
    assertThat(track(q.code()).get("status").asText()).isEqualTo("RECEIVED");

    done(editor, triage, "{\"decision\": \"reject\", \"rejectReason\": \"abusive\"}");
    awaitStatus(q.code(), "REJECTED");
    awaitCondition(() -> bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(q.pi())
        .count() == 0);
    JsonNode t = track(q.code());
    assertThat(t.get("answer").isNull()).isTrue();
    assertThat(t.get("answeringAgency").isNull()).isTrue();
    assertThat(bean(TaskService.class).createTaskQuery().processInstanceId(q.pi()).count()).isZero();
    assertThat(inbox(editor)).doesNotContain(triage);
    assertThat(published(word)).isEmpty();
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT reject_reason FROM portal_question"
        + " WHERE tracking_code = ?", String.class, q.code())).isEqualTo("abusive");
  }

  @Test
  default void outsideTheRemitIsForwardedAndTheAskersDueDateDoesNotMove() throws Exception {
    String word = token();
    Question q = asked(individual("Thủ tục cấp giấy phép tổ chức sự kiện " + word));
    accept(q, "skhcn");
    SsoClient hung = signIn("hungtv.skhcn");
    String classify = taskFor(hung, q.pi(), "Task_Classify");
    assertThat(claim(hung, classify).statusCode()).isEqualTo(204);

    // Forwarding to one's own agency is not a forward.
    assertThat(problems(complete(hung, classify, "{\"classification\": \"outside-remit\", \"forwardTo\": \"skhcn\"}")))
        .containsExactly("forwardTo");
    assertThat(problems(complete(hung, classify, "{\"classification\": \"outside-remit\", \"forwardTo\": \"khong-co\"}")))
        .containsExactly("forwardTo");
    assertThat(open(classify)).isTrue();
    done(hung, classify, "{\"classification\": \"outside-remit\", \"forwardTo\": \"vpubnd\","
        + " \"note\": \"Thuộc thẩm quyền Văn phòng UBND tỉnh\"}");

    // The Office's leader now classifies; the Department's leader no longer sees the question.
    SsoClient son = signIn("sonnv.vpubnd");
    String again = taskFor(son, q.pi(), "Task_Classify");
    assertThat(again).isNotEqualTo(classify);
    assertThat(inbox(hung)).doesNotContain(again, classify);
    assertThat(claim(hung, again).statusCode()).isEqualTo(404);
    JsonNode forwarded = track(q.code());
    assertThat(forwarded.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(dueOf(forwarded)).isEqualTo(q.dueAt().toInstant());

    // Only the Office's people can be chosen now.
    assertThat(problems(classify(son, q, "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}")))
        .containsExactly("handler");
    assertThat(classify(son, q, "{\"classification\": \"own-remit\", \"handler\": \"thaomt.vpubnd\"}").statusCode())
        .isEqualTo(204);
    SsoClient thao = signIn("thaomt.vpubnd");
    done(thao, taskFor(thao, q.pi(), "Task_Draft"), draft("Văn phòng UBND tỉnh trả lời " + word, "both"));
    assertThat(dueOf(track(q.code()))).isEqualTo(q.dueAt().toInstant());
    approval(son, q, "{\"approval\": \"approve\"}");

    awaitStatus(q.code(), "ANSWERED");
    JsonNode answered = track(q.code());
    assertThat(answered.get("answeringAgency").asText()).isEqualTo("Văn phòng Ủy ban nhân dân tỉnh");
    assertThat(dueOf(answered)).isEqualTo(q.dueAt().toInstant());
    assertThat(published(word).findValuesAsText("answeringAgency")).containsExactly("Văn phòng Ủy ban nhân dân tỉnh");
  }

  @Test
  default void multiSectorGetsEightWorkingDaysAndIsPublishedOnlyAfterOpinionsAndApproval() throws Exception {
    String word = token();
    Question q = asked(individual("Hỗ trợ doanh nghiệp đổi mới sáng tạo và chuyển đổi số " + word));
    accept(q, "skhcn");
    SsoClient hung = signIn("hungtv.skhcn");
    // At least one coordinator, otherwise the opinions would never come; people who work at an agency of the
    // province (issue #13 item 12: of any agency), and other agencies than the answering one.
    assertThat(problems(classify(hung, q, "{\"classification\": \"multi-sector\", \"handler\": \"anhdd.skhcn\","
        + " \"coordinators\": []}"))).containsExactly("coordinators");
    assertThat(problems(classify(hung, q, "{\"classification\": \"multi-sector\", \"handler\": \"anhdd.skhcn\","
        + " \"coordinators\": [\"maivt.skhcn\", \"khongco.ai\"]}"))).containsExactly("coordinators");
    assertThat(problems(classify(hung, q, "{\"classification\": \"multi-sector\", \"handler\": \"anhdd.skhcn\","
        + " \"coordinatingAgencies\": [\"skhcn\"]}"))).containsExactly("coordinatingAgencies");
    assertThat(classify(hung, q, "{\"classification\": \"multi-sector\", \"handler\": \"anhdd.skhcn\","
        + " \"coordinators\": [\"maivt.skhcn\", \"hapt.skhcn\"], \"note\": \"Cần ý kiến hai phòng\"}")
        .statusCode()).isEqualTo(204);

    SsoClient anh = signIn("anhdd.skhcn");
    SsoClient mai = signIn("maivt.skhcn");
    SsoClient ha = signIn("hapt.skhcn");
    String draft = taskFor(anh, q.pi(), "Task_Draft");
    String maiOpinion = taskFor(mai, q.pi(), "Task_GiveOpinion");
    String haOpinion = taskFor(ha, q.pi(), "Task_GiveOpinion");
    assertThat(maiOpinion).isNotEqualTo(haOpinion);
    assertThat(inbox(anh)).doesNotContain(maiOpinion, haOpinion);
    assertThat(inbox(mai)).doesNotContain(haOpinion, draft);

    // 8 working days from the receipt, as the public calendar counts them.
    JsonNode answering = track(q.code());
    assertThat(answering.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(dueOf(answering)).isEqualTo(calendarDue(q.receivedAt(), 8)).isAfter(q.dueAt().toInstant());

    assertThat(problems(complete(mai, maiOpinion, "{}"))).containsExactly("opinion");
    done(mai, maiOpinion, "{\"opinion\": \"Đồng ý, bổ sung chính sách của Phòng Quản lý khoa học\"}");
    done(anh, draft, draft("Doanh nghiệp được hỗ trợ theo Nghị quyết " + word, "both"));
    approval(hung, q, "{\"approval\": \"approve\"}");

    // Approved, but one coordinator has not given their opinion: nothing is published yet.
    assertThat(open(haOpinion)).isTrue();
    assertThat(bean(ManagementService.class).createJobQuery().processInstanceId(q.pi()).activityId("Task_Publish")
        .count()).isZero();
    JsonNode waiting = track(q.code());
    assertThat(waiting.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(waiting.get("answer").isNull()).isTrue();
    assertThat(published(word)).isEmpty();

    done(ha, haOpinion, "{\"opinion\": \"Phòng Chuyển đổi số thống nhất\"}");
    awaitStatus(q.code(), "ANSWERED");
    assertThat(track(q.code()).get("answer").asText()).isEqualTo("Doanh nghiệp được hỗ trợ theo Nghị quyết " + word);
    assertThat(published(word).findValuesAsText("answer"))
        .containsExactly("Doanh nghiệp được hỗ trợ theo Nghị quyết " + word);

    // Issue #13 item 15 (seed 003 Art 11.7, 11.8): the answer names the leader who approved it, and says that it
    // is for reference only, on the tracking page and the public answer page.
    JsonNode answered = track(q.code());
    assertThat(answered.get("approvedBy").asText()).isEqualTo("Trần Văn Hùng, Giám đốc Sở");
    String id = bean(JdbcTemplate.class).queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?",
        String.class, q.code());
    String page = anonymous().get("/portal/answers/" + id, "text/html").body();
    assertThat(page).contains("Lãnh đạo trả lời: Trần Văn Hùng, Giám đốc Sở").contains("id=\"answer-reference-only\"")
        .contains("chỉ có ý nghĩa tham khảo");
    assertThat(anonymous().get("/portal/track?code=" + q.code(), "text/html").body())
        .contains("id=\"track-reference-only\"").contains("Trần Văn Hùng, Giám đốc");

    // Issue #13 item 25: each step of the history carries its own words: the leader's note on the classification
    // only, each coordinator's opinion on their step, nothing copied onto the draft or the approval.
    assertThat(bean(JdbcTemplate.class).queryForList("SELECT h.step || ' ' || COALESCE(h.actor, '-') || ': '"
        + " || COALESCE(h.comment, '-') FROM case_history h JOIN portal_question q ON q.id = h.case_id"
        + " WHERE q.tracking_code = ? AND h.step LIKE 'Task_%' ORDER BY h.occurred_at, h.id", String.class, q.code()))
        .containsExactly(
            "Task_Triage ngocct.vpubnd: -",
            "Task_Classify hungtv.skhcn: Cần ý kiến hai phòng",
            "Task_GiveOpinion maivt.skhcn: Đồng ý, bổ sung chính sách của Phòng Quản lý khoa học",
            "Task_Draft anhdd.skhcn: -",
            "Task_Approve hungtv.skhcn: -",
            "Task_GiveOpinion hapt.skhcn: Phòng Chuyển đổi số thống nhất");
  }

  @Test
  default void specialCaseIsDueOnTheAppointmentOfAtMostTenWorkingDays() throws Exception {
    Question q = asked(individual("Đề nghị hướng dẫn thẩm định công nghệ dự án đầu tư " + token()));
    accept(q, "skhcn");
    SsoClient hung = signIn("hungtv.skhcn");
    String classify = taskFor(hung, q.pi(), "Task_Classify");
    assertThat(claim(hung, classify).statusCode()).isEqualTo(204);
    assertThat(problems(complete(hung, classify, "{\"classification\": \"special\", \"handler\": \"maivt.skhcn\","
        + " \"appointmentDays\": 11}"))).containsExactly("appointmentDays");
    assertThat(problems(complete(hung, classify, "{\"classification\": \"special\", \"handler\": \"maivt.skhcn\"}")))
        .containsExactly("appointmentDays");
    assertThat(problems(complete(hung, classify, "{\"classification\": \"urgent\", \"handler\": \"maivt.skhcn\"}")))
        .containsExactly("classification");
    // Issue #13 item 17 (Art 11.6c): the appointment counts from receipt, so on a question received 30 days ago
    // no number of days up to 10 gives a date ahead: refused, and the leader is told why.
    org.camunda.bpm.engine.RuntimeService runtime = bean(org.camunda.bpm.engine.RuntimeService.class);
    Object received = runtime.getVariable(q.pi(), "receivedAt");
    runtime.setVariable(q.pi(), "receivedAt", java.util.Date.from(java.time.Instant.now().minus(
        java.time.Duration.ofDays(30))));
    HttpResponse<String> past = complete(hung, classify, "{\"classification\": \"special\", \"handler\":"
        + " \"maivt.skhcn\", \"appointmentDays\": 10}");
    assertThat(problems(past)).containsExactly("appointmentDays");
    assertThat(past.body()).contains("đã qua");
    runtime.setVariable(q.pi(), "receivedAt", received);
    assertThat(open(classify)).isTrue();
    done(hung, classify, "{\"classification\": \"special\", \"handler\": \"maivt.skhcn\", \"appointmentDays\": 9}");

    SsoClient mai = signIn("maivt.skhcn");
    taskFor(mai, q.pi(), "Task_Draft");
    JsonNode t = track(q.code());
    assertThat(t.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(dueOf(t)).isEqualTo(calendarDue(q.receivedAt(), 9));
    // The asker's page tells the time in Vietnam, whatever the database gives back.
    String due = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
        .format(dueOf(t).atZone(bean(vn.govflow.calendar.WorkingDayCalendar.class).zone()));
    assertThat(due).startsWith("17:00 ");
    assertThat(anonymous().get("/portal/track?code=" + q.code(), "text/html").body()).contains(due);
    assertThat(t.get("dueAt").asText()).endsWith("17:00:00+07:00");
  }

  @Test
  default void leaderReturnsTheDraftAndTheHandlerFindsItFilledIn() throws Exception {
    String word = token();
    Question q = asked(individual("Điều kiện công nhận doanh nghiệp khoa học và công nghệ " + word));
    accept(q, "skhcn");
    assertThat(classify(signIn("hungtv.skhcn"), q, "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}")
        .statusCode()).isEqualTo(204);
    SsoClient anh = signIn("anhdd.skhcn");
    String first = taskFor(anh, q.pi(), "Task_Draft");
    done(anh, first, draft("Bản trả lời lần một " + word, "both"));

    SsoClient tuan = signIn("tuanlm.skhcn");
    String approve = taskFor(tuan, q.pi(), "Task_Approve");
    assertThat(claim(tuan, approve).statusCode()).isEqualTo(204);
    assertThat(problems(complete(tuan, approve, "{\"approval\": \"return\"}"))).containsExactly("returnComment");
    assertThat(problems(complete(tuan, approve, "{\"approval\": \"maybe\"}"))).containsExactly("approval");
    done(tuan, approve, "{\"approval\": \"return\", \"returnComment\": \"Bổ sung điều khoản cụ thể của Nghị quyết\"}");

    String second = taskFor(anh, q.pi(), "Task_Draft");
    assertThat(second).isNotEqualTo(first);
    HttpResponse<String> page = anh.get("/tasks/" + second, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Bản trả lời lần một " + word).contains("Bổ sung điều khoản cụ thể của Nghị quyết");
    assertThat(track(q.code()).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(published(word)).isEmpty();

    done(anh, second, draft("Bản trả lời lần hai theo Điều 3 Nghị quyết " + word, "both"));
    approval(tuan, q, "{\"approval\": \"approve\"}");
    awaitStatus(q.code(), "ANSWERED");
    assertThat(track(q.code()).get("answer").asText()).isEqualTo("Bản trả lời lần hai theo Điều 3 Nghị quyết " + word);
    assertThat(published(word).findValuesAsText("answer"))
        .containsExactly("Bản trả lời lần hai theo Điều 3 Nghị quyết " + word);
  }

  /** An answer of exactly this length, unique by the word, with the word at both ends. */
  default String longAnswer(String word, String opening, int length) {
    String head = opening + " " + word + ": ";
    String tail = "Hết " + word + ".";
    String fill = "Điều 3 Nghị quyết quy định mức hỗ trợ cho doanh nghiệp khoa học và công nghệ. ".repeat(200);
    return head + fill.substring(0, length - head.length() - tail.length()) + tail;
  }

  /** A page's text as a reader sees it (character references resolved). */
  default String unescaped(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    return org.springframework.web.util.HtmlUtils.htmlUnescape(page.body());
  }

  /** The drafted answer's variables of a process, at runtime and in history (issue #13 item 24: there are none). */
  default long answerVariables(String table, String pi) {
    return bean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM " + table + " WHERE proc_inst_id_ = ?"
        + " AND name_ IN ('answer', 'answerEn')", Long.class, pi);
  }

  /**
   * Issue #13 item 24: a drafted answer of up to 10,000 characters goes end to end (drafted through GovFlow's task
   * API, returned, drafted again through the engine's REST API, approved, published) and is never a process
   * variable: it is kept in portal_question, the approver and the returned draft read it from there.
   */
  @Test
  default void aNineThousandCharacterAnswerIsPublishedInFullAndIsNeverAProcessVariable() throws Exception {
    String word = token();
    Question q = asked(individual("Chính sách hỗ trợ doanh nghiệp khoa học và công nghệ " + word));
    accept(q, "skhcn");
    assertThat(classify(signIn("hungtv.skhcn"), q, "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}")
        .statusCode()).isEqualTo(204);
    SsoClient anh = signIn("anhdd.skhcn");
    String first = taskFor(anh, q.pi(), "Task_Draft");
    assertThat(claim(anh, first).statusCode()).isEqualTo(204);

    // Over 10,000 characters: refused beside the field, nothing stored.
    assertThat(problems(complete(anh, first, draft(longAnswer(word, "Quá dài", 10_001), "both"))))
        .containsExactly("answer");
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT draft_answer FROM portal_question WHERE tracking_code"
        + " = ?", String.class, q.code())).isNull();
    String firstAnswer = longAnswer(word, "Bản một", 9_000);
    assertThat(firstAnswer).hasSize(9_000);
    done(anh, first, draft(firstAnswer, "both"));
    assertThat(answerVariables("act_ru_variable", q.pi())).isZero();
    assertThat(answerVariables("act_hi_varinst", q.pi())).isZero();

    // The leader reads the whole draft on the approval's page (its text escapes letters to entities), and returns it.
    SsoClient tuan = signIn("tuanlm.skhcn");
    String approve = taskFor(tuan, q.pi(), "Task_Approve");
    assertThat(claim(tuan, approve).statusCode()).isEqualTo(204);
    assertThat(unescaped(tuan.get("/tasks/" + approve, "text/html"))).contains(firstAnswer);
    done(tuan, approve, "{\"approval\": \"return\", \"returnComment\": \"Nêu rõ điều khoản\"}");

    // The returned draft is filled in with it; the second draft goes through the engine's REST API.
    String second = taskFor(anh, q.pi(), "Task_Draft");
    assertThat(unescaped(anh.get("/tasks/" + second, "text/html"))).contains(firstAnswer);
    assertThat(claim(anh, second).statusCode()).isEqualTo(204);
    String answer = longAnswer(word, "Bản hai", 9_000);
    HttpResponse<String> viaEngine = anh.postJson("/engine-rest/task/" + second + "/complete",
        "{\"variables\": {\"answer\": {\"value\": \"" + answer + "\", \"type\": \"String\"},"
            + " \"publication\": {\"value\": \"both\", \"type\": \"String\"},"
            + " \"noCitationReason\": {\"value\": \"Trả lời theo quy định chung\", \"type\": \"String\"}}}");
    assertThat(viaEngine.statusCode()).as(viaEngine.body()).isEqualTo(204);
    approval(tuan, q, "{\"approval\": \"approve\"}");
    awaitStatus(q.code(), "ANSWERED");

    assertThat(track(q.code()).get("answer").asText()).isEqualTo(answer);
    String id = bean(JdbcTemplate.class).queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?",
        String.class, q.code());
    assertThat(unescaped(anonymous().get("/portal/answers/" + id, "text/html"))).contains(answer);
    assertThat(answerVariables("act_ru_variable", q.pi())).isZero();
    assertThat(answerVariables("act_hi_varinst", q.pi())).isZero();
  }

  @Test
  default void aForeignAskerGetsTheAnswerInBothLanguages() throws Exception {
    String word = token();
    Question q = asked(individual("Thủ tục thành lập văn phòng đại diện tổ chức khoa học nước ngoài " + word,
        "Nhật Bản"));
    accept(q, "skhcn");
    assertThat(classify(signIn("hungtv.skhcn"), q, "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}")
        .statusCode()).isEqualTo(204);
    SsoClient anh = signIn("anhdd.skhcn");
    String draft = taskFor(anh, q.pi(), "Task_Draft");
    assertThat(problems(complete(anh, draft, draft("Hồ sơ nộp tại Sở Khoa học và Công nghệ", "both"))))
        .containsExactly("answerEn");
    assertThat(open(draft)).isTrue();
    done(anh, draft, "{\"answer\": \"Hồ sơ nộp tại Sở Khoa học và Công nghệ\", \"answerEn\": \"File the application"
        + " with the Department of Science and Technology\", \"publication\": \"both\", \"citations\": [" + CITATION
        + "]}");
    approval(signIn("hungtv.skhcn"), q, "{\"approval\": \"approve\"}");

    awaitStatus(q.code(), "ANSWERED");
    JsonNode t = track(q.code());
    assertThat(t.get("answer").asText()).isEqualTo("Hồ sơ nộp tại Sở Khoa học và Công nghệ");
    assertThat(t.get("answerEn").asText()).isEqualTo("File the application with the Department of Science and"
        + " Technology");
    assertThat(published(word).findValuesAsText("answerEn"))
        .containsExactly("File the application with the Department of Science and Technology");
  }

  @Test
  default void aPrivateAnswerReachesTheAskerButIsNotPublished() throws Exception {
    String word = token();
    Question q = asked(individual("Hồ sơ đề tài của tôi đang ở bước nào " + word));
    accept(q, "skhcn");
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(classify(hung, q, "{\"classification\": \"own-remit\", \"handler\": \"maivt.skhcn\"}").statusCode())
        .isEqualTo(204);
    SsoClient mai = signIn("maivt.skhcn");
    String answer = "Hồ sơ của ông đang được Hội đồng thẩm định " + word;
    done(mai, taskFor(mai, q.pi(), "Task_Draft"), "{\"answer\": \"" + answer + "\", \"publication\": \"private\","
        + " \"citations\": [], \"noCitationReason\": \"Thông tin về hồ sơ cụ thể\"}");
    approval(hung, q, "{\"approval\": \"approve\"}");

    awaitStatus(q.code(), "ANSWERED");
    JsonNode t = track(q.code());
    assertThat(t.get("answer").asText()).isEqualTo(answer);
    assertThat(t.get("answeringAgency").asText()).isEqualTo("Sở Khoa học và Công nghệ");
    assertThat(published(word)).isEmpty();
    HttpResponse<String> all = anonymous().get("/api/v1/portal/answers", "application/json");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).doesNotContain(word);
    assertThat(anonymous().get("/portal?q=" + word, "text/html").body()).doesNotContain("Hồ sơ đề tài của tôi");
  }

  @Test
  default void aDraftMustCiteItsSourcesFullyOrSayWhyNot() throws Exception {
    String word = token();
    Question q = asked(individual("Thời gian làm việc của bộ phận một cửa " + word));
    accept(q, "skhcn");
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(classify(hung, q, "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}").statusCode())
        .isEqualTo(204);
    SsoClient anh = signIn("anhdd.skhcn");
    String draft = taskFor(anh, q.pi(), "Task_Draft");
    String answer = "Bộ phận một cửa làm việc từ thứ Hai đến thứ Sáu " + word;

    assertThat(problems(complete(anh, draft, "{\"answer\": \"" + answer + "\", \"publication\": \"both\"}")))
        .containsExactly("citations");
    assertThat(problems(complete(anh, draft, "{\"answer\": \"" + answer + "\", \"publication\": \"both\","
        + " \"citations\": []}"))).containsExactly("citations");
    assertThat(problems(complete(anh, draft, "{\"answer\": \"" + answer + "\", \"publication\": \"both\","
        + " \"citations\": [" + CITATION.replace(", \"issuer\": \"HĐND tỉnh Lào Cai\"", "") + "]}")))
        .containsExactly("citations");
    assertThat(problems(complete(anh, draft, "{\"publication\": \"both\", \"citations\": [" + CITATION + "]}")))
        .containsExactly("answer");
    assertThat(open(draft)).isTrue();
    assertThat(track(q.code()).get("status").asText()).isEqualTo("IN_PROGRESS");

    done(anh, draft, "{\"answer\": \"" + answer + "\", \"publication\": \"both\", \"citations\": [],"
        + " \"noCitationReason\": \"Thông tin về giờ làm việc, không cần viện dẫn\"}");
    approval(hung, q, "{\"approval\": \"approve\"}");
    awaitStatus(q.code(), "ANSWERED");
    JsonNode t = track(q.code());
    assertThat(t.get("answer").asText()).isEqualTo(answer);
    assertThat(t.get("citations")).isEmpty();
    assertThat(published(word).findValuesAsText("answer")).containsExactly(answer);
  }

  @Test
  default void anotherAgencysStaffCannotSeeOrWorkOnTheQuestion() throws Exception {
    Question q = asked(individual("Đăng ký quyền sở hữu công nghiệp cho sáng chế " + token()));
    accept(q, "skhcn");
    SsoClient son = signIn("sonnv.vpubnd");
    SsoClient thao = signIn("thaomt.vpubnd");
    SsoClient hung = signIn("hungtv.skhcn");
    String classify = taskFor(hung, q.pi(), "Task_Classify");
    // The Office's leader is a leader, but not of this agency.
    assertThat(inbox(son)).doesNotContain(classify);
    assertThat(claim(son, classify).statusCode()).isEqualTo(404);
    assertThat(complete(son, classify, "{\"classification\": \"own-remit\", \"handler\": \"thaomt.vpubnd\"}")
        .statusCode()).isEqualTo(404);
    assertThat(claim(hung, classify).statusCode()).isEqualTo(204);
    done(hung, classify, "{\"classification\": \"own-remit\", \"handler\": \"anhdd.skhcn\"}");

    String draft = taskFor(signIn("anhdd.skhcn"), q.pi(), "Task_Draft");
    assertThat(inbox(thao)).doesNotContain(draft);
    List<Integer> outside = new ArrayList<>();
    HttpResponse<String> completed = complete(thao, draft, draft("Trả lời không có thẩm quyền", "both"));
    outside.add(completed.statusCode());
    outside.add(claim(thao, draft).statusCode());
    outside.add(thao.postJson("/api/v1/tasks/" + draft + "/unclaim", "").statusCode());
    outside.add(thao.get("/tasks/" + draft, "text/html").statusCode());
    assertThat(outside).containsOnly(404);
    assertThat(completed.body()).doesNotContain(q.code()).doesNotContain("Đăng ký quyền sở hữu");
    // A colleague of the same agency is told the task is someone else's.
    assertThat(complete(signIn("maivt.skhcn"), draft, draft("Trả lời thay", "both")).statusCode()).isEqualTo(403);

    Task still = bean(TaskService.class).createTaskQuery().taskId(draft).singleResult();
    assertThat(still).isNotNull();
    assertThat(still.getAssignee()).isEqualTo("anhdd.skhcn");
    assertThat(bean(TaskService.class).getVariable(draft, "answer")).isNull();
    assertThat(track(q.code()).get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  default void theReminderAndTheEscalationReachTheHandlerTheLeadersAndTheEditors() throws Exception {
    Question q = asked(individual("Nhắc hạn trả lời câu hỏi " + token()));
    accept(q, "skhcn");
    SsoClient leader = signIn("hungtv.skhcn");
    assertThat(classify(leader, q, "{\"classification\": \"own-remit\", \"handler\": \"maivt.skhcn\"}")
        .statusCode()).isEqualTo(204);
    taskFor(signIn("maivt.skhcn"), q.pi(), "Task_Draft");

    // Fire the timers now instead of waiting for the working days; the engine then runs the notification
    // service tasks as jobs with the real delegates, as it will when the dates come. One at a time, as the job
    // executor would (exclusive jobs of one case never run concurrently).
    org.camunda.bpm.engine.ManagementService jobs = bean(org.camunda.bpm.engine.ManagementService.class);
    for (String timer : List.of("BoundaryEvent_Remind", "BoundaryEvent_Overdue")) {
      org.camunda.bpm.engine.runtime.Job job = jobs.createJobQuery().processInstanceId(q.pi()).timers()
          .activityId(timer).singleResult();
      assertThat(job).as(timer).isNotNull();
      jobs.executeJob(job.getId());
      awaitCondition(() -> jobs.createJobQuery().processInstanceId(q.pi()).messages().count() == 0);
    }
    assertThat(bean(org.camunda.bpm.engine.RuntimeService.class).createIncidentQuery().processInstanceId(q.pi())
        .count()).isZero();

    String title = q.code();
    JsonNode handler = JSON.readTree(signIn("maivt.skhcn").get("/api/v1/notifications", "application/json").body());
    List<String> kinds = new java.util.ArrayList<>();
    handler.forEach(n -> {
      if (n.get("subjectVi").asText().contains(title)) {
        kinds.add(n.get("kind").asText());
      }
    });
    assertThat(kinds).contains("ASSIGNED", "REMINDER", "ESCALATION");
    for (String person : List.of("hungtv.skhcn", "ngocct.vpubnd")) {
      JsonNode mine = JSON.readTree(signIn(person).get("/api/v1/notifications", "application/json").body());
      assertThat(mine.findValuesAsText("subjectVi")).as(person)
          .anySatisfy(t -> assertThat(t).startsWith("Câu hỏi trên Cổng quá hạn xử lý: " + title));
    }
    // The shared mechanism links to the staff page of the question and tells each editor once.
    String business = bean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
        .processInstanceId(q.pi()).singleResult().getBusinessKey();
    JsonNode editor = JSON.readTree(signIn("ngocct.vpubnd").get("/api/v1/notifications", "application/json").body());
    List<String> editorLinks = new java.util.ArrayList<>();
    editor.forEach(n -> {
      if (n.get("subjectVi").asText().startsWith("Câu hỏi trên Cổng quá hạn xử lý: " + title)) {
        editorLinks.add(n.get("link").asText());
      }
    });
    assertThat(editorLinks).containsExactly("/questions/" + business);
    // Still the handler's to answer: the timers do not interrupt the work.
    assertThat(taskFor(signIn("maivt.skhcn"), q.pi(), "Task_Draft")).isNotNull();
  }

  /**
   * A question started on a deployment from before the shared reminders still names {@code portalNotify} on its
   * timers; that bean hands over to {@code caseReminders}, so its holder and the leaders are still told.
   */
  @Test
  default void aQuestionOnAnOlderDeploymentStillGetsItsReminderAndEscalation() throws Exception {
    org.camunda.bpm.engine.RepositoryService repository = bean(org.camunda.bpm.engine.RepositoryService.class);
    String current = repository.createProcessDefinitionQuery().processDefinitionKey("portal-question")
        .latestVersion().singleResult().getDeploymentId();
    var old = repository.createDeployment().name("portal-before-shared-reminders");
    for (String resource : repository.getDeploymentResourceNames(current)) {
      byte[] bytes = repository.getResourceAsStream(current, resource).readAllBytes();
      if (resource.endsWith("portal-question.bpmn")) {
        String model = new String(bytes, StandardCharsets.UTF_8);
        assertThat(model).contains("${caseReminders}");
        bytes = model.replace("${caseReminders}", "${portalNotify}").getBytes(StandardCharsets.UTF_8);
      }
      old.addInputStream(resource, new java.io.ByteArrayInputStream(bytes));
    }
    String oldDeployment = old.deploy().getId();
    try {
      Question q = asked(individual("Nhắc hạn trên mô hình cũ " + token()));
      assertThat(bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(q.pi())
          .deploymentId(oldDeployment).count()).isOne();
      accept(q, "skhcn");
      assertThat(classify(signIn("hungtv.skhcn"), q,
          "{\"classification\": \"own-remit\", \"handler\": \"maivt.skhcn\"}").statusCode()).isEqualTo(204);
      taskFor(signIn("maivt.skhcn"), q.pi(), "Task_Draft");
      ManagementService jobs = bean(ManagementService.class);
      for (String timer : List.of("BoundaryEvent_Remind", "BoundaryEvent_Overdue")) {
        org.camunda.bpm.engine.runtime.Job job = jobs.createJobQuery().processInstanceId(q.pi()).timers()
            .activityId(timer).singleResult();
        jobs.executeJob(job.getId());
        awaitCondition(() -> jobs.createJobQuery().processInstanceId(q.pi()).messages().count() == 0);
      }
      assertThat(bean(RuntimeService.class).createIncidentQuery().processInstanceId(q.pi()).count()).isZero();
      JsonNode handler = JSON.readTree(signIn("maivt.skhcn").get("/api/v1/notifications", "application/json")
          .body());
      List<String> kinds = new ArrayList<>();
      handler.forEach(n -> {
        if (n.get("subjectVi").asText().contains(q.code())) {
          kinds.add(n.get("kind").asText());
        }
      });
      assertThat(kinds).contains("REMINDER", "ESCALATION");
      JsonNode head = JSON.readTree(signIn("hungtv.skhcn").get("/api/v1/notifications", "application/json").body());
      assertThat(head.findValuesAsText("subjectVi"))
          .anySatisfy(t -> assertThat(t).startsWith("Câu hỏi trên Cổng quá hạn xử lý: " + q.code()));
    } finally {
      // Later questions start on the current models again.
      repository.deleteDeployment(oldDeployment, true);
    }
  }
}
