package vn.govflow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The interface's words: the shared bundle {@code i18n/messages} plus every module's own bundle found on the
 * classpath as {@code i18n/modules/<module>/messages.properties}, so that a new subsystem brings its words in its
 * own folder and edits no shared file. Replaces Spring Boot's single-basename message source (its
 * {@code spring.messages.*} settings are therefore not used): UTF-8, no fallback to the server's locale, so the
 * Vietnamese file is the default and {@code _en} the English.
 */
@Configuration
public class ModuleMessages {
  static final String SHARED = "i18n/messages";
  static final String MODULE_BUNDLES = "classpath*:i18n/modules/*/messages.properties";
  private static final Pattern MODULE = Pattern.compile("i18n/modules/([a-z][a-z0-9-]*)/messages\\.properties$");

  @Bean
  public MessageSource messageSource() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    List<String> basenames = new ArrayList<>();
    basenames.add(SHARED);
    modules().forEach(m -> basenames.add("i18n/modules/" + m + "/messages"));
    source.setBasenames(basenames.toArray(String[]::new));
    source.setDefaultEncoding(StandardCharsets.UTF_8.name());
    source.setFallbackToSystemLocale(false);
    return source;
  }

  /** The modules that bring their own words, in name order (a key defined twice is a test failure, not an order). */
  public static List<String> modules() {
    try {
      TreeSet<String> modules = new TreeSet<>();
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(MODULE_BUNDLES)) {
        Matcher m = MODULE.matcher(r.getURL().toString());
        if (m.find()) {
          modules.add(m.group(1));
        }
      }
      return List.copyOf(modules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
