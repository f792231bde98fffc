package vn.govflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Databases created before per-module migrations upgrade cleanly and keep their data (the phiếu and files that moved
 * to the casework tables), and a module's migration that arrives after a higher module block has run is applied,
 * not refused (the setting GovFlow runs with: out-of-order).
 */
final class MigrationScenarios {
  /** The migrations a database created by main before per-module folders holds (the top level, V1–V13). */
  static final String LAST_TOP_LEVEL = "13";

  private MigrationScenarios() {}

  static Flyway flyway(DataSource ds, String vendor, String... extra) {
    String[] locations = new String[2 + extra.length];
    locations[0] = "classpath:db/migration";
    locations[1] = "classpath:db/vendor/" + vendor;
    System.arraycopy(extra, 0, locations, 2, extra.length);
    return Flyway.configure().dataSource(ds).locations(locations).outOfOrder(true).load();
  }

  static void upgradeFromTheTopLevelOnlyThenALateModule(DataSource ds, String vendor) throws Exception {
    // The database as main left it: only the top-level migrations.
    Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .target(LAST_TOP_LEVEL).load().migrate();
    assertThat(tableExists(ds, "mail_sent")).isFalse();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    casesAsMainKeptThem(jdbc);

    // Today's GovFlow starts on it: every module's migrations apply.
    flyway(ds, vendor).migrate();
    assertThat(tableExists(ds, "mail_sent")).isTrue();
    theCasesHistoryAndFilesAreKept(jdbc);
    assertThat(flyway(ds, vendor).info().pending()).isEmpty();

    // Another module's migration with a lower block is merged later: applied out of order, nothing refused.
    flyway(ds, vendor, "classpath:db/test-late-module").migrate();
    assertThat(tableExists(ds, "portal_upgrade_probe")).isTrue();
    List<MigrationInfo> applied = List.of(flyway(ds, vendor, "classpath:db/test-late-module").info().applied());
    assertThat(applied).filteredOn(m -> m.getVersion().getVersion().equals("120.1"))
        .extracting(MigrationInfo::getState).containsExactly(MigrationState.OUT_OF_ORDER);
    flyway(ds, vendor, "classpath:db/test-late-module").validate();
  }

  /** An incoming document and a portal question with their phiếu and files, in the tables of before issue #8. */
  private static void casesAsMainKeptThem(JdbcTemplate jdbc) {
    jdbc.update("INSERT INTO inc_document(id, agency_code, reg_year, arrival_number, arrived_at, channel, sender_name,"
        + " number_symbol, document_date, document_type, summary, urgency, status, registered_by, registered_at)"
        + " VALUES ('" + DOC + "', '000.00.12.H37', 2026, 7, TIMESTAMP WITH TIME ZONE '2026-11-02 08:00:00+07',"
        + " 'PAPER', 'UBND tỉnh', '15/UBND-VP', DATE '2026-10-30', 'CV', 'Về việc thử nâng cấp', 'THUONG', 'DIRECTED',"
        + " 'lannt.skhcn', TIMESTAMP WITH TIME ZONE '2026-11-02 08:00:00+07')");
    jdbc.update("INSERT INTO inc_document_event(document_id, occurred_at, actor, on_behalf_of, step, comment) VALUES"
        + " ('" + DOC + "', TIMESTAMP WITH TIME ZONE '2026-11-02 08:00:00+07', 'lannt.skhcn', 'hungtv.skhcn',"
        + " 'REGISTERED', 'Vào sổ số đến 7/2026'),"
        + " ('" + DOC + "', TIMESTAMP WITH TIME ZONE '2026-11-02 09:30:00+07', 'hungtv.skhcn', NULL, 'DIRECTED',"
        + " 'Giao anh Anh xử lý')");
    jdbc.update("INSERT INTO inc_document_file(document_id, file_id, position) VALUES ('" + DOC + "', '" + FILE_B
        + "', 1), ('" + DOC + "', '" + FILE_A + "', 0)");
    for (String file : List.of(FILE_C)) {
      jdbc.update("INSERT INTO stored_file(id, original_name, extension, media_type, size_bytes, sha256, uploaded_by,"
          + " uploaded_at, text_status) VALUES ('" + file + "', 'cmnd.pdf', 'pdf', 'application/pdf', 1, '"
          + "0".repeat(64) + "', 'asker', CURRENT_TIMESTAMP, 'EMPTY')");
    }
    jdbc.update("INSERT INTO portal_question(id, tracking_code, asker_type, field, question, consent, foreigner,"
        + " received_at, due_at, status) VALUES ('" + QUESTION + "', 'HD-2026-000042', 'INDIVIDUAL', 'khoa-hoc-cong-nghe',"
        + " 'Câu hỏi trước nâng cấp', TRUE, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'IN_PROGRESS')");
    jdbc.update("INSERT INTO portal_question_event(question_id, occurred_at, actor, step, comment) VALUES ('" + QUESTION
        + "', TIMESTAMP WITH TIME ZONE '2026-11-03 10:00:00+07', 'ngocct.vpubnd', 'Task_Triage', 'Chuyển Sở KH&CN')");
    jdbc.update("INSERT INTO portal_question_file(question_id, file_id, position) VALUES ('" + QUESTION + "', '"
        + FILE_C + "', 1)");
  }

  private static void theCasesHistoryAndFilesAreKept(JdbcTemplate jdbc) throws Exception {
    assertThat(jdbc.queryForList("SELECT case_type || ' ' || actor || ' ' || COALESCE(on_behalf_of, '-') || ' ' || step"
        + " || ' ' || comment FROM case_history WHERE case_id IN (?, ?) ORDER BY case_type, occurred_at, id",
        String.class, DOC, QUESTION)).containsExactly(
        "incoming lannt.skhcn hungtv.skhcn REGISTERED Vào sổ số đến 7/2026",
        "incoming hungtv.skhcn - DIRECTED Giao anh Anh xử lý",
        "portal ngocct.vpubnd - Task_Triage Chuyển Sở KH&CN");
    assertThat(jdbc.queryForObject("SELECT occurred_at FROM case_history WHERE case_id = ? AND step = 'DIRECTED'",
        java.time.OffsetDateTime.class, DOC).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-11-02T02:30:00Z"));
    assertThat(jdbc.queryForList("SELECT case_type || ' ' || case_id || ' ' || file_id || ' ' || position FROM case_file"
        + " ORDER BY case_type, position", String.class)).containsExactly(
        "incoming " + DOC + " " + FILE_A + " 0", "incoming " + DOC + " " + FILE_B + " 1",
        "portal " + QUESTION + " " + FILE_C + " 1");
    for (String gone : List.of("inc_document_event", "inc_document_file", "portal_question_event",
        "portal_question_file")) {
      assertThat(tableExists(jdbc.getDataSource(), gone)).as(gone + " moved to casework").isFalse();
    }
  }

  private static final String DOC = "6b1f7c1e-0000-4000-8000-000000000001";
  private static final String QUESTION = "6b1f7c1e-0000-4000-8000-000000000002";
  private static final String FILE_A = "6b1f7c1e-0000-4000-8000-00000000000a";
  private static final String FILE_B = "6b1f7c1e-0000-4000-8000-00000000000b";
  private static final String FILE_C = "6b1f7c1e-0000-4000-8000-00000000000c";

  static boolean tableExists(DataSource ds, String table) throws Exception {
    try (Connection c = ds.getConnection()) {
      for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
          if (rs.next()) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
