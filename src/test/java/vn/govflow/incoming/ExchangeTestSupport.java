package vn.govflow.incoming;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.documents.DocumentDispatch;
import vn.govflow.documents.DocumentReceiving;
import vn.govflow.files.FileService;
import vn.govflow.identity.CurrentUser;
import vn.govflow.signing.DocumentSigning;
import vn.govflow.support.SsoClient;

/** What the exchange tests do as the sender: a PDF made and signed for real, stored and dispatched. */
interface ExchangeTestSupport extends IncomingTestSupport {
  String SENDER = "000.00.01.H37";
  String RECIPIENT = "000.00.12.H37";
  ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  // ---- what the sender would do ----

  default DocumentReceiving receiving() {
    return bean(DocumentReceiving.class);
  }

  default String inboxId(SsoClient clerk, String dispatchId) throws IOException {
    return find(JSON.readTree(clerk.get("/api/v1/incoming/inbox").body()), dispatchId).get("id").asText();
  }

  default JsonNode find(JsonNode list, String dispatchId) {
    for (JsonNode n : list) {
      if (dispatchId.equals(n.get("dispatchId").asText())) {
        return n;
      }
    }
    throw new AssertionError("dispatch " + dispatchId + " not in the inbox: " + list);
  }

  /** The issued PDF stored by the sender's clerk, dispatched to the Department of Science and Technology. */
  default DocumentDispatch dispatch(byte[] pdf, String urgency, String subject) {
    CurrentUser senderClerk = new CurrentUser("hoadt.vpubnd", "Đặng Thị Hoa", SENDER, "Văn phòng", "vpubnd-hcto",
        null, "Văn thư", Set.of("clerk"), null);
    String marker = subject.substring(subject.lastIndexOf(' ') + 1);
    String fileId = bean(FileService.class).store("cong-van-" + marker + ".pdf", new ByteArrayInputStream(pdf),
        senderClerk).id();
    String number = String.valueOf(100 + Math.floorMod(marker.hashCode(), 9000));
    // The sender's issued document and its recipient, as the outgoing module keeps them (without a number of the
    // office's register, so the real numbering is not disturbed): the dispatch is that recipient's, and every
    // status the recipient reports is what the office sees on it.
    String outgoingId = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(ZONE).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    jdbc.update("INSERT INTO out_document(id, agency_code, department_id, drafter, document_type, subject, urgency,"
        + " status, issued_date, issued_file_id, issued_by, issued_at, page_count, created_at, updated_at)"
        + " VALUES (?, ?, 'vpubnd-hcto', 'thaomt.vpubnd', 'cong-van', ?, ?, 'ISSUED', ?, ?, 'hoadt.vpubnd', ?, 1, ?, ?)",
        outgoingId, SENDER, subject, urgency, LocalDate.now(ZONE).minusDays(1), fileId, now, now, now);
    jdbc.update("INSERT INTO out_recipient(document_id, position, kind, agency_code, name) VALUES (?, 1, 'AGENCY',"
        + " ?, 'Sở Khoa học và Công nghệ')", outgoingId, RECIPIENT);
    return new DocumentDispatch(outgoingId + "/1", SENDER, "Văn phòng Ủy ban nhân dân tỉnh", RECIPIENT,
        null, number, "VP-KGVX", LocalDate.now(ZONE).minusDays(1), "cong-van", subject, urgency, "Ngô Văn Sơn",
        "Chánh Văn phòng", 1, "Tiếng Việt", fileId, List.of(), null);
  }

  /** The recipient as the sending office's clerk sees it (GET /api/v1/outgoing/{id}/recipients). */
  default JsonNode senderSees(String dispatchId) throws IOException {
    String outgoingId = dispatchId.substring(0, dispatchId.lastIndexOf('/'));
    HttpResponse<String> r = signIn("hoadt.vpubnd").get("/api/v1/outgoing/" + outgoingId + "/recipients");
    if (r.statusCode() != 200) {
      throw new AssertionError("the sender cannot see its recipients: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get(0);
  }

  /** The status codes the recipient reported, in order, as the sender sees them. */
  default List<String> reported(String dispatchId) throws IOException {
    return senderSees(dispatchId).get("history").findValuesAsText("code");
  }

  /** A one-page PDF made here, signed by the office's head and (when asked) by the office as the agency. */
  default byte[] signedPdf(String marker, boolean agency) throws IOException {
    byte[] pdf;
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      // Uncompressed, so the test can change one word of the signed content.
      try (PDPageContentStream text = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
          false)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText(marker + " 1000");
        text.endText();
      }
      doc.save(out);
      pdf = out.toByteArray();
    }
    DocumentSigning signing = bean(DocumentSigning.class);
    byte[] personal = signing.signPersonal(pdf, "sonnv.vpubnd", "CHÁNH VĂN PHÒNG");
    return agency ? signing.signAgency(personal, SENDER) : personal;
  }

  default byte[] replaceOnce(byte[] data, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
    byte[] t = to.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i <= data.length - f.length; i++) {
      for (int j = 0; j < f.length; j++) {
        if (data[i + j] != f[j]) {
          continue outer;
        }
      }
      byte[] copy = data.clone();
      System.arraycopy(t, 0, copy, i, t.length);
      return copy;
    }
    throw new AssertionError("no " + from + " in the PDF");
  }
}
