package vn.govflow.portal;

import java.time.OffsetDateTime;

/** A stored question; personal data stays here and never reaches a public page. */
public record PortalQuestion(String id, String trackingCode, String askerType, String fullName, String nationality,
                             String occupation, String address, String organisationName,
                             String representativePosition, String establishmentDecision, String headOfficeAddress,
                             String email, String phone, String field, String agencyCode, String question,
                             boolean consent, boolean foreigner, OffsetDateTime receivedAt, OffsetDateTime dueAt,
                             String status, @com.fasterxml.jackson.annotation.JsonIgnore String clientIp,
                             OffsetDateTime anonymisedAt) {}
