package vn.govflow.casework;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.govflow.identity.CurrentUserProvider;

/** The registered case types' links in every signed-in page's header (the layout iterates, naming none). */
@ControllerAdvice(annotations = Controller.class)
class CaseNavigation {
  private final CaseTypes types;
  private final CurrentUserProvider users;

  CaseNavigation(CaseTypes types, CurrentUserProvider users) {
    this.types = types;
    this.users = users;
  }

  /** What the header shows: element id, path and label in the page's language. */
  public record Link(String id, String path, String label) {}

  @ModelAttribute("caseNavigation")
  List<Link> navigation(Locale locale) {
    boolean english = "en".equals(locale.getLanguage());
    return users.current().map(u -> types.navigationFor(u).stream()
        .map(e -> new Link(e.id(), e.path(), e.label(english))).toList()).orElse(List.of());
  }
}
