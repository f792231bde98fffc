package vn.govflow.signing;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * The visible appearances of Decree 30 App I (domain.md §1.10) and where they go. Text only: the personal
 * signature shows the capacity, a blue "signed" mark with the time and the name (no image of a hand signature);
 * the agency signature a red round seal with the agency's name; an appendix's agency signature the number/symbol and
 * the time in 10 pt serif at the top right of page 1.
 */
final class Appearances {
  static final Color SIGNATURE_BLUE = new Color(0x1a, 0x3f, 0xb0);
  static final Color SEAL_RED = new Color(0xd4, 0x10, 0x10);
  static final float PERSONAL_WIDTH = 210;
  static final float SEAL_DIAMETER = 102; // about 36 mm, an agency seal's real size
  static final float MARGIN = 56; // 20 mm, the App I right margin

  private Appearances() {}

  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String l : text.split("\\R")) {
        String clean = l.replaceAll("\\p{Cntrl}", " ").strip();
        if (!clean.isEmpty()) {
          out.add(clean);
        }
      }
    }
    return out;
  }

  static float personalHeight(List<String> capacity) {
    return capacity.size() * 14 + 40 + 16;
  }

  /** With an image of the hand signature the box is taller, for the image to be legible. */
  static float personalHeight(List<String> capacity, boolean handSignature) {
    return personalHeight(capacity) + (handSignature ? 20 : 0);
  }

  /** Capacity (bold), the blue signed mark and time, the name (bold), centred (App I). */
  static PadesSigner.Painter personal(List<String> capacity, String name, String signedAt) {
    return personal(capacity, name, signedAt, null);
  }

  /**
   * The same; with handSignature (PNG bytes) the image of the hand signature stands between the capacity and the
   * name (App I), the time in small blue letters under it.
   */
  static PadesSigner.Painter personal(List<String> capacity, String name, String signedAt, byte[] handSignature) {
    return (cs, fonts, w, h) -> {
      float y = h - 13;
      for (String line : capacity) {
        centred(cs, fonts.bold(), 11, line, w, y, Color.BLACK);
        y -= 14;
      }
      if (handSignature != null) {
        image(cs, fonts, handSignature, 0, 24, w, y + 8 - 24);
        centred(cs, fonts.regular(), 7, signedAt, w, 15, SIGNATURE_BLUE);
      } else {
        centred(cs, fonts.regular(), 9, "Đã ký số / Digitally signed", w, y - 12, SIGNATURE_BLUE);
        centred(cs, fonts.regular(), 8, signedAt, w, y - 24, SIGNATURE_BLUE);
      }
      centred(cs, fonts.bold(), 11, name, w, 4, Color.BLACK);
    };
  }

  /** The agency's seal image (PNG, best with a transparent background) filling the seal's box. */
  static PadesSigner.Painter sealImage(byte[] png) {
    return (cs, fonts, w, h) -> image(cs, fonts, png, 0, 0, w, h);
  }

  /** An image scaled to fit the box (x, y, w, h), aspect kept, centred. */
  private static void image(PDPageContentStream cs, PadesSigner.Fonts fonts, byte[] png, float x, float y, float w,
                            float h) throws IOException {
    org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img =
        org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(fonts.doc(), png, "image.png");
    float scale = Math.min(w / img.getWidth(), h / img.getHeight());
    float iw = img.getWidth() * scale;
    float ih = img.getHeight() * scale;
    cs.drawImage(img, x + (w - iw) / 2, y + (h - ih) / 2, iw, ih);
  }

  /** A red round seal: two rings, the agency's name around the top, a star in the middle. */
  static PadesSigner.Painter seal(String agencyName) {
    return (cs, fonts, w, h) -> {
      float cx = w / 2;
      float cy = h / 2;
      float r = Math.min(w, h) / 2 - 1.5f;
      cs.setStrokingColor(SEAL_RED);
      cs.setNonStrokingColor(SEAL_RED);
      cs.setLineWidth(2f);
      circle(cs, cx, cy, r);
      cs.stroke();
      cs.setLineWidth(0.8f);
      circle(cs, cx, cy, r - 15);
      cs.stroke();
      arcText(cs, fonts.bold(), agencyName.toUpperCase(java.util.Locale.ROOT), cx, cy, r - 11);
      star(cs, cx, cy, 16);
      cs.fill();
    };
  }

  static PadesSigner.Painter appendix(String text) {
    return (cs, fonts, w, h) -> {
      cs.beginText();
      cs.setFont(fonts.regular(), 10);
      cs.setNonStrokingColor(Color.BLACK);
      cs.newLineAtOffset(2, 4);
      cs.showText(text);
      cs.endText();
    };
  }

  static float width(PDFont font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** Width that never fails: for measuring a prefix of the page's own text. */
  static float width0(PDFont font, float size, String text) {
    try {
      return width(font, size, text);
    } catch (IOException | IllegalArgumentException e) {
      return size * text.length() / 2;
    }
  }

  private static void centred(PDPageContentStream cs, PDFont font, float size, String text, float w, float y,
                              Color color) throws IOException {
    float tw = width(font, size, text);
    // Too long for the box: shrink rather than run outside it.
    if (tw > w - 4) {
      size = size * (w - 4) / tw;
      tw = width(font, size, text);
    }
    cs.beginText();
    cs.setFont(font, size);
    cs.setNonStrokingColor(color);
    cs.newLineAtOffset((w - tw) / 2, y);
    cs.showText(text);
    cs.endText();
  }

  private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
    float k = 0.552284749831f * r;
    cs.moveTo(cx + r, cy);
    cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    cs.closePath();
  }

  private static void star(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
    for (int i = 0; i < 10; i++) {
      double a = Math.PI / 2 + i * Math.PI / 5;
      float rr = i % 2 == 0 ? r : r * 0.4f;
      float x = cx + (float) (rr * Math.cos(a));
      float y = cy + (float) (rr * Math.sin(a));
      if (i == 0) {
        cs.moveTo(x, y);
      } else {
        cs.lineTo(x, y);
      }
    }
    cs.closePath();
  }

  /** Letters one by one along a circle, centred on the top, reading clockwise. */
  private static void arcText(PDPageContentStream cs, PDFont font, String text, float cx, float cy, float radius)
      throws IOException {
    float size = 7.5f;
    float spacing = 0.6f;
    float total = arcLength(font, size, text, spacing);
    float max = (float) (radius * Math.PI * 1.6); // at most ~290°
    if (total > max) {
      size = size * max / total;
      total = arcLength(font, size, text, spacing);
    }
    double angle = Math.PI / 2 + total / 2 / radius;
    cs.beginText();
    cs.setFont(font, size);
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      i += Character.charCount(cp);
      float cw = width(font, size, ch);
      double mid = angle - (cw / 2) / radius;
      double rot = mid - Math.PI / 2;
      float x = cx + (float) (radius * Math.cos(mid)) - (float) (cw / 2 * Math.cos(rot));
      float y = cy + (float) (radius * Math.sin(mid)) - (float) (cw / 2 * Math.sin(rot));
      cs.setTextMatrix(Matrix.getRotateInstance(rot, x, y));
      cs.showText(ch);
      angle -= (cw + spacing) / radius;
    }
    cs.endText();
  }

  private static float arcLength(PDFont font, float size, String text, float spacing) throws IOException {
    return width(font, size, text) + spacing * text.codePointCount(0, text.length());
  }

  /** Lines of text on a page, with their boxes in PDF coordinates (origin bottom left). */
  record Line(String text, float x, float bottom, float right, float top) {}

  static List<Line> textLines(PDDocument doc, int pageIndex) throws IOException {
    PDPage page = doc.getPage(pageIndex);
    float pageHeight = page.getMediaBox().getHeight();
    List<Line> lines = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        if (positions.isEmpty() || text.isBlank()) {
          return;
        }
        float x = Float.MAX_VALUE;
        float right = 0;
        float top = 0;
        float bottom = Float.MAX_VALUE;
        for (TextPosition p : positions) {
          x = Math.min(x, p.getXDirAdj());
          right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
          float base = pageHeight - p.getYDirAdj();
          bottom = Math.min(bottom, base - p.getFontSizeInPt() * 0.25f);
          top = Math.max(top, base + p.getHeightDir());
        }
        lines.add(new Line(text, x, bottom, right, top));
      }
    };
    stripper.setStartPage(pageIndex + 1);
    stripper.setEndPage(pageIndex + 1);
    stripper.setSortByPosition(true);
    stripper.getText(doc);
    return lines;
  }

  static java.util.Optional<Line> firstLine(PDDocument doc, int pageIndex, Predicate<String> matches)
      throws IOException {
    return textLines(doc, pageIndex).stream().filter(l -> matches.test(l.text())).findFirst();
  }

  /**
   * The personal signature's box: on the last page, in the right half, below the last line of text when there is
   * room (where the signing block of a Decree 30 layout ends), else at the bottom margin.
   */
  static PadesSigner.Placement personalPlacement(PDDocument doc, float height) throws IOException {
    int last = doc.getNumberOfPages() - 1;
    PDRectangle box = doc.getPage(last).getMediaBox();
    float lowest = textLines(doc, last).stream().map(Line::bottom).min(Float::compare).orElse(box.getHeight() - MARGIN);
    float y = lowest - 8 - height;
    if (y < 40) {
      y = 40;
    }
    float x = box.getWidth() - MARGIN - PERSONAL_WIDTH;
    return new PadesSigner.Placement(last, new PDRectangle(box.getLowerLeftX() + x, box.getLowerLeftY() + y,
        PERSONAL_WIDTH, height));
  }

  /**
   * Whether the page already prints the capacity just above where the personal signature goes (a Decree 30 layout
   * made in a word processor often ends with the signing block's "GIÁM ĐỐC"): every capacity line is a line of
   * text in the right half of the page, at most a few lines above the box. Then the appearance leaves it out, so it
   * does not show twice. Compared without regard to case and spacing.
   */
  static boolean capacityPrinted(PDDocument doc, PadesSigner.Placement where, List<String> capacity)
      throws IOException {
    if (capacity.isEmpty()) {
      return false;
    }
    PDRectangle box = doc.getPage(where.page()).getMediaBox();
    float top = where.rect().getUpperRightY();
    float window = capacity.size() * 20 + 60;
    List<String> above = textLines(doc, where.page()).stream()
        .filter(l -> l.x() >= box.getLowerLeftX() + box.getWidth() / 2 - 40)
        .filter(l -> l.bottom() >= top - 2 && l.bottom() <= top + window)
        .map(l -> normalised(l.text())).toList();
    return capacity.stream().map(Appearances::normalised).allMatch(above::contains);
  }

  private static String normalised(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
        .toUpperCase(java.util.Locale.ROOT);
  }

  /** The seal covers about the left third of the personal signature (App I). */
  static PadesSigner.Placement sealPlacement(PadesSigner.Placement personal) {
    PDRectangle p = personal.rect();
    float right = p.getLowerLeftX() + p.getWidth() / 3;
    float cy = p.getLowerLeftY() + p.getHeight() / 2;
    return new PadesSigner.Placement(personal.page(), new PDRectangle(right - SEAL_DIAMETER, cy - SEAL_DIAMETER / 2,
        SEAL_DIAMETER, SEAL_DIAMETER));
  }

  static PadesSigner.Placement appendixPlacement(PDDocument doc, float textWidth) {
    PDRectangle box = doc.getPage(0).getMediaBox();
    float w = textWidth + 4;
    float h = 14;
    return new PadesSigner.Placement(0, new PDRectangle(box.getUpperRightX() - MARGIN - w,
        box.getUpperRightY() - 28 - h, w, h));
  }
}
