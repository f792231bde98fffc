package vn.govflow.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused form's errors, for the page that shows it again: the summary at the top (each error a link to its
 * field) and the message beside each field. Templates use {@code fragments/forms :: errorSummary(formErrors)}
 * and, on a field, {@code th:attr="aria-invalid=${formErrors?.invalid('title')},
 * aria-describedby=${formErrors?.describedBy('title', 'title-hint')}"} with {@code fragments/forms ::
 * fieldError(formErrors, 'title')} beside it. The field name is the control's id.
 */
public final class FormErrors {
  /** One error: the id of the control to fix (null when the error is about the whole form) and the message. */
  public record Entry(String field, String message) {}

  private final Map<String, Entry> byField = new LinkedHashMap<>();
  private final List<Entry> entries = new ArrayList<>();

  public static FormErrors none() {
    return new FormErrors();
  }

  public FormErrors add(String field, String message) {
    Entry entry = new Entry(field, message);
    entries.add(entry);
    if (field != null) {
      byField.putIfAbsent(field, entry);
    }
    return this;
  }

  public boolean isAny() {
    return !entries.isEmpty();
  }

  public List<Entry> getEntries() {
    return Collections.unmodifiableList(entries);
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public String message(String field) {
    Entry e = byField.get(field);
    return e == null ? null : e.message();
  }

  /** "true" for aria-invalid when the field has an error; null (no attribute) otherwise. */
  public String invalid(String field) {
    return has(field) ? "true" : null;
  }

  /** The ids describing the field: its hint (may be null) and, when it has one, its error message. */
  public String describedBy(String field, String hintId) {
    String error = has(field) ? field + "-error" : null;
    if (hintId == null) {
      return error;
    }
    return error == null ? hintId : hintId + " " + error;
  }
}
