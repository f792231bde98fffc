package vn.govflow.casework;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The long texts a task's form submits (a drafted answer, a document's content) that the subsystem keeps in its own
 * tables instead of process variables: the engine keeps a string variable in a 4,000-character column. Every
 * completion of such a task (GovFlow's task page and API, the engine's REST API) has these fields taken out of the
 * submission before the engine sees it; they are passed to {@link #store} in the completion's transaction, and the
 * task's complete listener (its {@link TaskRules}) reads them with {@link #submitted()}. The forms show them again
 * through {@link CaseTexts}. A subsystem declares one bean per process.
 */
public interface CaseTextFields {
  /** The BPMN process whose tasks submit these fields. */
  String processKey();

  /** The form fields of this task (its definition key) that the subsystem stores; empty for none. */
  Set<String> fields(String taskDefinitionKey);

  /**
   * Every field name any task of the process stores: a completion that submits none of them is passed on untouched,
   * without looking up its task (the guard runs on every completion).
   */
  Set<String> anyTaskFields();

  /**
   * Stores the submitted values (by field name; a field left out of the submission is absent) of the case with this
   * business key, while its task is being completed: a refused completion rolls the stored values back.
   */
  void store(String businessKey, String taskDefinitionKey, Map<String, Object> values);

  /** The stored fields submitted with the task being completed on this thread; empty outside a completion. */
  static Map<String, Object> submitted() {
    Map<String, Object> values = Submission.CURRENT.get();
    return values == null ? Map.of() : values;
  }

  /** Runs a completion with its stored fields visible to {@link #submitted()} (for the task guard only). */
  static <T> T during(Map<String, Object> values, Supplier<T> completion) {
    Map<String, Object> outer = Submission.CURRENT.get();
    Submission.CURRENT.set(Collections.unmodifiableMap(values));
    try {
      return completion.get();
    } finally {
      if (outer == null) {
        Submission.CURRENT.remove();
      } else {
        Submission.CURRENT.set(outer);
      }
    }
  }

  /** Holds the current completion's fields. */
  final class Submission {
    private static final ThreadLocal<Map<String, Object>> CURRENT = new ThreadLocal<>();

    private Submission() {
    }
  }
}
