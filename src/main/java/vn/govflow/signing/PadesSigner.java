package vn.govflow.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Signs a PDF with PDFBox as one incremental revision carrying a visible PAdES signature. The appearance is drawn
 * by a {@link Painter} with the configured TrueType font embedded (subset), so Vietnamese letters render.
 */
final class PadesSigner {
  /** Draws an appearance in its own box: (0,0) bottom left, (width,height) top right. */
  interface Painter {
    void paint(PDPageContentStream cs, Fonts fonts, float width, float height) throws IOException;
  }

  /** The appearance's fonts, and the document being drawn (for images). */
  record Fonts(PDFont regular, PDFont bold, PDDocument doc) {}

  /** Where the signature shows: page index (0-based) and rectangle in page coordinates. */
  record Placement(int page, PDRectangle rect) {}

  /** Room for the CMS: the chain, the timestamp token with the TSA's chain (RSA-4096 chains of a real CA fit). */
  static final int SIGNATURE_SIZE = 32_768;

  private final Path regularFont;
  private final Path boldFont;
  private final TimeStamping tsa;

  /** A signer whose signatures carry no timestamp (B-B): only for tests of verification. */
  PadesSigner(Path regularFont, Path boldFont) {
    this(regularFont, boldFont, null);
  }

  PadesSigner(Path regularFont, Path boldFont, TimeStamping tsa) {
    this.regularFont = regularFont;
    this.boldFont = boldFont;
    this.tsa = tsa;
  }

  private volatile boolean fontsChecked;

  /**
   * Fails with a message an operator can act on (the font is a package, not part of GovFlow). Debian's
   * fonts-liberation 1.x lacks the Vietnamese letters (Ở, ụ, …); fonts-liberation2 has them.
   */
  void requireFonts() {
    if (fontsChecked) {
      return;
    }
    for (Path f : List.of(regularFont, boldFont)) {
      if (!Files.isReadable(f)) {
        throw new IllegalStateException("The signature font " + f + " is missing: install Debian's fonts-liberation2 "
            + "or set govflow.signing.font / govflow.signing.bold-font to a TrueType font with Vietnamese letters");
      }
      try (org.apache.fontbox.ttf.TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser()
          .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(f.toFile()))) {
        if (ttf.getUnicodeCmapLookup().getGlyphId(0x1EDE) <= 0 || ttf.getUnicodeCmapLookup().getGlyphId(0x1EE5) <= 0) {
          throw new IllegalStateException("The signature font " + f + " has no Vietnamese letters (Ở, ụ): install "
              + "Debian's fonts-liberation2 or set govflow.signing.font / govflow.signing.bold-font");
        }
      } catch (IOException e) {
        throw new IllegalStateException("The signature font " + f + " cannot be read", e);
      }
    }
    fontsChecked = true;
  }

  /**
   * @param certifyLevel DocMDP level of a certification signature (1–3), or null for an approval signature
   */
  byte[] sign(byte[] pdf, SigningKey key, Placement where, Painter painter, String reason, OffsetDateTime time,
              Integer certifyLevel) {
    requireFonts();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(commonName(key));
      signature.setReason(reason);
      Calendar when = GregorianCalendar.from(time.toZonedDateTime());
      signature.setSignDate(when);
      if (certifyLevel != null) {
        certify(doc, signature, certifyLevel);
      }
      byte[] template = template(doc, where, painter);
      try (SignatureOptions options = new SignatureOptions()) {
        options.setVisualSignature(new ByteArrayInputStream(template));
        options.setPage(where.page());
        options.setPreferredSignatureSize(SIGNATURE_SIZE);
        doc.addSignature(signature, new CmsSignature(key, tsa), options);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32_768);
        doc.saveIncremental(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] template(PDDocument source, Placement where, Painter painter) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(source.getPage(where.page()).getMediaBox());
      doc.addPage(page);
      PDAcroForm form = new PDAcroForm(doc);
      doc.getDocumentCatalog().setAcroForm(form);
      PDSignatureField field = new PDSignatureField(form);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      form.setSignaturesExist(true);
      form.setAppendOnly(true);
      form.getCOSObject().setDirect(true);
      form.getFields().add(field);
      widget.setRectangle(where.rect());

      PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
      xobject.setResources(new PDResources());
      xobject.setFormType(1);
      float w = where.rect().getWidth();
      float h = where.rect().getHeight();
      xobject.setBBox(new PDRectangle(w, h));
      PDAppearanceDictionary appearance = new PDAppearanceDictionary();
      appearance.getCOSObject().setDirect(true);
      PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
      appearance.setNormalAppearance(stream);
      widget.setAppearance(appearance);
      Fonts fonts = new Fonts(PDType0Font.load(doc, regularFont.toFile()), PDType0Font.load(doc, boldFont.toFile()),
          doc);
      try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
        painter.paint(cs, fonts, w, h);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A certification signature: later changes limited to the level (3 = forms, signatures and annotations). */
  private static void certify(PDDocument doc, PDSignature signature, int level) {
    COSDictionary params = new COSDictionary();
    params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
    params.setInt(COSName.P, level);
    params.setName(COSName.V, "1.2");
    COSDictionary reference = new COSDictionary();
    reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
    reference.setItem("TransformMethod", COSName.DOCMDP);
    reference.setItem("DigestMethod", COSName.getPDFName("SHA256"));
    reference.setItem("TransformParams", params);
    COSArray references = new COSArray();
    references.add(reference);
    signature.getCOSObject().setItem("Reference", references);
    COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
    COSDictionary perms = new COSDictionary();
    perms.setItem(COSName.DOCMDP, signature);
    catalog.setItem(COSName.PERMS, perms);
    catalog.setNeedToBeUpdated(true);
    perms.setNeedToBeUpdated(true);
  }

  private static String commonName(SigningKey key) {
    String dn = key.certificate().getSubjectX500Principal().getName();
    return SignatureVerifier.rdn(org.bouncycastle.asn1.x500.X500Name.getInstance(
        key.certificate().getSubjectX500Principal().getEncoded()), org.bouncycastle.asn1.x500.style.BCStyle.CN, dn);
  }
}
