package vn.govflow.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * A test-only H2 trigger that fails the statement writing a chosen value, a given number of times: the database
 * refusing a write at the worst moment (as a crash or a lost connection would), with no help from the code
 * under test. {@link #install} creates it; the rule is kept by trigger name.
 */
public class FailOnceH2Trigger implements Trigger {
  private record Rule(String column, String value, AtomicInteger left) {}

  private static final Map<String, Rule> RULES = new ConcurrentHashMap<>();
  private Rule rule;
  private int index = -1;

  /**
   * Makes the next {@code times} inserts or updates of {@code table} whose {@code column} becomes {@code value}
   * fail. Returns the trigger's name (drop it with DROP TRIGGER).
   */
  public static String install(Connection c, String table, String event, String column, String value, int times)
      throws SQLException {
    String name = ("fail_" + table + "_" + column + "_" + Math.abs(value.hashCode())).toUpperCase(Locale.ROOT);
    RULES.put(name, new Rule(column, value, new AtomicInteger(times)));
    try (var s = c.createStatement()) {
      s.execute("DROP TRIGGER IF EXISTS " + name);
      s.execute("CREATE TRIGGER " + name + " BEFORE " + event + " ON " + table + " FOR EACH ROW CALL '"
          + FailOnceH2Trigger.class.getName() + "'");
    }
    return name;
  }

  /** How many failures are still to come. */
  public static int left(String triggerName) {
    return RULES.get(triggerName).left().get();
  }

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                   int type) throws SQLException {
    rule = RULES.get(triggerName.toUpperCase(Locale.ROOT));
    try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
      for (int i = 0; rs.next(); i++) {
        if (rs.getString("COLUMN_NAME").equalsIgnoreCase(rule.column())) {
          index = i;
        }
      }
    }
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (rule != null && newRow != null && index >= 0 && rule.value().equals(String.valueOf(newRow[index]))
        && rule.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new SQLException("Test: the database refuses this write (" + rule.column() + " = " + rule.value() + ")");
    }
  }
}
