package vn.govflow.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a module's configuration class whose {@code @Bean} methods are the delegates and listeners its processes
 * may name ({@code processes/<module>/…}). {@link ModelVocabulary} finds these classes on the classpath, so a new
 * subsystem declares its own vocabulary and edits no shared list; a process may name only its own module's beans.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModuleDelegates {
  /** The module: the prefix of its process ids ({@code incoming} for {@code incoming-document}). */
  String value();
}
