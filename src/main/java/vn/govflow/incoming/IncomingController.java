package vn.govflow.incoming;

import vn.govflow.casework.Urgency;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.govflow.common.error.UserError;
import vn.govflow.files.FileService;
import vn.govflow.files.FileView;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** Incoming documents: register (clerk), read one, and the register book with search. */
@RestController
@RequestMapping("/api/v1/incoming-documents")
class IncomingController {
  private final IncomingService incoming;
  private final IncomingRegistration registration;
  private final RegisterQueries registerQueries;
  private final IncomingReassignment reassignment;
  private final FileService files;
  private final CurrentUserProvider users;
  private final RegisterExport export;
  private final RegisterClosings closings;

  IncomingController(IncomingService incoming, IncomingRegistration registration, RegisterQueries registerQueries,
                     IncomingReassignment reassignment, FileService files, CurrentUserProvider users,
                     RegisterExport export, RegisterClosings closings) {
    this.closings = closings;
    this.incoming = incoming;
    this.registration = registration;
    this.registerQueries = registerQueries;
    this.reassignment = reassignment;
    this.files = files;
    this.users = users;
    this.export = export;
  }

  @GetMapping("/export.xlsx")
  ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> exportXlsx(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    CurrentUser me = users.require();
    registerQueries.registerAscending(me, from, to, 0, 1); // validates the range before the download starts
    String name = "so-van-ban-den-" + from + "-" + to + ".xlsx";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .body(out -> export.write(me, me.agencyName(), from, to, out));
  }

  record RegisteredView(String id, long arrivalNumber, int year, String processInstanceId) {}

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<RegisteredView> register(@RequestPart("document") RegistrationRequest document,
                                          @RequestPart(value = "files", required = false) List<MultipartFile> parts) {
    CurrentUser me = users.require();
    List<IncomingRegistration.Upload> uploads = parts == null ? List.of() : parts.stream()
        .filter(p -> !p.isEmpty() || p.getOriginalFilename() != null)
        .map(p -> new IncomingRegistration.Upload(p.getOriginalFilename(), p::getInputStream)).toList();
    IncomingRegistration.Registered r = registration.register(document, uploads, me);
    return ResponseEntity.created(URI.create("/api/v1/incoming-documents/" + r.id()))
        .body(new RegisteredView(r.id(), r.arrivalNumber(), r.document().regYear(), r.processInstanceId()));
  }

  record DocumentView(IncomingDocument document, String typeName, String urgencyName, List<FileView> files,
                      List<IncomingEvent> history) {}

  @GetMapping("/{id}")
  DocumentView get(@PathVariable String id) {
    CurrentUser me = users.require();
    IncomingDocument d = incoming.find(id, me).orElseThrow(UserError::notFound);
    return new DocumentView(d, d.typeName(),
        Urgency.byCode(d.urgency()).map(Urgency::nameVi).orElse(null),
        incoming.fileIds(d).stream().map(f -> files.find(f, me)).flatMap(java.util.Optional::stream)
            .map(FileView::of).toList(),
        incoming.events(d));
  }

  record ReassignRequest(String reason) {}

  @PostMapping("/{id}/reassign-request")
  @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
  void requestReassignment(@PathVariable String id, @org.springframework.web.bind.annotation.RequestBody ReassignRequest body) {
    reassignment.requestReassignment(id, body == null ? null : body.reason(), users.require());
  }

  @GetMapping
  Map<String, Object> register(@RequestParam(required = false) String q,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
    CurrentUser me = users.require();
    RegisterQueries.Page p = registerQueries.register(me, q, from, to, page, size);
    return Map.of("items", registerQueries.rows(p.items()), "total", p.total(), "page", page, "size", size);
  }

  /** The follow-up register (App IV §VIII) with its report, for documents arrived in the range. */
  @GetMapping("/follow-up")
  RegisterQueries.FollowUp followUp(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return registerQueries.followUp(users.require(), from, to, java.time.OffsetDateTime.now());
  }

  record ClosingView(int year, boolean closed, RegisterClosing statement) {}

  /** A year's register: closed (with its statement) or not (with what the statement would say now). */
  @GetMapping("/register/{year}/closing")
  ClosingView closing(@PathVariable int year) {
    CurrentUser me = users.require();
    return closings.closing(me, year).map(c -> new ClosingView(year, true, c))
        .orElseGet(() -> new ClosingView(year, false, closings.preview(me, year)));
  }

  @PostMapping("/register/{year}/closing")
  ResponseEntity<ClosingView> close(@PathVariable int year) {
    RegisterClosing c = closings.close(users.require(), year);
    return ResponseEntity.created(URI.create("/api/v1/incoming-documents/register/" + year + "/closing"))
        .body(new ClosingView(year, true, c));
  }
}
