package vn.govflow.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.govflow.identity.CurrentUserProvider;

/** A portal editor saves the published version of a question (issue #13 item 16), from its staff page or the API. */
@Controller
class PublicationController {
  private final PublishedVersions published;
  private final CurrentUserProvider users;

  PublicationController(PublishedVersions published, CurrentUserProvider users) {
    this.published = published;
    this.users = users;
  }

  @PostMapping("/questions/{id}/publication")
  String save(@PathVariable String id, @RequestParam(required = false) String question,
              @RequestParam(required = false) String answer, @RequestParam(required = false) String answerEn) {
    published.edit(id, users.require(), question, answer, answerEn);
    return "redirect:/questions/" + id + "?published#q-publication";
  }

  /** JSON: question, answer, answerEn (the answers only once there is one). */
  record Edit(String question, String answer, String answerEn) {}

  @PutMapping("/api/v1/questions/{id}/publication")
  @ResponseBody
  PublishedVersions.View put(@PathVariable String id, @RequestBody Edit edit) {
    return published.edit(id, users.require(), edit.question(), edit.answer(), edit.answerEn());
  }
}
