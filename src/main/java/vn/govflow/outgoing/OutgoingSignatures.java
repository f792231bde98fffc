package vn.govflow.outgoing;

/**
 * What the signing step needs of the signing module (vn.govflow.signing.DocumentSigning, adapted in
 * {@link OutgoingSigningAdapter}): the personal signature, and the check of a PDF signed outside GovFlow.
 */
interface OutgoingSignatures {
  byte[] signPersonal(byte[] pdf, String username, String capacity);

  /** What verification says of an uploaded PDF. */
  Verdict verify(byte[] pdf);

  /**
   * @param signed        the PDF carries at least one signature
   * @param valid         every signature verified (integrity, chain, validity at signing time, revocation)
   * @param personalUsers the usernames (or names) behind the valid personal signatures
   * @param problem       the first failed check, in Vietnamese and English, when not valid
   */
  record Verdict(boolean signed, boolean valid, java.util.List<String> personalUsers, String problemVi,
                 String problemEn) {}
}
