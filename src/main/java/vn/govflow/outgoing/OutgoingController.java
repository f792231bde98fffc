package vn.govflow.outgoing;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.CaseStep;
import vn.govflow.common.error.UserError;
import vn.govflow.files.FileView;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/**
 * Outgoing drafts through the API (issue #9 items 1-3): create, versions, the final PDF, opinions, submission,
 * review actions and the signature. Another agency's document answers 404, as an unknown one does.
 */
@RestController
@RequestMapping("/api/v1/outgoing")
class OutgoingController {
  private final OutgoingDrafting drafting;
  private final CaseHistory history;
  private final CurrentUserProvider users;

  OutgoingController(OutgoingDrafting drafting, CaseHistory history, CurrentUserProvider users) {
    this.drafting = drafting;
    this.history = history;
    this.users = users;
  }

  record TaskView(String id, String step, String name, String assignee, java.util.Date due) {}

  record DocumentView(OutgoingDocument document, String typeName, List<OutgoingVersion> versions,
                      List<OutgoingOpinion> opinions, List<OutgoingRecipient> recipients,
                      List<OutgoingAppendix> appendices, OutgoingDraftMapper.LastReturn lastReturn,
                      List<TaskView> openSteps, List<CaseStep> history) {}

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentView> create(@RequestPart("document") OutgoingDrafting.DraftRequest document,
                                      @RequestPart(value = "draft", required = false) MultipartFile draft,
                                      @RequestPart(value = "appendices", required = false) List<MultipartFile> appendices) {
    CurrentUser me = users.require();
    OutgoingDocument d = drafting.create(document, upload(draft),
        appendices == null ? List.of() : appendices.stream().filter(p -> p.getOriginalFilename() != null)
            .map(OutgoingController::upload).toList(), me);
    return ResponseEntity.created(URI.create("/api/v1/outgoing/" + d.id())).body(view(d));
  }

  @GetMapping
  List<OutgoingDocument> list(@RequestParam(required = false) String status,
                              @RequestParam(defaultValue = "false") boolean mine) {
    return drafting.list(users.require(), status, mine);
  }

  @GetMapping("/{id}")
  DocumentView get(@PathVariable String id) {
    return view(drafting.find(id, users.require()).orElseThrow(UserError::notFound));
  }

  @GetMapping("/{id}/versions")
  List<OutgoingVersion> versions(@PathVariable String id) {
    return drafting.versions(drafting.find(id, users.require()).orElseThrow(UserError::notFound));
  }

  @PostMapping(value = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<OutgoingVersion> uploadVersion(@PathVariable String id,
                                                @RequestPart(value = "file", required = false) MultipartFile file,
                                                @RequestParam(required = false) String note) {
    OutgoingVersion v = drafting.uploadVersion(id, upload(file), note, users.require());
    return ResponseEntity.created(URI.create("/api/v1/outgoing/" + id + "/versions")).body(v);
  }

  /** The final PDF instead of a conversion; a signed one is verified before it is accepted. */
  @PostMapping(value = "/{id}/final-pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  FileView finalPdf(@PathVariable String id, @RequestPart(value = "file", required = false) MultipartFile file) {
    return FileView.of(drafting.uploadFinalPdf(id, upload(file), users.require()));
  }

  @GetMapping("/{id}/opinions")
  List<OutgoingOpinion> opinions(@PathVariable String id) {
    return drafting.opinions(drafting.find(id, users.require()).orElseThrow(UserError::notFound));
  }

  /** Asks opinions on the latest version: people and departments of the agency, other agencies of the province. */
  @PostMapping("/{id}/opinions")
  ResponseEntity<List<OutgoingOpinion>> ask(@PathVariable String id,
                                            @RequestBody(required = false) OutgoingDrafting.OpinionRequest body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(drafting.askOpinions(id, body, users.require()));
  }

  record OpinionBody(String opinion) {}

  /** A consultee gives the opinion asked of them (or of their department or agency). */
  @PostMapping("/{id}/opinion")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void giveOpinion(@PathVariable String id, @RequestBody(required = false) OpinionBody body) {
    drafting.giveOpinion(id, body == null ? null : body.opinion(), users.require());
  }

  @PostMapping("/{id}/submit")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void submit(@PathVariable String id) {
    drafting.submit(id, users.require());
  }

  record ReviewBody(String decision, String comment) {}

  /** approve (to the next level) or return (to the drafter, with a comment), at the step the caller holds. */
  @PostMapping("/{id}/review")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void review(@PathVariable String id, @RequestBody(required = false) ReviewBody body) {
    drafting.review(id, body == null ? null : body.decision(), body == null ? null : body.comment(), users.require());
  }

  @PostMapping("/{id}/sign")
  DocumentView sign(@PathVariable String id) {
    return view(drafting.sign(id, users.require()));
  }

  private DocumentView view(OutgoingDocument d) {
    return new DocumentView(d, d.typeName(), drafting.versions(d), drafting.opinions(d), drafting.recipients(d),
        drafting.appendices(d), drafting.lastReturn(d),
        drafting.openTasks(d).stream().map(t -> new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(),
            t.getAssignee(), t.getDueDate())).toList(),
        history.steps(OutgoingCaseType.TYPE, d.id()));
  }

  private static OutgoingDrafting.Upload upload(MultipartFile part) {
    return part == null || part.getOriginalFilename() == null ? null
        : new OutgoingDrafting.Upload(part.getOriginalFilename(), part::getInputStream);
  }
}
