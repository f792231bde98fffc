package vn.govflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Migrations per module, so parallel work on several subsystems cannot collide on version numbers: the top
 * level of db/migration is closed (V1–V13), and each module's folder uses one version block of its own
 * ({@code V<block>_<n>}, block ≥ 100), the same in its vendor folders and used by no other module.
 */
class MigrationLayoutTest {
  static final Path ROOT = Path.of("src/main/resources/db");
  static final Pattern VERSION = Pattern.compile("V(\\d+)(?:_(\\d+))?__.+\\.sql");

  @Test
  void theTopLevelIsClosedAndEveryModuleHasItsOwnBlock() throws IOException {
    Map<String, String> blockOwner = new HashMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
        Matcher m = VERSION.matcher(f.getFileName().toString());
        assertThat(m.matches()).as(f + ": named V<version>__<description>.sql").isTrue();
        int major = Integer.parseInt(m.group(1));
        Path dir = ROOT.relativize(f.getParent());
        // db/migration/<module>/… or db/vendor/<vendor>/<module>/…
        boolean topLevel = dir.equals(Path.of("migration")) || (dir.getNameCount() == 2 && dir.startsWith("vendor"));
        if (topLevel) {
          assertThat(major).as(f + ": the top level is closed; a module's migration goes in its folder")
              .isLessThanOrEqualTo(Integer.parseInt(MigrationScenarios.LAST_TOP_LEVEL));
          continue;
        }
        String module = dir.getFileName().toString();
        assertThat(major).as(f + ": a module block is at least 100").isGreaterThanOrEqualTo(100);
        String owner = blockOwner.putIfAbsent(String.valueOf(major), module);
        assertThat(owner == null || owner.equals(module)).as(f + ": block " + major + " belongs to " + owner)
            .isTrue();
      }
    }
    Map<String, String> moduleBlock = new HashMap<>();
    blockOwner.forEach((block, module) -> assertThat(moduleBlock.put(module, block))
        .as("module " + module + " uses one block").isNull());
  }

  @Test
  void aDatabaseFromBeforeModuleFoldersUpgradesOnH2() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:migration-upgrade;DB_CLOSE_DELAY=-1");
    MigrationScenarios.upgradeFromTheTopLevelOnlyThenALateModule(ds, "h2");
  }
}
