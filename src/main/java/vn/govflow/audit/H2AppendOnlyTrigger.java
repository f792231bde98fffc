package vn.govflow.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL trigger: audit rows are never deleted, and never updated except by a
 * redaction (V13): personal columns (client address, user agent, detail) cleared, every other column as it
 * was, and redacted_by naming an existing 'audit.redact' row, which records who redacted what and why.
 */
public class H2AppendOnlyTrigger implements Trigger {
  static final String REDACTED_DETAIL = "[đã xóa]";
  private volatile List<String> columns;
  private String schema;
  private String table;

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                   int type) throws SQLException {
    schema = schemaName;
    table = tableName;
    columns = columns(conn);
  }

  private List<String> columns(Connection conn) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, null)) {
      // In ordinal order, as the rows handed to fire() are.
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (oldRow == null || newRow == null || !isRedaction(conn, oldRow, newRow)) {
      throw new SQLException("audit_event is append-only");
    }
  }

  private boolean isRedaction(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    List<String> names = columns;
    if (names == null || names.size() != newRow.length) {
      // The table changed since init (a column added by a migration).
      names = columns(conn);
      columns = names;
    }
    int redactedBy = names.size() == newRow.length ? names.indexOf("redacted_by") : -1;
    if (redactedBy < 0 || oldRow[redactedBy] != null || newRow[redactedBy] == null) {
      return false;
    }
    for (int i = 0; i < names.size(); i++) {
      String column = names.get(i);
      Object before = oldRow[i];
      Object after = newRow[i];
      boolean allowed = switch (column) {
        case "redacted_by" -> true;
        case "client_ip", "user_agent" -> after == null || Objects.equals(before, after);
        case "detail" -> after == null || REDACTED_DETAIL.equals(after) || Objects.equals(before, after);
        default -> Objects.equals(before, after);
      };
      if (!allowed) {
        return false;
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT action FROM audit_event WHERE id = ?")) {
      ps.setObject(1, newRow[redactedBy]);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && "audit.redact".equals(rs.getString(1));
      }
    }
  }
}
