package vn.govflow.sla;

import java.time.OffsetDateTime;

/**
 * Cases of one process and agency that ended in [{@code from}, {@code to}): on time when they ended at or before
 * their {@code dueAt}, late after it, without deadline when they never had one.
 */
public record CompletedReport(String processKey, String agency, OffsetDateTime from, OffsetDateTime to,
                              int onTime, int late, int noDeadline, int total) {}
