package vn.govflow.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real sample files generated on the fly, so no binaries live in the repository. */
public final class Samples {
  private Samples() {}

  public static byte[] txt(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] csv() {
    return txt("so_hieu,trich_yeu,ngay\n12/UBND,Cong van ve lich lam viec,2025-07-01\n13/UBND,Bao cao quy,2025-07-02\n");
  }

  static byte[] rtf() {
    return txt("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0\\fs24 Cong van so 12 ve lich lam viec.\\par}");
  }

  static byte[] docx(String text) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText(text);
      doc.write(out);
      return out.toByteArray();
    }
  }

  static byte[] xlsx(String text) throws IOException {
    return workbook(new XSSFWorkbook(), text);
  }

  static byte[] xls(String text) throws IOException {
    return workbook(new HSSFWorkbook(), text);
  }

  private static byte[] workbook(Workbook wb, String text) throws IOException {
    try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue(text);
      wb.write(out);
      return out.toByteArray();
    }
  }

  public static byte[] pdf(String text) throws IOException {
    return pdf(text, null);
  }

  /** A PDF; with a user password it cannot be opened (nor its text read) without the password. */
  static byte[] pdf(String text, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText(text);
        cs.endText();
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
            new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A DOCX encrypted with a password (agile encryption): an OLE2 wrapper around the encrypted package. */
  public static byte[] encryptedDocx(String text) throws Exception {
    byte[] plain = docx(text);
    EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
    Encryptor encryptor = info.getEncryptor();
    encryptor.confirmPassword("mat-khau");
    try (POIFSFileSystem fs = new POIFSFileSystem();
         OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(plain))) {
      try (OutputStream os = encryptor.getDataStream(fs)) {
        opc.save(os);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  static byte[] image(String format) throws IOException {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(5, 5, 20, 10);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) {
      throw new IllegalStateException("No ImageIO writer for " + format);
    }
    return out.toByteArray();
  }

  static byte[] odt(String text) throws IOException {
    return odf("application/vnd.oasis.opendocument.text",
        "<office:body><office:text><text:p>" + text + "</text:p></office:text></office:body>");
  }

  static byte[] ods(String text) throws IOException {
    return odf("application/vnd.oasis.opendocument.spreadsheet",
        "<office:body><office:spreadsheet><table:table table:name=\"Sheet1\"><table:table-row><table:table-cell>"
            + "<text:p>" + text + "</text:p></table:table-cell></table:table-row></table:table>"
            + "</office:spreadsheet></office:body>");
  }

  /** An OpenDocument package by hand: "mimetype" first and stored uncompressed, as the format requires. */
  private static byte[] odf(String mimeType, String body) throws IOException {
    return odfPackage(mimeType, """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">%s</office:document-content>
        """.formatted(body), Map.of());
  }

  /**
   * An OpenDocument package with this content.xml and the manifest, "mimetype" first and stored uncompressed (as
   * the format requires); {@code extra} adds parts (the conversion tests' hostile ones).
   */
  public static byte[] odfPackage(String mimeType, String contentXml, Map<String, String> extra) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] mime = mimeType.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mime.length);
      CRC32 crc = new CRC32();
      crc.update(mime);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mime);
      zip.closeEntry();
      put(zip, "META-INF/manifest.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
            <manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
          </manifest:manifest>
          """.formatted(mimeType));
      put(zip, "content.xml", contentXml);
      for (Map.Entry<String, String> e : extra.entrySet()) {
        put(zip, e.getKey(), e.getValue());
      }
    }
    return out.toByteArray();
  }

  /** One text part of a ZIP package (UTF-8). */
  public static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  static byte[] executable() throws IOException {
    Path ls = Path.of("/bin/ls");
    if (Files.isReadable(ls)) {
      try (InputStream in = Files.newInputStream(ls)) {
        return in.readNBytes(1024);
      }
    }
    byte[] elf = new byte[1024];
    byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
    System.arraycopy(header, 0, elf, 0, header.length);
    elf[16] = 2; // ET_EXEC
    elf[18] = 0x3E; // x86-64
    return elf;
  }

  static byte[] shellScript() {
    return txt("#!/bin/sh\nrm -rf \"$HOME\"/tmp/x\necho done\n");
  }

  /** Starts like a PDF, then garbage: detected as PDF, unreadable by the parser. */
  static byte[] corruptPdf() {
    byte[] head = txt("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R");
    byte[] garbage = new byte[4096];
    new java.util.Random(42).nextBytes(garbage);
    byte[] all = new byte[head.length + garbage.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(garbage, 0, all, head.length, garbage.length);
    return all;
  }

  /**
   * A DOCX whose word/document.xml inflates to {@code inflatedMb} MB of repeated text while the file stays
   * a few hundred KB: streamed through the deflater, never held in memory.
   */
  static Path docxBomb(Path dir, int inflatedMb) throws IOException {
    Path file = dir.resolve("bomb.docx");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(9);
      put(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          </Types>
          """);
      put(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          </Relationships>
          """);
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(txt("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          + "<w:body><w:p><w:r><w:t>"));
      byte[] chunk = txt("A".repeat(1024 * 1024));
      for (int i = 0; i < inflatedMb; i++) {
        zip.write(chunk);
      }
      zip.write(txt("</w:t></w:r></w:p></w:body></w:document>"));
      zip.closeEntry();
    }
    return file;
  }

  /** {@code size} bytes of 'a', produced on demand (never held in memory). */
  static InputStream generated(long size) {
    return new InputStream() {
      private long left = size;

      @Override
      public int read() {
        if (left <= 0) {
          return -1;
        }
        left--;
        return 'a';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'a');
        left -= n;
        return n;
      }
    };
  }
}
