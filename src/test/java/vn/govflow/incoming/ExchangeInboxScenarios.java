package vn.govflow.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.documents.DocumentDispatch;
import vn.govflow.documents.IncomingReplies;
import vn.govflow.support.SsoClient;

/**
 * Issue #9 on the recipient's side: the provincial office (VP UBND) issues a signed document to the Department of
 * Science and Technology on the same GovFlow; its clerk checks the signatures and registers or refuses it, its
 * handling reports back, the sender may recall it. Signatures are real (the embedded PKCS#12 demo CA).
 */
interface ExchangeInboxScenarios extends ExchangeTestSupport {

  @Test
  default void aSignedDispatchIsAcceptedRegisteredAndReportsItsHandling() throws Exception {
    String marker = "EXA" + System.nanoTime();
    DocumentDispatch d = dispatch(signedPdf(marker, true), "khan", "Về việc triển khai nền tảng số " + marker);
    receiving().receive(d);
    receiving().receive(d); // a retried issue: still one entry
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM inc_inbox WHERE dispatch_id = ?",
        Integer.class, d.dispatchId())).isEqualTo(1);

    SsoClient lan = signIn("lannt.skhcn");
    JsonNode list = JSON.readTree(lan.get("/api/v1/incoming/inbox").body());
    JsonNode mine = find(list, d.dispatchId());
    assertThat(mine.get("status").asText()).isEqualTo("ARRIVED");
    String id = mine.get("id").asText();

    JsonNode entry = JSON.readTree(lan.get("/api/v1/incoming/inbox/" + id).body());
    assertThat(entry.get("acceptable").asBoolean()).as(entry.toString()).isTrue();
    JsonNode signatures = entry.at("/verification/files/0/report/signatures");
    assertThat(signatures.findValuesAsText("kind")).containsExactly("PERSONAL", "AGENCY");
    assertThat(signatures.get(0).get("signerName").asText()).isEqualTo("Ngô Văn Sơn");
    assertThat(signatures.get(0).get("checks").findValuesAsText("vi")).isNotEmpty();
    assertThat(lan.getBytes("/api/v1/incoming/inbox/" + id + "/files/" + d.fileId() + "/content").statusCode())
        .isEqualTo(200);
    String page = lan.get("/incoming/inbox/" + id).body();
    assertThat(page).contains("Ngô Văn Sơn", "Chữ ký số hợp lệ và đủ");

    // Another agency's clerk: the entry does not exist for them.
    SsoClient hoa = signIn("hoadt.vpubnd");
    assertThat(hoa.get("/api/v1/incoming/inbox/" + id).statusCode()).isEqualTo(404);
    assertThat(hoa.postJson("/api/v1/incoming/inbox/" + id + "/accept", "{}").statusCode()).isEqualTo(404);
    assertThat(hoa.postJson("/api/v1/incoming/inbox/" + id + "/refuse", "{\"reason\": \"x\"}").statusCode())
        .isEqualTo(404);
    assertThat(JSON.readTree(hoa.get("/api/v1/incoming/inbox").body()).findValuesAsText("id")).doesNotContain(id);

    long before = lastNumber(RECIPIENT);
    HttpResponse<String> accepted = lan.postJson("/api/v1/incoming/inbox/" + id + "/accept", "{}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    JsonNode registered = JSON.readTree(accepted.body());
    assertThat(registered.get("arrivalNumber").asLong()).isEqualTo(before + 1);
    assertThat(lan.postJson("/api/v1/incoming/inbox/" + id + "/accept", "{}").statusCode()).isEqualTo(409);

    String docId = registered.get("id").asText();
    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + docId).body());
    assertThat(doc.at("/document/channel").asText()).isEqualTo("EXCHANGE");
    assertThat(doc.at("/document/senderAgencyCode").asText()).isEqualTo(SENDER);
    assertThat(doc.at("/document/senderName").asText()).isEqualTo("Văn phòng Ủy ban nhân dân tỉnh");
    assertThat(doc.at("/document/numberSymbol").asText()).isEqualTo(d.numberSymbol());
    assertThat(doc.at("/document/codeNumber").asText()).isEqualTo(d.codeNumber());
    assertThat(doc.at("/document/codeNotation").asText()).isEqualTo("VP-KGVX");
    assertThat(doc.at("/document/documentDate").asText()).isEqualTo(d.documentDate().toString());
    assertThat(doc.at("/document/documentType").asText()).isEqualTo("cong-van");
    assertThat(doc.at("/document/summary").asText()).isEqualTo(d.subject());
    assertThat(doc.at("/document/urgency").asText()).isEqualTo("khan");
    assertThat(doc.at("/document/signerName").asText()).isEqualTo("Ngô Văn Sơn");
    assertThat(doc.at("/document/signerPosition").asText()).isEqualTo("Chánh Văn phòng");
    assertThat(doc.at("/document/pageCount").asInt()).isEqualTo(1);
    assertThat(doc.at("/document/language").asText()).isEqualTo("Tiếng Việt");
    assertThat(doc.at("/files/0/name").asText()).isEqualTo("cong-van-" + marker + ".pdf");
    assertThat(doc.get("history").findValuesAsText("step")).contains("REGISTERED", "SIGNATURES_VERIFIED")
        .doesNotContain("RECEIPT_SENT");
    // The recipient owns its copy: another file id than the sender's.
    assertThat(doc.at("/files/0/id").asText()).isNotEqualTo(d.fileId());

    // The leader assigns a department, its head picks the handler, the handler finishes: 04, 05, 06.
    String pi = registered.get("processInstanceId").asText();
    Task direct = awaitTask(pi, "Task_Direct");
    SsoClient hung = signIn("hungtv.skhcn");
    assertThat(hung.postJson("/api/v1/tasks/" + direct.getId() + "/claim", "").statusCode()).isEqualTo(204);
    HttpResponse<String> directed = hung.postJson("/api/v1/tasks/" + direct.getId() + "/complete",
        "{\"decision\": \"assign\", \"leadType\": \"department\", \"leadDepartment\": \"skhcn-cds\","
            + " \"direction\": \"Phòng CĐS xử lý.\"}");
    assertThat(directed.statusCode()).as(directed.body()).isEqualTo(204);
    Task pick = awaitTask(pi, "Task_PickHandler");
    SsoClient ha = signIn("hapt.skhcn");
    assertThat(ha.postJson("/api/v1/tasks/" + pick.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(ha.postJson("/api/v1/tasks/" + pick.getId() + "/complete", "{\"leadHandler\": \"anhdd.skhcn\"}")
        .statusCode()).isEqualTo(204);
    Task handle = awaitTask(pi, "Task_Handle");

    // Meanwhile the reply is drafted and issued (IncomingReplies, issue #9 item 1).
    IncomingReplies replies = bean(IncomingReplies.class);
    assertThat(replies.target(docId, RECIPIENT)).get().extracting(IncomingReplies.ReplyTarget::numberSymbol)
        .isEqualTo(d.numberSymbol());
    assertThat(replies.target(docId, SENDER)).isEmpty();
    replies.answered(docId, RECIPIENT, "45/SKHCN-CDS", LocalDate.now(ZONE), UUID.randomUUID().toString());

    SsoClient anh = signIn("anhdd.skhcn");
    assertThat(anh.postJson("/api/v1/tasks/" + handle.getId() + "/claim", "").statusCode()).isEqualTo(204);
    assertThat(anh.postJson("/api/v1/tasks/" + handle.getId() + "/complete", "{\"outcome\": \"filed\"}")
        .statusCode()).isEqualTo(204);
    await(() -> bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi).count() == 0);

    // The sending office sees each status as it happened, with the arrival number, and where it stands now.
    JsonNode seen = senderSees(d.dispatchId());
    assertThat(seen.get("history").findValuesAsText("code")).containsExactly("01", "03", "04", "05", "06");
    assertThat(seen.get("history").get(1).get("note").asText()).isEqualTo("Số đến " + (before + 1) + "/"
        + LocalDate.now(ZONE).getYear());
    assertThat(seen.get("statusCode").asText()).isEqualTo("06");
    assertThat(JSON.readTree(lan.get("/api/v1/incoming/inbox/" + id).body()).get("reported")
        .findValuesAsText("statusCode")).containsExactly("01", "03", "04", "05", "06");

    JsonNode done = JSON.readTree(lan.get("/api/v1/incoming-documents/" + docId).body());
    assertThat(done.at("/document/status").asText()).isEqualTo("DONE");
    // The reply issued through GovFlow stays although the handler recorded "filed".
    assertThat(done.at("/document/replyReference").asText()).startsWith("45/SKHCN-CDS ngày ");
    assertThat(done.get("history").findValuesAsText("step")).contains("ANSWERED");
    assertThat(lan.get("/incoming/" + docId).body()).contains("Đã trả lời bằng văn bản số 45/SKHCN-CDS");
  }

  @Test
  default void aTamperedOrIncompleteDocumentIsNotAcceptedAndTakesNoNumber() throws Exception {
    String marker = "TAM" + System.nanoTime();
    byte[] signed = signedPdf(marker, true);
    byte[] tampered = replaceOnce(signed, marker + " 1000", marker + " 9000");
    DocumentDispatch bad = dispatch(tampered, "thuong", "Văn bản bị sửa " + marker);
    DocumentDispatch personalOnly = dispatch(signedPdf(marker + "P", false), "thuong", "Chỉ ký cá nhân " + marker);
    receiving().receive(bad);
    receiving().receive(personalOnly);
    SsoClient lan = signIn("lannt.skhcn");
    long before = lastNumber(RECIPIENT);

    String badId = inboxId(lan, bad.dispatchId());
    JsonNode entry = JSON.readTree(lan.get("/api/v1/incoming/inbox/" + badId).body());
    assertThat(entry.get("acceptable").asBoolean()).isFalse();
    HttpResponse<String> refused = lan.postJson("/api/v1/incoming/inbox/" + badId + "/accept", "{}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("messageVi").asText()).contains("chữ ký số", "không hợp lệ");
    assertThat(lan.get("/incoming/inbox/" + badId).body()).contains("không vào sổ được");

    String partialId = inboxId(lan, personalOnly.dispatchId());
    HttpResponse<String> incomplete = lan.postJson("/api/v1/incoming/inbox/" + partialId + "/accept", "{}");
    assertThat(incomplete.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(incomplete.body()).get("messageVi").asText()).contains("Thiếu chữ ký số hợp lệ của cơ quan");

    assertThat(lastNumber(RECIPIENT)).isEqualTo(before);
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM inc_document WHERE dispatch_id IN (?, ?)",
        Integer.class, bad.dispatchId(), personalOnly.dispatchId())).isZero();
    assertThat(JSON.readTree(lan.get("/api/v1/incoming/inbox/" + badId).body()).at("/entry/status").asText())
        .isEqualTo("ARRIVED");
    assertThat(reported(bad.dispatchId())).containsExactly("01");

    // The clerk refuses it instead, with the reason (required): 02 with the reason goes back.
    assertThat(lan.postJson("/api/v1/incoming/inbox/" + badId + "/refuse", "{\"reason\": \" \"}").statusCode())
        .isEqualTo(400);
    assertThat(lan.postJson("/api/v1/incoming/inbox/" + badId + "/refuse",
        "{\"reason\": \"Chữ ký số không hợp lệ: văn bản đã bị sửa sau khi ký.\"}").statusCode()).isEqualTo(204);
    JsonNode after = JSON.readTree(lan.get("/api/v1/incoming/inbox/" + badId).body());
    assertThat(after.at("/entry/status").asText()).isEqualTo("REFUSED");
    assertThat(after.at("/entry/refuseReason").asText()).startsWith("Chữ ký số không hợp lệ");
    JsonNode seen = senderSees(bad.dispatchId());
    assertThat(seen.get("history").findValuesAsText("code")).containsExactly("01", "02");
    assertThat(seen.get("statusVi").asText()).isEqualTo("Từ chối tiếp nhận");
    assertThat(seen.get("statusNote").asText()).isEqualTo("Chữ ký số không hợp lệ: văn bản đã bị sửa sau khi ký.");
    assertThat(lan.postJson("/api/v1/incoming/inbox/" + badId + "/accept", "{}").statusCode()).isEqualTo(409);
    assertThat(lastNumber(RECIPIENT)).isEqualTo(before);
  }

  @Test
  default void theSenderRecallsBeforeAndAfterAcceptance() throws Exception {
    String marker = "REC" + System.nanoTime();
    SsoClient lan = signIn("lannt.skhcn");

    DocumentDispatch waiting = dispatch(signedPdf(marker + "A", true), "thuong", "Thu hồi khi chờ " + marker);
    receiving().receive(waiting);
    String waitingId = inboxId(lan, waiting.dispatchId());
    receiving().recall(waiting.dispatchId(), "Ban hành nhầm nơi nhận");
    JsonNode withdrawn = JSON.readTree(lan.get("/api/v1/incoming/inbox/" + waitingId).body());
    assertThat(withdrawn.at("/entry/status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.at("/entry/recallReason").asText()).isEqualTo("Ban hành nhầm nơi nhận");
    assertThat(lan.getBytes("/api/v1/incoming/inbox/" + waitingId + "/files/" + waiting.fileId() + "/content")
        .statusCode()).isEqualTo(404);
    assertThat(lan.postJson("/api/v1/incoming/inbox/" + waitingId + "/accept", "{}").statusCode()).isEqualTo(409);
    assertThat(reported(waiting.dispatchId())).containsExactly("01", "15");

    DocumentDispatch registered = dispatch(signedPdf(marker + "B", true), "thuong", "Thu hồi sau vào sổ " + marker);
    receiving().receive(registered);
    String id = inboxId(lan, registered.dispatchId());
    JsonNode accepted = JSON.readTree(lan.postJson("/api/v1/incoming/inbox/" + id + "/accept",
        "{\"directingLeader\": \"hungtv.skhcn\"}").body());
    String docId = accepted.get("id").asText();
    long number = accepted.get("arrivalNumber").asLong();
    String pi = accepted.get("processInstanceId").asText();
    awaitTask(pi, "Task_Direct");
    String fileId = JSON.readTree(lan.get("/api/v1/incoming-documents/" + docId).body()).at("/files/0/id").asText();
    assertThat(lan.getBytes("/api/v1/files/" + fileId + "/content").statusCode()).isEqualTo(200);

    receiving().recall(registered.dispatchId(), "Văn bản có sai sót, sẽ ban hành văn bản thay thế");
    JsonNode doc = JSON.readTree(lan.get("/api/v1/incoming-documents/" + docId).body());
    assertThat(doc.at("/document/status").asText()).isEqualTo("RECALLED");
    assertThat(doc.at("/document/arrivalNumber").asLong()).isEqualTo(number);
    assertThat(doc.at("/document/summary").asText())
        .isEqualTo("Đã thu hồi: Văn bản có sai sót, sẽ ban hành văn bản thay thế");
    assertThat(doc.get("files")).isEmpty();
    assertThat(doc.get("history").findValuesAsText("step")).contains("RECALLED");
    assertThat(lan.getBytes("/api/v1/files/" + fileId + "/content").statusCode()).isEqualTo(404);
    assertThat(bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    // Its content is gone from the register's search; its number is still in the register.
    JsonNode search = JSON.readTree(lan.get("/api/v1/incoming-documents?q=" + marker + "B").body());
    assertThat(search.get("items").findValuesAsText("id")).doesNotContain(docId);
    assertThat(lan.get("/incoming/" + docId).body()).contains("Văn bản đã bị nơi gửi thu hồi");
    // The leader who held the direction was told.
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ?"
        + " AND subject_vi LIKE ?", Integer.class, "hungtv.skhcn", "%" + registered.numberSymbol() + " đã bị thu hồi"))
        .isEqualTo(1);
    assertThat(JSON.readTree(lan.get("/api/v1/incoming/inbox/" + id).body()).at("/entry/status").asText())
        .isEqualTo("WITHDRAWN");
    assertThat(reported(registered.dispatchId())).containsExactly("01", "03", "15");
    // The reply seam no longer offers it.
    assertThat(bean(IncomingReplies.class).target(docId, RECIPIENT)).isEmpty();
  }

  /**
   * Issue #9 item 7 at the recipient (Art 18.3): a replacement shows in the inbox what it replaces; registering it
   * marks the replaced document on its page and in the register, and the sender hears 15 for the replaced one.
   * The accept page's "forward directly" field follows the API's rules (item 4 of this session's brief).
   */
  @Test
  default void aReplacementShowsWhatItReplacesAndMarksTheReplacedDocument() throws Exception {
    String marker = "RPL" + System.nanoTime();
    SsoClient lan = signIn("lannt.skhcn");
    DocumentDispatch first = dispatch(signedPdf(marker + "A", true), "thuong", "Văn bản gốc " + marker + "A");
    receiving().receive(first);
    JsonNode accepted = JSON.readTree(lan.postJson("/api/v1/incoming/inbox/" + inboxId(lan, first.dispatchId())
        + "/accept", "{}").body());
    String firstDoc = accepted.get("id").asText();

    DocumentDispatch base = dispatch(signedPdf(marker + "B", true), "thuong", "Văn bản thay thế " + marker + "B");
    DocumentDispatch second = new DocumentDispatch(base.dispatchId(), base.senderAgencyCode(), base.senderName(),
        base.recipientAgencyCode(), null, base.codeNumber(), base.codeNotation(), LocalDate.now(ZONE),
        base.documentType(), base.subject(), base.urgency(), base.signerName(), base.signerPosition(),
        base.pageCount(), base.language(), base.fileId(), List.of(), first.dispatchId());
    receiving().receive(second);
    String secondEntry = inboxId(lan, second.dispatchId());
    String says = "Văn bản thay thế cho số " + first.numberSymbol() + " ngày "
        + first.documentDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    assertThat(lan.get("/incoming/inbox").body()).contains(says, "/incoming/" + firstDoc);
    String entryPage = lan.get("/incoming/inbox/" + secondEntry).body();
    assertThat(entryPage).contains(says, "href=\"/incoming/" + firstDoc + "\"", "id=\"forwardTo\"");

    // The accept page's forward field: a department of another agency is refused on the page, nothing taken.
    long before = lastNumber(RECIPIENT);
    HttpResponse<String> refused = postForm(lan, "/incoming/inbox/" + secondEntry + "/accept",
        java.util.Map.of("forwardTo", "vpubnd-hcto"));
    assertThat(refused.body()).contains("Chọn người hoặc phòng, đơn vị (có trưởng phòng) thuộc cơ quan.");
    assertThat(lastNumber(RECIPIENT)).isEqualTo(before);
    assertThat(JSON.readTree(lan.get("/api/v1/incoming/inbox/" + secondEntry).body()).at("/entry/status").asText())
        .isEqualTo("ARRIVED");
    HttpResponse<String> taken = postForm(lan, "/incoming/inbox/" + secondEntry + "/accept",
        java.util.Map.of("forwardTo", "skhcn-cds"));
    assertThat(taken.statusCode()).isEqualTo(200);
    String secondDoc = JSON.readTree(lan.get("/api/v1/incoming/inbox/" + secondEntry).body()).at("/entry/incomingId")
        .asText();
    assertThat(secondDoc).isNotBlank();
    await(() -> {
      try {
        return JSON.readTree(lan.get("/api/v1/incoming-documents/" + secondDoc).body()).get("history")
            .findValuesAsText("step").contains("FORWARDED_DIRECTLY");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    String replacedBy = "Đã được thay thế bởi văn bản số " + second.numberSymbol() + " ngày "
        + second.documentDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    assertThat(lan.get("/incoming/" + firstDoc).body()).contains(replacedBy, "href=\"/incoming/" + secondDoc + "\"");
    assertThat(lan.get("/incoming/" + secondDoc).body()).contains("Văn bản thay thế cho số " + first.numberSymbol());
    JsonNode old = JSON.readTree(lan.get("/api/v1/incoming-documents/" + firstDoc).body());
    assertThat(old.at("/document/note").asText()).startsWith(replacedBy);
    assertThat(old.get("history").findValuesAsText("step")).contains("REPLACED");
    assertThat(lan.get("/incoming/register?q=" + marker).body()).contains(replacedBy);
    // What the sending office sees on each dispatch.
    assertThat(reported(first.dispatchId())).containsExactly("01", "03", "15");
    assertThat(senderSees(first.dispatchId()).get("history").get(2).get("note").asText()).startsWith(replacedBy);
    assertThat(reported(second.dispatchId())).startsWith("01", "03");

    // A replacement of one still waiting in the inbox withdraws the waiting one with that reason.
    DocumentDispatch waiting = dispatch(signedPdf(marker + "C", true), "thuong", "Chờ tiếp nhận " + marker + "C");
    receiving().receive(waiting);
    DocumentDispatch b2 = dispatch(signedPdf(marker + "D", true), "thuong", "Thay thế khi chờ " + marker + "D");
    DocumentDispatch third = new DocumentDispatch(b2.dispatchId(), b2.senderAgencyCode(), b2.senderName(),
        b2.recipientAgencyCode(), null, b2.codeNumber(), b2.codeNotation(), b2.documentDate(), b2.documentType(),
        b2.subject(), b2.urgency(), b2.signerName(), b2.signerPosition(), b2.pageCount(), b2.language(), b2.fileId(),
        List.of(), waiting.dispatchId());
    receiving().receive(third);
    assertThat(lan.postJson("/api/v1/incoming/inbox/" + inboxId(lan, third.dispatchId()) + "/accept", "{}")
        .statusCode()).isEqualTo(201);
    JsonNode w = JSON.readTree(lan.get("/api/v1/incoming/inbox/" + inboxId(lan, waiting.dispatchId())).body());
    assertThat(w.at("/entry/status").asText()).isEqualTo("WITHDRAWN");
    assertThat(w.at("/entry/recallReason").asText()).startsWith("Đã được thay thế bởi văn bản số "
        + third.numberSymbol());
    assertThat(reported(waiting.dispatchId())).containsExactly("01", "15");
  }

  /** Posts a page's form as the browser does (the CSRF token in its header), following the redirect. */
  private HttpResponse<String> postForm(SsoClient client, String path, java.util.Map<String, String> fields) {
    return client.send(client.withXsrf(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SsoClient.form(fields))));
  }
}
