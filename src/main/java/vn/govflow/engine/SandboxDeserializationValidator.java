package vn.govflow.engine;

import java.util.Set;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;

/**
 * Object variables are deserialized only into these types: the JSON lists and maps the processes store, and
 * their values. Camunda's default validator admits the whole {@code java.lang} package ({@code ProcessBuilder},
 * {@code Thread} …); this one admits named classes only, no packages.
 */
final class SandboxDeserializationValidator implements DeserializationTypeValidator {
  static final Set<String> ALLOWED = Set.of(
      "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long",
      "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Character",
      "java.math.BigDecimal", "java.math.BigInteger", "java.util.Date",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.Arrays$ArrayList", "java.util.List",
      "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Map",
      "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.Set");

  @Override
  public boolean validate(String className) {
    return className != null && ALLOWED.contains(className);
  }
}
