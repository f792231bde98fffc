package vn.govflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;

/**
 * A Camunda Form (form-js JSON, the file the BPMN references with formRef) rendered in our own pages and read
 * back from a submitted HTML form. Supports the components our forms use: text, textfield, textarea, number,
 * select, radio, checkbox, taglist; options from "values" or from a process variable ("valuesKey"); the
 * simple FEEL conditions {@code =field != "x" or other = true} for hiding fields, evaluated here and in the page.
 */
public final class TaskForm {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
  private static final Pattern CLAUSE = Pattern.compile("^\\s*([A-Za-z0-9_]+)\\s*(!=|=)\\s*(\"[^\"]*\"|true|false|-?\\d+)\\s*$");

  public record Option(String label, String value) {}

  public record Field(String key, String type, String label, boolean required, List<Option> options, Object value,
                      String hide, String html, Integer maxLength, Long min, Long max) {
    public boolean multiple() {
      return "taglist".equals(type);
    }

    public boolean selected(String option) {
      if (value instanceof Collection<?> c) {
        return c.stream().map(String::valueOf).anyMatch(option::equals);
      }
      return value != null && option.equals(String.valueOf(value));
    }

    /** The hide condition without its leading "=", for the page's script. */
    public String hideCondition() {
      return hide == null ? null : hide.startsWith("=") ? hide.substring(1) : hide;
    }
  }

  private final String id;
  private final List<Field> fields;

  private TaskForm(String id, List<Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  public String id() { return id; }
  public List<Field> fields() { return fields; }

  public static TaskForm parse(InputStream json, Map<String, Object> variables) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Field> fields = new ArrayList<>();
      for (JsonNode c : root.path("components")) {
        String type = c.path("type").asText();
        String key = c.hasNonNull("key") ? c.get("key").asText() : null;
        String hide = c.path("conditional").hasNonNull("hide") ? c.path("conditional").get("hide").asText() : null;
        if ("text".equals(type)) {
          fields.add(new Field(null, type, null, false, List.of(), null, hide,
              markdown(template(c.path("text").asText(), variables)), null, null, null));
          continue;
        }
        if (key == null) {
          continue;
        }
        JsonNode v = c.path("validate");
        List<Option> options = new ArrayList<>();
        for (JsonNode o : c.path("values")) {
          options.add(new Option(o.path("label").asText(), o.path("value").asText()));
        }
        if (c.hasNonNull("valuesKey") && variables.get(c.get("valuesKey").asText()) instanceof Collection<?> list) {
          for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
              options.add(new Option(String.valueOf(m.get("label")), String.valueOf(m.get("value"))));
            }
          }
        }
        Object value = variables.containsKey(key) ? variables.get(key)
            : c.has("defaultValue") ? JSON.convertValue(c.get("defaultValue"), Object.class) : null;
        fields.add(new Field(key, type, c.path("label").asText(key), v.path("required").asBoolean(false), options,
            value, hide, null, v.has("maxLength") ? v.get("maxLength").asInt() : null,
            v.has("min") ? v.get("min").asLong() : null, v.has("max") ? v.get("max").asLong() : null));
      }
      return new TaskForm(root.path("id").asText(), List.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Typed variables from a submitted form; hidden fields are dropped; problems are reported per field. */
  public Map<String, Object> read(Map<String, String[]> params) {
    Map<String, Object> raw = new LinkedHashMap<>();
    for (Field f : fields) {
      if (f.key() == null) {
        continue;
      }
      String[] values = params.get(f.key());
      Object typed = switch (f.type()) {
        case "checkbox" -> values != null && Arrays.asList(values).contains("true");
        case "taglist" -> values == null ? List.of() : Arrays.stream(values).filter(s -> !s.isBlank()).distinct().toList();
        default -> values == null || values.length == 0 || values[0].isBlank() ? null : values[0].trim();
      };
      raw.put(f.key(), typed);
    }
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> result = new LinkedHashMap<>();
    for (Field f : fields) {
      if (f.key() == null || hidden(f.hide(), raw)) {
        continue;
      }
      Object value = raw.get(f.key());
      boolean empty = value == null || (value instanceof Collection<?> c && c.isEmpty());
      if (f.required() && (empty || Boolean.FALSE.equals(value) && "checkbox".equals(f.type()))) {
        problems.add(new FieldProblem(f.key(), "Cần nhập: " + f.label() + ".", "Required: " + f.label() + "."));
        continue;
      }
      if (!empty && "number".equals(f.type())) {
        try {
          long n = Long.parseLong((String) value);
          if ((f.min() != null && n < f.min()) || (f.max() != null && n > f.max())) {
            problems.add(new FieldProblem(f.key(), f.label() + ": ngoài khoảng cho phép.", f.label() + ": out of range."));
            continue;
          }
          value = n > Integer.MAX_VALUE ? n : (Object) (int) n;
        } catch (NumberFormatException e) {
          problems.add(new FieldProblem(f.key(), f.label() + ": phải là số nguyên.", f.label() + ": must be a whole number."));
          continue;
        }
      }
      if (!empty && value instanceof String s && f.maxLength() != null && s.length() > f.maxLength()) {
        problems.add(new FieldProblem(f.key(), f.label() + ": tối đa " + f.maxLength() + " ký tự.",
            f.label() + ": at most " + f.maxLength() + " characters."));
        continue;
      }
      if (!empty && !f.options().isEmpty() && !"checkbox".equals(f.type())) {
        Collection<?> chosen = value instanceof Collection<?> c ? c : List.of(value);
        boolean allKnown = chosen.stream().allMatch(x -> f.options().stream().anyMatch(o -> o.value().equals(x)));
        if (!allKnown) {
          problems.add(new FieldProblem(f.key(), f.label() + ": lựa chọn không hợp lệ.", f.label() + ": not a valid choice."));
          continue;
        }
      }
      result.put(f.key(), value);
    }
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "form-invalid", "Biểu mẫu chưa hợp lệ: " + problems.get(0).messageVi(),
          "The form is not valid: " + problems.get(0).messageEn(), problems, Map.of());
    }
    return result;
  }

  /** Evaluates a hide condition made of clauses {@code key = literal} / {@code key != literal} joined by or/and. */
  static boolean hidden(String condition, Map<String, Object> values) {
    if (condition == null || condition.isBlank()) {
      return false;
    }
    String expr = condition.startsWith("=") ? condition.substring(1) : condition;
    for (String disjunct : expr.split("\\s+or\\s+")) {
      boolean all = true;
      for (String clause : disjunct.split("\\s+and\\s+")) {
        Matcher m = CLAUSE.matcher(clause);
        if (!m.matches()) {
          return false; // not understood: show the field rather than hide what may be needed
        }
        String literal = m.group(3).startsWith("\"") ? m.group(3).substring(1, m.group(3).length() - 1) : m.group(3);
        Object actual = values.get(m.group(1));
        boolean equal = Objects.equals(actual == null ? null : String.valueOf(actual), literal);
        all &= "=".equals(m.group(2)) == equal;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static String template(String text, Map<String, Object> variables) {
    Matcher m = TEMPLATE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object v = variables.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : String.valueOf(v)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Escapes everything, then allows **bold** only: form texts come from designers, values from people. */
  private static String markdown(String text) {
    return HtmlUtils.htmlEscape(text).replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>").replace("\n", "<br>");
  }
}
