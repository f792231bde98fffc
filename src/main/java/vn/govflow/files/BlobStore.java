package vn.govflow.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import vn.govflow.common.error.UserError;

/**
 * Content-addressed blobs: {@code <root>/<aa>/<bb>/<sha256>}. Uploads are streamed to {@code <root>/tmp}
 * (same file system, so the final move is atomic) and only renamed into place once complete and synced:
 * no reader ever sees a half-written blob under its final name.
 */
public class BlobStore {
  private static final HexFormat HEX = HexFormat.of();
  private static final String TEMP_DIR = "tmp";

  private final Path root;
  private final Path tempDir;

  public BlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.tempDir = this.root.resolve(TEMP_DIR);
    try {
      Files.createDirectories(tempDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the file storage directory " + tempDir, e);
    }
  }

  public Path root() {
    return root;
  }

  /** A fully received upload, not yet visible as a blob. */
  public record Received(Path tempFile, String sha256, long size) {}

  /**
   * Streams the content to a temporary file, hashing and counting as it goes. Stops as soon as more than
   * {@code maxBytes} arrive, so a huge upload is never held in memory nor written in full.
   *
   * @throws UserError 400 when empty, 413 when too large (the temporary file is deleted)
   */
  public Received receive(InputStream content, long maxBytes) throws IOException {
    Path temp = Files.createTempFile(tempDir, "upload-", ".part");
    boolean ok = false;
    try {
      MessageDigest sha = sha256();
      long size = 0;
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
           OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = content.read(buffer)) != -1) {
          size += n;
          if (size > maxBytes) {
            throw tooLarge(maxBytes);
          }
          out.write(buffer, 0, n);
        }
        out.flush();
        channel.force(true); // the bytes are on disk before the blob can be renamed into place
      }
      if (size == 0) {
        throw new UserError(HttpStatus.BAD_REQUEST, "file-empty",
            "Tệp rỗng (0 byte), không có nội dung để lưu.", "The file is empty (0 bytes); there is nothing to store.");
      }
      ok = true;
      return new Received(temp, HEX.formatHex(sha.digest()), size);
    } finally {
      if (!ok) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Moves a received file into place. When the same content is already stored the temporary copy is
   * dropped and the existing blob is kept (one blob, several metadata rows).
   */
  public Path commit(Received received) throws IOException {
    Path target = pathOf(received.sha256());
    if (Files.exists(target)) {
      Files.deleteIfExists(received.tempFile());
      // Fresh again: a sweep only removes blobs nobody has uploaded for a while (see sweep).
      touch(target);
      return target;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(received.tempFile(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another upload of the same content won the race: identical bytes, keep theirs.
      Files.deleteIfExists(received.tempFile());
      return target;
    }
    syncDirectory(target.getParent());
    return target;
  }

  /** Deletes a received file that will not be stored (refused upload). Never throws. */
  public void discard(Received received) {
    if (received == null) {
      return;
    }
    try {
      Files.deleteIfExists(received.tempFile());
    } catch (IOException e) {
      // A leftover in tmp/ is harmless and never visible as a blob.
    }
  }

  public InputStream open(String sha256) throws IOException {
    try {
      return Files.newInputStream(pathOf(sha256));
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("Blob missing for a stored file: " + sha256, e);
    }
  }

  public Path pathOf(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("Not a SHA-256 hex digest: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  /**
   * Deletes blobs that no stored file refers to any more (files erased on request, or uploads whose transaction
   * rolled back) and that have not been uploaded again for {@code minAge}. The age guards a concurrent upload of
   * the same content: its commit refreshes the blob's time before its row is written.
   *
   * @return how many blobs were deleted
   */
  public int sweep(java.util.function.Predicate<String> referenced, java.time.Duration minAge) throws IOException {
    java.time.Instant cutoff = java.time.Instant.now().minus(minAge);
    int deleted = 0;
    try (java.util.stream.Stream<Path> files = Files.walk(root, 3)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (p.startsWith(tempDir) || !name.matches("[0-9a-f]{64}") || !Files.isRegularFile(p)
            || !p.equals(pathOf(name))) {
          continue;
        }
        if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff) && !referenced.test(name)) {
          Files.deleteIfExists(p);
          deleted++;
        }
      }
    }
    return deleted;
  }

  private static void touch(Path blob) {
    try {
      Files.setLastModifiedTime(blob, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
    } catch (IOException e) {
      // Read-only storage: the blob is kept by its reference anyway once the row commits.
    }
  }

  /** Makes the rename durable; best effort (not every platform can open a directory). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // e.g. Windows: the move itself is still atomic.
    }
  }


  private static UserError tooLarge(long maxBytes) {
    long mb = maxBytes / (1024 * 1024);
    return new UserError(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large",
        "Tệp vượt quá dung lượng cho phép (tối đa " + mb + " MB mỗi tệp).",
        "The file is larger than allowed (at most " + mb + " MB per file).");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
