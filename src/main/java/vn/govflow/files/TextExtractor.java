package vn.govflow.files;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.AccessPermissionException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts plain text for search with Tika's protections: a write limit on the handler (TRUNCATED keeps the
 * text read so far), AutoDetectParser's SecureContentHandler (compression ratio, XML nesting depth, nesting
 * of package entries), and a time limit. Only a decompression bomb is an error; every other outcome is
 * reported as a {@link TextStatus} so the file is still stored.
 *
 * <p>Parses run on a fixed pool with a bounded queue. A parse that outlives its time limit keeps its pool thread
 * until the parser returns (not every Tika parser honours interruption), so hostile files can at worst occupy
 * the pool, never pile up threads; while the pool and its queue are full, a file is stored at once with
 * {@link TextStatus#NOT_EXTRACTED} instead of being refused or waiting.
 */
public class TextExtractor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);

  /** SecureContentHandler settings: Tika's defaults, set explicitly so they are visible and reviewed. */
  static final long OUTPUT_THRESHOLD = 1_000_000;
  static final long MAX_COMPRESSION_RATIO = 100;
  static final int MAX_XML_DEPTH = 100;
  static final int MAX_PACKAGE_ENTRY_DEPTH = 10;

  public record Result(TextStatus status, String text, String note) {}

  private final AutoDetectParser parser;
  private final int writeLimit;
  private final Duration timeout;
  private final ThreadPoolExecutor executor;
  private final Parse parse;

  /** One parse of one file; replaceable in tests to stand for a slow or stuck parser. */
  @FunctionalInterface
  interface Parse {
    Result parse(Path file, String mediaType) throws Exception;
  }

  public TextExtractor(TikaConfig tika, int writeLimit, Duration timeout) {
    this(tika, writeLimit, timeout, 2, 16);
  }

  /**
   * @param threads parses running at once (each may hold a thread past its time limit while its parser runs)
   * @param queue   files waiting for a thread; beyond it a file is stored without its text
   */
  public TextExtractor(TikaConfig tika, int writeLimit, Duration timeout, int threads, int queue) {
    this(tika, writeLimit, timeout, threads, queue, null);
  }

  TextExtractor(TikaConfig tika, int writeLimit, Duration timeout, int threads, int queue, Parse parse) {
    AutoDetectParserConfig config = new AutoDetectParserConfig();
    config.setOutputThreshold(OUTPUT_THRESHOLD);
    config.setMaximumCompressionRatio(MAX_COMPRESSION_RATIO);
    config.setMaximumDepth(MAX_XML_DEPTH);
    config.setMaximumPackageEntryDepth(MAX_PACKAGE_ENTRY_DEPTH);
    this.parser = new AutoDetectParser(tika);
    this.parser.setAutoDetectParserConfig(config);
    this.writeLimit = writeLimit;
    this.timeout = timeout;
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1, queue)), daemonThreads(), new ThreadPoolExecutor.AbortPolicy());
    this.parse = parse != null ? parse : this::parse;
  }

  /**
   * @throws DecompressionBombException when the content inflates out of proportion (the caller refuses it)
   */
  public Result extract(Path file, String mediaType) throws DecompressionBombException {
    Future<Result> task;
    try {
      task = executor.submit(() -> parse.parse(file, mediaType));
    } catch (RejectedExecutionException busy) {
      return new Result(TextStatus.NOT_EXTRACTED, null, "Text extraction busy: " + executor.getActiveCount()
          + " parses running, " + executor.getQueue().size() + " waiting");
    }
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Interrupts the parser (not every one stops) or, when it is still waiting, takes it off the queue.
      task.cancel(true);
      executor.remove((Runnable) task);
      return new Result(TextStatus.TIMEOUT, null, "No result within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return new Result(TextStatus.TIMEOUT, null, "Interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DecompressionBombException bomb) {
        throw bomb;
      }
      log.warn("Text extraction failed unexpectedly for {}", file, e.getCause());
      return new Result(TextStatus.CORRUPT, null, note(e.getCause()));
    }
  }

  private Result parse(Path file, String mediaType) throws Exception {
    if (ContentTypeCheck.isZipPackage(mediaType)) {
      ZipBombGuard.check(file);
    }
    StringWriter text = new StringWriter();
    // throwOnWriteLimitReached=true: parsing stops at the limit; what was written so far stays in `text`.
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser); // also parse embedded documents, under the same protections
    // Stream docx through SAX: the default extractor loads document.xml whole into memory (a 300 MB
    // document.xml took 27 s and gigabytes of heap before SecureContentHandler saw a single character).
    OfficeParserConfig office = new OfficeParserConfig();
    office.setUseSAXDocxExtractor(true);
    office.setUseSAXPptxExtractor(true);
    context.set(OfficeParserConfig.class, office);
    // No OCR even when tesseract happens to be installed: images are EMPTY, and OCR would eat the time limit.
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    ocr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, ocr);
    WriteOutContentHandler limited = new WriteOutContentHandler(new ToTextContentHandler(text), writeLimit,
        true, context);
    try (TikaInputStream in = TikaInputStream.get(file)) {
      parser.parse(in, new BodyContentHandler(limited), new Metadata(), context);
    } catch (Exception | StackOverflowError t) {
      if (WriteLimitReachedException.isWriteLimitReached(t)) {
        return new Result(TextStatus.TRUNCATED, withoutNul(text.toString()),
            "Text cut at " + writeLimit + " characters");
      }
      if (isBomb(t)) {
        throw new DecompressionBombException(String.valueOf(rootCause(t).getMessage()), t);
      }
      if (isEncrypted(t)) {
        return new Result(TextStatus.ENCRYPTED, null, note(t));
      }
      return new Result(TextStatus.CORRUPT, null, note(t));
    }
    String result = withoutNul(text.toString());
    if (result.isBlank()) {
      return new Result(TextStatus.EMPTY, null, null);
    }
    return new Result(TextStatus.EXTRACTED, result.strip(), null);
  }

  /** PostgreSQL text columns cannot hold U+0000, which some parsers emit. */
  private static String withoutNul(String s) {
    return s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
  }

  /** Tika's SecureContentHandler and POI's ZipSecureFile both say "Zip bomb detected!". */
  private static boolean isBomb(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TikaMemoryLimitException) {
        return true;
      }
      String message = c.getMessage();
      if (message != null) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("zip bomb") || m.contains("levels of xml element nesting")
            || m.contains("package entry nesting")) {
          return true;
        }
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static boolean isEncrypted(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EncryptedDocumentException || c instanceof AccessPermissionException
          || c instanceof org.apache.poi.EncryptedDocumentException
          || c instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static String note(Throwable t) {
    String n = t.getClass().getSimpleName() + ": " + t.getMessage();
    return n.length() > 500 ? n.substring(0, 500) : n;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread thread = new Thread(r, "file-text-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The pool itself, package-private: tests fill it as a burst of uploads would. */
  ThreadPoolExecutor pool() {
    return executor;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
