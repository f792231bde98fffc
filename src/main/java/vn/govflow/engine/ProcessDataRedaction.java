package vn.govflow.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.common.PersonalData;

/**
 * Erases a person's identifying values from everything the engine keeps of one process instance (seed 003
 * Art 27: deleted on the person's request). Running variables go through the engine's API, so its caches and
 * history stay coherent: a text keeps its text without the values, a JSON or XML value keeps its structure, a
 * value that cannot be edited (bytes, a file, a Java-serialized object) that mentions the person becomes the
 * marker. The history the engine has already written, which it has no API to rewrite, is rewritten by SQL: the
 * free-text columns of the tables listed in {@link #TABLES} (variables and every earlier value, form fields,
 * tasks, comments, attachments, the operation log, decision inputs and outputs, incidents, job and external
 * task errors) and the byte arrays they point at. Rows stay (that a variable was set, when, by whom); their
 * text loses the person. All of it joins the caller's transaction: the erasure happens whole or not at all.
 */
@Service
public class ProcessDataRedaction {
  /** One table: which rows belong to the instance ('?' = its id), their free text, and their byte arrays. */
  record Table(String name, String rowsOfInstance, List<String> text, List<String> byteArrayIds,
               String inlineBytes, boolean revision) {}

  private static final String OF_INSTANCE = "PROC_INST_ID_ = ? OR ROOT_PROC_INST_ID_ = ?";
  /** A task's comment or attachment may carry only the task's id. */
  private static final String OF_INSTANCE_OR_TASK = OF_INSTANCE
      + " OR TASK_ID_ IN (SELECT ID_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?)";
  private static final String OF_DECISIONS = "DEC_INST_ID_ IN (SELECT ID_ FROM ACT_HI_DECINST"
      + " WHERE PROC_INST_ID_ = ? OR ROOT_PROC_INST_ID_ = ?)";

  /**
   * Every engine column that holds text a person could have typed or a value could have been copied into.
   * Keys, ids, names of model elements and type names are left alone: they come from the models and code.
   * Runtime variables are not here: {@link #redact} rewrites them through the API first.
   */
  static final List<Table> TABLES = List.of(
      new Table("ACT_HI_VARINST", OF_INSTANCE, List.of("TEXT_", "TEXT2_"), List.of("BYTEARRAY_ID_"), null, false),
      new Table("ACT_HI_DETAIL", OF_INSTANCE, List.of("TEXT_", "TEXT2_"), List.of("BYTEARRAY_ID_"), null, false),
      new Table("ACT_HI_TASKINST", OF_INSTANCE, List.of("NAME_", "DESCRIPTION_", "DELETE_REASON_"), List.of(),
          null, false),
      new Table("ACT_RU_TASK", "PROC_INST_ID_ = ?", List.of("NAME_", "DESCRIPTION_"), List.of(), null, true),
      new Table("ACT_HI_OP_LOG", OF_INSTANCE, List.of("ORG_VALUE_", "NEW_VALUE_", "ANNOTATION_"), List.of(), null,
          false),
      new Table("ACT_HI_COMMENT", OF_INSTANCE_OR_TASK, List.of("MESSAGE_"), List.of(), "FULL_MSG_", true),
      new Table("ACT_HI_ATTACHMENT", OF_INSTANCE_OR_TASK, List.of("NAME_", "DESCRIPTION_", "URL_"),
          List.of("CONTENT_ID_"), null, true),
      new Table("ACT_HI_DEC_IN", OF_DECISIONS, List.of("TEXT_", "TEXT2_"), List.of("BYTEARRAY_ID_"), null, false),
      new Table("ACT_HI_DEC_OUT", OF_DECISIONS, List.of("TEXT_", "TEXT2_"), List.of("BYTEARRAY_ID_"), null, false),
      new Table("ACT_HI_INCIDENT", OF_INSTANCE, List.of("INCIDENT_MSG_", "ANNOTATION_"), List.of(), null, false),
      new Table("ACT_RU_INCIDENT", "PROC_INST_ID_ = ?", List.of("INCIDENT_MSG_", "ANNOTATION_"), List.of(), null,
          true),
      new Table("ACT_HI_JOB_LOG", "PROCESS_INSTANCE_ID_ = ? OR ROOT_PROC_INST_ID_ = ?",
          List.of("JOB_EXCEPTION_MSG_"), List.of("JOB_EXCEPTION_STACK_ID_"), null, false),
      new Table("ACT_RU_JOB", "PROCESS_INSTANCE_ID_ = ? OR ROOT_PROC_INST_ID_ = ?", List.of("EXCEPTION_MSG_"),
          List.of("EXCEPTION_STACK_ID_"), null, true),
      new Table("ACT_RU_EXT_TASK", "PROC_INST_ID_ = ?", List.of("ERROR_MSG_"), List.of("ERROR_DETAILS_ID_"), null,
          true),
      new Table("ACT_HI_EXT_TASK_LOG", OF_INSTANCE, List.of("ERROR_MSG_"), List.of("ERROR_DETAILS_ID_"), null,
          false),
      new Table("ACT_HI_PROCINST", OF_INSTANCE, List.of("DELETE_REASON_"), List.of(), null, false));

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcTemplate jdbc;

  ProcessDataRedaction(RuntimeService runtime, TaskService tasks, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  /** @return how many stored values were rewritten */
  @Transactional(propagation = Propagation.REQUIRED)
  public int redact(String processInstanceId, Collection<String> personal) {
    if (processInstanceId == null || PersonalData.usable(personal).isEmpty()) {
      return 0;
    }
    int count = 0;
    List<VariableInstance> running = runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
        .disableCustomObjectDeserialization().list();
    for (VariableInstance v : running) {
      TypedValue redacted = redacted(v.getTypedValue(), personal);
      if (redacted != null) {
        if (v.getTaskId() != null) {
          tasks.setVariableLocal(v.getTaskId(), v.getName(), redacted);
        } else {
          runtime.setVariableLocal(v.getExecutionId(), v.getName(), redacted);
        }
        count++;
      }
    }
    Set<String> byteArrays = new LinkedHashSet<>();
    for (Table t : TABLES) {
      count += rewrite(t, processInstanceId, personal, byteArrays);
    }
    // Byte arrays written for the instance that no listed row points at (the engine tags them with the root).
    byteArrays.addAll(jdbc.queryForList("SELECT ID_ FROM ACT_GE_BYTEARRAY WHERE ROOT_PROC_INST_ID_ = ?",
        String.class, processInstanceId));
    for (String id : byteArrays) {
      count += rewriteByteArray(id, personal);
    }
    return count;
  }

  /** The value without the person, or null when it does not mention them (or holds no text at all). */
  static TypedValue redacted(TypedValue value, Collection<String> personal) {
    if (value instanceof StringValue s) {
      return PersonalData.mentions(s.getValue(), personal)
          ? Variables.stringValue(PersonalData.redact(s.getValue(), personal), s.isTransient()) : null;
    }
    if (value instanceof BytesValue b) {
      return PersonalData.mentions(b.getValue(), personal)
          ? Variables.byteArrayValue(PersonalData.redact(b.getValue(), personal)) : null;
    }
    if (value instanceof FileValue f) {
      byte[] bytes;
      try (java.io.InputStream in = f.getValue()) {
        bytes = in == null ? new byte[0] : in.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (!PersonalData.mentions(bytes, personal) && !PersonalData.mentions(f.getFilename(), personal)) {
        return null;
      }
      return Variables.fileValue(PersonalData.redact(f.getFilename(), personal))
          .file(PersonalData.redact(bytes, personal)).mimeType(f.getMimeType()).encoding(f.getEncoding()).create();
    }
    if (value instanceof SerializableValue s && s.getValueSerialized() != null) {
      String serialized = s.getValueSerialized();
      String format = s.getSerializationDataFormat() == null ? "" : s.getSerializationDataFormat();
      String type = value.getType() == null ? "" : value.getType().getName();
      if (format.contains("json") || format.contains("xml")) {
        if (!PersonalData.mentions(serialized, personal)) {
          return null;
        }
        // JSON and XML stay valid with the marker in place of a value inside a string.
        String text = PersonalData.redact(serialized, personal);
        return switch (type) {
          case "json" -> SpinValues.jsonValue(text).create();
          case "xml" -> SpinValues.xmlValue(text).create();
          default -> Variables.serializedObjectValue(text).serializationDataFormat(format)
              .objectTypeName(value instanceof ObjectValue o ? o.getObjectTypeName() : null).create();
        };
      }
      // A Java-serialized object cannot be edited and kept readable: the marker replaces it.
      byte[] bytes = decodeBase64(serialized);
      return PersonalData.mentions(bytes != null ? new String(bytes, StandardCharsets.UTF_8) : serialized, personal)
          ? Variables.stringValue(PersonalData.ERASED) : null;
    }
    return null;
  }

  private static byte[] decodeBase64(String s) {
    try {
      return Base64.getMimeDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Rewrites the text columns of one table's rows of the instance that mention the person. */
  private int rewrite(Table t, String processInstanceId, Collection<String> personal, Set<String> byteArrays) {
    List<String> read = new ArrayList<>(t.text());
    if (t.inlineBytes() != null) {
      read.add(t.inlineBytes());
    }
    read.addAll(t.byteArrayIds());
    String select = "SELECT ID_, " + String.join(", ", read) + " FROM " + t.name() + " WHERE " + t.rowsOfInstance();
    List<String> set = new ArrayList<>(t.text());
    if (t.inlineBytes() != null) {
      set.add(t.inlineBytes());
    }
    String update = "UPDATE " + t.name() + " SET " + String.join(" = ?, ", set) + " = ?"
        + (t.revision() ? ", REV_ = REV_ + 1" : "") + " WHERE ID_ = ?";
    Object[] ids = new Object[(int) t.rowsOfInstance().chars().filter(c -> c == '?').count()];
    java.util.Arrays.fill(ids, processInstanceId);
    List<Object[]> updates = new ArrayList<>();
    jdbc.query(select, rs -> {
      Object[] args = new Object[set.size() + 1];
      boolean changed = false;
      int i = 0;
      for (String column : t.text()) {
        String before = rs.getString(column);
        String after = PersonalData.redact(before, personal);
        changed |= !Objects.equals(before, after);
        args[i++] = after;
      }
      if (t.inlineBytes() != null) {
        byte[] before = rs.getBytes(t.inlineBytes());
        byte[] after = PersonalData.redact(before, personal);
        changed |= before != after;
        args[i++] = after;
      }
      for (String column : t.byteArrayIds()) {
        String id = rs.getString(column);
        if (id != null) {
          byteArrays.add(id);
        }
      }
      if (changed) {
        args[i] = rs.getString("ID_");
        updates.add(args);
      }
    }, ids);
    int count = 0;
    for (Object[] args : updates) {
      count += jdbc.update(update, args);
    }
    return count;
  }

  private int rewriteByteArray(String id, Collection<String> personal) {
    List<byte[]> found = jdbc.query("SELECT BYTES_ FROM ACT_GE_BYTEARRAY WHERE ID_ = ?",
        (rs, n) -> rs.getBytes(1), id);
    if (found.isEmpty() || !PersonalData.mentions(found.get(0), personal)) {
      return 0;
    }
    return jdbc.update("UPDATE ACT_GE_BYTEARRAY SET BYTES_ = ?, REV_ = REV_ + 1 WHERE ID_ = ?",
        PersonalData.redact(found.get(0), personal), id);
  }
}
