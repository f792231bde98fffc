package vn.govflow.sla;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the running cases of one process stand for one agency, at {@code generatedAt}. Dates are in the
 * calendar's zone (+07:00). {@code dueSoonUntil} is the end of the next working day: the due-soon limit used.
 */
public record SlaReport(
    String processKey,
    String processName,
    String agency,
    String agencyName,
    OffsetDateTime generatedAt,
    OffsetDateTime dueSoonUntil,
    SlaCounts totals,
    List<DepartmentLine> byDepartment,
    List<HandlerLine> byHandler,
    List<OverdueCase> overdue) {

  /** Counts for one lead department; {@code id} null means not yet assigned. */
  public record DepartmentLine(String id, String name, String nameEn, SlaCounts counts) {}

  /** Counts for one lead handler; {@code username} null means not yet assigned. */
  public record HandlerLine(String username, String fullName, SlaCounts counts) {}

  /** One overdue case and who holds it now. */
  public record OverdueCase(
      String processInstanceId,
      String businessKey,
      String title,
      OffsetDateTime dueAt,
      double workingDaysOverdue,
      String leadHandler,
      String leadHandlerName,
      String leadDepartment,
      String leadDepartmentName,
      List<Holder> holders) {}

  /** Who holds a case: the assignee of an open task ({@code USER}), or its candidate group when unassigned. */
  public record Holder(String type, String id, String name) {
    public static final String USER = "USER";
    public static final String GROUP = "GROUP";
  }
}
