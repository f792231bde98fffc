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
 * select, radio, checkbox, taglist, datetime (an ISO string, as form-js stores it: {@code YYYY-MM-DD} for the
 * date subtype) and dynamiclist (a list of rows, each a map of its child fields' keys, stored under the list's
 * {@code path}); options from "values" or from a process variable ("valuesKey"); the simple FEEL conditions
 * {@code =field != "x" or other = true} for hiding fields, evaluated here and in the page.
 *
 * <p>Labels, static option labels and texts are shown in the viewer's language: the form's own text is
 * Vietnamese, the English comes from {@link FormTranslations} when it has the key. A field keeps both labels,
 * because a problem with a submitted form is always reported in both languages.
 */
public final class TaskForm {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
  private static final Pattern CLAUSE = Pattern.compile("^\\s*([A-Za-z0-9_]+)\\s*(!=|=)\\s*(\"[^\"]*\"|true|false|null|-?\\d+)\\s*$");
  /** A list cell's name after the list's key: {@code [row].childKey}; at most 1000 rows. */
  private static final Pattern CELL = Pattern.compile("^\\[(\\d{1,3})]\\.([A-Za-z0-9_]+)$");
  private static final Pattern SIMPLE_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  static final String DYNAMIC_LIST = "dynamiclist";
  private static final java.time.ZoneId DEFAULT_ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
  private static final java.time.format.DateTimeFormatter SHOWN_DATE_TIME =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  public record Option(String label, String value) {}

  /**
   * One component. {@code label} is what the page shows, in the viewer's language; {@code labelVi} is the
   * form's own label and {@code labelEn} its English (the form's own when there is none), for the messages.
   */
  public record Field(String key, String type, String label, String labelVi, String labelEn, boolean required,
                      List<Option> options, Object value,
                      String hide, String html, Integer maxLength, Long min, Long max, String subtype,
                      List<Field> children, int defaultRepetitions, boolean allowAddRemove) {
    public boolean multiple() {
      return "taglist".equals(type);
    }

    public boolean list() {
      return DYNAMIC_LIST.equals(type);
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

    /** The HTML input type of a datetime field: date, time or datetime-local. */
    public String inputType() {
      return switch (subtype == null ? "date" : subtype) {
        case "time" -> "time";
        case "datetime" -> "datetime-local";
        default -> "date";
      };
    }

    /** The name of a list cell's input, e.g. {@code citations[0].number}. */
    public String cellName(int row, Field child) {
      return key + "[" + row + "]." + child.key();
    }

    /**
     * The rows a list shows: what the person just submitted (when the form comes back with a problem), else the
     * process variable's items, then empty rows up to the default number of items. Each row maps a child key to
     * its text.
     */
    public List<Map<String, String>> rows(Map<String, String[]> submitted) {
      List<Map<String, String>> rows = new ArrayList<>();
      if (submitted != null && !submitted.isEmpty()) {
        for (Map<String, String[]> cells : submittedRows(submitted).values()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (Field c : children) {
            String[] v = cells.get(c.key());
            row.put(c.key(), v == null || v.length == 0 ? "" : v[0]);
          }
          rows.add(row);
        }
      } else if (value instanceof Collection<?> items) {
        for (Object item : items) {
          if (item instanceof Map<?, ?> m) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Field c : children) {
              Object v = m.get(c.key());
              row.put(c.key(), v == null ? "" : String.valueOf(v));
            }
            rows.add(row);
          }
        }
      }
      while (rows.size() < defaultRepetitions) {
        Map<String, String> row = new LinkedHashMap<>();
        children.forEach(c -> row.put(c.key(), ""));
        rows.add(row);
      }
      return rows;
    }

    /** The submitted cells of this list, by row index in ascending order (gaps allowed), then by child key. */
    private java.util.SortedMap<Integer, Map<String, String[]>> submittedRows(Map<String, String[]> params) {
      java.util.SortedMap<Integer, Map<String, String[]>> rows = new java.util.TreeMap<>();
      String prefix = key + "[";
      for (Map.Entry<String, String[]> e : params.entrySet()) {
        if (!e.getKey().startsWith(prefix)) {
          continue;
        }
        Matcher m = CELL.matcher(e.getKey().substring(key.length()));
        if (m.matches() && children.stream().anyMatch(c -> c.key().equals(m.group(2)))) {
          rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>()).put(m.group(2), e.getValue());
        }
      }
      return rows;
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

  /** Whether any field or list cell is required: the page then says what its * mark means. */
  public boolean anyRequired() {
    return fields.stream().anyMatch(f -> f.required() || f.children().stream().anyMatch(Field::required));
  }

  public static TaskForm parse(InputStream json, Map<String, Object> variables) {
    return parse(json, variables, DEFAULT_ZONE);
  }

  /** The form in Vietnamese with the case's variables; dates in its texts are shown in this time zone. */
  public static TaskForm parse(InputStream json, Map<String, Object> variables, java.time.ZoneId zone) {
    return parse(json, variables, zone, null);
  }

  /**
   * The form with the case's variables, its texts in the viewer's language (English when the locale is
   * English and the translation has the key, else the form's own); dates in its texts are shown in this zone.
   */
  public static TaskForm parse(InputStream json, Map<String, Object> variables, java.time.ZoneId zone,
                               java.util.Locale locale) {
    try {
      JsonNode root = JSON.readTree(json);
      String id = root.path("id").asText();
      Texts texts = new Texts(FormTranslations.english(), FormTranslations.isEnglish(locale), id + ".");
      List<Field> fields = new ArrayList<>();
      int textIndex = 0;
      for (JsonNode c : root.path("components")) {
        // Texts are numbered among the form's top-level texts, as the translation keys say: <form id>.text.<n>.
        String textKey = "text".equals(c.path("type").asText()) ? id + ".text." + textIndex++ : null;
        Field f = field(c, variables, zone, texts, textKey);
        if (f != null) {
          fields.add(f);
        }
      }
      return new TaskForm(id, List.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The translation, whether the viewer reads English, and the key prefix of the components at hand: the
   * form's id and a dot, then the list's path and a dot inside a dynamiclist.
   */
  private record Texts(FormTranslations english, boolean inEnglish, String prefix) {
    Texts inside(String path) {
      return new Texts(english, inEnglish, prefix + path + ".");
    }

    /** What the viewer reads for this key: the English, if they read English and there is one; else own. */
    String shown(String key, String own) {
      return inEnglish ? english.get(key, own) : own;
    }
  }

  /**
   * One component as a field, or null when it is not one we render (no key, or a nested path). A text is
   * translated only with a textKey (top-level texts; texts inside a list are not rendered).
   */
  private static Field field(JsonNode c, Map<String, Object> variables, java.time.ZoneId zone, Texts texts,
                             String textKey) {
    String type = c.path("type").asText();
    String hide = c.path("conditional").hasNonNull("hide") ? c.path("conditional").get("hide").asText() : null;
    if ("text".equals(type)) {
      String own = c.path("text").asText();
      String text = textKey == null ? own : texts.shown(textKey, own);
      return new Field(null, type, null, null, null, false, List.of(), null, hide,
          markdown(template(text, variables, zone)), null, null, null, null, List.of(), 0, false);
    }
    if (DYNAMIC_LIST.equals(type)) {
      // Only a plain variable name as path: a dotted path would write into another variable's object.
      String path = c.hasNonNull("path") ? c.get("path").asText() : null;
      if (path == null || !SIMPLE_NAME.matcher(path).matches()) {
        return null;
      }
      List<Field> children = new ArrayList<>();
      for (JsonNode child : c.path("components")) {
        // A cell's options may come from a process variable too (valuesKey); no other variable reaches a cell.
        String cellValues = child.hasNonNull("valuesKey") ? child.get("valuesKey").asText() : null;
        Map<String, Object> cellVariables = cellValues != null && variables.get(cellValues) != null
            ? Map.of(cellValues, variables.get(cellValues)) : Map.of();
        Field cf = field(child, cellVariables, zone, texts.inside(path), null);
        // Cells are inputs with a simple key; texts and nested lists are not rendered inside a row.
        if (cf != null && cf.key() != null && !cf.list() && SIMPLE_NAME.matcher(cf.key()).matches()) {
          children.add(cf);
        }
      }
      // As in form-js: rows can be added and removed only where the form says so; "isRepeating" is implied.
      int repetitions = Math.max(0, Math.min(50, c.path("defaultRepetitions").asInt(1)));
      String labelVi = c.path("label").asText(path);
      String labelEn = texts.english().get(texts.prefix() + path, labelVi);
      return new Field(path, type, texts.inEnglish() ? labelEn : labelVi, labelVi, labelEn, false, List.of(),
          variables.get(path), hide, null, null, null, null, null, List.copyOf(children), repetitions,
          c.path("allowAddRemove").asBoolean(false));
    }
    String key = c.hasNonNull("key") ? c.get("key").asText() : null;
    if (key == null) {
      return null;
    }
    JsonNode v = c.path("validate");
    List<Option> options = new ArrayList<>();
    for (JsonNode o : c.path("values")) {
      String value = o.path("value").asText();
      options.add(new Option(texts.shown(texts.prefix() + key + "." + value, o.path("label").asText()), value));
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
    // form-js labels a datetime by its parts: dateLabel, timeLabel.
    String labelVi = c.hasNonNull("label") ? c.get("label").asText()
        : c.hasNonNull("dateLabel") ? c.get("dateLabel").asText()
        : c.hasNonNull("timeLabel") ? c.get("timeLabel").asText() : key;
    String labelEn = texts.english().get(texts.prefix() + key, labelVi);
    String subtype = "datetime".equals(type) ? c.path("subtype").asText("date") : null;
    return new Field(key, type, texts.inEnglish() ? labelEn : labelVi, labelVi, labelEn,
        v.path("required").asBoolean(false), options, value, hide, null,
        v.has("maxLength") ? v.get("maxLength").asInt() : null, v.has("min") ? v.get("min").asLong() : null,
        v.has("max") ? v.get("max").asLong() : null, subtype, List.of(), 0, false);
  }

  /** Typed variables from a submitted form; hidden fields are dropped; problems are reported per field. */
  public Map<String, Object> read(Map<String, String[]> params) {
    Map<String, Object> raw = new LinkedHashMap<>();
    for (Field f : fields) {
      if (f.key() != null) {
        raw.put(f.key(), f.list() ? f.submittedRows(params) : raw(f, params.get(f.key())));
      }
    }
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> result = new LinkedHashMap<>();
    for (Field f : fields) {
      if (f.key() == null || hidden(f.hide(), raw)) {
        continue;
      }
      if (f.list()) {
        readList(f, f.submittedRows(params), problems).ifPresent(rows -> result.put(f.key(), rows));
        continue;
      }
      Checked checked = check(f, raw.get(f.key()), f.key(), "", "");
      if (checked.problem() != null) {
        problems.add(checked.problem());
      } else {
        result.put(f.key(), checked.value());
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "form-invalid", "Biểu mẫu chưa hợp lệ: " + problems.get(0).messageVi(),
          "The form is not valid: " + problems.get(0).messageEn(), problems, Map.of());
    }
    return result;
  }

  private static Object raw(Field f, String[] values) {
    return switch (f.type()) {
      case "checkbox" -> values != null && Arrays.asList(values).contains("true");
      case "taglist" -> values == null ? List.of() : Arrays.stream(values).filter(s -> !s.isBlank()).distinct().toList();
      default -> values == null || values.length == 0 || values[0].isBlank() ? null : values[0].trim();
    };
  }

  /**
   * A list's rows in the order submitted, as plain ArrayList/LinkedHashMap (stored as JSON like the API's).
   * A row with every cell blank is dropped: an empty row means "none". Rows are numbered as the page shows
   * them, counting the empty ones.
   */
  private static java.util.Optional<List<Map<String, Object>>> readList(Field list,
      java.util.SortedMap<Integer, Map<String, String[]>> submitted, List<FieldProblem> problems) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int number = 0;
    boolean valid = true;
    for (Map.Entry<Integer, Map<String, String[]>> e : submitted.entrySet()) {
      number++;
      Map<String, Object> cells = new LinkedHashMap<>();
      for (Field c : list.children()) {
        cells.put(c.key(), raw(c, e.getValue().get(c.key())));
      }
      if (cells.values().stream().allMatch(v -> v == null || Boolean.FALSE.equals(v)
          || v instanceof Collection<?> col && col.isEmpty())) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (Field c : list.children()) {
        Checked checked = check(c, cells.get(c.key()), list.cellName(e.getKey(), c),
            list.labelVi() + ", dòng " + number + ": ", list.labelEn() + ", row " + number + ": ");
        if (checked.problem() != null) {
          problems.add(checked.problem());
          valid = false;
        } else {
          row.put(c.key(), checked.value());
        }
      }
      rows.add(row);
    }
    return valid ? java.util.Optional.of(rows) : java.util.Optional.empty();
  }

  private record Checked(Object value, FieldProblem problem) {
    static Checked ok(Object value) {
      return new Checked(value, null);
    }
  }

  /**
   * One field's value checked against its rules and typed; the messages start with where the field is. The
   * Vietnamese message names the field by the form's own label, the English one by its English label.
   */
  private static Checked check(Field f, Object value, String name, String whereVi, String whereEn) {
    boolean empty = value == null || (value instanceof Collection<?> c && c.isEmpty());
    if (f.required() && (empty || Boolean.FALSE.equals(value) && "checkbox".equals(f.type()))) {
      return problem(name, whereVi.isEmpty() ? "Cần nhập: " + f.labelVi() + "." : whereVi + "cần nhập " + f.labelVi() + ".",
          whereEn + "Required: " + f.labelEn() + ".");
    }
    if (!empty && "number".equals(f.type())) {
      try {
        long n = Long.parseLong((String) value);
        if ((f.min() != null && n < f.min()) || (f.max() != null && n > f.max())) {
          return problem(name, whereVi + f.labelVi() + ": ngoài khoảng cho phép.", whereEn + f.labelEn() + ": out of range.");
        }
        value = n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? n : (Object) (int) n;
      } catch (NumberFormatException e) {
        return problem(name, whereVi + f.labelVi() + ": phải là số nguyên.", whereEn + f.labelEn() + ": must be a whole number.");
      }
    }
    if (!empty && "datetime".equals(f.type())) {
      try {
        // Stored as form-js stores it: the ISO text, normalised.
        value = switch (f.inputType()) {
          case "time" -> java.time.LocalTime.parse((String) value).toString();
          case "datetime-local" -> java.time.LocalDateTime.parse((String) value).toString();
          default -> java.time.LocalDate.parse((String) value).toString();
        };
      } catch (java.time.format.DateTimeParseException e) {
        return problem(name, whereVi + f.labelVi() + ": ngày, giờ không hợp lệ.", whereEn + f.labelEn() + ": not a valid date or time.");
      }
    }
    if (!empty && value instanceof String s && f.maxLength() != null && s.length() > f.maxLength()) {
      return problem(name, whereVi + f.labelVi() + ": tối đa " + f.maxLength() + " ký tự.",
          whereEn + f.labelEn() + ": at most " + f.maxLength() + " characters.");
    }
    if (!empty && !f.options().isEmpty() && !"checkbox".equals(f.type())) {
      Collection<?> chosen = value instanceof Collection<?> c ? c : List.of(value);
      boolean allKnown = chosen.stream().allMatch(x -> f.options().stream().anyMatch(o -> o.value().equals(x)));
      if (!allKnown) {
        return problem(name, whereVi + f.labelVi() + ": lựa chọn không hợp lệ.", whereEn + f.labelEn() + ": not a valid choice.");
      }
    }
    return Checked.ok(value);
  }

  private static Checked problem(String name, String vi, String en) {
    return new Checked(null, new FieldProblem(name, vi, en));
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
        // "null" means not filled in (form-js FEEL: an empty field is null).
        boolean equal = "null".equals(m.group(3)) ? actual == null || String.valueOf(actual).isBlank()
            : Objects.equals(actual == null ? null : String.valueOf(actual), literal);
        all &= "=".equals(m.group(2)) == equal;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static String template(String text, Map<String, Object> variables, java.time.ZoneId zone) {
    Matcher m = TEMPLATE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object v = variables.get(m.group(1));
      // A date as people read it, in the agency's time zone, not Date.toString() in the server's.
      String shown = v == null ? ""
          : v instanceof java.util.Date d ? SHOWN_DATE_TIME.format(d.toInstant().atZone(zone))
          : v instanceof java.time.OffsetDateTime t ? SHOWN_DATE_TIME.format(t.atZoneSameInstant(zone))
          : String.valueOf(v);
      m.appendReplacement(sb, Matcher.quoteReplacement(shown));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Escapes everything, then allows **bold** only: form texts come from designers, values from people. */
  private static String markdown(String text) {
    return HtmlUtils.htmlEscape(text).replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>").replace("\n", "<br>");
  }
}
