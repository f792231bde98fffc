package vn.govflow.incoming;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.govflow.documents.DeliveryStatus;
import vn.govflow.documents.DeliveryStatusListener;

/**
 * Tells the sender where a dispatch stands here (issue #9 item 5; domain.md §2): each status is kept in
 * inc_inbox_status (what the clerk sees was reported) and handed to every {@link DeliveryStatusListener} in the
 * caller's transaction. Documents registered by hand have no dispatch and report nothing.
 */
@Component
class ExchangeStatuses {
  private final ExchangeMapper mapper;
  private final List<DeliveryStatusListener> listeners;
  private final Clock clock;

  ExchangeStatuses(ExchangeMapper mapper, List<DeliveryStatusListener> listeners,
                   @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.listeners = listeners;
    this.clock = Clock.system(ZoneId.of(zone));
  }

  void report(String dispatchId, DeliveryStatus status, String note) {
    OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    mapper.insertStatus(dispatchId, status.code(), note == null ? null : Text.cut(note, 1000), at);
    for (DeliveryStatusListener l : listeners) {
      l.statusChanged(dispatchId, status, note, at);
    }
  }

  /**
   * A step of the handling of an incoming document: reported when the document came from a dispatch and the
   * status differs from the last one reported (a reassignment reports 04 again after 05, a repeated step does not).
   */
  void forDocument(String documentId, DeliveryStatus status, String note) {
    String dispatchId = mapper.dispatchOf(documentId);
    if (dispatchId != null && !status.code().equals(mapper.lastStatus(dispatchId))) {
      report(dispatchId, status, note);
    }
  }

  /** The document came from another agency of this instance: its receipt notice is the status itself. */
  boolean fromDispatch(String documentId) {
    return mapper.dispatchOf(documentId) != null;
  }

  /** Registration from the inbox: the document knows its dispatch before its process starts, then 03 is reported. */
  void registered(String documentId, String dispatchId, long arrivalNumber, int year) {
    mapper.linkDocument(documentId, dispatchId);
    report(dispatchId, DeliveryStatus.RECEIVED, "Số đến " + arrivalNumber + "/" + year);
  }
}
