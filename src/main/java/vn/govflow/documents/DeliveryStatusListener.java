package vn.govflow.documents;

import java.time.OffsetDateTime;

/**
 * Hears where a dispatch stands at its recipient (implemented by the outgoing documents). The receiving side
 * calls it as its clerk and leaders act: received, refused with a reason, assigned, in progress, done.
 */
public interface DeliveryStatusListener {
  void statusChanged(String dispatchId, DeliveryStatus status, String note, OffsetDateTime at);
}
