package vn.govflow.files.convert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;
import vn.govflow.files.ContentTypeCheck;

/**
 * Decides, before any office program opens it, whether a file may be converted: DOCX or ODT by content (Tika,
 * through {@link ContentTypeCheck}), not encrypted, without macros, and without references the office would
 * follow on its own (linked pictures or objects, linked sections, included fields, DDE), which could fetch a
 * remote resource or copy a local file of the server into the PDF. Hyperlinks stay allowed: nothing follows them
 * during a conversion.
 */
class OfficeDocumentCheck {
  /** The kinds accepted, with the extension the office is given (it picks its import filter from it). */
  enum Kind {
    DOCX("docx"), ODT("odt");

    final String extension;

    Kind(String extension) {
      this.extension = extension;
    }
  }

  static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String ODT_TYPE = "application/vnd.oasis.opendocument.text";
  /** Tika's type for an encrypted OOXML package (an OLE2 wrapper). */
  static final String OOXML_PROTECTED = "application/x-tika-ooxml-protected";
  private static final Set<String> MACRO_TYPES = Set.of(
      "application/vnd.ms-word.document.macroenabled.12", "application/vnd.ms-word.template.macroenabled.12");

  /** Unpacked bytes read from one package at most; beyond it the file is refused as a decompression bomb. */
  static final long MAX_INFLATED = 512L * 1024 * 1024;
  static final int MAX_ENTRIES = 10_000;

  /** Word field codes that pull in content from elsewhere when the document is laid out. */
  private static final Pattern LINKING_FIELD = Pattern.compile(
      "^\\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT|INCLUDE)\\b", Pattern.CASE_INSENSITIVE);
  private static final String XLINK = "http://www.w3.org/1999/xlink";
  private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private final ContentTypeCheck types;
  private final XMLInputFactory xml;

  OfficeDocumentCheck(ContentTypeCheck types) {
    this.types = types;
    this.xml = XMLInputFactory.newFactory();
    // A document part never needs a DTD: no entity expansion, no external fetch by the parser itself.
    xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    xml.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
  }

  /**
   * The kind of a file that may be converted.
   *
   * @throws UserError 415 for another type, 422 for an encrypted, macro-enabled, linking or damaged document
   */
  Kind check(Path file, String fileName) throws IOException {
    String detected = types.detect(file);
    if (OOXML_PROTECTED.equals(detected)) {
      throw encrypted(fileName);
    }
    if (MACRO_TYPES.contains(detected)) {
      throw macros(fileName);
    }
    Kind kind = switch (detected) {
      case DOCX_TYPE -> Kind.DOCX;
      case ODT_TYPE -> Kind.ODT;
      default -> throw new UserError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "convert-type",
          "Chỉ chuyển được sang PDF tệp văn bản DOCX hoặc ODT; tệp \"" + fileName + "\" có nội dung là " + detected
              + ".",
          "Only DOCX or ODT documents can be converted to PDF; the content of \"" + fileName + "\" is " + detected
              + ".",
          java.util.List.of(), Map.of("detectedType", detected));
    };
    try (ZipFile zip = new ZipFile(file.toFile())) {
      scan(zip, kind, fileName);
    } catch (ZipException | XMLStreamException e) {
      throw damaged(fileName);
    }
    return kind;
  }

  private void scan(ZipFile zip, Kind kind, String fileName) throws IOException, XMLStreamException {
    long inflated = 0;
    int entries = 0;
    Enumeration<? extends ZipEntry> all = zip.entries();
    while (all.hasMoreElements()) {
      ZipEntry entry = all.nextElement();
      if (++entries > MAX_ENTRIES) {
        throw tooLarge(fileName);
      }
      String name = entry.getName();
      String lower = name.toLowerCase(Locale.ROOT);
      if (kind == Kind.DOCX && (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml"))) {
        throw macros(fileName);
      }
      if (kind == Kind.ODT && (lower.startsWith("basic/") || lower.startsWith("scripts/"))
          && !entry.isDirectory() && entry.getSize() != 0) {
        throw macros(fileName);
      }
      boolean inspect = kind == Kind.DOCX
          ? lower.endsWith(".rels") || (lower.startsWith("word/") && lower.endsWith(".xml"))
          : lower.equals("content.xml") || lower.equals("styles.xml") || lower.equals("meta-inf/manifest.xml");
      try (InputStream raw = zip.getInputStream(entry)) {
        CountingInput in = new CountingInput(raw, MAX_INFLATED - inflated);
        if (inspect) {
          // The XML reader may close what it reads: it gets a view that stays open for the count below.
          inspect(new java.io.FilterInputStream(in) {
            @Override
            public void close() {}
          }, name, kind, fileName);
        }
        in.transferTo(java.io.OutputStream.nullOutputStream());
        inflated += in.count;
      } catch (CountingInput.LimitReached e) {
        throw tooLarge(fileName);
      } catch (XMLStreamException e) {
        if (e.getNestedException() instanceof CountingInput.LimitReached
            || e.getCause() instanceof CountingInput.LimitReached) {
          throw tooLarge(fileName);
        }
        throw e;
      }
    }
  }

  private void inspect(InputStream in, String name, Kind kind, String fileName) throws XMLStreamException {
    XMLStreamReader reader = xml.createXMLStreamReader(in);
    try {
      boolean inInstr = false;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String ns = reader.getNamespaceURI();
          String local = reader.getLocalName();
          if (kind == Kind.ODT) {
            inspectOdt(reader, ns, local, fileName);
          } else if (RELS.equals(ns) && "Relationship".equals(local)) {
            String mode = reader.getAttributeValue(null, "TargetMode");
            String type = reader.getAttributeValue(null, "Type");
            if ("External".equalsIgnoreCase(mode) && (type == null || !type.endsWith("/hyperlink"))) {
              throw external(fileName, reader.getAttributeValue(null, "Target"));
            }
          } else if (W.equals(ns) && "fldSimple".equals(local)) {
            linkingField(reader.getAttributeValue(W, "instr"), fileName);
          } else if (W.equals(ns) && "instrText".equals(local)) {
            inInstr = true;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          inInstr = false;
        } else if (inInstr && event == XMLStreamConstants.CHARACTERS) {
          linkingField(reader.getText(), fileName);
        }
      }
    } finally {
      reader.close();
    }
  }

  private void inspectOdt(XMLStreamReader reader, String ns, String local, String fileName) {
    if ("encryption-data".equals(local)) {
      throw encrypted(fileName);
    }
    if ("event-listener".equals(local) || "dde-source".equals(local) || "dde-connection-decl".equals(local)
        || "section-source".equals(local) && reader.getAttributeValue(XLINK, "href") != null) {
      // Scripts bound to events, DDE links and linked sections all act without anyone clicking.
      throw "event-listener".equals(local) ? macros(fileName)
          : external(fileName, reader.getAttributeValue(XLINK, "href"));
    }
    String href = reader.getAttributeValue(XLINK, "href");
    if (href == null || "a".equals(local)) {
      return; // text:a and draw:a are hyperlinks: only followed when clicked
    }
    String target = href.trim();
    if (target.startsWith("vnd.sun.star.script:") || target.startsWith("macro:")) {
      throw macros(fileName);
    }
    // Inside the package: "Pictures/x.png", "./Object 1". Anything with a scheme, absolute or climbing out
    // of the package points elsewhere.
    String path = target.startsWith("./") ? target.substring(2) : target;
    if (path.contains(":") || path.startsWith("/") || path.startsWith("\\") || path.startsWith("../")
        || path.contains("/../")) {
      throw external(fileName, href);
    }
  }

  private void linkingField(String instr, String fileName) {
    if (instr != null && LINKING_FIELD.matcher(instr).find()) {
      throw external(fileName, instr.trim());
    }
  }

  static UserError macros(String fileName) {
    return new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "convert-macros",
        "Tệp \"" + fileName + "\" có chứa macro nên không được chuyển sang PDF. Hãy lưu văn bản thành tệp DOCX hoặc"
            + " ODT không có macro rồi tải lên lại.",
        "\"" + fileName + "\" contains macros, so it is not converted to PDF. Save the document as a DOCX or ODT"
            + " without macros and upload it again.");
  }

  static UserError encrypted(String fileName) {
    return new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "convert-encrypted",
        "Tệp \"" + fileName + "\" được đặt mật khẩu nên không chuyển được sang PDF. Hãy bỏ mật khẩu rồi tải lên lại.",
        "\"" + fileName + "\" is password-protected, so it cannot be converted to PDF. Remove the password and"
            + " upload it again.");
  }

  static UserError external(String fileName, String target) {
    return new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "convert-external-content",
        "Tệp \"" + fileName + "\" lấy nội dung từ bên ngoài tệp (ảnh, đối tượng hoặc trường liên kết) nên không"
            + " được chuyển sang PDF. Hãy nhúng nội dung đó vào văn bản rồi tải lên lại.",
        "\"" + fileName + "\" takes content from outside the file (a linked picture, object or field), so it is not"
            + " converted to PDF. Embed that content in the document and upload it again.",
        java.util.List.of(), target == null ? Map.of() : Map.of("reference", abbreviate(target)));
  }

  static UserError damaged(String fileName) {
    return new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "convert-damaged",
        "Tệp \"" + fileName + "\" bị hỏng hoặc không đúng định dạng DOCX/ODT nên không chuyển được sang PDF.",
        "\"" + fileName + "\" is damaged or not a well-formed DOCX/ODT, so it cannot be converted to PDF.");
  }

  static UserError tooLarge(String fileName) {
    return new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "convert-too-large",
        "Tệp \"" + fileName + "\" khi giải nén quá lớn nên không được chuyển sang PDF.",
        "\"" + fileName + "\" is too large once unpacked, so it is not converted to PDF.");
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /** Counts what is read and stops at a limit. */
  private static final class CountingInput extends java.io.FilterInputStream {
    static final class LimitReached extends IOException {
      LimitReached() {
        super("unpacked size limit reached");
      }
    }

    private final long limit;
    long count;

    CountingInput(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) throws LimitReached {
      count += n;
      if (count > limit) {
        throw new LimitReached();
      }
    }
  }
}
