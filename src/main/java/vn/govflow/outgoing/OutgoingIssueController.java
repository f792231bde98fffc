package vn.govflow.outgoing;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** Numbering, issuing, recall, delivery status and the register of outgoing documents (the clerk's side). */
@RestController
@RequestMapping("/api/v1/outgoing")
class OutgoingIssueController {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final OutgoingIssueService issue;
  private final OutgoingDelivery delivery;
  private final OutgoingRegisterQueries register;
  private final OutgoingRegisterExport export;
  private final CurrentUserProvider users;

  OutgoingIssueController(OutgoingIssueService issue, OutgoingDelivery delivery, OutgoingRegisterQueries register,
                          OutgoingRegisterExport export, CurrentUserProvider users) {
    this.issue = issue;
    this.delivery = delivery;
    this.register = register;
    this.export = export;
    this.users = users;
  }

  /** The clerk takes the number, places it with the date and adds the agency signature (status NUMBERED). */
  @PostMapping("/{id}/number")
  OutgoingIssueService.Numbered number(@PathVariable String id) {
    return issue.number(id, users.require());
  }

  record IssuedView(String id, String status, String numberSymbol, List<OutgoingDelivery.RecipientView> recipients) {}

  /** The clerk issues the numbered document to every recipient (status ISSUED). */
  @PostMapping("/{id}/issue")
  IssuedView issue(@PathVariable String id) {
    CurrentUser me = users.require();
    issue.issue(id, me);
    OutgoingDocument d = issue.visible(id, me);
    return new IssuedView(id, d.status(), d.numberSymbol(), delivery.recipients(d));
  }

  record RecallRequest(String reason, String orderedBy) {}

  /** Recall (Art 18.4): the head or a deputy, or the clerk naming who ordered it. */
  @PostMapping("/{id}/recall")
  Map<String, Object> recall(@PathVariable String id, @RequestBody(required = false) RecallRequest body) {
    CurrentUser me = users.require();
    issue.recall(id, body == null ? null : body.reason(), body == null ? null : body.orderedBy(), me);
    OutgoingDocument d = issue.visible(id, me);
    return Map.of("id", id, "status", d.status(), "recallReason", d.recallReason());
  }

  record ReplacesRequest(String replacesId) {}

  /** This draft replaces an issued document (Art 18.3): the replaced one is told when this one is issued. */
  @PostMapping("/{id}/replaces")
  Map<String, Object> replaces(@PathVariable String id, @RequestBody(required = false) ReplacesRequest body) {
    CurrentUser me = users.require();
    issue.replaces(id, body == null ? null : body.replacesId(), me);
    return Map.of("id", id, "replacesId", body.replacesId());
  }

  /** Where the document stands at each recipient, with every status reported. */
  @GetMapping("/{id}/recipients")
  List<OutgoingDelivery.RecipientView> recipients(@PathVariable String id) {
    CurrentUser me = users.require();
    return delivery.recipients(delivery.readable(id, me));
  }

  /** The agency's issued documents, newest first, with a per-recipient summary. */
  @GetMapping("/issued")
  List<OutgoingDelivery.IssuedSummary> issued(@RequestParam(defaultValue = "100") int limit) {
    return delivery.issued(users.require(), limit);
  }

  /** The register (App IV §I) searched without diacritics, newest first. */
  @GetMapping("/register")
  Map<String, Object> register(@RequestParam(required = false) String q,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String register,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
    CurrentUser me = users.require();
    OutgoingRegisterQueries.Page p = this.register.search(me, q, from, to, register, page, size);
    return Map.of("items", this.register.rows(p.items()), "total", p.total(), "page", page, "size", size,
        "registers", this.register.registers(me));
  }

  /** The postal register (sổ gửi văn bản đi bưu điện, App IV) of a period: one row per letter sent by post. */
  @GetMapping("/postal")
  List<OutgoingIssueMapper.PostalRow> postal(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return register.postal(users.require(), from, to);
  }

  /** The register of a period (at most a year) as XLSX, in book order. */
  @GetMapping("/register.xlsx")
  ResponseEntity<byte[]> registerXlsx(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String register) throws java.io.IOException {
    CurrentUser me = users.require();
    List<OutgoingRegisterQueries.RegisterRow> rows = this.register.rows(this.register.book(me, from, to, register));
    String registerName = register == null || register.isBlank() ? null : this.register.registers(me).stream()
        .filter(r -> r.code().equals(register)).map(OutgoingRegisterQueries.RegisterName::nameVi).findFirst()
        .orElse(register);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(me.agencyName(), registerName, from, to, rows, out);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
        .header("Content-Disposition", "attachment; filename=\"so-van-ban-di-" + from + "-" + to + ".xlsx\"")
        .body(out.toByteArray());
  }
}
