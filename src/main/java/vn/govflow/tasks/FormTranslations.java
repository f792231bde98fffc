package vn.govflow.tasks;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The English of our Camunda Forms, kept beside them so the form files stay what the Camunda Modeler and
 * Tasklist know (Vietnamese, the form's own text). Keys, in {@code i18n/forms_en.properties} (UTF-8):
 * <ul>
 *   <li>{@code <form id>.<key>}: a field's label (a dynamiclist's by its {@code path});</li>
 *   <li>{@code <form id>.<key>.<option value>}: a static option's label (options from a process variable,
 *       {@code valuesKey}, come from data and are not translated here);</li>
 *   <li>{@code <form id>.<list path>.<child key>}: a list cell's label;</li>
 *   <li>{@code <form id>.text.<n>}: the n-th text component of the form, from 0, with the same
 *       {@code {{variable}}} placeholders and {@code **bold**} as the form's own text.</li>
 * </ul>
 * A key that is missing means the form's own text: a form deployed from the browser still works, in Vietnamese.
 *
 * <p>A plain {@link ResourceBundle} rather than Spring's MessageSource: {@link TaskForm} is a plain parser used
 * without a Spring context (unit tests, the bundle's completeness test); form texts carry {@code {{...}}} and
 * apostrophes that MessageSource would run through MessageFormat as soon as anyone passed arguments; and the
 * MessageSource's fallback to the Vietnamese {@code messages.properties} means nothing here, where Vietnamese
 * is the form file itself. The no-fallback control keeps the server's default locale out of the lookup.
 */
final class FormTranslations {
  static final String BUNDLE = "i18n.forms";
  private static final FormTranslations NONE = new FormTranslations(null);

  private final ResourceBundle english;

  private FormTranslations(ResourceBundle english) {
    this.english = english;
  }

  /** The English bundle (cached by ResourceBundle), or none when it is not on the classpath. */
  static FormTranslations english() {
    try {
      return new FormTranslations(ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    } catch (MissingResourceException e) {
      return NONE;
    }
  }

  /** The English for this key, else the form's own text. */
  String get(String key, String own) {
    return english != null && key != null && english.containsKey(key) ? english.getString(key) : own;
  }

  static boolean isEnglish(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }
}
