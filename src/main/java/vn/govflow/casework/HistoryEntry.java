package vn.govflow.casework;

import java.time.OffsetDateTime;

/**
 * One line of a case's history (the phiếu giải quyết) as every case page shows it through the one history
 * fragment ({@code fragments/history :: table}): when, who (null: the system), on whose behalf, which step (a
 * code the page turns into words with the subsystem's message prefix) and the comment.
 */
public record HistoryEntry(OffsetDateTime occurredAt, String actorName, String onBehalfOfName, String step,
                           String comment) {}
