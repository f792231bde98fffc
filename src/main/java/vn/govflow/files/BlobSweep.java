package vn.govflow.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes the bytes of erased files a few times a day (see {@link FileService#sweep}), and the blobs and
 * half-received uploads a crash left behind: a registration whose transaction never committed stored its blob
 * first, and a process killed during an upload leaves its temporary file. The first round runs soon after a
 * start, so a restart after a crash cleans up by itself.
 */
@Configuration(proxyBeanMethods = false)
class BlobSweep {
  private static final Logger log = LoggerFactory.getLogger(BlobSweep.class);
  private final FileService files;
  private final BlobStore blobs;
  private final Duration minAge;

  BlobSweep(FileService files, BlobStore blobs,
            @Value("${govflow.files.sweep-min-age:PT1H}") Duration minAge) {
    this.files = files;
    this.blobs = blobs;
    this.minAge = minAge;
  }

  @Scheduled(initialDelayString = "${govflow.files.sweep-first-after:PT10M}",
      fixedDelayString = "${govflow.files.sweep-every:PT6H}")
  void sweep() {
    try {
      int deleted = files.sweep(minAge);
      int partial = deleteStaleUploads();
      if (deleted > 0 || partial > 0) {
        log.info("File storage sweep: {} unreferenced blob(s), {} unfinished upload(s) deleted", deleted, partial);
      }
    } catch (RuntimeException e) {
      log.warn("File storage sweep failed; it runs again later", e);
    }
  }

  /** Temporary upload files older than the sweep's age: no request takes that long, so nobody writes them. */
  int deleteStaleUploads() {
    Path tmp = blobs.root().resolve("tmp");
    Instant cutoff = Instant.now().minus(minAge);
    int deleted = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "upload-*.part")) {
      for (Path p : parts) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff) && Files.deleteIfExists(p)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      log.warn("File storage sweep: could not clean {}: {}", tmp, e.toString());
    }
    return deleted;
  }
}
