package vn.govflow.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Real PDFs for the signing tests: a Decree 30 style decision made with PDFBox, and ways to read it back. */
final class SamplePdfs {
  static final Path FONT = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");
  static final Path BOLD = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf");
  static final Path ITALIC = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf");

  private SamplePdfs() {}

  /** An A4 decision with the layout's blanks: "Số:   /QĐ-SKHCN", "..., ngày   tháng   năm 2026", the signing line. */
  static byte[] decision() {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDFont font = PDType0Font.load(doc, FONT.toFile());
      PDFont bold = PDType0Font.load(doc, BOLD.toFile());
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        text(cs, bold, 12, 70, 780, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
        text(cs, bold, 12, 300, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        text(cs, font, 13, 70, 740, "Số:       /QĐ-SKHCN");
        text(cs, font, 13, 300, 740, "Lào Cai, ngày      tháng      năm 2026");
        text(cs, bold, 14, 220, 690, "QUYẾT ĐỊNH");
        text(cs, font, 13, 70, 660, "Về việc ban hành quy chế chuyển đổi số năm 2026");
        text(cs, font, 13, 70, 630, "Điều 1. Ban hành kèm theo Quyết định này Quy chế chuyển đổi số.");
        text(cs, font, 13, 70, 610, "Điều 2. Quyết định có hiệu lực kể từ ngày ký.");
        text(cs, bold, 13, 400, 560, "GIÁM ĐỐC");
      }
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-page appendix. */
  static byte[] appendix() {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDFont font = PDType0Font.load(doc, FONT.toFile());
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        text(cs, font, 13, 70, 700, "Phụ lục: Danh sách đơn vị thực hiện");
      }
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text a reader sees, signature appearances included (flattened into the page first). */
  static String visibleText(byte[] pdf) {
    return positions(pdf).stream().map(Word::text).reduce("", (a, b) -> a + "\n" + b);
  }

  /** A PNG drawn here: a blue stroke on a transparent background, like a scanned hand signature or seal. */
  static byte[] png(int width, int height) {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, height,
        java.awt.image.BufferedImage.TYPE_INT_ARGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(new java.awt.Color(0x1a, 0x3f, 0xb0));
    g.setStroke(new java.awt.BasicStroke(4));
    g.drawLine(10, height - 10, width - 10, 10);
    g.drawOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The images (width x height in pixels) drawn by the appearance of the signature field at index. */
  static List<String> imagesOfSignature(byte[] pdf, int index) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      var widget = doc.getSignatureFields().get(index).getWidgets().get(0);
      List<String> out = new ArrayList<>();
      collectImages(widget.getAppearance().getNormalAppearance().getAppearanceStream().getResources(), out, 0);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectImages(org.apache.pdfbox.pdmodel.PDResources res, List<String> out, int depth)
      throws IOException {
    if (res == null || depth > 8) {
      return;
    }
    for (org.apache.pdfbox.cos.COSName name : res.getXObjectNames()) {
      var x = res.getXObject(name);
      if (x instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img) {
        out.add(img.getWidth() + "x" + img.getHeight());
      } else if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
        collectImages(form.getResources(), out, depth + 1);
      }
    }
  }

  record Word(String text, float x, float y, float pageWidth, float pageHeight) {}

  /** Lines of visible text with their position (PDF coordinates), widget appearances flattened into page 1. */
  static List<Word> positions(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
      if (form != null) {
        form.flatten(form.getFields(), false);
      }
      List<Word> words = new ArrayList<>();
      PDRectangle box = doc.getPage(0).getMediaBox();
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> p) {
          words.add(new Word(text, p.get(0).getXDirAdj(), box.getHeight() - p.get(0).getYDirAdj(), box.getWidth(),
              box.getHeight()));
        }
      };
      stripper.setSortByPosition(true);
      stripper.getText(doc);
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(s);
    cs.endText();
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
