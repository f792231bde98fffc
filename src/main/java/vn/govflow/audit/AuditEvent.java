package vn.govflow.audit;

import java.time.OffsetDateTime;

public record AuditEvent(Long id, OffsetDateTime occurredAt, String actor, String onBehalfOf, String agencyCode,
                         String action, String objectType, String objectId, String outcome, String detail,
                         String clientIp, String userAgent) {}
