package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V4__files.sql and the mapper on PostgreSQL 17 (the production database), not only on H2. */
class PostgresPortabilityTest {
  @TempDir
  Path root;

  @Test
  void migrationAndMapperWorkOnPostgres() throws Exception {
    EmbeddedPostgres pg;
    try {
      pg = EmbeddedPostgres.builder().start();
    } catch (Exception | Error e) {
      // e.g. running as root, which PostgreSQL refuses: nothing to learn here then.
      assumeTrue(false, "embedded PostgreSQL unavailable: " + e);
      return;
    }
    try (pg; FilesFixture fx = new FilesFixture(root, 5_000_000, Duration.ofSeconds(60), pg.getPostgresDatabase())) {
      StoredFile stored = fx.service.store("Cong_van.docx",
          new ByteArrayInputStream(Samples.docx("Công văn số 12 về lịch làm việc")), FilesFixture.CLERK_A);
      StoredFile found = fx.service.find(stored.id(), FilesFixture.CLERK_A).orElseThrow();
      assertThat(found).isEqualTo(stored);
      assertThat(found.uploadedAt().toInstant()).isEqualTo(stored.uploadedAt().toInstant());
      assertThat(fx.service.extractedText(found)).contains("Công văn số 12");
      assertThat(fx.service.find(stored.id(), FilesFixture.CLERK_B)).isEmpty();
    }
  }
}
