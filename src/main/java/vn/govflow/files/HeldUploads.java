package vn.govflow.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;

/**
 * Files attached to a form the page refused (issue #11), for every module: a browser cannot refill a file input,
 * so the files wait on disk under a random token the form carries, and the next submit of the form reads them
 * back as if chosen again. Nothing reaches the database until that real submit (no file row, no number).
 *
 * <ul>
 *   <li>A hold has an owner: the signed-in person's username, or {@link #ANONYMOUS} for a public form (the
 *       128-bit token alone is then the key). Another owner's token shows, removes and reads nothing.</li>
 *   <li>Each file passes {@link FileService#store}'s checks (name, size, content type, decompression bomb) when
 *       it is held, inside a transaction that is rolled back; the real submit stores it again with all checks.
 *       A file that fails is not held: {@link Result#refusal()} says why, in Vietnamese and English.</li>
 *   <li>Holds live under {@code ${govflow.data-dir}/held-uploads/<token>/}, survive a restart and are deleted
 *       by the {@link #sweep} when untouched for {@code govflow.files.held-uploads-keep} (default 24 hours).</li>
 *   <li>Bounds: {@link #MAX_FILES_PER_HOLD} files per hold, {@link #MAX_HOLDS_PER_OWNER} holds per person and
 *       {@link #MAX_ANONYMOUS_HOLDS} anonymous holds in all; beyond a hold bound the oldest hold goes.</li>
 * </ul>
 *
 * A module calls {@link #hold} for each file of a refused post, lists the hold with {@link #held}, lets go of the
 * files the user unticked with {@link #remove}, reads a file back with {@link #content} for the real submit and
 * calls {@link #discard} once that submit succeeded.
 */
@Component
public class HeldUploads {
  /** The owner of holds made by a public (not signed-in) form. */
  public static final String ANONYMOUS = "(anonymous)";
  public static final int MAX_FILES_PER_HOLD = 20;
  public static final int MAX_HOLDS_PER_OWNER = 10;
  public static final int MAX_ANONYMOUS_HOLDS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(HeldUploads.class);
  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
  private static final String OWNER = "owner";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One held file: its number within the hold (stable, for "remove" boxes and {@link #content}), the form field
   * it was attached to (e.g. "draft" or "appendices"), the name the user chose, and its size in bytes.
   */
  public record HeldFile(int index, String field, String name, long size) {}

  /** Why a file was not held, for the page's error summary. */
  public record Refusal(String name, String messageVi, String messageEn) {}

  /** What {@link #hold} gave: the token the form carries from now on, and the refusal when the file was not held. */
  public record Result(String token, Refusal refusal) {
    public boolean held() {
      return refusal == null;
    }
  }

  /** Opens the bytes of a file; called once for the check and once to copy it. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  private final Path root;
  private final FileService files;
  private final TransactionTemplate dryRun;
  private final Duration keep;

  public HeldUploads(@Value("${govflow.data-dir:./data}") String dataDir, FileService files,
                     PlatformTransactionManager transactions,
                     @Value("${govflow.files.held-uploads-keep:PT24H}") Duration keep) {
    this.root = Path.of(dataDir, "held-uploads");
    this.files = files;
    this.dryRun = new TransactionTemplate(transactions);
    this.keep = keep;
  }

  /** As {@link #hold(String, String, String, String, String, Content)}, checked under the name the user chose. */
  public Result hold(String token, String owner, String field, String name, Content content) {
    return hold(token, owner, field, name, name, content);
  }

  /**
   * Checks the file as the files module would store it and holds it. The token is kept when it is a hold of this
   * owner; otherwise (null, unknown, expired, someone else's) a new hold is made. A file with the same field and
   * name as one already held is not held twice (it was attached again after a refusal).
   *
   * @param checkedAs the name the real submit will store the file under, when the module renames files (the
   *                  portal stores a citizen's "Học bạ.pdf" as "Hoc_ba.pdf"); the check uses it
   * @return the token to carry in the form (null only when no hold exists and the file was refused), and the
   *         refusal when the file is not held
   */
  public Result hold(String token, String owner, String field, String name, String checkedAs, Content content) {
    requireOwner(owner);
    try {
      check(checkedAs, content, owner); // the slow part (content detection, text extraction): outside the lock
    } catch (UserError e) {
      return new Result(dir(token, owner) == null ? null : token, new Refusal(name, e.messageVi(), e.messageEn()));
    }
    return keep(token, owner, field, name, content);
  }

  /** The files held under the token for this owner, in the order attached; none for an unknown or foreign token. */
  public synchronized List<HeldFile> held(String token, String owner) {
    Path dir = dir(token, owner);
    return dir == null ? List.of() : list(dir);
  }

  /** Lets go of the chosen files (the user's "remove" boxes); unknown indexes and foreign tokens change nothing. */
  public synchronized void remove(String token, String owner, Collection<Integer> indexes) {
    Path dir = dir(token, owner);
    if (dir == null || indexes == null) {
      return;
    }
    for (Integer i : indexes) {
      if (i != null) {
        deleteQuietly(dir.resolve(i + ".meta"));
        deleteQuietly(dir.resolve(i + ".data"));
      }
    }
    touch(dir);
  }

  /**
   * The bytes of one held file, for the real submit (which runs every check again as it stores them). Opening
   * fails with {@link NoSuchFileException} when the file is not this owner's, was removed or swept meanwhile.
   */
  public Content content(String token, String owner, int index) {
    return () -> {
      Path dir;
      synchronized (this) {
        dir = dir(token, owner);
      }
      Path data = dir == null ? null : dir.resolve(index + ".data");
      if (data == null || !Files.exists(dir.resolve(index + ".meta"))) {
        throw new NoSuchFileException("held upload " + index);
      }
      return Files.newInputStream(data);
    };
  }

  /** After the real submit stored its own copies: the hold and its files go. */
  public synchronized void discard(String token, String owner) {
    Path dir = dir(token, owner);
    if (dir != null) {
      deleteTree(dir);
    }
  }

  /** Deletes the holds nobody came back to within the keep time (also those from before a restart). */
  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
  public synchronized int sweep() {
    Instant cutoff = Instant.now().minus(keep);
    int deleted = 0;
    for (Path d : holds()) {
      if (touched(d).isBefore(cutoff)) {
        deleteTree(d);
        deleted++;
      }
    }
    return deleted;
  }

  private synchronized Result keep(String token, String owner, String field, String name, Content content) {
    Path dir = dir(token, owner);
    List<HeldFile> already = dir == null ? List.of() : list(dir);
    if (already.stream().anyMatch(h -> h.field().equals(field) && h.name().equals(name))) {
      touch(dir);
      return new Result(token, null);
    }
    if (already.size() >= MAX_FILES_PER_HOLD) {
      return new Result(token, new Refusal(name, "Tối đa " + MAX_FILES_PER_HOLD + " tệp.",
          "At most " + MAX_FILES_PER_HOLD + " files."));
    }
    try {
      if (dir == null) {
        makeRoom(owner);
        token = HexFormat.of().formatHex(bytes(16));
        dir = root.resolve(token);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(OWNER), owner, StandardCharsets.UTF_8);
      }
      int index = already.stream().mapToInt(HeldFile::index).max().orElse(0) + 1;
      try (InputStream in = content.open()) {
        Files.copy(in, dir.resolve(index + ".data"), StandardCopyOption.REPLACE_EXISTING);
      }
      // Written last: a file without its meta (a crash while copying) is not listed and goes with the hold.
      Files.writeString(dir.resolve(index + ".meta"), field + "\n" + name, StandardCharsets.UTF_8);
      touch(dir);
      return new Result(token, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Before a new hold: the owner's oldest holds go beyond the bound (for anonymous holds, the global bound). */
  private void makeRoom(String owner) {
    int bound = ANONYMOUS.equals(owner) ? MAX_ANONYMOUS_HOLDS : MAX_HOLDS_PER_OWNER;
    List<Path> mine = new ArrayList<>();
    for (Path d : holds()) {
      if (owner.equals(ownerOf(d))) {
        mine.add(d);
      }
    }
    if (mine.size() < bound) {
      return;
    }
    mine.sort(Comparator.comparing(HeldUploads::touched));
    mine.subList(0, mine.size() - bound + 1).forEach(HeldUploads::deleteTree);
  }

  /** The files module's checks without keeping anything: the row and its audit entry are rolled back. */
  private void check(String name, Content content, String owner) {
    // No agency: the row never commits, and the checks depend on the file alone.
    CurrentUser checker = new CurrentUser(owner, owner, null, null, null, null, null, Set.of(), null);
    dryRun.executeWithoutResult(status -> {
      status.setRollbackOnly();
      try (InputStream in = content.open()) {
        // The blob written meanwhile is referenced by no row once rolled back: the files sweep removes it.
        files.store(name, in, checker);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static List<HeldFile> list(Path dir) {
    List<HeldFile> held = new ArrayList<>();
    try (DirectoryStream<Path> metas = Files.newDirectoryStream(dir, "*.meta")) {
      for (Path m : metas) {
        String base = m.getFileName().toString().replace(".meta", "");
        Path data = dir.resolve(base + ".data");
        String meta = Files.readString(m, StandardCharsets.UTF_8);
        int nl = meta.indexOf('\n');
        if (Files.exists(data) && nl > 0) {
          held.add(new HeldFile(Integer.parseInt(base), meta.substring(0, nl), meta.substring(nl + 1),
              Files.size(data)));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of(); // swept or discarded meanwhile
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    held.sort(Comparator.comparingInt(HeldFile::index));
    return held;
  }

  private List<Path> holds() {
    List<Path> holds = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return holds;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      dirs.forEach(holds::add);
    } catch (IOException e) {
      log.warn("Could not list the held uploads in {}", root, e);
    }
    return holds;
  }

  private Path dir(String token, String owner) {
    if (token == null || owner == null || !TOKEN.matcher(token).matches()) {
      return null;
    }
    Path dir = root.resolve(token);
    return owner.equals(ownerOf(dir)) ? dir : null;
  }

  private static String ownerOf(Path dir) {
    try {
      return Files.readString(dir.resolve(OWNER), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static void requireOwner(String owner) {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("A held upload needs an owner (a username or HeldUploads.ANONYMOUS)");
    }
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The last time the hold was used: its owner file's time (set on every change). */
  private static Instant touched(Path dir) {
    try {
      Path owner = dir.resolve(OWNER);
      return Files.getLastModifiedTime(Files.exists(owner) ? owner : dir).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
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
