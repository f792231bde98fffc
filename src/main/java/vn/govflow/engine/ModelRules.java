package vn.govflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * GovFlow's conventions for models that live in XML or JSON, as ONE rule set: the build's ModelLintTest runs it
 * over the repository's files and the designer runs it on a draft before validating and deploying. The sandbox
 * rules (scripts, classes, delegates of the process's module, the closed expression vocabulary) are
 * {@link ModelChecker}'s, which both run as well.
 *
 * <p>ERRORs refuse a deployment from the designer; WARNINGs are shown. The build accepts neither in the
 * repository's own files.
 */
public final class ModelRules {
  public enum Severity { ERROR, WARNING }

  /** One rule broken at one element ({@code elementId} null: the model as a whole). */
  public record Finding(String elementId, String rule, Severity severity, String messageVi, String messageEn) {
    @Override
    public String toString() {
      return (elementId == null ? "" : elementId + " ") + "[" + rule + "] " + severity + " " + messageEn;
    }
  }

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** bpmn-js's generated ids (Activity_0abc123): a model keeps readable ids so logs and reports name the step. */
  static final Pattern GENERATED_ID = Pattern.compile("(Activity|Event|Gateway|Flow)_0[a-z0-9]{6}");
  /** Camunda 7.24's Tasklist renders form-js schema version 16; GovFlow's renderer reads the same schema. */
  public static final int FORM_SCHEMA_VERSION = 16;
  /** The component types GovFlow's own form renderer (vn.govflow.tasks.TaskForm, fragments/task-form) shows. */
  public static final Set<String> FORM_COMPONENTS = Set.of("text", "textfield", "textarea", "number", "select",
      "radio", "checkbox", "taglist", "datetime", "dynamiclist");

  private ModelRules() {}

  /**
   * A process model {@code key} of {@code module} ({@code processes/<module>/<key>.bpmn}); {@code formExists} and
   * {@code decisionExists} answer for the forms and decisions it may reference.
   */
  public static List<Finding> bpmn(String key, String module, byte[] content, Predicate<String> formExists,
                                   Predicate<String> decisionExists) {
    List<Finding> out = new ArrayList<>();
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      out.add(error(null, "xml", "Tệp quy trình không đọc được theo lược đồ BPMN 2.0: " + cause(e),
          "The process cannot be read as BPMN 2.0: " + cause(e)));
      return out;
    }
    List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
    if (processes.size() != 1) {
      out.add(error(null, "govflow/one-process", "Mỗi tệp quy trình chứa đúng một quy trình (đang có "
          + processes.size() + ").", "Each process file holds exactly one process (this one has "
          + processes.size() + ")."));
      return out;
    }
    Process process = processes.get(0);
    if (!process.getId().equals(key)) {
      out.add(error(process.getId(), "govflow/id-file-name", "Mã quy trình phải là '" + key + "' (tên tệp).",
          "The process id must be '" + key + "' (the file name)."));
    }
    modulePrefix(out, process.getId(), module);
    if (blank(process.getCamundaHistoryTimeToLiveString())) {
      out.add(error(process.getId(), "camunda-7.24/history-ttl", "Quy trình phải đặt thời gian lưu lịch sử "
          + "(History time to live); Camunda 7.24 từ chối triển khai nếu thiếu.",
          "The process must set its history time to live; Camunda 7.24 refuses to deploy it without one."));
    }
    if (!process.isExecutable()) {
      out.add(error(process.getId(), "govflow/executable", "Quy trình phải được đánh dấu là thực thi được "
          + "(isExecutable).", "The process must be executable (isExecutable)."));
    }
    for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
      if (e.getId() != null && GENERATED_ID.matcher(e.getId()).matches()) {
        out.add(warning(e.getId(), "govflow/readable-id", "Hãy đặt mã dễ đọc cho phần tử (ví dụ Task_Review) "
            + "thay cho mã tự sinh " + e.getId() + ".", "Give the element a readable id (e.g. Task_Review) "
            + "instead of the generated " + e.getId() + "."));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String id = task.getId();
      if (task.getCamundaAssignee() == null && task.getCamundaCandidateGroups() == null
          && task.getCamundaCandidateUsers() == null) {
        out.add(error(id, "govflow/user-task-people", "Bước người dùng phải có nhóm ứng viên hoặc người được giao.",
            "A user task needs candidate groups or an assignee."));
      }
      if (blank(task.getCamundaDueDate())) {
        out.add(error(id, "govflow/user-task-due", "Bước người dùng phải có hạn xử lý (due date, theo ngày làm "
            + "việc, ví dụ ${caseDeadlines.taskDue(execution)}).", "A user task needs a due date (in working "
            + "days, e.g. ${caseDeadlines.taskDue(execution)})."));
      } else if (task.getCamundaDueDate().trim().matches("P\\d+WD")) {
        // docs/process-conventions.md: deadlines live in the module's table, where urgency can shorten them and a
        // designer changes them without redrawing. A fixed number is allowed from the designer, with this warning;
        // the shipped models (ModelLintTest refuses warnings) keep to the table.
        out.add(warning(id, "govflow/fixed-due", "Hạn cố định " + task.getCamundaDueDate().trim() + " không rút ngắn "
            + "theo độ khẩn; nên dùng bảng hạn xử lý của phân hệ (${caseDeadlines.taskDue(execution)}).",
            "The fixed deadline " + task.getCamundaDueDate().trim() + " does not shorten with urgency; prefer the "
            + "module's deadline table (${caseDeadlines.taskDue(execution)})."));
      }
      String formRef = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
      if (blank(formRef)) {
        out.add(error(id, "govflow/user-task-form", "Bước người dùng phải có biểu mẫu (formRef).",
            "A user task needs a form (formRef)."));
      } else if (!isExpression(formRef) && !formExists.test(formRef)) {
        out.add(error(id, "govflow/form-exists", "Biểu mẫu '" + formRef + "' không tồn tại.",
            "The form '" + formRef + "' does not exist."));
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String ref = task.getCamundaDecisionRef();
      if (blank(ref)) {
        if (task.getCamundaDelegateExpression() == null && task.getCamundaExpression() == null) {
          out.add(error(task.getId(), "govflow/decision-exists", "Bước quy tắc nghiệp vụ phải chọn một bảng quyết "
              + "định.", "A business rule task must name a decision."));
        }
      } else if (!isExpression(ref) && !decisionExists.test(ref)) {
        out.add(error(task.getId(), "govflow/decision-exists", "Bảng quyết định '" + ref + "' không tồn tại.",
            "The decision '" + ref + "' does not exist."));
      }
    }
    return out;
  }

  /** A decision model {@code key} ({@code dmn/<module>/<key>.dmn}): it holds the decision of that id. */
  public static List<Finding> dmn(String key, String module, byte[] content) {
    List<Finding> out = new ArrayList<>();
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      out.add(error(null, "xml", "Tệp bảng quyết định không đọc được theo lược đồ DMN: " + cause(e),
          "The decision file cannot be read as DMN: " + cause(e)));
      return out;
    }
    List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
    if (decisions.stream().noneMatch(d -> key.equals(d.getId()))) {
      out.add(error(null, "govflow/id-file-name", "Tệp phải chứa bảng quyết định có mã '" + key + "' (tên tệp).",
          "The file must hold a decision with the id '" + key + "' (the file name)."));
    }
    modulePrefix(out, key, module);
    for (Decision d : decisions) {
      if (blank(d.getCamundaHistoryTimeToLiveString())) {
        out.add(error(d.getId(), "camunda-7.24/history-ttl", "Bảng quyết định phải đặt thời gian lưu lịch sử "
            + "(History time to live); Camunda 7.24 từ chối triển khai nếu thiếu.",
            "The decision must set its history time to live; Camunda 7.24 refuses to deploy it without one."));
      }
    }
    return out;
  }

  /** A form {@code key} ({@code forms/<module>/<key>.form}) as GovFlow's renderer reads it. */
  public static List<Finding> form(String key, String module, byte[] content) {
    List<Finding> out = new ArrayList<>();
    JsonNode form;
    try {
      form = new ObjectMapper().readTree(content);
    } catch (Exception e) {
      form = null;
    }
    if (form == null || !form.isObject()) {
      out.add(error(null, "json", "Biểu mẫu không phải JSON hợp lệ.", "The form is not valid JSON."));
      return out;
    }
    if (!key.equals(form.path("id").asText())) {
      out.add(error(null, "govflow/id-file-name", "Mã biểu mẫu phải là '" + key + "' (tên tệp).",
          "The form id must be '" + key + "' (the file name)."));
    }
    modulePrefix(out, key, module);
    if (form.path("schemaVersion").asInt(-1) != FORM_SCHEMA_VERSION) {
      out.add(error(null, "govflow/form-schema", "Biểu mẫu phải theo schemaVersion " + FORM_SCHEMA_VERSION
          + " (form-js 1.8, như Camunda 7.24 Tasklist).", "The form must use schemaVersion "
          + FORM_SCHEMA_VERSION + " (form-js 1.8, as Camunda 7.24's Tasklist)."));
    }
    components(form.path("components"), new HashSet<>(), new HashSet<>(), out);
    return out;
  }

  private static void components(JsonNode list, Set<String> keys, Set<String> ids, List<Finding> out) {
    for (JsonNode c : list) {
      String id = c.hasNonNull("id") ? c.get("id").asText() : null;
      String type = c.path("type").asText();
      if (id != null && !ids.add(id)) {
        out.add(error(id, "govflow/form-unique-id", "Mã thành phần '" + id + "' bị trùng.",
            "The component id '" + id + "' is used twice."));
      }
      if (!FORM_COMPONENTS.contains(type)) {
        out.add(error(id, "govflow/form-component", "GovFlow không hiển thị loại thành phần '" + type
            + "'; chỉ dùng: " + String.join(", ", new java.util.TreeSet<>(FORM_COMPONENTS)) + ".",
            "GovFlow does not render the component type '" + type + "'; use only: "
            + String.join(", ", new java.util.TreeSet<>(FORM_COMPONENTS)) + "."));
      }
      String key = c.hasNonNull("key") ? c.get("key").asText() : c.hasNonNull("path") ? c.get("path").asText() : null;
      if (key != null && !keys.add(key)) {
        out.add(error(id, "govflow/form-unique-key", "Khóa '" + key + "' được dùng cho hai trường.",
            "The key '" + key + "' is used by two fields."));
      }
      if ("dynamiclist".equals(type)) {
        // A list's cells are keyed within their row.
        components(c.path("components"), new HashSet<>(), ids, out);
      }
    }
  }

  private static void modulePrefix(List<Finding> out, String id, String module) {
    if (module != null && !id.startsWith(module + "-")) {
      out.add(error(id, "govflow/module-prefix", "Mã phải bắt đầu bằng tên phân hệ '" + module + "-'.",
          "The id must start with its module's name '" + module + "-'."));
    }
  }

  private static boolean isExpression(String s) {
    return s.contains("${") || s.contains("#{");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String cause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.length() <= 200 ? m : m.substring(0, 197) + "…";
  }

  private static Finding error(String elementId, String rule, String vi, String en) {
    return new Finding(elementId, rule, Severity.ERROR, vi, en);
  }

  private static Finding warning(String elementId, String rule, String vi, String en) {
    return new Finding(elementId, rule, Severity.WARNING, vi, en);
  }
}
