package vn.govflow.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.govflow.common.error.UserError;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;

/**
 * Files attached to a question the ask page refused: a browser cannot keep chosen files across a refused post,
 * so they are stored at once (through {@link FileService}: name, size, Tika type and decompression-bomb checks)
 * and held under a random token the page carries in a hidden field. The next submit offers them to
 * {@link QuestionSubmission} as if chosen again (same checks, same naming); once the question is stored the held
 * copies are erased. Holds nobody claims are erased after {@link #KEEP}. In memory, per GovFlow node: a restart
 * forgets the holds (the asker chooses the files again) and their rows stay until an operator erases them.
 */
@Component("portalPendingUploads")
class PendingUploads {
  static final Duration KEEP = Duration.ofHours(1);
  /** At most this many holds at once (the flood limit per address already bounds each asker). */
  static final int MAX_HOLDS = 2_000;

  /** A held file: its stored row, the name the asker chose, its size. */
  record Held(String fileId, String name, long size) {}

  /** What holding a refused post's files gave: the token, the files now held, and the files refused. */
  record Result(String token, List<Held> held, List<UserError.FieldProblem> problems) {}

  private record Hold(Instant created, List<Held> files) {}

  private final FileService files;
  private final long maxAttachmentBytes;
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();
  /** Insertion order = age order: the oldest go first when the map is full. */
  private final LinkedHashMap<String, Hold> holds = new LinkedHashMap<>();

  PendingUploads(FileService files,
                 @Value("${govflow.portal.max-attachment-bytes:10485760}") long maxAttachmentBytes) {
    this.files = files;
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  /** The files held under the token, minus those the asker chose to remove; empty for an unknown or old token. */
  List<Held> held(String token, Collection<String> removed) {
    Hold hold = token == null ? null : current(token);
    if (hold == null) {
      return List.of();
    }
    return hold.files().stream().filter(h -> removed == null || !removed.contains(h.fileId())).toList();
  }

  /** The held files as attachments for {@link QuestionSubmission}: read back from the file storage. */
  List<QuestionSubmission.Attachment> attachments(List<Held> held) {
    List<QuestionSubmission.Attachment> out = new ArrayList<>();
    for (Held h : held) {
      Optional<StoredFile> f = files.findHeldByCase(h.fileId());
      f.ifPresent(s -> out.add(new QuestionSubmission.Attachment(h.name(), h.size(), () -> files.open(s))));
    }
    return out;
  }

  /**
   * After a refused post: keeps the files still held (erasing the ones the asker removed) and stores the newly
   * chosen ones that pass the checks, up to the limit of attachments; the old token is replaced by a new one.
   */
  Result hold(String oldToken, Collection<String> removed, List<QuestionSubmission.Attachment> chosen) {
    Hold old = oldToken == null ? null : take(oldToken);
    List<Held> kept = new ArrayList<>();
    if (old != null) {
      for (Held h : old.files()) {
        if (removed != null && removed.contains(h.fileId())) {
          erase(h);
        } else {
          kept.add(h);
        }
      }
    }
    List<UserError.FieldProblem> problems = new ArrayList<>();
    for (QuestionSubmission.Attachment a : chosen) {
      String shown = shownName(a.name());
      String stored = QuestionChecks.storedName(a.name());
      // Files over the limits were named by the question's own checks already; they are simply not kept.
      if (stored == null || a.size() > maxAttachmentBytes || kept.size() >= QuestionChecks.MAX_ATTACHMENTS) {
        continue;
      }
      try (java.io.InputStream in = a.content().open()) {
        StoredFile f = files.store(stored, in, QuestionFiles.ASKER);
        kept.add(new Held(f.id(), shown, f.sizeBytes()));
      } catch (UserError e) {
        problems.add(new UserError.FieldProblem("files", "Tệp \"" + shown + "\": " + e.messageVi(),
            "File \"" + shown + "\": " + e.messageEn()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    if (kept.isEmpty()) {
      return new Result(null, List.of(), problems);
    }
    String token = newToken();
    synchronized (holds) {
      holds.put(token, new Hold(clock.instant(), List.copyOf(kept)));
      while (holds.size() > MAX_HOLDS) {
        Iterator<Map.Entry<String, Hold>> it = holds.entrySet().iterator();
        Hold oldest = it.next().getValue();
        it.remove();
        oldest.files().forEach(this::erase);
      }
    }
    return new Result(token, List.copyOf(kept), problems);
  }

  /** The question is stored with its own copies of the files: the held ones go. */
  void release(String token) {
    Hold hold = token == null ? null : take(token);
    if (hold != null) {
      hold.files().forEach(this::erase);
    }
  }

  /** Erases the holds nobody claimed within {@link #KEEP}. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  void expire() {
    Instant limit = clock.instant().minus(KEEP);
    List<Hold> old = new ArrayList<>();
    synchronized (holds) {
      for (Iterator<Hold> it = holds.values().iterator(); it.hasNext(); ) {
        Hold h = it.next();
        if (h.created().isBefore(limit)) {
          old.add(h);
          it.remove();
        }
      }
    }
    old.forEach(h -> h.files().forEach(this::erase));
  }

  private Hold current(String token) {
    synchronized (holds) {
      Hold h = holds.get(token);
      return h != null && h.created().isAfter(clock.instant().minus(KEEP)) ? h : null;
    }
  }

  private Hold take(String token) {
    synchronized (holds) {
      Hold h = holds.remove(token);
      if (h != null && !h.created().isAfter(clock.instant().minus(KEEP))) {
        h.files().forEach(this::erase);
        return null;
      }
      return h;
    }
  }

  private void erase(Held h) {
    files.erase(h.fileId(), "portal: pending attachment of a refused question");
  }

  private String newToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The name as the asker knows it, without the path some browsers send. */
  static String shownName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
