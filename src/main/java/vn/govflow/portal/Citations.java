package vn.govflow.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The legal documents an answer cites, as the draft form gives them (a list of maps, or JSON from Tasklist). */
final class Citations {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Citations() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> of(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
      // Camunda Tasklist submits a form-js dynamic list as a JSON variable.
      try {
        value = JSON.readValue(json.toString(), List.class);
      } catch (JsonProcessingException e) {
        return out;
      }
    }
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof Map<?, ?> m) {
          out.add(new LinkedHashMap<>((Map<String, Object>) m));
        }
      }
    }
    return out;
  }

  /** The citations as stored with the answer. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(of(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every key present and not blank. */
  static boolean nonBlank(Map<String, Object> m, String... keys) {
    for (String k : keys) {
      Object v = m.get(k);
      if (v == null || v.toString().isBlank()) {
        return false;
      }
    }
    return true;
  }
}
