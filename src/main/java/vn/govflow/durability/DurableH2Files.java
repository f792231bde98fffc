package vn.govflow.durability;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system with synchronous data writes: a database named {@code durable:/path/db} opens its files for
 * writing in mode "rwd" (O_DSYNC), so each chunk H2 writes at a commit (WRITE_DELAY=0) is on the disk before
 * the commit returns. H2 itself never syncs on commit: without this a machine crash or power cut can lose
 * commits that a killed process would keep (they sit in the operating system's cache).
 */
public final class DurableH2Files extends FilePathWrapper {
  public static final String SCHEME = "durable";
  private static volatile boolean registered;

  /** Makes the {@code durable:} prefix known to H2; idempotent. */
  public static void register() {
    if (!registered) {
      synchronized (DurableH2Files.class) {
        if (!registered) {
          FilePath.register(new DurableH2Files());
          registered = true;
        }
      }
    }
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return super.open("rw".equals(mode) ? "rwd" : mode);
  }
}
