package vn.govflow.tasks;

import java.time.OffsetDateTime;

/** One line of a person's task list, with the deadline state the inbox shows as a badge. */
public record TaskSummary(String id, String name, String processDefinitionKey, String processName,
                          String businessKey, String assignee, OffsetDateTime created, OffsetDateTime due,
                          String dueState, String formKey) {
  public static final String OVERDUE = "OVERDUE";
  public static final String DUE_SOON = "DUE_SOON";
  public static final String ON_TIME = "ON_TIME";
  public static final String NO_DEADLINE = "NO_DEADLINE";
}
