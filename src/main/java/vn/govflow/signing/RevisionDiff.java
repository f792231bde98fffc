package vn.govflow.signing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.govflow.signing.SignatureReport.LaterChanges;

/**
 * What changed after a signature: the signed revision (the bytes its ByteRange covers) against the whole file.
 * Pages must be the same (content, resources, boxes: everything but their annotations) and keep every annotation
 * they had; what may be added depends on the certification level (ISO 32000-1 §12.8.2.2: 1 nothing, 2 form fill-in
 * and signatures, 3 also annotations; an approval signature alone locks nothing but the signed content).
 */
final class RevisionDiff {
  private static final Set<COSName> SKIPPED = Set.of(COSName.PARENT, COSName.P, COSName.ANNOTS);

  record Result(LaterChanges changes, String detail) {}

  private RevisionDiff() {}

  static Result compare(byte[] signedRevision, PDDocument current, Integer docMdp) {
    try (PDDocument signed = Loader.loadPDF(signedRevision)) {
      if (signed.getNumberOfPages() != current.getNumberOfPages()) {
        return new Result(LaterChanges.DISALLOWED, "pages added or removed");
      }
      List<String> added = new ArrayList<>();
      for (int i = 0; i < signed.getNumberOfPages(); i++) {
        COSDictionary before = signed.getPage(i).getCOSObject();
        COSDictionary after = current.getPage(i).getCOSObject();
        if (!same(before, after, new IdentityHashMap<>(), 0)) {
          return new Result(LaterChanges.DISALLOWED, "page " + (i + 1) + " content changed");
        }
        List<COSDictionary> oldAnnots = annotations(before);
        List<COSDictionary> newAnnots = annotations(after);
        for (COSDictionary old : oldAnnots) {
          COSDictionary match = null;
          for (COSDictionary candidate : newAnnots) {
            if (same(old, candidate, new IdentityHashMap<>(), 0)) {
              match = candidate;
              break;
            }
          }
          if (match == null) {
            return new Result(LaterChanges.DISALLOWED, "an annotation of page " + (i + 1) + " changed or removed");
          }
          newAnnots.remove(match);
        }
        for (COSDictionary a : newAnnots) {
          added.add(kind(a));
        }
      }
      if (added.isEmpty()) {
        return new Result(LaterChanges.ALLOWED, "document structure updated (no visible change)");
      }
      int level = docMdp == null ? 3 : docMdp;
      for (String k : added) {
        boolean ok = switch (k) {
          case "signature", "form field" -> level >= 2;
          default -> level >= 3;
        };
        if (!ok) {
          return new Result(LaterChanges.DISALLOWED, k + " added, not permitted by the certification level " + level);
        }
      }
      return new Result(LaterChanges.ALLOWED, "added: " + String.join(", ", added));
    } catch (IOException e) {
      return new Result(LaterChanges.DISALLOWED, "the signed revision cannot be read");
    }
  }

  private static String kind(COSDictionary annot) {
    COSName subtype = annot.getCOSName(COSName.SUBTYPE);
    if (COSName.WIDGET.equals(subtype)) {
      COSName ft = annot.getCOSName(COSName.FT);
      if (ft == null && annot.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent) {
        ft = parent.getCOSName(COSName.FT);
      }
      return COSName.SIG.equals(ft) ? "signature" : "form field";
    }
    return "annotation " + (subtype == null ? "?" : subtype.getName());
  }

  private static List<COSDictionary> annotations(COSDictionary page) {
    List<COSDictionary> out = new ArrayList<>();
    if (page.getDictionaryObject(COSName.ANNOTS) instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getObject(i) instanceof COSDictionary d) {
          out.add(d);
        }
      }
    }
    return out;
  }

  private static boolean same(COSBase a, COSBase b, Map<COSBase, COSBase> seen, int depth) {
    a = a instanceof COSObject o ? o.getObject() : a;
    b = b instanceof COSObject o ? o.getObject() : b;
    if (a == null || b == null) {
      return a == b;
    }
    if (depth > 64) {
      return false;
    }
    if (seen.get(a) == b) {
      return true;
    }
    if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
      seen.put(a, b);
      if (a instanceof COSStream sa) {
        if (!(b instanceof COSStream sb) || !sameBytes(sa, sb)) {
          return false;
        }
      }
      for (COSName key : da.keySet()) {
        if (!SKIPPED.contains(key) && !same(da.getItem(key), db.getItem(key), seen, depth + 1)) {
          return false;
        }
      }
      for (COSName key : db.keySet()) {
        if (!SKIPPED.contains(key) && !da.containsKey(key)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof COSArray xa && b instanceof COSArray xb) {
      if (xa.size() != xb.size()) {
        return false;
      }
      for (int i = 0; i < xa.size(); i++) {
        if (!same(xa.get(i), xb.get(i), seen, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static boolean sameBytes(COSStream a, COSStream b) {
    try (InputStream x = a.createRawInputStream(); InputStream y = b.createRawInputStream()) {
      return java.util.Arrays.equals(x.readAllBytes(), y.readAllBytes());
    } catch (IOException e) {
      return false;
    }
  }
}
