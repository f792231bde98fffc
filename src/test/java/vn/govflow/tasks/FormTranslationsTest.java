package vn.govflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps i18n/forms_en.properties honest as designers change the forms: every piece of every form under forms/
 * that our task pages show has its English, and every English key names a piece that exists (a renamed key,
 * option value or list path shows up here, not as a half-Vietnamese page).
 */
class FormTranslationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FORMS = Path.of("forms");
  private static final Path BUNDLE = Path.of("src", "main", "resources", "i18n", "forms_en.properties");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  /** Every translatable piece of every form, by its key, with the form's own (Vietnamese) text. */
  private static Map<String, String> pieces() throws IOException {
    Map<String, String> pieces = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(FORMS)) {
      files = walk.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(files).hasSize(16);
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      String id = root.path("id").asText();
      assertThat(id).as(file + " has an id").isNotBlank();
      int text = 0;
      for (JsonNode c : root.path("components")) {
        String type = c.path("type").asText();
        if ("text".equals(type)) {
          put(pieces, duplicates, id + ".text." + text++, c.path("text").asText());
        } else if (TaskForm.DYNAMIC_LIST.equals(type)) {
          String path = c.path("path").asText();
          put(pieces, duplicates, id + "." + path, c.path("label").asText(path));
          for (JsonNode child : c.path("components")) {
            input(pieces, duplicates, id + "." + path + ".", child);
          }
        } else {
          input(pieces, duplicates, id + ".", c);
        }
      }
    }
    assertThat(duplicates).as("two pieces of a form would share one translation key").isEmpty();
    return pieces;
  }

  /** An input's label (form-js: label, or dateLabel/timeLabel for a datetime) and its static options. */
  private static void input(Map<String, String> pieces, List<String> duplicates, String prefix, JsonNode c) {
    if (!c.hasNonNull("key")) {
      return;
    }
    String key = c.get("key").asText();
    String label = c.hasNonNull("label") ? c.get("label").asText()
        : c.hasNonNull("dateLabel") ? c.get("dateLabel").asText() : c.path("timeLabel").asText(key);
    put(pieces, duplicates, prefix + key, label);
    for (JsonNode o : c.path("values")) {
      put(pieces, duplicates, prefix + key + "." + o.path("value").asText(), o.path("label").asText());
    }
  }

  private static void put(Map<String, String> pieces, List<String> duplicates, String key, String text) {
    if (pieces.put(key, text) != null) {
      duplicates.add(key);
    }
  }

  private static Properties bundle() throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void everyPieceOfEveryFormHasItsEnglishAndEveryKeyNamesAPiece() throws IOException {
    Map<String, String> pieces = pieces();
    Properties english = bundle();
    TreeSet<String> missing = new TreeSet<>(pieces.keySet());
    missing.removeAll(english.stringPropertyNames());
    assertThat(missing).as("pieces of forms/ without English in " + BUNDLE).isEmpty();
    TreeSet<String> stale = new TreeSet<>(english.stringPropertyNames());
    stale.removeAll(pieces.keySet());
    assertThat(stale).as("keys in " + BUNDLE + " that name nothing in forms/").isEmpty();
    assertThat(english.stringPropertyNames()).allSatisfy(k -> assertThat(english.getProperty(k)).as(k).isNotBlank());
  }

  @Test
  void textsKeepTheirPlaceholdersAndBoldAsTheFormHasThem() throws IOException {
    Map<String, String> pieces = pieces();
    Properties english = bundle();
    for (Map.Entry<String, String> piece : pieces.entrySet()) {
      String en = english.getProperty(piece.getKey());
      if (en == null) {
        continue; // reported by the test above
      }
      assertThat(placeholders(en)).as(piece.getKey() + ": the same {{variables}} in the same order")
          .isEqualTo(placeholders(piece.getValue()));
      assertThat(count(en, "**")).as(piece.getKey() + ": as many ** as the form's text")
          .isEqualTo(count(piece.getValue(), "**"));
      assertThat(count(en, "\n")).as(piece.getKey() + ": the same paragraphs").isEqualTo(count(piece.getValue(), "\n"));
    }
  }

  @Test
  void theKeysAreWrittenOnceAndTheAppReadsTheFileAsUtf8() throws IOException {
    // Properties.load keeps the last of two equal keys without a word: a copy-paste slip would hide a text.
    List<String> keys = Files.readAllLines(BUNDLE, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('=')).trim()).toList();
    assertThat(keys).doesNotHaveDuplicates();
    // The app loads it through ResourceBundle (FormTranslations): the same texts, "–" and "·" included.
    FormTranslations loaded = FormTranslations.english();
    Properties english = bundle();
    assertThat(english.stringPropertyNames())
        .allSatisfy(k -> assertThat(loaded.get(k, null)).as(k).isEqualTo(english.getProperty(k)));
    assertThat(english.getProperty("portal-classify.appointmentDays")).endsWith("(1–10)");
  }

  private static List<String> placeholders(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
