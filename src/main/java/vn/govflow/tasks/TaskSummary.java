package vn.govflow.tasks;

import java.time.OffsetDateTime;

/** One line of a person's task list, with the deadline state the inbox shows as a badge. */
public record TaskSummary(String id, String name, String processDefinitionKey, String processName,
                          String businessKey, String processInstanceId, String title, String urgency,
                          String assignee, OffsetDateTime created, OffsetDateTime due, String dueState) {
  /** Hỏa tốc, thượng khẩn and khẩn go to the front of every list (Decree 30/2020 Art 4.2c, 23.1, 24.2). */
  public boolean urgent() {
    return vn.govflow.casework.Urgency.byCode(urgency).map(vn.govflow.casework.Urgency::urgent).orElse(false);
  }

  public static final String OVERDUE = "OVERDUE";
  public static final String DUE_SOON = "DUE_SOON";
  public static final String ON_TIME = "ON_TIME";
  public static final String NO_DEADLINE = "NO_DEADLINE";
}
