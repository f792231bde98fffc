package vn.govflow.portal;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.govflow.files.FileController;
import vn.govflow.files.FileService;
import vn.govflow.identity.CurrentUserProvider;

/**
 * The staff side of a portal question (signed in; outside the public /portal paths): the full question, the
 * asker's details and files, where it is and what happened to it. Linked from every portal task.
 */
@Controller
class PortalStaffController {
  private final StaffQuestions portal;
  private final FileService files;
  private final CurrentUserProvider users;
  private final PublishedVersions published;

  PortalStaffController(StaffQuestions portal, FileService files, CurrentUserProvider users,
                        PublishedVersions published) {
    this.published = published;
    this.portal = portal;
    this.files = files;
    this.users = users;
  }

  @GetMapping("/questions")
  String list(@org.springframework.web.bind.annotation.RequestParam(required = false) String q,
              @org.springframework.web.bind.annotation.RequestParam(required = false) String state, Model model) {
    model.addAttribute("rows", portal.staffList(users.require(), q, state));
    model.addAttribute("q", q);
    model.addAttribute("state", state);
    return "portal/staff-questions";
  }

  @GetMapping("/questions/{id}")
  String page(@PathVariable String id, Model model) {
    var me = users.require();
    model.addAttribute("v", portal.staffView(id, me));
    // The published version beside the original (issue #13 item 16); editors may change it.
    model.addAttribute("publication", published.of(id));
    model.addAttribute("canEditPublication", me.hasRole(vn.govflow.identity.Roles.PORTAL_EDITOR));
    return "portal/staff-question";
  }

  @GetMapping("/api/v1/questions/{id}")
  @ResponseBody
  StaffQuestions.StaffView api(@PathVariable String id) {
    return portal.staffView(id, users.require());
  }

  @GetMapping("/questions/{id}/files/{fileId}")
  ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String fileId,
                                @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false")
                                boolean inline) {
    return FileController.serve(files, portal.attachment(id, fileId, users.require()), inline);
  }
}
