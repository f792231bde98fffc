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

  /**
   * The overall result of one signature: VALID, INVALID (a check failed), or INDETERMINATE ("chưa xác định"): no
   * check failed, but the revocation status of a certificate of its chain could not be established, neither online
   * nor from the validation data stored in the file (decisions.md). Only VALID counts as valid.
   */
  public enum Status { VALID, INVALID, INDETERMINATE }

  /**
   * Where the revocation status came from: the running GovFlow's own demo CA, the CA's OCSP responder or CRL over the
   * network, the validation data stored in the PDF at signing time (its DSS, PAdES B-LT), or nowhere.
   */
  public enum RevocationSource { LOCAL_CA, ONLINE, STORED, NONE }

  /**
   * The signature timestamp (RFC 3161 token over the signature value, PAdES B-T).
   *
   * @param time      the time the authority vouches for (Vietnam time)
   * @param authority the authority's name (CN of its certificate)
   * @param valid     the token verifies, its imprint matches the signature, its certificate is a TSA's and chains to
   *                  a trusted root
   * @param problem   why it is not valid (English, short), null when valid
   */
  public record Timestamp(OffsetDateTime time, String authority, boolean valid, String problem) {}

  /** Changes made after a signature: none, only those its DocMDP level permits, or others (invalid). */
  public enum LaterChanges { NONE, ALLOWED, DISALLOWED }

  /** One check and its line in Vietnamese and English. */
  public record Check(String check, boolean ok, String vi, String en) {}

  /**
   * @param signingTime         the time the signature claims (/M); validity is judged at the timestamp's time
   *                            when the signature has a valid one
   * @param timestamp           its signature timestamp, null when it has none
   * @param coversRevision      the revision (1-based) this signature covers the document up to
   * @param revocationReason    why the status is UNKNOWN ("not reachable", "no distribution point"), or the CRL's
   *                            reason for REVOKED; null when GOOD
   * @param laterChangesDetail  what was changed after the signature (English, short), null when none
   */
  public record Signature(
      String field,
      Kind kind,
      boolean valid,
      Status status,
      String signerName,
      String organisation,
      String agencyCode,
      String username,
      String issuer,
      String serial,
      OffsetDateTime certificateValidFrom,
      OffsetDateTime certificateValidTo,
      OffsetDateTime signingTime,
      Timestamp timestamp,
      boolean integrity,
      boolean chainTrusted,
      boolean validAtSigningTime,
      Revocation revocation,
      String revocationReason,
      OffsetDateTime revokedAt,
      RevocationSource revocationSource,
      int coversRevision,
      boolean coversWholeDocument,
      LaterChanges laterChanges,
      String laterChangesDetail,
      Integer docMdpPermission,
      List<Check> checks) {}

  /**
   * Not valid only because a revocation status could not be established: no signature is INVALID and at least one
   * is INDETERMINATE. A recipient does not accept such a file (decisions.md).
   */
  public boolean indeterminate() {
    return !valid && signatures.stream().noneMatch(s -> s.status() == Status.INVALID)
        && signatures.stream().anyMatch(s -> s.status() == Status.INDETERMINATE);
  }

  /** The valid personal signatures, in signing order. */
  public List<Signature> validOf(Kind kind) {
    return signatures.stream().filter(s -> s.kind() == kind && s.valid()).toList();
  }
}
