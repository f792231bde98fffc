package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.support.TransactionOperations;
import vn.govflow.audit.AuditLog;

/** The module's wiring and defaults, in a minimal context (no web, no database, no security). */
class FilesConfigTest {
  @TempDir
  Path dataDir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(FilesConfig.class)
        .withBean(StoredFileMapper.class, () -> mock(StoredFileMapper.class))
        .withBean(AuditLog.class, () -> (action, type, id, detail) -> { })
        .withBean(TransactionOperations.class, TransactionOperations::withoutTransaction);
  }

  @Test
  void defaultsRootUnderTheDataDirectoryAndFiftyMegabytes() {
    runner().withPropertyValues("govflow.data-dir=" + dataDir).run(ctx -> {
      assertThat(ctx).hasNotFailed().hasSingleBean(FileService.class);
      assertThat(ctx.getBean(BlobStore.class).root()).isEqualTo(dataDir.resolve("files").toAbsolutePath());
      FilesProperties props = ctx.getBean(FilesProperties.class);
      assertThat(props.maxSize().toBytes()).isEqualTo(52_428_800L);
      assertThat(props.textLimit()).isEqualTo(5_000_000);
      assertThat(props.extractionTimeout()).isEqualTo(Duration.ofSeconds(60));
    });
  }

  @Test
  void rootAndLimitsCanBeOverridden() {
    Path other = dataDir.resolve("elsewhere");
    runner().withPropertyValues("govflow.data-dir=" + dataDir, "govflow.files.root=" + other,
        "govflow.files.text-limit=1000", "govflow.files.extraction-timeout=5s").run(ctx -> {
          assertThat(ctx.getBean(BlobStore.class).root()).isEqualTo(other.toAbsolutePath());
          assertThat(ctx.getBean(FilesProperties.class).textLimit()).isEqualTo(1000);
          assertThat(ctx.getBean(FilesProperties.class).extractionTimeout()).isEqualTo(Duration.ofSeconds(5));
        });
  }
}
