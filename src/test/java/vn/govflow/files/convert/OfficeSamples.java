package vn.govflow.files.convert;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import vn.govflow.files.Samples;

/**
 * Real DOCX and ODT documents made in the test, some of them hostile: the conversion's own on top of the files
 * module's {@link Samples} (the ODF package, the encrypted DOCX).
 */
public final class OfficeSamples {
  private OfficeSamples() {}

  static final String TITLE = "Quyết định về việc phê duyệt kế hoạch chuyển đổi số tỉnh Đắk Lắk";

  static byte[] docx(String... paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) {
        var run = doc.createParagraph().createRun();
        run.setFontFamily("Times New Roman"); // Decree 30/2020 Appendix I: Times New Roman, Unicode
        run.setText(p);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** The DOCX with extra parts added, or existing parts replaced. */
  static byte[] withEntries(byte[] zip, Map<String, String> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
         ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (entries.containsKey(e.getName())) {
          continue;
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(z);
        z.closeEntry();
      }
      for (Map.Entry<String, String> e : entries.entrySet()) {
        Samples.put(z, e.getKey(), e.getValue());
      }
    }
    return out.toByteArray();
  }

  /**
   * A Word document carrying a VBA project, as Word saves it: declared macro-enabled (a .docm) or, disguised,
   * declared as a plain document.
   */
  public static byte[] docxWithVba(boolean declaredMacroEnabled) throws IOException {
    String main = declaredMacroEnabled ? "application/vnd.ms-word.document.macroEnabled.main+xml"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    String types = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>
          <Default ContentType="application/xml" Extension="xml"/>
          <Default ContentType="application/vnd.ms-office.vbaProject" Extension="bin"/>
          <Override ContentType="%s" PartName="/word/document.xml"/>
          <Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
              PartName="/word/settings.xml"/>
        </Types>
        """.formatted(main);
    String rels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Target="settings.xml"
              Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"/>
          <Relationship Id="rId2" Target="vbaProject.bin"
              Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/>
        </Relationships>
        """;
    return withEntries(docx(TITLE), Map.of("[Content_Types].xml", types, "word/_rels/document.xml.rels", rels,
        "word/vbaProject.bin", "Attribute VB_Name = \"NewMacros\"\nSub AutoOpen()\nShell \"id\"\nEnd Sub"));
  }

  /** A DOCX whose picture is linked to an address on the web instead of stored in the file. */
  static byte[] docxWithLinkedPicture(String url) throws IOException {
    String document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <w:body><w:p><w:r><w:t>Ảnh liên kết</w:t></w:r></w:p></w:body></w:document>
        """;
    String rels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
              Target="%s" TargetMode="External"/>
        </Relationships>
        """.formatted(url);
    return withEntries(docx("x"), Map.of("word/document.xml", document, "word/_rels/document.xml.rels", rels));
  }

  /** A DOCX encrypted with a password (agile encryption). */
  static byte[] encryptedDocx(String text) throws Exception {
    return Samples.encryptedDocx(text);
  }

  static byte[] odt(String textBody) throws IOException {
    return odt(textBody, Map.of());
  }

  /**
   * An OpenDocument text by hand ("mimetype" first and stored, as the format requires); {@code textBody} goes
   * inside office:text, {@code extra} adds parts.
   */
  static byte[] odt(String textBody, Map<String, String> extra) throws IOException {
    return Samples.odfPackage("application/vnd.oasis.opendocument.text", """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
            xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
            xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
            xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0"
            xmlns:xlink="http://www.w3.org/1999/xlink"
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
          <office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:text-properties
            fo:font-family="'Times New Roman'" fo:font-size="14pt"/></style:style></office:automatic-styles>
          <office:body><office:text>%s</office:text></office:body></office:document-content>
        """.formatted(textBody), extra);
  }
}
