package vn.govflow.notify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUserProvider;

/**
 * The caller's own notifications. Another person's notification answers 404 exactly like an unknown id.
 * Reading is not audited: marking read changes nothing but the reader's own list.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {
  private final NotificationService notifications;
  private final CurrentUserProvider users;

  NotificationApiController(NotificationService notifications, CurrentUserProvider users) {
    this.notifications = notifications;
    this.users = users;
  }

  @GetMapping
  List<NotificationView> list(@RequestParam(defaultValue = "false") boolean unread, Locale locale) {
    boolean english = "en".equals(locale.getLanguage());
    return notifications.list(users.require().username(), unread).stream()
        .map(n -> NotificationView.of(n, english)).toList();
  }

  @PostMapping("/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(@PathVariable String id) {
    String me = users.require().username();
    if (!notifications.markRead(me, parseId(id))) {
      throw UserError.notFound();
    }
  }

  @PostMapping("/read-all")
  Map<String, Integer> readAll() {
    return Map.of("marked", notifications.markAllRead(users.require().username()));
  }

  /** A malformed id is just another id that is not yours. */
  static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw UserError.notFound();
    }
  }
}
