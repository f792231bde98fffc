package vn.govflow.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries failed notification e-mails again every few minutes (at most {@link NotificationService#MAX_ATTEMPTS}
 * times, for two days). One scheduler thread, so two sweeps never send the same e-mail at once.
 */
@Component
class NotificationResend {
  private static final Logger log = LoggerFactory.getLogger(NotificationResend.class);
  private final NotificationService notifications;

  NotificationResend(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${govflow.notify.resend-every:PT10M}")
  void resend() {
    try {
      int tried = notifications.resendFailed();
      if (tried > 0) {
        log.info("Notification e-mails tried again: {}", tried);
      }
    } catch (RuntimeException e) {
      log.warn("Trying notification e-mails again failed; next round later", e);
    }
  }
}
