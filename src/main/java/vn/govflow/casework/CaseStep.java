package vn.govflow.casework;

import java.time.OffsetDateTime;

/**
 * One stored step of a case's history (the phiếu giải quyết): which case, when, who (null: the system), on whose
 * behalf, which step (a code the subsystem's messages put into words) and the comment.
 */
public record CaseStep(long id, String caseId, OffsetDateTime occurredAt, String actor, String onBehalfOf,
                       String step, String comment) {}
