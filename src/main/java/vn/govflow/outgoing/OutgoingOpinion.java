package vn.govflow.outgoing;

import java.time.OffsetDateTime;

/** An opinion asked on one version of the draft, and given or not yet (table out_opinion). */
public record OutgoingOpinion(String documentId, int position, int versionNo, String kind, String askedOf,
                              String askedBy, OffsetDateTime askedAt, String givenBy, OffsetDateTime givenAt,
                              String opinion) {
  public static final String PERSON = "PERSON";
  public static final String DEPARTMENT = "DEPARTMENT";
  public static final String AGENCY = "AGENCY";
}
