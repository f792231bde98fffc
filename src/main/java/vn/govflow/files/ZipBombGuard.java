package vn.govflow.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Inflates every entry of a zip package (docx, xlsx, odt, ods), counting bytes and discarding them, and stops
 * as soon as the total is out of proportion to the file's size. This runs before Tika so the answer does not
 * depend on how much text a parser happens to emit before the write limit (Tika's SecureContentHandler is
 * still in place as a second line).
 */
final class ZipBombGuard {
  /** Inflated bytes allowed per compressed byte (POI's default for a single entry is the same 100:1). */
  static final long MAX_RATIO = 100;
  /** Small packages may exceed the ratio: a tiny docx can legitimately inflate 100 times. */
  static final long GRACE_BYTES = 20L * 1024 * 1024;
  /** Whatever the ratio, no office package of at most 50 MB needs more than this inflated. */
  static final long MAX_INFLATED = 1024L * 1024 * 1024;
  static final int MAX_ENTRIES = 10_000;

  private ZipBombGuard() {}

  static void check(Path file) throws DecompressionBombException, IOException {
    long size = Files.size(file);
    long limit = Math.min(MAX_INFLATED, Math.max(GRACE_BYTES, size * MAX_RATIO));
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (IOException notAZip) {
      return; // malformed package: the parser will flag it CORRUPT
    }
    try (zip) {
      long total = 0;
      int entries = 0;
      byte[] buffer = new byte[64 * 1024];
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw new DecompressionBombException("More than " + MAX_ENTRIES + " entries in the package", null);
        }
        try (InputStream in = zip.getInputStream(entry)) {
          int n;
          while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
              throw new DecompressionBombException("The package inflates to more than " + limit
                  + " bytes from " + size + " bytes (entry " + entry.getName() + ")", null);
            }
          }
        } catch (IOException brokenEntry) {
          return; // a damaged entry is the parser's business (CORRUPT), not a bomb
        }
      }
    }
  }
}
