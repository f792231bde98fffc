package vn.govflow.incoming;

import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.common.error.UserError;
import vn.govflow.files.FileController;
import vn.govflow.files.FileService;
import vn.govflow.files.FileView;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** The electronic inbox for the clerk (issue #9): documents other agencies issued to this one. */
@RestController
@RequestMapping("/api/v1/incoming/inbox")
class InboxController {
  private final ExchangeInbox inbox;
  private final FileService files;
  private final CurrentUserProvider users;

  InboxController(ExchangeInbox inbox, FileService files, CurrentUserProvider users) {
    this.inbox = inbox;
    this.files = files;
    this.users = users;
  }

  /** Waiting entries first, then the most urgent, then the newest; {@code status} filters (ARRIVED, ...). */
  @GetMapping
  List<InboxEntry> list(@RequestParam(required = false) String status) {
    return inbox.list(users.require(), status);
  }

  record EntryView(InboxEntry entry, String typeName, List<FileView> files,
                   InboxSignatures.Verification verification, boolean acceptable,
                   List<ExchangeMapper.ReportedStatus> reported) {}

  /** One entry with its files, the signature report of each (Art 21.2) and what was reported to the sender. */
  @GetMapping("/{id}")
  EntryView get(@PathVariable String id) {
    CurrentUser me = users.require();
    InboxEntry e = inbox.find(id, me).orElseThrow(UserError::notFound);
    boolean open = !InboxEntry.WITHDRAWN.equals(e.status());
    InboxSignatures.Verification v = open ? inbox.verify(e) : null;
    return new EntryView(e, e.typeName(), open ? e.allFileIds().stream().map(f -> inbox.file(e, f))
        .flatMap(java.util.Optional::stream).map(FileView::of).toList() : List.of(), v, v != null && v.acceptable(),
        inbox.reported(e));
  }

  @GetMapping("/{id}/files/{fileId}/content")
  ResponseEntity<Resource> content(@PathVariable String id, @PathVariable String fileId,
                                   @RequestParam(defaultValue = "false") boolean inline) {
    CurrentUser me = users.require();
    InboxEntry e = inbox.find(id, me).orElseThrow(UserError::notFound);
    return FileController.serve(files, inbox.file(e, fileId).orElseThrow(UserError::notFound), inline);
  }

  record AcceptedView(String id, long arrivalNumber, int year, String processInstanceId) {}

  @PostMapping("/{id}/accept")
  ResponseEntity<AcceptedView> accept(@PathVariable String id,
                                      @RequestBody(required = false) ExchangeInbox.Acceptance body) {
    IncomingRegistration.Registered r = inbox.accept(id, body, users.require());
    return ResponseEntity.created(URI.create("/api/v1/incoming-documents/" + r.id()))
        .body(new AcceptedView(r.id(), r.arrivalNumber(), r.document().regYear(), r.processInstanceId()));
  }

  record Refusal(String reason) {}

  @PostMapping("/{id}/refuse")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void refuse(@PathVariable String id, @RequestBody(required = false) Refusal body) {
    inbox.refuse(id, body == null ? null : body.reason(), users.require());
  }
}
