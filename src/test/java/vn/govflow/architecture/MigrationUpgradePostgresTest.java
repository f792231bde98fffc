package vn.govflow.architecture;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.govflow.support.TestDatabases;

/** The same upgrade on PostgreSQL, with its vendor migrations (trigram index, append-only audit triggers). */
class MigrationUpgradePostgresTest {
  @Test
  void aDatabaseFromBeforeModuleFoldersUpgradesOnPostgres() throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(TestDatabases.postgresUrl("migration_upgrade"));
    ds.setUser("postgres");
    MigrationScenarios.upgradeFromTheTopLevelOnlyThenALateModule(ds, "postgresql");
  }
}
