package vn.govflow.signing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * The clerk's number/symbol and date line on a signed document, as FreeText annotations in one incremental
 * revision: the page's content is not touched, so the personal signature (certifying with DocMDP level 3, which
 * permits annotations) stays valid. The number goes after the "Số:" of the layout when the page has one; the date
 * line over the "..., ngày ... tháng ... năm ..." placeholder (on a white ground) when there is one; otherwise at
 * the App I positions under the agency's name (left) and the national motto (right).
 */
final class NumberPlacement {
  private NumberPlacement() {}

  static byte[] place(byte[] pdf, String numberAndSymbol, String dateLine, Path regularFont, Path italicFont) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDPage page = doc.getPage(0);
      PDRectangle box = page.getMediaBox();
      PDFont font = PDType0Font.load(doc, regularFont.toFile());
      PDFont italic = PDType0Font.load(doc, italicFont.toFile());
      float size = 13;

      Optional<Appearances.Line> so = Appearances.firstLine(doc, 0,
          l -> l.strip().toLowerCase(Locale.ROOT).startsWith("số:"));
      float numberWidth = Appearances.width(font, size, numberAndSymbol) + 4;
      // The layout's "Số:   /QĐ-UBND" is covered from after "Số:" to the line's end by the whole number/symbol.
      PDRectangle numberRect = so.map(l -> {
        float x = l.x() + Appearances.width0(font, size, "Số: ");
        return new PDRectangle(x, l.bottom(), Math.max(numberWidth, l.right() - x + 2),
            Math.max(16, l.top() - l.bottom()));
      }).orElse(new PDRectangle(box.getLowerLeftX() + 70, box.getUpperRightY() - 150, numberWidth, 16));
      boolean numberOver = so.isPresent();
      add(doc, page, numberRect, numberAndSymbol, font, size, numberOver, "GovFlow-number");

      Optional<Appearances.Line> ngay = Appearances.firstLine(doc, 0, l -> {
        String s = l.toLowerCase(Locale.ROOT);
        return s.contains("ngày") && s.contains("tháng") && s.contains("năm");
      });
      float dateWidth = Appearances.width(italic, size, dateLine) + 4;
      PDRectangle dateRect = ngay.map(l -> new PDRectangle(Math.min(l.x(), box.getUpperRightX() - 20 - dateWidth),
              l.bottom(), Math.max(dateWidth, l.right() - l.x() + 4), Math.max(16, l.top() - l.bottom())))
          .orElse(new PDRectangle(box.getUpperRightX() - 56 - dateWidth, box.getUpperRightY() - 150, dateWidth, 16));
      add(doc, page, dateRect, dateLine, italic, size, ngay.isPresent(), "GovFlow-date");

      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
      doc.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(PDDocument doc, PDPage page, PDRectangle rect, String text, PDFont font, float size,
                          boolean whiteGround, String name) throws IOException {
    PDAnnotationFreeText note = new PDAnnotationFreeText();
    note.setRectangle(rect);
    note.setContents(text);
    note.setAnnotationName(name);
    note.setPrinted(true);
    note.setLocked(true);
    note.setReadOnly(true);
    note.setDefaultAppearance("/Helv 13 Tf 0 g");
    note.getCOSObject().setItem(COSName.BORDER, new COSArray(java.util.List.of(
        org.apache.pdfbox.cos.COSInteger.ZERO, org.apache.pdfbox.cos.COSInteger.ZERO,
        org.apache.pdfbox.cos.COSInteger.ZERO)));
    PDAppearanceStream ap = new PDAppearanceStream(doc);
    ap.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
    ap.setResources(new PDResources());
    try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
      if (whiteGround) {
        cs.setNonStrokingColor(Color.WHITE);
        cs.addRect(0, 0, rect.getWidth(), rect.getHeight());
        cs.fill();
      }
      cs.beginText();
      cs.setFont(font, size);
      cs.setNonStrokingColor(Color.BLACK);
      cs.newLineAtOffset(2, Math.max(3, (rect.getHeight() - size) / 2 + 2));
      cs.showText(text);
      cs.endText();
    }
    PDAppearanceDictionary apd = new PDAppearanceDictionary();
    apd.setNormalAppearance(ap);
    note.setAppearance(apd);
    java.util.List<PDAnnotation> annots = page.getAnnotations();
    annots.add(note);
    page.setAnnotations(annots);
    page.getCOSObject().setNeedToBeUpdated(true);
    COSArray array = page.getCOSObject().getCOSArray(COSName.ANNOTS);
    if (array != null) {
      array.setNeedToBeUpdated(true);
    }
  }
}
