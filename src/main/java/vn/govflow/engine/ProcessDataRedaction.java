package vn.govflow.engine;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.common.PersonalData;

/**
 * Erases a person's identifying values from everything the engine keeps of one process instance: its running
 * variables (through the engine's API, so its caches and history stay coherent), and the history it has
 * already written (variable instances and every earlier value in ACT_HI_DETAIL, task names and descriptions,
 * comments, the operation log). The engine has no API to rewrite history, hence the SQL, kept to these
 * columns; rows stay (that a variable was set, when, by whom), their text loses the person.
 */
@Service
public class ProcessDataRedaction {
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
      // Only string values can hold a name; objects (JSON) stay serialized and are not read here.
      String text = v.getTypedValue() instanceof StringValue s ? s.getValue() : null;
      if (text != null && PersonalData.mentions(text, personal)) {
        String redacted = PersonalData.redact(text, personal);
        if (v.getTaskId() != null) {
          tasks.setVariableLocal(v.getTaskId(), v.getName(), redacted);
        } else {
          runtime.setVariableLocal(v.getExecutionId(), v.getName(), redacted);
        }
        count++;
      }
    }
    count += rewrite("ACT_HI_VARINST", processInstanceId, personal, "TEXT_", "TEXT2_");
    count += rewrite("ACT_HI_DETAIL", processInstanceId, personal, "TEXT_", "TEXT2_");
    count += rewrite("ACT_HI_TASKINST", processInstanceId, personal, "NAME_", "DESCRIPTION_");
    count += rewrite("ACT_RU_TASK", processInstanceId, personal, "NAME_", "DESCRIPTION_");
    count += rewrite("ACT_HI_OP_LOG", processInstanceId, personal, "ORG_VALUE_", "NEW_VALUE_");
    count += rewrite("ACT_HI_COMMENT", processInstanceId, personal, "MESSAGE_");
    count += rewriteFullComments(processInstanceId, personal);
    return count;
  }

  /** Rewrites the text columns of one table's rows of the instance that mention the person. */
  private int rewrite(String table, String processInstanceId, Collection<String> personal, String... columns) {
    String select = "SELECT ID_, " + String.join(", ", columns) + " FROM " + table + " WHERE PROC_INST_ID_ = ?";
    String update = "UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ? WHERE ID_ = ?";
    int count = 0;
    for (Map<String, Object> row : jdbc.queryForList(select, processInstanceId)) {
      Object[] args = new Object[columns.length + 1];
      boolean changed = false;
      for (int i = 0; i < columns.length; i++) {
        String before = (String) value(row, columns[i]);
        String after = PersonalData.redact(before, personal);
        changed |= !Objects.equals(before, after);
        args[i] = after;
      }
      if (changed) {
        args[columns.length] = value(row, "ID_");
        count += jdbc.update(update, args);
      }
    }
    return count;
  }

  /** A comment's full text is a byte array column. */
  private int rewriteFullComments(String processInstanceId, Collection<String> personal) {
    int count = 0;
    for (Map<String, Object> row : jdbc.queryForList(
        "SELECT ID_, FULL_MSG_ FROM ACT_HI_COMMENT WHERE PROC_INST_ID_ = ?", processInstanceId)) {
      if (value(row, "FULL_MSG_") instanceof byte[] bytes) {
        String before = new String(bytes, StandardCharsets.UTF_8);
        String after = PersonalData.redact(before, personal);
        if (!before.equals(after)) {
          count += jdbc.update("UPDATE ACT_HI_COMMENT SET FULL_MSG_ = ? WHERE ID_ = ?",
              after.getBytes(StandardCharsets.UTF_8), value(row, "ID_"));
        }
      }
    }
    return count;
  }

  /** Column labels come back upper-case on H2 and lower-case on PostgreSQL. */
  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null || row.containsKey(column) ? v : row.get(column.toLowerCase(java.util.Locale.ROOT));
  }
}
