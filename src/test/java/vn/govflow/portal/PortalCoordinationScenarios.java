package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.SsoClient;

/**
 * Issue #13 item 12 (seed 003 Art 11.6b, 31.1c, "phối hợp liên ngành"): a question routed to Sở KH&CN is
 * classified as multi-sector with another agency of the province (the Provincial Office, vpubnd) and a named
 * person of it as coordinators. The other agency's leader finds the task in their own list, reads the question
 * (not the asker's contact), gives the task to a colleague, whose opinion reaches the handler with the agency's
 * name; the other agency sees no other question of Sở KH&CN, and nobody adds another agency's people to a task
 * through the engine's API by hand.
 */
interface PortalCoordinationScenarios extends PortalTestApi {
  String CITATION = "{\"number\": \"15/2025/NQ-HĐND\", \"summary\": \"Chính sách hỗ trợ chuyển đổi số\","
      + " \"issuedOn\": \"2025-07-10\", \"issuer\": \"HĐND tỉnh Lào Cai\"}";

  /** An individual with an e-mail address and a phone number asks Sở KH&CN. */
  default String withContact(String question) throws Exception {
    return JSON.writeValueAsString(new QuestionRequest("INDIVIDUAL", "hoi-dap", "Nguyễn Văn Dân", "Việt Nam",
        "Kỹ sư", "Số 5 đường Hoàng Liên, Lào Cai", null, null, null, null, "dan@example.vn", "0977123456",
        "khoa-hoc-cong-nghe", "000.00.12.H37", question, true));
  }

  /** The question's id, after asking from an address of its own. */
  default String asked(String body) throws Exception {
    HttpResponse<String> r = ask(body, someAddress());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return bean(JdbcTemplate.class).queryForObject("SELECT id FROM portal_question WHERE tracking_code = ?",
        String.class, JSON.readTree(r.body()).get("trackingCode").asText());
  }

  default String pi(String questionId) {
    return bean(JdbcTemplate.class).queryForObject("SELECT process_instance_id FROM portal_question WHERE id = ?",
        String.class, questionId);
  }

  default Set<String> inbox(SsoClient person) {
    HttpResponse<String> r = person.get("/api/v1/tasks", "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try {
      return JSON.readTree(r.body()).findValuesAsText("id").stream().collect(Collectors.toSet());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The task of this step in the person's own task list, once the process has created it. */
  default String taskFor(SsoClient person, String pi, String key) {
    TaskService tasks = bean(TaskService.class);
    String[] found = new String[1];
    awaitCondition(() -> {
      List<String> ids = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list().stream()
          .map(Task::getId).toList();
      Set<String> mine = ids.isEmpty() ? Set.of() : inbox(person);
      found[0] = ids.stream().filter(mine::contains).findFirst().orElse(null);
      return found[0] != null;
    });
    return found[0];
  }

  default void done(SsoClient person, String taskId, String json) {
    person.postJson("/api/v1/tasks/" + taskId + "/claim", "");
    HttpResponse<String> r = person.postJson("/api/v1/tasks/" + taskId + "/complete", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  default void acceptedBySkhcn(String questionId) {
    SsoClient editor = signIn("ngocct.vpubnd");
    done(editor, taskFor(editor, pi(questionId), "Task_Triage"), "{\"decision\": \"accept\", \"routeTo\": \"skhcn\"}");
  }

  @Test
  default void anotherAgencyCoordinatesReadsOnlyThisQuestionAndItsOpinionReachesTheHandler() throws Exception {
    String id = asked(withContact("Doanh nghiệp khởi nghiệp sáng tạo được hỗ trợ chuyển đổi số thế nào?"));
    String other = asked(withContact("Thủ tục đăng ký nhiệm vụ khoa học cấp tỉnh năm 2027?"));
    acceptedBySkhcn(id);
    acceptedBySkhcn(other);

    SsoClient hung = signIn("hungtv.skhcn");
    SsoClient son = signIn("sonnv.vpubnd");
    SsoClient thao = signIn("thaomt.vpubnd");
    SsoClient loi = signIn("loipv.vpubnd");
    SsoClient anh = signIn("anhdd.skhcn");

    // The leader's form offers other agencies and other agencies' people (their agency beside their name).
    String classify = taskFor(hung, pi(id), "Task_Classify");
    assertThat(hung.postJson("/api/v1/tasks/" + classify + "/claim", "").statusCode()).isEqualTo(204);
    String form = hung.get("/tasks/" + classify, "text/html").body();
    assertThat(form).contains("f-coordinatingAgencies").contains("value=\"vpubnd\"")
        .contains("Phan Văn Lợi — Văn phòng Ủy ban nhân dân tỉnh");
    done(hung, classify, "{\"classification\": \"multi-sector\", \"handler\": \"anhdd.skhcn\","
        + " \"coordinatingAgencies\": [\"vpubnd\"], \"coordinators\": [\"loipv.vpubnd\"],"
        + " \"note\": \"Cần ý kiến Văn phòng UBND tỉnh\"}");
    done(hung, taskFor(hung, pi(other), "Task_Classify"), "{\"classification\": \"own-remit\","
        + " \"handler\": \"anhdd.skhcn\"}");

    // The Office's leader has the agency's task in their own list, due as the named coordinator's.
    String agencyTask = taskFor(son, pi(id), "Task_AgencyOpinion");
    String loiTask = taskFor(loi, pi(id), "Task_GiveOpinion");
    TaskService tasks = bean(TaskService.class);
    assertThat(tasks.createTaskQuery().taskId(agencyTask).singleResult().getDueDate())
        .isEqualTo(tasks.createTaskQuery().taskId(loiTask).singleResult().getDueDate());
    String taskPage = son.get("/tasks/" + agencyTask, "text/html").body();
    assertThat(taskPage).contains("Cho ý kiến phối hợp")
        .contains("Doanh nghiệp khởi nghiệp sáng tạo được hỗ trợ chuyển đổi số thế nào?")
        .contains("/questions/" + id);

    // They read the question and the asker's name; not the contact details, not the attachments.
    HttpResponse<String> page = son.get("/questions/" + id, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Doanh nghiệp khởi nghiệp sáng tạo").contains("Nguyễn Văn Dân")
        .contains("id=\"q-coordinating\"").doesNotContain("dan@example.vn").doesNotContain("0977123456")
        .doesNotContain("Số 5 đường Hoàng Liên");
    JsonNode view = JSON.readTree(son.get("/api/v1/questions/" + id, "application/json").body());
    assertThat(view.get("coordinating").asBoolean()).isTrue();
    assertThat(view.at("/question/fullName").asText()).isEqualTo("Nguyễn Văn Dân");
    assertThat(view.at("/question/email").isNull()).isTrue();
    assertThat(view.at("/question/phone").isNull()).isTrue();
    assertThat(view.at("/question/address").isNull()).isTrue();
    // Nor through the engine's API, from the task they may work on.
    assertThat(son.get("/engine-rest/task/" + agencyTask + "/variables", "application/json").body())
        .doesNotContain("dan@example.vn").doesNotContain("0977123456");

    // Nothing else of Sở KH&CN: not its other question, by page, API or list, whoever asks in the Office.
    for (SsoClient outsider : List.of(son, thao, loi)) {
      assertThat(outsider.get("/questions/" + other, "text/html").statusCode()).isEqualTo(404);
      assertThat(outsider.get("/api/v1/questions/" + other, "application/json").statusCode()).isEqualTo(404);
      assertThat(outsider.get("/questions", "text/html").body()).doesNotContain("/questions/" + other);
    }
    assertThat(son.get("/tasks/" + taskFor(anh, pi(other), "Task_Draft"), "text/html").statusCode()).isEqualTo(404);

    // The engine's API still refuses anyone adding another agency's people to a task by hand: the answering
    // agency's leader to its handler's draft, the coordinating agency's leader to their own opinion task.
    String draft = taskFor(anh, pi(id), "Task_Draft");
    HttpResponse<String> share = hung.postJson("/engine-rest/task/" + draft + "/identity-links",
        "{\"groupId\": \"vpubnd-head\", \"type\": \"candidate\"}");
    assertThat(share.statusCode()).as(share.body()).isEqualTo(403);
    assertThat(JSON.readTree(share.body()).get("code").asText()).isEqualTo("task-admin-only");
    assertThat(son.postJson("/engine-rest/task/" + agencyTask + "/identity-links",
        "{\"userId\": \"anhdd.skhcn\", \"type\": \"candidate\"}").statusCode()).isEqualTo(403);
    assertThat(son.postJson("/engine-rest/task/" + draft + "/identity-links",
        "{\"userId\": \"sonnv.vpubnd\", \"type\": \"candidate\"}").statusCode()).isIn(403, 404);
    List<IdentityLink> links = tasks.getIdentityLinksForTask(draft);
    assertThat(links).noneMatch(l -> "vpubnd-head".equals(l.getGroupId()) || "sonnv.vpubnd".equals(l.getUserId()));
    assertThat(tasks.getIdentityLinksForTask(agencyTask)).noneMatch(l -> "anhdd.skhcn".equals(l.getUserId()));

    // The leader gives the agency's task to a colleague, who gives the Office's opinion.
    HttpResponse<String> given = son.postJson("/api/v1/tasks/assign",
        "{\"taskIds\": [\"" + agencyTask + "\"], \"assignee\": \"thaomt.vpubnd\"}");
    assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
    assertThat(inbox(thao)).contains(agencyTask);
    done(thao, agencyTask, "{\"opinion\": \"Văn phòng UBND tỉnh thống nhất, đề nghị nêu Nghị quyết 15/2025\"}");
    done(loi, loiTask, "{\"opinion\": \"Không có ý kiến khác\"}");

    // The handler sees the opinions, each with its agency's name, on the question's history.
    JsonNode handled = JSON.readTree(anh.get("/api/v1/questions/" + id, "application/json").body());
    assertThat(handled.get("coordinating").asBoolean()).isFalse();
    assertThat(handled.at("/question/email").asText()).isEqualTo("dan@example.vn");
    List<String> opinions = new java.util.ArrayList<>();
    handled.get("events").forEach(e -> opinions.add(e.get("step").asText() + " | " + e.get("actorName").asText()
        + " | " + e.get("comment").asText()));
    assertThat(opinions).contains(
        "Task_AgencyOpinion | Mai Thị Thảo — Văn phòng Ủy ban nhân dân tỉnh | Văn phòng UBND tỉnh thống nhất,"
            + " đề nghị nêu Nghị quyết 15/2025",
        "Task_GiveOpinion | Phan Văn Lợi — Văn phòng Ủy ban nhân dân tỉnh | Không có ý kiến khác");
    assertThat(anh.get("/questions/" + id, "text/html").body()).contains("Cơ quan phối hợp cho ý kiến")
        .contains("Mai Thị Thảo — Văn phòng Ủy ban nhân dân tỉnh");

    // Their task done, the Office still reads this question, and still only this one.
    assertThat(son.get("/questions/" + id, "text/html").statusCode()).isEqualTo(200);
    assertThat(thao.get("/api/v1/questions/" + id, "application/json").body()).doesNotContain("dan@example.vn");
    done(anh, draft, "{\"answer\": \"Doanh nghiệp được hỗ trợ theo Nghị quyết 15/2025\", \"publication\": \"both\","
        + " \"citations\": [" + CITATION + "]}");
    done(hung, taskFor(hung, pi(id), "Task_Approve"), "{\"approval\": \"approve\"}");
    awaitCondition(() -> "ANSWERED".equals(bean(JdbcTemplate.class).queryForObject(
        "SELECT status FROM portal_question WHERE id = ?", String.class, id)));
    assertThat(son.get("/questions/" + other, "text/html").statusCode()).isEqualTo(404);
  }

  @Test
  default void onlyTheCoordinatingAgencysStaffGiveItsOpinion() throws Exception {
    String id = asked(withContact("Hỗ trợ đổi mới công nghệ cho hợp tác xã?"));
    acceptedBySkhcn(id);
    SsoClient hung = signIn("hungtv.skhcn");
    done(hung, taskFor(hung, pi(id), "Task_Classify"), "{\"classification\": \"multi-sector\","
        + " \"handler\": \"anhdd.skhcn\", \"coordinatingAgencies\": [\"vpubnd\"]}");
    String agencyTask = taskFor(signIn("hanhlt.vpubnd"), pi(id), "Task_AgencyOpinion");
    // Sở KH&CN's own leader is not among its candidates: the task of their case is not theirs to take.
    SsoClient tuan = signIn("tuanlm.skhcn");
    assertThat(inbox(tuan)).doesNotContain(agencyTask);
    assertThat(tuan.postJson("/api/v1/tasks/" + agencyTask + "/claim", "").statusCode()).isEqualTo(403);
    // The Office's leader cannot give it to someone outside the Office either.
    assertThat(signIn("sonnv.vpubnd").postJson("/api/v1/tasks/assign", "{\"taskIds\": [\"" + agencyTask
        + "\"], \"assignee\": \"anhdd.skhcn\"}").statusCode()).isEqualTo(400);
    assertThat(bean(TaskService.class).createTaskQuery().taskId(agencyTask).singleResult().getAssignee()).isNull();
    // The Office's clerk is a candidate too.
    assertThat(inbox(signIn("hoadt.vpubnd"))).contains(agencyTask);
  }
}
