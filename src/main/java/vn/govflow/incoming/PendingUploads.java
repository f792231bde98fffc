package vn.govflow.incoming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.common.error.UserError;
import vn.govflow.files.FileService;
import vn.govflow.identity.CurrentUser;

/**
 * Files attached to a registration the page refused (issue #11): held on disk under a random token carried by the
 * form, so the clerk does not attach them again, and handed to the registration when it succeeds. Nothing reaches
 * the database until then (no file row, no number). Each file passes the files module's checks (name, size,
 * content type, decompression bomb) when it is held, in a transaction that is rolled back; the registration runs
 * them again when it stores the file. Unclaimed files go after {@code govflow.incoming.pending-uploads-keep}.
 */
@Component
class PendingUploads {
  private static final Logger log = LoggerFactory.getLogger(PendingUploads.class);
  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
  private static final String OWNER = "owner";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One held file: its number within the token (for the remove box), name and size. */
  record Held(int index, String name, long size, Path path) {
    IncomingRegistration.Upload upload() {
      return new IncomingRegistration.Upload(name, () -> Files.newInputStream(path));
    }
  }

  /** A file that could not be held: its name and the check's message. */
  record Refused(String name, String messageVi, String messageEn) {}

  @FunctionalInterface
  interface Content {
    InputStream open() throws IOException;
  }

  private final Path root;
  private final FileService files;
  private final TransactionTemplate dryRun;
  private final Duration keep;

  PendingUploads(@Value("${govflow.data-dir:./data}") String dataDir, FileService files,
                 PlatformTransactionManager transactions,
                 @Value("${govflow.incoming.pending-uploads-keep:PT24H}") Duration keep) {
    this.root = Path.of(dataDir, "incoming-pending");
    this.files = files;
    this.dryRun = new TransactionTemplate(transactions);
    this.keep = keep;
  }

  /** The files held under the token for this clerk, in the order attached; none for an unknown or foreign token. */
  synchronized List<Held> held(String token, CurrentUser clerk) {
    Path dir = dir(token, clerk);
    if (dir == null) {
      return List.of();
    }
    List<Held> held = new ArrayList<>();
    try (DirectoryStream<Path> names = Files.newDirectoryStream(dir, "*.name")) {
      for (Path n : names) {
        String base = n.getFileName().toString().replace(".name", "");
        Path data = dir.resolve(base + ".data");
        if (Files.exists(data)) {
          held.add(new Held(Integer.parseInt(base), Files.readString(n, StandardCharsets.UTF_8), Files.size(data), data));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    held.sort(java.util.Comparator.comparingInt(Held::index));
    return held;
  }

  /**
   * Checks the file as the files module would store it and holds it under the token (a new token when the given
   * one is not this clerk's). Returns the token; the refusal, if any, is added to {@code refused}.
   */
  String hold(String token, CurrentUser clerk, String name, Content content, int maxFiles, List<Refused> refused) {
    try {
      check(name, content, clerk); // the slow part (content detection, text extraction): outside the lock
    } catch (UserError e) {
      refused.add(new Refused(name, e.messageVi(), e.messageEn()));
      return token;
    }
    return keep(token, clerk, name, content, maxFiles, refused);
  }

  private synchronized String keep(String token, CurrentUser clerk, String name, Content content, int maxFiles,
                                   List<Refused> refused) {
    List<Held> already = held(token, clerk);
    if (already.stream().anyMatch(h -> h.name().equals(name))) {
      return token; // attached again after a refusal: the first copy is kept, not a second one
    }
    if (already.size() >= maxFiles) {
      refused.add(new Refused(name, "Tối đa " + maxFiles + " tệp.", "At most " + maxFiles + " files."));
      return token;
    }
    Path dir = dir(token, clerk);
    try {
      if (dir == null) {
        token = HexFormat.of().formatHex(bytes(16));
        dir = root.resolve(token);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(OWNER), clerk.username(), StandardCharsets.UTF_8);
      }
      int index = already.stream().mapToInt(Held::index).max().orElse(0) + 1;
      try (InputStream in = content.open()) {
        Files.copy(in, dir.resolve(index + ".data"), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(dir.resolve(index + ".name"), name, StandardCharsets.UTF_8);
      touch(dir);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lets go of the chosen held files (the clerk's "remove" boxes). */
  synchronized void remove(String token, CurrentUser clerk, Collection<Integer> indexes) {
    Path dir = dir(token, clerk);
    if (dir == null || indexes == null) {
      return;
    }
    for (Integer i : indexes) {
      if (i != null) {
        deleteQuietly(dir.resolve(i + ".data"));
        deleteQuietly(dir.resolve(i + ".name"));
      }
    }
    touch(dir);
  }

  /** After a successful registration (which stored its own copies): the held files go. */
  synchronized void discard(String token, CurrentUser clerk) {
    Path dir = dir(token, clerk);
    if (dir != null) {
      deleteTree(dir);
    }
  }

  /** Held files nobody came back for within the keep time (also after a restart). */
  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
  synchronized int sweep() {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    Instant cutoff = Instant.now().minus(keep);
    int deleted = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path d : dirs) {
        Path owner = d.resolve(OWNER);
        FileTime touched = Files.exists(owner) ? Files.getLastModifiedTime(owner) : Files.getLastModifiedTime(d);
        if (touched.toInstant().isBefore(cutoff)) {
          deleteTree(d);
          deleted++;
        }
      }
    } catch (IOException e) {
      log.warn("Could not sweep the held registration files in {}", root, e);
    }
    return deleted;
  }

  /** The files module's checks without keeping anything: the row and its audit entry are rolled back. */
  private void check(String name, Content content, CurrentUser clerk) {
    dryRun.executeWithoutResult(status -> {
      status.setRollbackOnly();
      try (InputStream in = content.open()) {
        // The blob written meanwhile is referenced by no row once rolled back: the files sweep removes it.
        files.store(name, in, clerk);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private Path dir(String token, CurrentUser clerk) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return null;
    }
    Path dir = root.resolve(token);
    try {
      Path owner = dir.resolve(OWNER);
      return Files.exists(owner) && Files.readString(owner, StandardCharsets.UTF_8).equals(clerk.username()) ? dir : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static void touch(Path dir) {
    try {
      Files.setLastModifiedTime(dir.resolve(OWNER), FileTime.from(Instant.now()));
    } catch (IOException e) {
      // the sweep then goes by an older time: at worst the files go earlier than promised
    }
  }

  private static void deleteTree(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        deleteQuietly(p);
      }
    } catch (IOException e) {
      // deleted meanwhile
    }
    deleteQuietly(dir);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      log.warn("Could not delete {}", p, e);
    }
  }
}
