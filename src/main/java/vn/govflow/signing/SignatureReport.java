package vn.govflow.signing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What verification found, per Circular 15/2025 (domain.md §7): valid or not, and per signature the signer,
 * the certificate (issuer, serial, validity), the signing time, integrity, the chain to a trusted root, validity at
 * signing time, revocation and what part of the document the signature covers, each check with a Vietnamese and
 * an English line.
 *
 * @param valid     every signature is valid
 * @param revisions incremental revisions of the file (each signature or later change adds one)
 */
public record SignatureReport(boolean valid, int revisions, List<Signature> signatures) {

  public enum Kind { PERSONAL, AGENCY }

  public enum Revocation { GOOD, REVOKED, UNKNOWN }

  /** Changes made after a signature: none, only those its DocMDP level permits, or others (invalid). */
  public enum LaterChanges { NONE, ALLOWED, DISALLOWED }

  /** One check and its line in Vietnamese and English. */
  public record Check(String check, boolean ok, String vi, String en) {}

  /**
   * @param coversRevision      the revision (1-based) this signature covers the document up to
   * @param revocationReason    why the status is UNKNOWN ("not reachable", "no distribution point"), or the CRL's
   *                            reason for REVOKED; null when GOOD
   * @param laterChangesDetail  what was changed after the signature (English, short), null when none
   */
  public record Signature(
      String field,
      Kind kind,
      boolean valid,
      String signerName,
      String organisation,
      String agencyCode,
      String username,
      String issuer,
      String serial,
      OffsetDateTime certificateValidFrom,
      OffsetDateTime certificateValidTo,
      OffsetDateTime signingTime,
      boolean integrity,
      boolean chainTrusted,
      boolean validAtSigningTime,
      Revocation revocation,
      String revocationReason,
      OffsetDateTime revokedAt,
      int coversRevision,
      boolean coversWholeDocument,
      LaterChanges laterChanges,
      String laterChangesDetail,
      Integer docMdpPermission,
      List<Check> checks) {}

  /** The valid personal signatures, in signing order. */
  public List<Signature> validOf(Kind kind) {
    return signatures.stream().filter(s -> s.kind() == kind && s.valid()).toList();
  }
}
