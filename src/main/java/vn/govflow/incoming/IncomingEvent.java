package vn.govflow.incoming;

import java.time.OffsetDateTime;

/** One line of the phiếu giải quyết: a step, who took it, when, and what they wrote. */
public record IncomingEvent(Long id, String documentId, OffsetDateTime occurredAt, String actor, String onBehalfOf,
                            String step, String comment) {}
