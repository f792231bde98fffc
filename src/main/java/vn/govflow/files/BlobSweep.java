package vn.govflow.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Removes the bytes of erased files a few times a day (see {@link FileService#sweep}). */
@Configuration(proxyBeanMethods = false)
class BlobSweep {
  private static final Logger log = LoggerFactory.getLogger(BlobSweep.class);
  private final FileService files;

  BlobSweep(FileService files) {
    this.files = files;
  }

  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "${govflow.files.sweep-every:PT6H}")
  void sweep() {
    try {
      int deleted = files.sweep();
      if (deleted > 0) {
        log.info("File storage sweep: {} unreferenced blob(s) deleted", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("File storage sweep failed; it runs again later", e);
    }
  }
}
