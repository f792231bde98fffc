package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.GovFlowUnderTest;
import vn.govflow.support.SsoClient;

/** Uploads through the real HTTP stack, signed in: the rules hold and refused uploads change nothing. */
interface FilesApiScenarios extends GovFlowUnderTest {
  ObjectMapper JSON = new ObjectMapper();

  @Test
  default void clerkUploadsAPdfAndOnlyHerAgencySeesIt() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    byte[] pdf = pdf("Cong van so 12 ve chuyen doi so");
    HttpResponse<String> created = lan.upload("/api/v1/files", "Cong_van_12.pdf", pdf);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode file = JSON.readTree(created.body());
    String id = file.get("id").asText();
    assertThat(file.get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("textStatus").asText()).isEqualTo("EXTRACTED");
    assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(id));

    HttpResponse<byte[]> content = lan.getBytes("/api/v1/files/" + id + "/content");
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(Arrays.equals(content.body(), pdf)).isTrue();
    assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(content.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).startsWith("attachment"));
    // A PDF can be previewed in place; the preview is sandboxed.
    HttpResponse<byte[]> preview = lan.getBytes("/api/v1/files/" + id + "/content?inline=true");
    assertThat(preview.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).startsWith("inline"));
    assertThat(preview.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        c -> assertThat(c).contains("sandbox"));

    SsoClient hoa = signIn("hoadt.vpubnd");
    HttpResponse<String> foreign = hoa.get("/api/v1/files/" + id);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("Cong_van_12");
    assertThat(hoa.getBytes("/api/v1/files/" + id + "/content").statusCode()).isEqualTo(404);

    assertThat(bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'file.upload'"
        + " AND actor = 'lannt.skhcn' AND object_id = ?", Integer.class, id)).isEqualTo(1);
  }

  @Test
  default void refusedUploadsExplainWhyAndStoreNothing() throws Exception {
    SsoClient lan = signIn("lannt.skhcn");
    int rows = storedFiles();

    byte[] elf = Arrays.copyOf(Files.readAllBytes(Path.of("/bin/ls")), 4096);
    HttpResponse<String> exe = lan.upload("/api/v1/files", "bao_cao.pdf", elf);
    assertThat(exe.statusCode()).isEqualTo(415);
    assertThat(exe.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    assertThat(JSON.readTree(exe.body()).get("messageEn").asText()).contains("pdf");

    HttpResponse<String> diacritics = lan.upload("/api/v1/files", "Công văn số 12.pdf", pdf("x"));
    assertThat(diacritics.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(diacritics.body()).get("suggestedName").asText()).isEqualTo("Cong_van_so_12.pdf");

    String longName = "a".repeat(47) + ".pdf";
    assertThat(lan.upload("/api/v1/files", longName, pdf("x")).statusCode()).isEqualTo(400);
    assertThat(lan.upload("/api/v1/files", "van ban.pdf", pdf("x")).statusCode()).isEqualTo(400);
    assertThat(lan.upload("/api/v1/files", "empty.txt", new byte[0]).statusCode()).isEqualTo(400);

    byte[] tooBig = new byte[50 * 1024 * 1024 + 1];
    Arrays.fill(tooBig, (byte) 'a');
    HttpResponse<String> big = lan.upload("/api/v1/files", "big.txt", tooBig);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(big.body()).get("messageVi").asText()).contains("50 MB");

    assertThat(storedFiles()).isEqualTo(rows);
  }

  private int storedFiles() {
    return bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM stored_file", Integer.class);
  }

  static byte[] pdf(String text) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        s.newLineAtOffset(72, 700);
        s.showText(text);
        s.endText();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
