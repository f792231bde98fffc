package vn.govflow.outgoing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.files.FileService;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.Roles;
import vn.govflow.signing.DocumentSigning;
import vn.govflow.support.GovFlowUnderTest;

/**
 * Outgoing documents ready for the clerk, made as the review chain leaves them (until the drafting helper's flow is
 * merged): a real PDF signed with the head's personal certificate by the embedded signing service, status SIGNED.
 */
interface OutgoingIssueTestSupport extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();
  ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  String SKHCN = "000.00.12.H37";
  String VPUBND = "000.00.01.H37";
  Path FONT = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");

  record Recipient(String kind, String departmentId, String agencyCode, String name, String email, boolean postal) {
    static Recipient department(String id, String name) {
      return new Recipient(OutgoingRecipient.DEPARTMENT, id, null, name, null, false);
    }

    static Recipient agency(String code, String name) {
      return new Recipient(OutgoingRecipient.AGENCY, null, code, name, null, false);
    }

    static Recipient email(String name, String email) {
      return new Recipient(OutgoingRecipient.OUTSIDE, null, null, name, email, false);
    }

    static Recipient post(String name) {
      return new Recipient(OutgoingRecipient.OUTSIDE, null, null, name, null, true);
    }
  }

  default CurrentUser drafter() {
    return new CurrentUser("anhdd.skhcn", "Đỗ Đức Anh", SKHCN, "Sở Khoa học và Công nghệ", "skhcn-cds",
        "Phòng Chuyển đổi số", "chuyen-vien", Set.of(Roles.HANDLER), null);
  }

  /** A one-page A4 document with Vietnamese text and blanks for the number and date. */
  static byte[] pdf(String subject) {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDFont font = PDType0Font.load(doc, FONT.toFile());
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        line(cs, font, 70, 780, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
        line(cs, font, 70, 740, "Số:       /");
        line(cs, font, 70, 680, subject);
        line(cs, font, 400, 560, "GIÁM ĐỐC");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(PDPageContentStream cs, PDFont font, float x, float y, String text) throws IOException {
    cs.beginText();
    cs.setFont(font, 13);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }

  /** A document signed by the head, waiting for its number; {@code personallySigned=false} skips the signature. */
  default String signedDocument(String type, String subject, boolean personallySigned, Recipient... recipients) {
    FileService files = bean(FileService.class);
    byte[] pdf = pdf(subject);
    byte[] signed = personallySigned ? bean(DocumentSigning.class).signPersonal(pdf, "hungtv.skhcn", "GIÁM ĐỐC") : pdf;
    String pdfId = files.store("du-thao.pdf", new ByteArrayInputStream(pdf), drafter()).id();
    String signedId = files.store("da-ky.pdf", new ByteArrayInputStream(signed), drafter()).id();
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(VN).truncatedTo(ChronoUnit.MICROS);
    bean(OutgoingMapper.class).insert(new OutgoingDocument(id, SKHCN, "skhcn-cds", "anhdd.skhcn", type, subject,
        "thuong", null, OutgoingStatus.SIGNED.name(), null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, 1, "Tiếng Việt", null, null, null, null, null, null, now,
        now), vn.govflow.casework.SearchText.fold(subject));
    bean(JdbcTemplate.class).update("UPDATE out_document SET signer = 'hungtv.skhcn', signer_name = 'Trần Văn Hùng',"
        + " signer_position = 'Giám đốc Sở', signing_capacity = 'GIÁM ĐỐC', pdf_file_id = ?, signed_file_id = ?,"
        + " signed_at = ? WHERE id = ?", pdfId, signedId, now, id);
    int position = 1;
    for (Recipient r : recipients) {
      bean(OutgoingMapper.class).insertRecipient(new OutgoingRecipient(id, position++, r.kind(), r.departmentId(),
          r.agencyCode(), r.name(), r.email(), r.postal(), null, null, null, null));
    }
    return id;
  }

  default int year() {
    return LocalDate.now(VN).getYear();
  }

  default long lastNumber(String register) {
    Long n = bean(JdbcTemplate.class).queryForObject("SELECT MAX(number) FROM out_document WHERE agency_code = ?"
        + " AND reg_year = ? AND register_code = ?", Long.class, SKHCN, year(), register);
    return n == null ? 0 : n;
  }

  default String status(String id) {
    return bean(JdbcTemplate.class).queryForObject("SELECT status FROM out_document WHERE id = ?", String.class, id);
  }

  default JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  default List<String> ids(String... ids) {
    return List.of(ids);
  }
}
