package vn.govflow.files.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/**
 * {@link PdfConversion} by a supervised {@code soffice --headless --convert-to pdf} process per conversion.
 * Each of the {@code maxConcurrent} workers has its own office profile (two offices on one profile block each
 * other), seeded with settings that turn off macros and the fetching of linked content, and a manual proxy on a
 * closed local port so that anything the office still tries to fetch over the network fails at once. A process
 * that outlives the timeout is killed with every process it started. The document is checked first
 * ({@link OfficeDocumentCheck}); the office sees only a copy under a fixed name.
 */
public class OfficeProcessConversion implements PdfConversion {
  private static final Logger log = LoggerFactory.getLogger(OfficeProcessConversion.class);

  /**
   * The office profile's settings (LibreOffice registrymodifications.xcu): macro security "very high" and macro
   * execution off; no links loaded from documents outside trusted locations (there are none); Writer never
   * updates links; every internet protocol through a proxy on the closed port 9 of this host.
   */
  static final String PROFILE_SETTINGS = settings(
      setting("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
      setting("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
      setting("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
      setting("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
      setting("/org.openoffice.Inet/Settings", "ooInetProxyType", "1"),
      proxy("HTTP"), proxy("HTTPS"), proxy("FTP"),
      setting("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""));

  private static String setting(String path, String name, String value) {
    return "<item oor:path=\"" + path + "\"><prop oor:name=\"" + name + "\" oor:op=\"fuse\"><value>" + value
        + "</value></prop></item>\n";
  }

  /** A protocol through the closed port 9 of this host. */
  private static String proxy(String protocol) {
    return setting("/org.openoffice.Inet/Settings", "ooInet" + protocol + "ProxyName", "127.0.0.1")
        + setting("/org.openoffice.Inet/Settings", "ooInet" + protocol + "ProxyPort", "9");
  }

  private static String settings(String... items) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        """ + String.join("", items) + "</oor:items>\n";
  }

  private final ConvertProperties props;
  private final Path workDir;
  private final OfficeDocumentCheck check;
  private final long maxBytes;
  /** Free worker numbers; taking one is the permit to run an office on that worker's profile. */
  private final BlockingQueue<Integer> workers;

  public OfficeProcessConversion(ConvertProperties props, Path workDir, OfficeDocumentCheck check, long maxBytes) {
    this.props = props;
    this.workDir = workDir;
    this.check = check;
    this.maxBytes = maxBytes;
    this.workers = new ArrayBlockingQueue<>(props.maxConcurrent());
    for (int i = 1; i <= props.maxConcurrent(); i++) {
      workers.add(i);
    }
    // Scratch copies left by a stopped server hold drafts: they go before any new conversion starts.
    deleteQuietly(workDir.resolve("jobs"));
  }

  Path executable() {
    return props.officeHome().resolve("program").resolve("soffice");
  }

  @Override
  public boolean available() {
    return Files.isRegularFile(executable()) && Files.isExecutable(executable());
  }

  @Override
  public byte[] toPdf(byte[] document, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "document" : fileName;
    if (document == null || document.length == 0) {
      throw OfficeDocumentCheck.damaged(name);
    }
    if (document.length > maxBytes) {
      throw new UserError(HttpStatus.PAYLOAD_TOO_LARGE, "convert-too-large",
          "Tệp \"" + name + "\" lớn hơn " + maxBytes / (1024 * 1024) + " MB nên không được chuyển sang PDF.",
          "\"" + name + "\" is larger than " + maxBytes / (1024 * 1024) + " MB, so it is not converted to PDF.");
    }
    Path job = null;
    try {
      Files.createDirectories(workDir.resolve("jobs"));
      job = Files.createTempDirectory(workDir.resolve("jobs"), "job-");
      Path raw = job.resolve("upload");
      Files.write(raw, document);
      // The document is judged first: a refused file is refused with its own reason, office or not.
      OfficeDocumentCheck.Kind kind = check.check(raw, name);
      if (!available()) {
        throw unavailable(name);
      }
      // A fixed name: the office picks its filter from the extension, and the person's file name never reaches
      // a command line or a path.
      Path input = job.resolve("document." + kind.extension);
      Files.move(raw, input);
      Path out = Files.createDirectories(job.resolve("out"));
      byte[] pdf = runOffice(input, out, job, name);
      pages(pdf, name);
      return pdf;
    } catch (IOException e) {
      throw new IllegalStateException("PDF conversion of " + name + " failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(job);
    }
  }

  private byte[] runOffice(Path input, Path out, Path job, String name) throws IOException {
    Integer worker;
    try {
      worker = workers.poll(props.queueWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy(name);
    }
    if (worker == null) {
      throw busy(name);
    }
    try {
      Path profile = profile(worker);
      List<String> command = List.of(executable().toString(),
          "-env:UserInstallation=" + profile.toUri(),
          "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
          "--convert-to", "pdf:writer_pdf_Export", "--outdir", out.toString(), input.toString());
      ProcessBuilder builder = new ProcessBuilder(command).directory(job.toFile()).redirectErrorStream(true)
          .redirectOutput(job.resolve("office.log").toFile());
      // No display, and nothing the office writes outside the job and the profile.
      builder.environment().put("SAL_USE_VCLPLUGIN", "svp");
      builder.environment().put("HOME", job.toString());
      builder.environment().remove("DISPLAY");
      long started = System.nanoTime();
      Process process = builder.start();
      boolean finished;
      try {
        finished = process.waitFor(props.timeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        killTree(process);
        throw busy(name);
      }
      if (!finished) {
        killTree(process);
        log.warn("PDF conversion of {} killed after {}", name, props.timeout());
        throw notConverted("convert-timeout",
            "Chuyển \"" + name + "\" sang PDF quá " + props.timeout().toSeconds() + " giây nên đã bị dừng.",
            "Converting \"" + name + "\" to PDF took longer than " + props.timeout().toSeconds() + " seconds and"
                + " was stopped.", "Hãy thử lại sau", "Try again later");
      }
      // The office may leave helpers behind (it should not): none outlives the conversion.
      killTree(process);
      Path pdf = out.resolve("document.pdf");
      if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        log.warn("PDF conversion of {} failed (exit {}): {}", name, process.exitValue(), tail(job));
        throw notConverted("convert-failed", "LibreOffice không chuyển được \"" + name + "\" sang PDF.",
            "LibreOffice could not convert \"" + name + "\" to PDF.", "Hãy mở và lưu lại văn bản rồi thử lại",
            "Open and save the document again and retry");
      }
      log.info("Converted {} to PDF in {} ms (worker {})", name,
          Duration.ofNanos(System.nanoTime() - started).toMillis(), worker);
      return Files.readAllBytes(pdf);
    } finally {
      workers.add(worker);
    }
  }

  /** The worker's profile directory, seeded with the locked-down settings before the office first uses it. */
  private Path profile(int worker) throws IOException {
    Path profile = workDir.resolve("profiles").resolve("worker-" + worker);
    Path settings = profile.resolve("user").resolve("registrymodifications.xcu");
    if (!Files.exists(settings)) {
      Files.createDirectories(settings.getParent());
      Files.writeString(settings, PROFILE_SETTINGS, StandardCharsets.UTF_8);
    }
    return profile;
  }

  /** Kills the process and everything it started, children first seen before the parent dies. */
  static void killTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("Office process {} did not exit after being killed", handle.pid());
      }
    }
  }

  private static int pages(byte[] pdf, String name) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      int pages = doc.getNumberOfPages();
      if (pages > 0) {
        return pages;
      }
    } catch (IOException e) {
      log.warn("PDF made from {} is unreadable: {}", name, e.getMessage());
    }
    throw notConverted("convert-failed", "LibreOffice không tạo được bản PDF đọc được từ \"" + name + "\".",
        "LibreOffice did not produce a readable PDF from \"" + name + "\".", null, null);
  }

  /**
   * A document the office did not turn into a PDF (422): what happened, the advice if any, and always the way out
   * that needs no converter, the drafter's own PDF.
   */
  private static UserError notConverted(String code, String vi, String en, String adviceVi, String adviceEn) {
    String uploadVi = adviceVi == null ? "Hãy tải lên bản PDF của văn bản." : adviceVi + ", hoặc tải lên bản PDF"
        + " của văn bản.";
    String uploadEn = adviceEn == null ? "Please upload the PDF of the document." : adviceEn + ", or upload the PDF of"
        + " the document.";
    return new UserError(HttpStatus.UNPROCESSABLE_ENTITY, code, vi + " " + uploadVi, en + " " + uploadEn);
  }

  private UserError unavailable(String name) {
    return new UserError(HttpStatus.SERVICE_UNAVAILABLE, "convert-unavailable",
        "Máy chủ chưa cài LibreOffice nên không chuyển được \"" + name + "\" sang PDF; hãy tải lên bản PDF của"
            + " văn bản.",
        "LibreOffice is not installed on the server, so \"" + name + "\" cannot be converted to PDF; please"
            + " upload the PDF of the document.",
        List.of(), Map.of("officeHome", props.officeHome().toString()));
  }

  private static UserError busy(String name) {
    return new UserError(HttpStatus.SERVICE_UNAVAILABLE, "convert-busy",
        "Máy chủ đang bận chuyển các tệp khác sang PDF; hãy thử lại \"" + name + "\" sau ít phút.",
        "The server is busy converting other files to PDF; try \"" + name + "\" again in a few minutes.");
  }

  private static String tail(Path job) {
    try {
      String log = Files.readString(job.resolve("office.log"), StandardCharsets.UTF_8);
      return log.length() <= 2000 ? log : log.substring(log.length() - 2000);
    } catch (IOException e) {
      return "(no office output)";
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete conversion scratch directory {}", dir);
    }
  }
}
