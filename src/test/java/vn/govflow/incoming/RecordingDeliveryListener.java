package vn.govflow.incoming;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import vn.govflow.documents.DeliveryStatus;
import vn.govflow.documents.DeliveryStatusListener;

/**
 * A listener as the outgoing documents will be one: found by the application's own component scan (test classes
 * are on its class path), so it joins the shared test contexts without making a new one. Records what it heard.
 */
@Component
class RecordingDeliveryListener implements DeliveryStatusListener {
  private final Map<String, List<String>> heard = new ConcurrentHashMap<>();

  @Override
  public void statusChanged(String dispatchId, DeliveryStatus status, String note, java.time.OffsetDateTime at) {
    heard.computeIfAbsent(dispatchId, k -> new CopyOnWriteArrayList<>()).add(status.code() + (note == null ? "" : " " + note));
  }

  List<String> codes(String dispatchId) {
    return heard.getOrDefault(dispatchId, List.of()).stream().map(s -> s.substring(0, 2)).toList();
  }

  List<String> heard(String dispatchId) {
    return List.copyOf(heard.getOrDefault(dispatchId, List.of()));
  }
}
