package vn.govflow.signing;

/**
 * An RFC 3161 time-stamping authority. Every signature GovFlow makes carries a signature timestamp (PAdES B-T), so
 * verification can rely on a time a third party vouches for rather than the one the signer claims. The default is
 * an embedded TSA whose certificate the demo CA issues ({@link EmbeddedTimeStampAuthority}); with
 * {@code govflow.signing.tsa-url} set, a real TSA over HTTP ({@link HttpTimeStamping}).
 */
public interface TimeStamping {
  /**
   * A time-stamp token (DER-encoded CMS SignedData, RFC 3161 §2.4.2) whose message imprint is the given SHA-256
   * digest; refused (SigningRefused) when the authority cannot be reached or answers badly.
   */
  byte[] stamp(byte[] sha256);
}
