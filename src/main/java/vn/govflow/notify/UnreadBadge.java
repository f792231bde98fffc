package vn.govflow.notify;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.govflow.identity.CurrentUserProvider;

/** The unread count in every signed-in page's header, so people see new work without opening the list. */
@ControllerAdvice(annotations = Controller.class)
class UnreadBadge {
  private final NotificationService notifications;
  private final CurrentUserProvider users;

  UnreadBadge(NotificationService notifications, CurrentUserProvider users) {
    this.notifications = notifications;
    this.users = users;
  }

  @ModelAttribute("unreadNotifications")
  Integer unread() {
    return users.current().map(u -> notifications.countUnread(u.username())).orElse(0);
  }
}
