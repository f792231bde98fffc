package vn.govflow.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionOperations;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;

/**
 * Uploads for every module: checks the name, size and content type, extracts text for search, stores the
 * bytes as a content-addressed blob and the metadata as a row. A refused upload leaves nothing behind.
 */
public class FileService {
  private final BlobStore blobs;
  private final ContentTypeCheck types;
  private final TextExtractor extractor;
  private final StoredFileMapper mapper;
  private final AuditLog audit;
  private final TransactionOperations tx;
  private final long maxBytes;
  private final Clock clock;

  public FileService(BlobStore blobs, ContentTypeCheck types, TextExtractor extractor, StoredFileMapper mapper,
                     AuditLog audit, TransactionOperations tx, long maxBytes, Clock clock) {
    this.blobs = blobs;
    this.types = types;
    this.extractor = extractor;
    this.mapper = mapper;
    this.audit = audit;
    this.tx = tx;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /**
   * Validates and stores one file owned by the uploader's agency, and records "file.upload" in the audit log.
   *
   * @throws UserError 400 (name, empty), 413 (over 50 MB), 415 (content does not match the extension),
   *                   422 (decompression bomb); nothing is stored then
   */
  public StoredFile store(String originalName, InputStream content, CurrentUser owner) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(owner, "owner");
    String extension = FileNameRules.validate(originalName);
    BlobStore.Received received = null;
    boolean committed = false;
    try {
      received = blobs.receive(content, maxBytes);
      String detected = types.detect(received.tempFile());
      String mediaType = types.check(extension, detected);
      // Extraction reads the temporary file: a bomb is refused before anything becomes visible.
      TextExtractor.Result text = extractor.extract(received.tempFile(), detected);
      blobs.commit(received);
      committed = true;
      StoredFile file = new StoredFile(UUID.randomUUID().toString(), owner.agencyCode(), originalName, extension,
          mediaType, received.size(), received.sha256(), owner.username(), owner.onBehalfOf(),
          OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), text.status(), text.note());
      tx.executeWithoutResult(status -> {
        mapper.insert(file, text.text());
        audit.record("file.upload", "file", file.id(), file.originalName() + " (" + file.sizeBytes()
            + " bytes, sha256 " + file.sha256().substring(0, 12) + "…, text " + file.textStatus() + ")");
      });
      return file;
    } catch (DecompressionBombException e) {
      throw new UserError(HttpStatus.UNPROCESSABLE_ENTITY, "file-decompression-bomb",
          "Tệp bị từ chối: nội dung nén bung ra lớn bất thường so với kích thước tệp (nghi là \"bom nén\").",
          "The file was refused: its compressed content expands to an abnormal size (suspected decompression bomb).");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store the upload " + originalName, e);
    } finally {
      if (!committed) {
        blobs.discard(received);
      }
    }
  }

  /** Checks a file name as {@link #store} would, without storing anything (for forms). */
  public void validateName(String originalName) {
    FileNameRules.validate(originalName);
  }

  /** A valid name close to the given one, e.g. "Công văn số 12.pdf" → "Cong_van_so_12.pdf". */
  public Optional<String> suggestName(String originalName) {
    return FileNameRules.suggest(originalName);
  }

  /** The file's metadata, or empty when it does not exist or belongs to an agency the viewer cannot see. */
  public Optional<StoredFile> find(String id, CurrentUser viewer) {
    if (id == null || viewer == null || !vn.govflow.common.Ids.isUuid(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(mapper.findById(id)).filter(f -> viewer.canSeeAgency(f.agencyCode()));
  }

  /**
   * The file's metadata without an agency check: only for a module that has already checked the viewer's
   * access to the case holding the file (e.g. a citizen's attachment, owned by no agency).
   */
  public Optional<StoredFile> findHeldByCase(String id) {
    return id == null || !vn.govflow.common.Ids.isUuid(id) ? Optional.empty() : Optional.ofNullable(mapper.findById(id));
  }

  /**
   * Erases a file's metadata and extracted text at once (e.g. personal data erased on request, seed 003 Art
   * 27.2), in the caller's transaction; its bytes go with the next {@link #sweep} once nothing refers to them.
   * The caller has checked the right to do so and removed its own references first.
   */
  public void erase(String id, String reason) {
    StoredFile file = mapper.findById(id);
    if (file == null) {
      return;
    }
    tx.executeWithoutResult(status -> {
      mapper.delete(id);
      audit.record("file.erase", "file", id, file.originalName() + " (" + reason + ")");
    });
  }

  /** Deletes the bytes of files no row refers to any more and nobody uploaded again within the hour. */
  public int sweep() {
    return sweep(java.time.Duration.ofHours(1));
  }

  /** As {@link #sweep()}, with the age a blob must reach since its last upload before it can go. */
  public int sweep(java.time.Duration minAge) {
    try {
      return blobs.sweep(sha -> mapper.countBySha256(sha) > 0, minAge);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not sweep the file storage", e);
    }
  }

  /** The stored bytes; the caller closes the stream. Obtain the file with {@link #find} (access check). */
  public InputStream open(StoredFile file) {
    try {
      return blobs.open(file.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Extracted text for search (null when none: see the file's text status). */
  public String extractedText(StoredFile file) {
    return mapper.findText(file.id());
  }

}
