package vn.govflow.portal;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A stored question; personal data stays here and never reaches a public page. */
public record PortalQuestion(String id, String trackingCode, String askerType, String fullName, String nationality,
                             String occupation, String address, String organisationName,
                             String representativePosition, String establishmentDecision, String headOfficeAddress,
                             String email, String phone, String field, String agencyCode, String question,
                             boolean consent, boolean foreigner, OffsetDateTime receivedAt, OffsetDateTime dueAt,
                             String status, @com.fasterxml.jackson.annotation.JsonIgnore String clientIp,
                             OffsetDateTime anonymisedAt) {

  /** The same question with its times in the zone (PostgreSQL gives timestamptz back in UTC, H2 as stored). */
  public PortalQuestion inZone(ZoneId zone) {
    return new PortalQuestion(id, trackingCode, askerType, fullName, nationality, occupation, address,
        organisationName, representativePosition, establishmentDecision, headOfficeAddress, email, phone, field,
        agencyCode, question, consent, foreigner, at(receivedAt, zone), at(dueAt, zone), status, clientIp,
        at(anonymisedAt, zone));
  }

  static OffsetDateTime at(OffsetDateTime t, ZoneId zone) {
    return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
