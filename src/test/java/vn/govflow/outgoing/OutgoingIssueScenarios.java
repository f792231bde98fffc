package vn.govflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.documents.DeliveryStatus;
import vn.govflow.documents.DeliveryStatusListener;
import vn.govflow.signing.DocumentSigning;
import vn.govflow.signing.SignatureReport;
import vn.govflow.support.SsoClient;

/**
 * Issue #9 items 4-7 on the clerk's side, on both databases: numbering (gapless under 16 concurrent clerks, nothing
 * consumed by a refusal), the symbol rules, issuing, delivery status through the listener, the register (API, page,
 * print, XLSX) and recall, with the bad inputs of the issue's list.
 */
interface OutgoingIssueScenarios extends OutgoingIssueTestSupport {

  private HttpResponse<String> number(SsoClient clerk, String id) {
    return clerk.postJson("/api/v1/outgoing/" + id + "/number", "{}");
  }

  private static void problem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    if (code != null) {
      assertThat(r.body()).contains(code);
    }
  }

  @Test
  default void sixteenClerksNumberAtOnceWithoutGapsOrDuplicatesAndARefusalConsumesNothing() throws Exception {
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      docs.add(signedDocument("quyet-dinh", "Quyết định số thứ tự " + i, true,
          Recipient.department("skhcn-qlkh", "Phòng Quản lý khoa học")));
    }
    // Claims to be signed but carries no personal signature: the agency signature is refused.
    String unsigned = signedDocument("quyet-dinh", "Không có chữ ký cá nhân", false,
        Recipient.department("skhcn-qlkh", "Phòng Quản lý khoa học"));
    long before = lastNumber(OutgoingNumbers.ADMINISTRATIVE);
    List<SsoClient> clerks = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      clerks.add(signIn("lannt.skhcn"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(17);
    try {
      List<Future<HttpResponse<String>>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        SsoClient clerk = clerks.get(i);
        String id = docs.get(i);
        results.add(pool.submit((Callable<HttpResponse<String>>) () -> number(clerk, id)));
      }
      Future<HttpResponse<String>> refused = pool.submit(() -> number(clerks.get(16), unsigned));
      Set<Long> numbers = new HashSet<>();
      for (Future<HttpResponse<String>> f : results) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode n = json(r.body());
        assertThat(n.get("registerCode").asText()).isEqualTo("VB");
        assertThat(n.get("numberSymbol").asText())
            .isEqualTo(String.format("%02d", n.get("number").asLong()) + "/QĐ-SKHCN");
        numbers.add(n.get("number").asLong());
      }
      problem(refused.get(), 409, "outgoing-issue-no-personal-signature");
      Set<Long> expected = new HashSet<>();
      for (long n = before + 1; n <= before + 16; n++) {
        expected.add(n);
      }
      assertThat(numbers).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
    assertThat(lastNumber(OutgoingNumbers.ADMINISTRATIVE)).isEqualTo(before + 16);
    assertThat(status(unsigned)).isEqualTo("SIGNED");
    // The issued file carries the head's personal signature and the agency's, both valid.
    String fileId = bean(JdbcTemplate.class).queryForObject("SELECT issued_file_id FROM out_document WHERE id = ?",
        String.class, docs.get(0));
    var files = bean(vn.govflow.files.FileService.class);
    byte[] issued;
    try (var in = files.open(files.findHeldByCase(fileId).orElseThrow())) {
      issued = in.readAllBytes();
    }
    SignatureReport report = bean(DocumentSigning.class).verify(issued);
    assertThat(report.valid()).isTrue();
    assertThat(report.validOf(SignatureReport.Kind.PERSONAL)).hasSize(1);
    assertThat(report.validOf(SignatureReport.Kind.AGENCY)).hasSize(1);
  }

  @Test
  default void symbolsFollowAppendixOneAndLegalDocumentsHaveTheirOwnRegister() {
    SsoClient clerk = signIn("lannt.skhcn");
    String congVan = signedDocument("cong-van", "Về việc triển khai chữ ký số", true,
        Recipient.department("skhcn-vp", "Văn phòng Sở"));
    JsonNode cv = json(number(clerk, congVan).body());
    // Công văn: agency + drafting unit, no type abbreviation (App I §II.3: 12/UBND-VX).
    assertThat(cv.get("numberSymbol").asText()).matches("\\d{2,}/SKHCN-CĐS");
    long legalBefore = lastNumber("QPPL-QĐ");
    String legal = signedDocument("Quyết định quy phạm pháp luật", "Ban hành quy định quản lý khoa học", true,
        Recipient.department("skhcn-vp", "Văn phòng Sở"));
    JsonNode qd = json(number(clerk, legal).body());
    assertThat(qd.get("registerCode").asText()).isEqualTo("QPPL-QĐ");
    assertThat(qd.get("number").asLong()).isEqualTo(legalBefore + 1);
    assertThat(qd.get("numberSymbol").asText())
        .isEqualTo(String.format("%02d", legalBefore + 1) + "/" + year() + "/QĐ-SKHCN");
    // A free type without a register: refused, nothing consumed.
    String free = signedDocument("Tờ trình liên tịch", "Không có tên viết tắt", true,
        Recipient.department("skhcn-vp", "Văn phòng Sở"));
    long adminBefore = lastNumber(OutgoingNumbers.ADMINISTRATIVE);
    problem(number(clerk, free), 422, "outgoing-issue-type-abbreviation");
    assertThat(lastNumber(OutgoingNumbers.ADMINISTRATIVE)).isEqualTo(adminBefore);
    assertThat(OutgoingNumbers.dateLine("Lào Cai", LocalDate.of(2026, 1, 5))).isEqualTo("Lào Cai, ngày 05 tháng 01 năm 2026");
    assertThat(OutgoingNumbers.dateLine("Lào Cai", LocalDate.of(2026, 11, 25))).isEqualTo("Lào Cai, ngày 25 tháng 11 năm 2026");
    assertThat(OutgoingNumbers.dateLine("Lào Cai", LocalDate.of(2026, 3, 9))).isEqualTo("Lào Cai, ngày 09 tháng 3 năm 2026");
  }

  @Test
  default void badInputsAreRefusedAndChangeNothing() {
    SsoClient clerk = signIn("lannt.skhcn");
    // Numbering a document that is not signed (still in review): 409.
    String inReview = signedDocument("quyet-dinh", "Còn đang trình ký", true,
        Recipient.department("skhcn-vp", "Văn phòng Sở"));
    bean(JdbcTemplate.class).update("UPDATE out_document SET status = 'IN_REVIEW' WHERE id = ?", inReview);
    long before = lastNumber(OutgoingNumbers.ADMINISTRATIVE);
    problem(number(clerk, inReview), 409, "outgoing-issue-not-signed");
    // Another agency's document: not found for its clerk.
    problem(number(signIn("hoadt.vpubnd"), inReview), 404, null);
    // Not a clerk: refused.
    String signed = signedDocument("quyet-dinh", "Quyết định thử", true,
        Recipient.department("skhcn-vp", "Văn phòng Sở"), Recipient.agency("000.00.99.H37", "Sở Không Tồn Tại"));
    problem(number(signIn("anhdd.skhcn"), signed), 403, null);
    assertThat(lastNumber(OutgoingNumbers.ADMINISTRATIVE)).isEqualTo(before);
    // Issuing before numbering: 409.
    problem(clerk.postJson("/api/v1/outgoing/" + signed + "/issue", "{}"), 409, "outgoing-issue-not-numbered");
    assertThat(number(clerk, signed).statusCode()).isEqualTo(200);
    // Numbering twice: 409, the number stays.
    problem(number(clerk, signed), 409, "outgoing-issue-numbered");
    assertThat(lastNumber(OutgoingNumbers.ADMINISTRATIVE)).isEqualTo(before + 1);
    // An agency unknown to the directory: 422 before anything is sent.
    HttpResponse<String> unknown = clerk.postJson("/api/v1/outgoing/" + signed + "/issue", "{}");
    problem(unknown, 422, "outgoing-issue-unknown-agency");
    assertThat(unknown.body()).contains("000.00.99.H37");
    assertThat(status(signed)).isEqualTo("NUMBERED");
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM out_recipient_status WHERE document_id = ?",
        Integer.class, signed)).isZero();
  }

  @Test
  default void issuedDocumentsReportWhereTheyStandAtEachRecipientAndCanBeRecalledOnce() throws Exception {
    SsoClient clerk = signIn("lannt.skhcn");
    String id = signedDocument("ke-hoach", "Kế hoạch chuyển đổi số năm sau", true,
        Recipient.department("skhcn-qlkh", "Phòng Quản lý khoa học"),
        Recipient.email("Công ty Cổ phần Phần mềm Lào Cai", "vanthu@phanmem.example"),
        Recipient.post("Trường Đại học Tây Bắc"));
    String numberSymbol = json(number(clerk, id).body()).get("numberSymbol").asText();
    assertThat(numberSymbol).endsWith("/KH-SKHCN");
    HttpResponse<String> issued = clerk.postJson("/api/v1/outgoing/" + id + "/issue", "{}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    assertThat(json(issued.body()).get("status").asText()).isEqualTo("ISSUED");
    problem(clerk.postJson("/api/v1/outgoing/" + id + "/issue", "{}"), 409, "outgoing-issue-twice");
    // The department was told; the postal register has its row.
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = 'maivt.skhcn'"
        + " AND link = ?", Integer.class, "/outgoing/" + id + "/issue")).isEqualTo(1);
    LocalDate today = LocalDate.now(VN);
    JsonNode postal = json(clerk.get("/api/v1/outgoing/postal?from=" + today + "&to=" + today).body());
    assertThat(postal.findValuesAsText("recipient")).contains("Trường Đại học Tây Bắc");
    assertThat(postal.findValuesAsText("numberSymbol")).contains(numberSymbol);

    // The receiving side reports through the seam: received, then assigned, with the latest kept.
    DeliveryStatusListener listener = bean(OutgoingDelivery.class);
    listener.statusChanged(id + "/1", DeliveryStatus.RECEIVED, null, OffsetDateTime.now(VN));
    listener.statusChanged(id + "/1", DeliveryStatus.ASSIGNED, "Giao Phòng QLKH", OffsetDateTime.now(VN));
    // Reported late with an older time: history only, the latest stays.
    listener.statusChanged(id + "/1", DeliveryStatus.IN_PROGRESS, "late report", OffsetDateTime.now(VN).minusDays(1));
    listener.statusChanged("unknown/9", DeliveryStatus.DONE, null, OffsetDateTime.now(VN)); // not ours: ignored
    SsoClient head = signIn("hungtv.skhcn");
    JsonNode recipients = json(head.get("/api/v1/outgoing/" + id + "/recipients").body());
    assertThat(recipients).hasSize(3);
    assertThat(recipients.get(0).get("statusCode").asText()).isEqualTo("04");
    assertThat(recipients.get(0).get("statusVi").asText()).isEqualTo("Đã phân công");
    assertThat(recipients.get(0).get("history").findValuesAsText("code")).containsExactly("05", "01", "03", "04");
    assertThat(recipients.get(1).get("kind").asText()).isEqualTo("OUTSIDE");
    JsonNode list = json(head.get("/api/v1/outgoing/issued").body());
    JsonNode mine = null;
    for (JsonNode d : list) {
      if (d.get("id").asText().equals(id)) {
        mine = d;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("recipients").asInt()).isEqualTo(3);
    assertThat(mine.get("byStatus").get("04").asInt()).isEqualTo(1);
    // The drafter sees it too; another agency does not; a handler who did not draft it may not.
    assertThat(signIn("anhdd.skhcn").get("/api/v1/outgoing/" + id + "/recipients").statusCode()).isEqualTo(200);
    assertThat(signIn("maivt.skhcn").get("/api/v1/outgoing/" + id + "/recipients").statusCode()).isEqualTo(403);
    assertThat(signIn("sonnv.vpubnd").get("/api/v1/outgoing/" + id + "/recipients").statusCode()).isEqualTo(404);
    String page = head.get("/outgoing/" + id + "/delivery").body();
    assertThat(page).contains(numberSymbol, "Đã phân công", "Giao Phòng QLKH", "Trường Đại học Tây Bắc");

    // Recall: the clerk must name the leader who ordered it; then frozen with its reason; a second recall is 409.
    problem(clerk.postJson("/api/v1/outgoing/" + id + "/recall", "{\"reason\": \"Sai thẩm quyền\"}"), 400,
        "outgoing-recall-ordered-by");
    problem(head.postJson("/api/v1/outgoing/" + id + "/recall", "{\"reason\": \"  \"}"), 400, "outgoing-recall-reason");
    HttpResponse<String> recalled = clerk.postJson("/api/v1/outgoing/" + id + "/recall",
        "{\"reason\": \"Sai thẩm quyền ban hành\", \"orderedBy\": \"hungtv.skhcn\"}");
    assertThat(recalled.statusCode()).as(recalled.body()).isEqualTo(200);
    assertThat(status(id)).isEqualTo("RECALLED");
    problem(head.postJson("/api/v1/outgoing/" + id + "/recall", "{\"reason\": \"Lần nữa\"}"), 409,
        "outgoing-recall-twice");
    JsonNode after = json(head.get("/api/v1/outgoing/" + id + "/recipients").body());
    assertThat(after.findValuesAsText("statusCode")).containsOnly("13");
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = 'maivt.skhcn'"
        + " AND kind = 'OUTGOING_RECALLED'", Integer.class)).isGreaterThanOrEqualTo(1);
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT on_behalf_of FROM case_history WHERE case_id = ?"
        + " AND step = 'RECALLED'", String.class, id)).isEqualTo("hungtv.skhcn");
  }

  @Test
  default void theRegisterHasItsTenColumnsSearchesWithoutDiacriticsPrintsAndExports() throws Exception {
    SsoClient clerk = signIn("lannt.skhcn");
    String id = signedDocument("thong-bao", "Thông báo lịch tiếp công dân quý tư", true,
        Recipient.department("skhcn-qlkh", "Phòng Quản lý khoa học"), Recipient.post("Ủy ban nhân dân huyện Bát Xát"));
    String numberSymbol = json(number(clerk, id).body()).get("numberSymbol").asText();
    assertThat(clerk.postJson("/api/v1/outgoing/" + id + "/issue", "{}").statusCode()).isEqualTo(200);
    LocalDate today = LocalDate.now(VN);

    JsonNode found = json(clerk.get("/api/v1/outgoing/register?q=lich+tiep+cong+dan+quy+tu&from=" + today.minusDays(1)
        + "&to=" + today).body());
    assertThat(found.get("total").asLong()).isEqualTo(1);
    JsonNode row = found.get("items").get(0);
    assertThat(row.get("numberSymbol").asText()).isEqualTo(numberSymbol);
    assertThat(row.get("documentDate").asText()).isEqualTo(today.toString());
    assertThat(row.get("typeAndSummary").asText()).isEqualTo("Thông báo: Thông báo lịch tiếp công dân quý tư");
    assertThat(row.get("signer").asText()).isEqualTo("Trần Văn Hùng (Giám đốc Sở)");
    assertThat(row.get("recipients").asText()).isEqualTo("Phòng Quản lý khoa học; Ủy ban nhân dân huyện Bát Xát");
    assertThat(row.get("keptBy").asText()).isEqualTo("Phòng Chuyển đổi số, Đỗ Đức Anh");
    // No count given by the clerk: one copy per recipient and the one kept (lưu văn thư).
    assertThat(row.get("copies").asInt()).isEqualTo(3);
    assertThat(row.get("sentAt").isNull()).isFalse();
    // Another agency's register does not show it.
    assertThat(json(signIn("hoadt.vpubnd").get("/api/v1/outgoing/register?q=lich+tiep+cong+dan+quy+tu").body())
        .get("total").asLong()).isZero();

    String page = clerk.get("/outgoing/register?q=bat+xat&from=" + today + "&to=" + today).body();
    assertThat(page).contains(numberSymbol, "Ủy ban nhân dân huyện Bát Xát", "Đơn vị, người nhận bản lưu");
    String print = clerk.get("/outgoing/register/print?from=" + today + "&to=" + today).body();
    assertThat(print).contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI", numberSymbol, "(10)");
    assertThat(clerk.get("/outgoing/register/print?from=" + today + "&to=" + today + "&lang=en").body())
        .contains("REGISTER OF OUTGOING DOCUMENTS");

    HttpResponse<byte[]> xlsx = clerk.getBytes("/api/v1/outgoing/register.xlsx?from=" + today + "&to=" + today);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = wb.getSheetAt(0);
      Row header = sheet.getRow(3);
      List<String> headers = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        headers.add(header.getCell(i).getStringCellValue());
      }
      assertThat(headers).containsExactly("Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung",
          "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận",
          "Ghi chú");
      boolean there = false;
      for (int r = 5; r <= sheet.getLastRowNum(); r++) {
        if (numberSymbol.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
          there = true;
          assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).contains("Bát Xát");
        }
      }
      assertThat(there).isTrue();
    }
    problem(clerk.get("/api/v1/outgoing/register.xlsx?from=" + today), 400, "outgoing-register-range-required");
  }

  /**
   * The postal register as a page (App IV): the issuing agency's clerk sees the letters, records one as posted with
   * the envelope's address (once), prints the form; another agency's clerk cannot touch it, a handler cannot open
   * it. The delivery page says of an e-mail recipient that the copy has not gone (no mail server here).
   */
  @Test
  default void thePostalRegisterPageMarksALetterPostedOnceAndPrints() throws Exception {
    long n = System.nanoTime() % 1_000_000;
    String school = "Trường Cao đẳng Lào Cai " + n;
    String id = signedDocument("thong-bao", "Thông báo lịch tiếp công dân đợt " + n, true, Recipient.post(school),
        Recipient.email("Hộ kinh doanh Bảo Yên " + n, "hkd" + n + "@phanmem.example"));
    SsoClient clerk = signIn("lannt.skhcn");
    String numberSymbol = json(number(clerk, id).body()).get("numberSymbol").asText();
    assertThat(clerk.postJson("/api/v1/outgoing/" + id + "/issue", "{}").statusCode()).isEqualTo(200);
    long letter = bean(JdbcTemplate.class).queryForObject("SELECT id FROM out_postal WHERE document_id = ?",
        Long.class, id);

    String page = clerk.get("/outgoing/postal").body();
    assertThat(page).contains("SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN", "id=\"letter-" + letter + "\"", school, numberSymbol);
    assertThat(section(page, "letter-" + letter)).contains("Chưa gửi");
    assertThat(signIn("anhdd.skhcn").get("/outgoing/postal").statusCode()).isEqualTo(403);
    assertThat(postForm(signIn("hoadt.vpubnd"), "/outgoing/postal/" + letter + "/posted",
        java.util.Map.of("address", "Nơi khác")).statusCode()).isEqualTo(404);
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM out_postal WHERE id = ?"
        + " AND posted_at IS NULL", Integer.class, letter)).isEqualTo(1);

    HttpResponse<String> posted = postForm(clerk, "/outgoing/postal/" + letter + "/posted",
        java.util.Map.of("address", "Số 1 đường Hoàng Liên, phường Cốc Lếu"));
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).contains("Đã ghi gửi bưu điện: " + numberSymbol + " – " + school);
    assertThat(section(posted.body(), "letter-" + letter)).contains("Đã gửi lúc", "Số 1 đường Hoàng Liên")
        .doesNotContain("id=\"posted-" + letter + "\"");
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT posted_by FROM out_postal WHERE id = ?", String.class,
        letter)).isEqualTo("lannt.skhcn");
    assertThat(postForm(clerk, "/outgoing/postal/" + letter + "/posted", java.util.Map.of()).body())
        .contains("Thư này đã được ghi là đã gửi bưu điện.");
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM case_history WHERE case_id = ?"
        + " AND step = 'POSTED'", Integer.class, id)).isEqualTo(1);
    assertThat(clerk.get("/outgoing/postal/print").body()).contains("Ký nhận và dấu bưu điện",
        school + ", Số 1 đường Hoàng Liên, phường Cốc Lếu");

    String delivery = clerk.get("/outgoing/" + id + "/delivery").body();
    assertThat(section(delivery, "mail-2")).contains("Thư chưa gửi");
  }

  /**
   * The agency administrator's settings page: a free document type has no abbreviation until a register is set
   * for it (422, no number taken); the administrator adds the register, and the next number uses it. A department's
   * abbreviation is set once and kept. A handler cannot open the page; another agency's department is not there.
   */
  @Test
  default void theAdministratorSetsARegisterForAFreeTypeAndTheNextNumberUsesIt() throws Exception {
    long n = System.nanoTime() % 1_000_000;
    String type = "Quy chế mẫu " + n;
    String id = signedDocument(type, "Quy chế quản lý đề tài " + n, true,
        Recipient.department("skhcn-qlkh", "Phòng Quản lý khoa học"));
    SsoClient clerk = signIn("lannt.skhcn");
    problem(number(clerk, id), 422, "outgoing-issue-type-abbreviation");

    SsoClient khai = signIn("khailv.skhcn");
    assertThat(signIn("anhdd.skhcn").get("/admin/outgoing").statusCode()).isEqualTo(403);
    assertThat(khai.get("/admin/outgoing").body()).contains("Sổ và tên viết tắt của văn bản đi",
        "id=\"abbr-skhcn-cds\"", "QPPL-QĐ").doesNotContain("id=\"abbr-vpubnd-kgvx\"");
    String code = "QCM" + n;
    String bad = postForm(khai, "/admin/outgoing/registers", java.util.Map.of("code", code, "documentType", type,
        "abbreviation", "qc mẫu", "nameVi", "Sổ quy chế mẫu")).body();
    assertThat(bad).contains("Tên viết tắt của loại văn bản gồm chữ in hoa");
    HttpResponse<String> added = postForm(khai, "/admin/outgoing/registers", java.util.Map.of("code", code,
        "documentType", type, "abbreviation", "QCM", "nameVi", "Sổ quy chế mẫu", "withYear", "true"));
    assertThat(added.body()).contains("Đã lưu: Sổ quy chế mẫu.", "id=\"register-" + code + "\"");
    assertThat(postForm(khai, "/admin/outgoing/registers", java.util.Map.of("code", code, "documentType", type,
        "abbreviation", "QCM", "nameVi", "Lần nữa")).body()).contains("Đã có sổ cùng mã hoặc cùng loại văn bản.");

    HttpResponse<String> numbered = number(clerk, id);
    assertThat(numbered.statusCode()).as(numbered.body()).isEqualTo(200);
    assertThat(json(numbered.body()).get("numberSymbol").asText()).isEqualTo("01/" + year() + "/QCM-SKHCN");

    // Renaming the register keeps its code and type; the abbreviation of a department is set and shown.
    assertThat(postForm(khai, "/admin/outgoing/registers/" + code, java.util.Map.of("nameVi", "Sổ quy chế",
        "abbreviation", "QC")).statusCode()).isEqualTo(200);
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT abbreviation FROM out_register WHERE code = ?",
        String.class, code)).isEqualTo("QC");
    assertThat(postForm(khai, "/admin/outgoing/abbreviations", java.util.Map.of("ownerKind", "DEPARTMENT",
        "ownerId", "vpubnd-kgvx", "abbreviation", "XX")).statusCode()).isEqualTo(404);
    assertThat(postForm(khai, "/admin/outgoing/abbreviations", java.util.Map.of("ownerKind", "DEPARTMENT",
        "ownerId", "skhcn-qlkh", "abbreviation", "QLKH")).body()).contains("Đã lưu: QLKH.", "Do khailv.skhcn");
    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM audit_event WHERE action ="
        + " 'outgoing.settings.register.add' AND object_id = ?", Integer.class, code)).isEqualTo(1);
  }

  /** The page's HTML from the element with this id to the end of its list item or row (enough for a check). */
  private static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("element " + id).isGreaterThanOrEqualTo(0);
    int li = html.indexOf("</li>", start);
    int end = html.indexOf("</form>", start);
    int stop = Math.min(li < 0 ? html.length() : li, end < 0 ? html.length() : end);
    return html.substring(start, Math.max(stop, Math.min(html.length(), start + 200)));
  }

  /** Posts a page's form as the browser does (the CSRF token in its header), following the redirect. */
  private HttpResponse<String> postForm(SsoClient client, String path, java.util.Map<String, String> fields) {
    return client.send(client.withXsrf(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SsoClient.form(fields))));
  }
}
