package vn.govflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Databases created before per-module migrations upgrade cleanly, and a module's migration that arrives after a
 * higher module block has run is applied, not refused (the setting GovFlow runs with: out-of-order).
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

    // Today's GovFlow starts on it: every module's migrations apply.
    flyway(ds, vendor).migrate();
    assertThat(tableExists(ds, "mail_sent")).isTrue();
    assertThat(flyway(ds, vendor).info().pending()).isEmpty();

    // Another module's migration with a lower block is merged later: applied out of order, nothing refused.
    flyway(ds, vendor, "classpath:db/test-late-module").migrate();
    assertThat(tableExists(ds, "portal_upgrade_probe")).isTrue();
    List<MigrationInfo> applied = List.of(flyway(ds, vendor, "classpath:db/test-late-module").info().applied());
    assertThat(applied).filteredOn(m -> m.getVersion().getVersion().equals("120.1"))
        .extracting(MigrationInfo::getState).containsExactly(MigrationState.OUT_OF_ORDER);
    flyway(ds, vendor, "classpath:db/test-late-module").validate();
  }

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
