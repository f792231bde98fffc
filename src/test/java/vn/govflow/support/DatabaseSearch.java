package vn.govflow.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches the whole database for strings, the way an auditor would check that an erasure is complete: every
 * text column of every table of the application's schema (ours, the engine's ACT_*, the audit log) by a
 * case-insensitive LIKE, and every binary column (the engine's ACT_GE_BYTEARRAY, a comment's full text) read
 * as UTF-8, which is how Java serialization and JSON store strings too. Nothing is assumed about where data
 * might be: a new table or column is searched without this class knowing it.
 */
public final class DatabaseSearch {
  private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB,
      Types.NVARCHAR, Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB);
  private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY,
      Types.BLOB);

  private DatabaseSearch() {}

  record Column(String table, String column, boolean binary) {}

  /** Every place ("table.column ∋ needle") where one of the needles is found, case-insensitively. */
  public static List<String> find(DataSource dataSource, String... needles) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> found = new ArrayList<>();
    for (Column c : columns(dataSource)) {
      String quoted = "\"" + c.table() + "\".\"" + c.column() + "\"";
      String from = " FROM \"" + c.table() + "\"";
      if (c.binary()) {
        List<String> texts = jdbc.query("SELECT " + quoted + from + " WHERE " + quoted + " IS NOT NULL",
            (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
        for (String needle : needles) {
          if (texts.stream().anyMatch(t -> t.contains(needle.toLowerCase(Locale.ROOT)))) {
            found.add(c.table() + "." + c.column() + " ∋ " + needle);
          }
        }
      } else {
        for (String needle : needles) {
          Integer n = jdbc.queryForObject("SELECT COUNT(*)" + from + " WHERE LOWER(" + quoted + ") LIKE ?",
              Integer.class, "%" + needle.toLowerCase(Locale.ROOT) + "%");
          if (n != null && n > 0) {
            found.add(c.table() + "." + c.column() + " ∋ " + needle);
          }
        }
      }
    }
    return found;
  }

  private static List<Column> columns(DataSource dataSource) {
    List<Column> columns = new ArrayList<>();
    try (Connection conn = dataSource.getConnection()) {
      DatabaseMetaData meta = conn.getMetaData();
      try (ResultSet rs = meta.getColumns(conn.getCatalog(), conn.getSchema(), "%", "%")) {
        while (rs.next()) {
          int type = rs.getInt("DATA_TYPE");
          String typeName = rs.getString("TYPE_NAME");
          boolean binary = BINARY.contains(type) || "bytea".equalsIgnoreCase(typeName);
          if (binary || TEXT.contains(type) || "text".equalsIgnoreCase(typeName)) {
            columns.add(new Column(rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"), binary));
          }
        }
      }
      // Views repeat their tables' columns; only base tables are searched.
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(conn.getCatalog(), conn.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      columns.removeIf(c -> !tables.contains(c.table()));
      if (tables.isEmpty() || columns.isEmpty()) {
        throw new IllegalStateException("No tables found in schema " + conn.getSchema());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return columns;
  }
}
