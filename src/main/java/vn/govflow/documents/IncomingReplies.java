package vn.govflow.documents;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An outgoing document drafted "in reply to" an incoming one (issue #9 item 1), implemented by the incoming
 * documents: the drafter picks the incoming document, and its handling records the answer when the reply is issued.
 */
public interface IncomingReplies {
  /** The incoming document as the drafter's agency sees it, or empty (unknown, or another agency's). */
  Optional<ReplyTarget> target(String incomingId, String agencyCode);

  /** The reply was issued: the incoming document shows it and its handling records it as answered. */
  void answered(String incomingId, String agencyCode, String numberSymbol, LocalDate date, String outgoingId);

  /** What the drafter sees of the document answered. */
  record ReplyTarget(String id, long arrivalNumber, String numberSymbol, String senderName, String summary) {}
}
