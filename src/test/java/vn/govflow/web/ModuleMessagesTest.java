package vn.govflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** Issue #8: each module keeps its words in its own bundle; together they are one consistent interface. */
class ModuleMessagesTest {
  @Test
  void theSubsystemsBringTheirOwnBundlesAndTheSourceReadsThem() {
    assertThat(ModuleMessages.modules()).contains("incoming", "portal");
    MessageSource source = new ModuleMessages().messageSource();
    assertThat(source.getMessage("nav.tasks", null, Locale.forLanguageTag("vi"))).isNotBlank();
    // A module's word, in both languages, through the one message source pages use.
    String vi = source.getMessage("incoming.register.title", null, Locale.forLanguageTag("vi"));
    String en = source.getMessage("incoming.register.title", null, Locale.ENGLISH);
    assertThat(vi).isNotEqualTo(en);
    assertThat(source.getMessage("portal.brand", null, Locale.ENGLISH)).isEqualTo("Questions & Answers");
  }

  @Test
  void everyBundleHasBothLanguagesWithTheSameKeysAndNoKeyIsDefinedTwice() throws IOException {
    List<String> bundles = new ArrayList<>();
    bundles.add(ModuleMessages.SHARED);
    ModuleMessages.modules().forEach(m -> bundles.add("i18n/modules/" + m + "/messages"));
    Map<String, String> definedIn = new HashMap<>();
    List<String> twice = new ArrayList<>();
    for (String bundle : bundles) {
      Set<String> vi = load(bundle + ".properties").stringPropertyNames();
      Set<String> en = load(bundle + "_en.properties").stringPropertyNames();
      assertThat(en).as(bundle + ": the English keys are the Vietnamese keys").isEqualTo(vi);
      for (String key : vi) {
        String before = definedIn.put(key, bundle);
        if (before != null) {
          twice.add(key + " in " + before + " and " + bundle);
        }
      }
    }
    assertThat(twice).as("keys defined in two bundles (which one wins would depend on order)").isEmpty();
  }

  private static Properties load(String path) throws IOException {
    try (InputStream in = ModuleMessagesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }
}
