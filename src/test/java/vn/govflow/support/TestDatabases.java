package vn.govflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** One embedded PostgreSQL (real binaries from Maven Central, no Docker) for the whole test run. */
public final class TestDatabases {
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static synchronized String postgresUrl(String database) {
    try {
      if (postgres == null) {
        // Stopped by PostgresLifecycle once the Spring context has closed its pool: zonky's own shutdown hook
        // would race Spring's and leave the JVM waiting 30 s on dead connections.
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      }
      try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
        var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + database);
        }
      }
      return postgres.getJdbcUrl("postgres", database);
    } catch (Exception e) {
      throw new IllegalStateException("Embedded PostgreSQL did not start", e);
    }
  }

  public static synchronized void stopPostgres() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      postgres = null;
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
