package vn.govflow.outgoing;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The files of a refused draft form, held on the server so the drafter does not choose them again (a browser cannot
 * refill a file input). A hold belongs to one user under a random token, lives an hour, and is only ever read into
 * the next submit of the form, where every check on files (name, type, size, content) runs again as for a fresh
 * upload. Nothing of it is in the database: a refused submit leaves no document, version or register number.
 */
@Component
class OutgoingPendingUploads {
  static final Duration KEEP = Duration.ofHours(1);
  /** At most this many holds per user: the oldest goes first. */
  static final int PER_USER = 5;

  /** One held file: the form field it came from ("draft" or "appendices"), its name and its bytes on disk. */
  record Held(String field, String name, Path path) {
    OutgoingDrafting.Upload upload() {
      return new OutgoingDrafting.Upload(name, () -> Files.newInputStream(path));
    }
  }

  /** A file to hold after a refusal: a held one kept (path set) or one just received (content set). */
  record Candidate(String field, String name, OutgoingDrafting.Content content, Path path) {
    static Candidate of(Held h) {
      return new Candidate(h.field(), h.name(), null, h.path());
    }
  }

  private record Hold(String username, Instant at, List<Held> files) {}

  private final Map<String, Hold> holds = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Path dir;

  OutgoingPendingUploads() {
    this(Clock.systemUTC());
  }

  OutgoingPendingUploads(Clock clock) {
    this.clock = clock;
    try {
      this.dir = Files.createTempDirectory("govflow-outgoing-pending-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files held under the token for this user; empty when unknown, expired or someone else's. */
  List<Held> find(String token, String username) {
    sweep();
    Hold h = token == null ? null : holds.get(token);
    return h == null || !h.username().equals(username) ? List.of() : h.files();
  }

  /**
   * Holds these files for the user (replacing what the token held: files no longer listed are deleted) and returns
   * the token to put in the form again; null when there is nothing to hold.
   */
  synchronized String hold(String token, String username, List<Candidate> files) {
    sweep();
    List<Held> previous = find(token, username);
    List<Held> kept = new ArrayList<>();
    for (Candidate c : files) {
      if (c.path() != null) {
        // Only a file this store holds for this user may be kept: a path is never taken from the request.
        previous.stream().filter(p -> p.path().equals(c.path())).findFirst().ifPresent(kept::add);
      } else {
        kept.add(new Held(c.field(), c.name(), copy(c.content())));
      }
    }
    previous.stream().filter(p -> kept.stream().noneMatch(k -> k.path().equals(p.path()))).forEach(p -> delete(p.path()));
    Hold old = token == null ? null : holds.get(token);
    if (old != null && old.username().equals(username)) {
      holds.remove(token);
    }
    if (kept.isEmpty()) {
      return null;
    }
    String fresh = newToken();
    holds.put(fresh, new Hold(username, clock.instant(), List.copyOf(kept)));
    List<Map.Entry<String, Hold>> mine = holds.entrySet().stream().filter(e -> e.getValue().username().equals(username))
        .sorted(Comparator.comparing(e -> e.getValue().at())).toList();
    for (int i = 0; i < mine.size() - PER_USER; i++) {
      drop(mine.get(i).getKey());
    }
    return fresh;
  }

  /** Forgets the hold (after the draft is saved from it). */
  void discard(String token, String username) {
    Hold h = token == null ? null : holds.get(token);
    if (h != null && h.username().equals(username)) {
      drop(token);
    }
  }

  private void sweep() {
    Instant limit = clock.instant().minus(KEEP);
    holds.entrySet().stream().filter(e -> e.getValue().at().isBefore(limit)).map(Map.Entry::getKey).toList()
        .forEach(this::drop);
  }

  private void drop(String token) {
    Hold h = holds.remove(token);
    if (h != null) {
      h.files().forEach(f -> delete(f.path()));
    }
  }

  private Path copy(OutgoingDrafting.Content content) {
    try {
      Path file = Files.createTempFile(dir, "held-", ".bin");
      try (InputStream in = content.open()) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String newToken() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A file left behind goes with the directory at shutdown.
    }
  }

  @PreDestroy
  void close() {
    holds.keySet().forEach(this::drop);
    delete(dir);
  }
}
