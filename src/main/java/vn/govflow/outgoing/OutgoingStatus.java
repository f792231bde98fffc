package vn.govflow.outgoing;

/** Where an outgoing document stands, from the first draft to its recall. */
public enum OutgoingStatus {
  /** The handler writes the draft (and after a return). */
  DRAFTING,
  /** Opinions are asked on a version (optional consultation). */
  CONSULTING,
  /** In the review and signing chain. */
  IN_REVIEW,
  /** The competent person has signed the PDF; waiting for the clerk. */
  SIGNED,
  /** The clerk has taken the number, placed it with the date and added the agency signature. */
  NUMBERED,
  /** Sent to every recipient. */
  ISSUED,
  /** Recalled: frozen, gone from every recipient's register (Art 18.4, App VI §III.8). */
  RECALLED,
  /** Replaced by another document of the same form (Art 18.3). */
  REPLACED,
  /** Dropped before signing by its drafter. */
  CANCELLED
}
