package vn.govflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, kept by a test: a module reads and writes only its own tables (another module's data
 * goes through that module's Java API), shared modules name no subsystem, subsystems do not reach into each
 * other, and a subsystem's rules, mapper-facing handling and delegates stay package-private. A module is a
 * package directly under {@code vn.govflow}; a subsystem is a module that registers a case type.
 */
class ModuleBoundariesTest {
  static final Path MAIN = Path.of("src/main/java/vn/govflow");
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  /**
   * The owners of the tables created at the closed top level of db/migration (V1–V13, before module folders), by
   * name prefix. A table created in a module's folder ({@code db/migration/<module>/}) belongs to that module
   * without being listed here, so a new subsystem's tables need no entry.
   */
  static final Map<String, String> TOP_LEVEL_OWNERS = new LinkedHashMap<>();

  static {
    TOP_LEVEL_OWNERS.put("inc_", "incoming");
    TOP_LEVEL_OWNERS.put("portal_", "portal");
    TOP_LEVEL_OWNERS.put("stored_file", "files");
    TOP_LEVEL_OWNERS.put("notification", "notify");
    TOP_LEVEL_OWNERS.put("audit_", "audit");
    TOP_LEVEL_OWNERS.put("idn_", "identity");
    TOP_LEVEL_OWNERS.put("cal_", "calendar");
    TOP_LEVEL_OWNERS.put("signin_", "security");
  }

  static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)");
  static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void everyTableHasAnOwningModule() throws IOException {
    for (String table : tables()) {
      String owner = owner(table);
      assertThat(owner).as("table " + table + " has an owning module (its migration folder, or a prefix in"
          + " TOP_LEVEL_OWNERS)").isNotNull();
      assertThat(MAIN.resolve(owner)).as("table " + table + ": its owner is a module (a package)").isDirectory();
    }
  }

  @Test
  void aModuleUsesOnlyItsOwnTablesInSql() throws IOException {
    Map<String, String> owners = owners();
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles()) {
      String module = module(file);
      Matcher literal = STRING.matcher(Files.readString(file));
      while (literal.find()) {
        String text = literal.group(1).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> table : owners.entrySet()) {
          if (Pattern.compile("(?<![a-z0-9_])" + table.getKey() + "(?![a-z0-9_])").matcher(text).find()
              && sqlish(text) && !module.equals(table.getValue())) {
            violations.add(MAIN.relativize(file) + " uses " + table.getKey() + " of module " + table.getValue());
          }
        }
      }
    }
    assertThat(violations).as("SQL naming another module's table (use that module's Java API)").isEmpty();
  }

  @Test
  void sharedModulesNameNoSubsystemAndSubsystemsStayApart() throws IOException {
    Set<String> subsystems = subsystems();
    assertThat(subsystems).as("modules registering a CaseType").contains("incoming", "portal");
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles()) {
      String module = module(file);
      String source = Files.readString(file);
      for (String s : subsystems) {
        if (!s.equals(module) && source.contains("vn.govflow." + s + ".")) {
          violations.add(MAIN.relativize(file) + " (" + module + ") names subsystem " + s);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /**
   * A subsystem shows other packages only what they use: its data (records, enums, a page's form bean) and the
   * classes another package names. Its mapper, rules, handling, delegates and services stay package-private, so a
   * new subsystem cannot be built by reaching into an old one.
   */
  @Test
  void aSubsystemIsPublicOnlyWhereAnotherPackageUsesIt() throws IOException {
    Pattern publicType = Pattern.compile("(?m)^public (?:final |abstract )?(class|interface|record|enum|@interface) (\\w+)");
    List<String> elsewhere = new ArrayList<>();
    for (Path root : List.of(MAIN, Path.of("src/test/java/vn/govflow"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          elsewhere.add(root.relativize(f).getParent() + "\n" + Files.readString(f));
        }
      }
    }
    List<String> violations = new ArrayList<>();
    for (String s : subsystems()) {
      try (Stream<Path> files = Files.list(MAIN.resolve(s))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          Matcher m = publicType.matcher(source);
          if (!m.find()) {
            continue;
          }
          String kind = m.group(1);
          String name = m.group(2);
          boolean data = kind.equals("record") || kind.equals("enum") || name.endsWith("Form");
          boolean mapper = source.contains("@Mapper");
          boolean used = elsewhere.stream().anyMatch(other -> !other.startsWith(s + "\n")
              && other.contains("vn.govflow." + s + "." + name));
          if (mapper || (!data && !used)) {
            violations.add(s + "/" + name + (mapper ? " (a mapper)" : " (no other package uses it)"));
          }
        }
      }
    }
    assertThat(violations).as("public types a subsystem should keep package-private").isEmpty();
  }

  /** A literal that reads like SQL, so a message mentioning a word like "notification" is not a violation. */
  static boolean sqlish(String text) {
    return text.matches("(?s).*\\b(select|insert|update|delete|from|join|into|table)\\b.*");
  }

  static Set<String> subsystems() throws IOException {
    Set<String> found = new TreeSet<>();
    for (Path file : javaFiles()) {
      if (Files.readString(file).contains("new CaseType(")) {
        found.add(module(file));
      }
    }
    return found;
  }

  static String owner(String table) throws IOException {
    return owners().get(table);
  }

  static Set<String> tables() throws IOException {
    return new TreeSet<>(owners().keySet());
  }

  /** Every table the migrations create, with its owning module (null: nobody, a test failure). */
  static Map<String, String> owners() throws IOException {
    Map<String, String> owners = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        Path folder = MIGRATIONS.relativize(f).getParent();
        Matcher m = CREATE_TABLE.matcher(Files.readString(f));
        while (m.find()) {
          String table = m.group(1).toLowerCase(Locale.ROOT);
          owners.put(table, folder != null ? folder.getName(0).toString()
              : TOP_LEVEL_OWNERS.entrySet().stream().filter(e -> table.startsWith(e.getKey()))
                  .map(Map.Entry::getValue).findFirst().orElse(null));
        }
      }
    }
    return owners;
  }

  static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).filter(p -> p.getParent() != null
          && !p.getParent().equals(MAIN)).sorted().toList();
    }
  }

  static String module(Path file) {
    return MAIN.relativize(file).getName(0).toString();
  }
}
