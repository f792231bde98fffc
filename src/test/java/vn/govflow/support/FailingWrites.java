package vn.govflow.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Test-only fault injection on H2 and PostgreSQL: the next {@code times} inserts or updates of a table whose
 * column becomes a given value fail in the database, as a crash or a lost connection at that moment would make
 * the write fail. The code under test is not told; it sees an ordinary database error.
 */
public final class FailingWrites {
  private FailingWrites() {}

  /** {@code event}: INSERT or UPDATE. */
  public static void install(DataSource dataSource, String table, String event, String column, String value,
                             int times) {
    try (Connection c = dataSource.getConnection()) {
      if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        postgres(c, table, event, column, value, times);
      } else {
        FailOnceH2Trigger.install(c, table, event, column, value, times);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void postgres(Connection c, String table, String event, String column, String value, int times)
      throws SQLException {
    String name = "test_fail_" + table + "_" + column;
    try (var s = c.createStatement()) {
      // A sequence counts the failures: nextval() is not undone by the rollback the failure causes.
      s.execute("DROP SEQUENCE IF EXISTS " + name);
      s.execute("CREATE SEQUENCE " + name);
      s.execute("CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN"
          + " IF NEW." + column + "::text = '" + value.replace("'", "''") + "' AND nextval('" + name + "') <= "
          + times + " THEN RAISE EXCEPTION 'Test: the database refuses this write (" + column + " = "
          + value.replace("'", "''") + ")'; END IF; RETURN NEW; END $f$");
      s.execute("DROP TRIGGER IF EXISTS " + name + " ON " + table);
      s.execute("CREATE TRIGGER " + name + " BEFORE " + event + " ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
          + name + "()");
    }
  }
}
