package vn.govflow.notify;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** The person's notifications page: newest first, unread ones marked; opening one marks it read. */
@Controller
class NotificationPageController {
  private final NotificationService notifications;
  private final CurrentUserProvider users;
  private final ZoneId zone;

  NotificationPageController(NotificationService notifications, CurrentUserProvider users,
                             @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.notifications = notifications;
    this.users = users;
    this.zone = ZoneId.of(zone);
  }

  /** One line of the page, already in the reader's language and local time. */
  record Item(long id, String kind, String subject, String body, String link, LocalDateTime created, boolean read) {}

  @GetMapping("/notifications")
  String page(Model model, Locale locale) {
    CurrentUser me = users.require();
    boolean english = "en".equals(locale.getLanguage());
    List<Item> items = notifications.list(me.username(), false).stream()
        .map(n -> new Item(n.id(), n.kind(), n.subject(english), n.body(english), n.link(),
            n.createdAt().atZoneSameInstant(zone).toLocalDateTime(), n.read()))
        .toList();
    model.addAttribute("me", me);
    model.addAttribute("notifications", items);
    model.addAttribute("unreadCount", items.stream().filter(i -> !i.read()).count());
    return "notifications";
  }

  /** Marks read and goes to the case; the link was checked to be a path inside GovFlow when stored. */
  @PostMapping("/notifications/{id}/open")
  RedirectView open(@PathVariable String id) {
    String me = users.require().username();
    long key = NotificationApiController.parseId(id);
    Notification n = notifications.find(me, key).orElseThrow(UserError::notFound);
    notifications.markRead(me, key);
    RedirectView to = new RedirectView(n.link() == null ? "/notifications" : n.link(), true);
    to.setExpandUriTemplateVariables(false);
    return to;
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable String id) {
    if (!notifications.markRead(users.require().username(), NotificationApiController.parseId(id))) {
      throw UserError.notFound();
    }
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  String readAll() {
    notifications.markAllRead(users.require().username());
    return "redirect:/notifications";
  }
}
