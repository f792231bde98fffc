package vn.govflow.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.session.SqlSessionManager;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.tika.config.TikaConfig;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.transaction.support.TransactionOperations;
import vn.govflow.audit.AuditLog;
import vn.govflow.identity.CurrentUser;

/**
 * The module wired by hand: an in-memory H2 database migrated by Flyway with our V4 script, MyBatis with the
 * real mapper, Tika's default configuration and a blob root in a temporary directory. No Spring context.
 */
final class FilesFixture implements AutoCloseable {
  /** Loading every Tika parser takes a moment: once per test run. */
  static final TikaConfig TIKA = TikaConfig.getDefaultConfig();

  static final CurrentUser CLERK_A = user("vanthu.a", "000.00.00.H41");
  static final CurrentUser HANDLER_A = user("chuyenvien.a", "000.00.00.H41");
  static final CurrentUser CLERK_B = user("vanthu.b", "000.00.00.H42");

  record AuditEntry(String action, String objectType, String objectId, String detail) {}

  final Path root;
  final List<AuditEntry> audit = new ArrayList<>();
  final StoredFileMapper mapper;
  final BlobStore blobs;
  final TextExtractor extractor;
  final FileService service;

  FilesFixture(Path root) {
    this(root, 5_000_000, Duration.ofSeconds(60));
  }

  FilesFixture(Path root, int textLimit, Duration timeout) {
    this(root, textLimit, timeout, h2());
  }

  FilesFixture(Path root, int textLimit, Duration timeout, DataSource ds) {
    this.root = root;
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

    Configuration config = new Configuration(new Environment("test", new JdbcTransactionFactory(), ds));
    config.setMapUnderscoreToCamelCase(true);
    config.addMapper(StoredFileMapper.class);
    SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(config);
    this.mapper = SqlSessionManager.newInstance(factory).getMapper(StoredFileMapper.class);

    this.blobs = new BlobStore(root);
    this.extractor = new TextExtractor(TIKA, textLimit, timeout);
    AuditLog auditLog = (action, type, id, detail) -> audit.add(new AuditEntry(action, type, id, detail));
    this.service = new FileService(blobs, new ContentTypeCheck(TIKA.getDetector()), extractor, mapper, auditLog,
        TransactionOperations.withoutTransaction(), FilesProperties.MAX_BYTES, Clock.systemUTC());
  }

  private static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:files-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  static CurrentUser user(String username, String agency) {
    return new CurrentUser(username, username, agency, "Agency " + agency, null, null, null,
        Set.of("clerk"), null);
  }

  /** Every regular file under the storage root (blobs and leftovers in tmp/). */
  List<Path> filesOnDisk() throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }

  @Override
  public void close() {
    extractor.close();
  }
}
