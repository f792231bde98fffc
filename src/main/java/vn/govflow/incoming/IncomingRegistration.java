package vn.govflow.incoming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.casework.CaseFiles;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.CaseStart;
import vn.govflow.casework.Cases;
import vn.govflow.common.error.UserError;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

/**
 * Registers incoming documents (seed 001 Art 11; Decree 30/2020 Art 22). A registration is one transaction:
 * files, the arrival number, the document and its process commit together or not at all, so a refused document
 * consumes no number.
 */
@Service
public class IncomingRegistration {
  private final IncomingMapper mapper;
  private final RegistrationRules rules;
  private final ArrivalNumbers numbers;
  private final IncomingStaff staff;
  private final FileService files;
  private final IdentityDirectory directory;
  private final AuditLog audit;
  private final Cases cases;
  private final CaseHistory history;
  private final CaseFiles caseFiles;
  private final IncomingNotices notices;
  private final ExchangeStatuses exchange;
  private final ZoneId zone;
  private final Clock clock;

  IncomingRegistration(IncomingMapper mapper, RegistrationRules rules, ArrivalNumbers numbers, IncomingStaff staff,
                       FileService files, IdentityDirectory directory, AuditLog audit, Cases cases,
                       CaseHistory history, CaseFiles caseFiles, IncomingNotices notices, ExchangeStatuses exchange,
                       @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.notices = notices;
    this.exchange = exchange;
    this.mapper = mapper;
    this.rules = rules;
    this.numbers = numbers;
    this.staff = staff;
    this.files = files;
    this.directory = directory;
    this.audit = audit;
    this.cases = cases;
    this.history = history;
    this.caseFiles = caseFiles;
    this.zone = ZoneId.of(zone);
    this.clock = Clock.system(this.zone);
  }

  /** A file handed in with the registration. */
  public record Upload(String name, InputStreamSupplier content) {}

  @FunctionalInterface
  public interface InputStreamSupplier {
    InputStream open() throws IOException;
  }

  public record Registered(String id, long arrivalNumber, String processInstanceId, IncomingDocument document) {}

  @Transactional
  public Registered register(RegistrationRequest request, List<Upload> uploads, CurrentUser clerk) {
    return register(request, uploads, clerk, null);
  }

  /**
   * The same registration for a dispatch accepted from the electronic inbox (issue #9): channel EXCHANGE, and the
   * document is linked to its dispatch (status 03 reported) before its process starts.
   */
  @Transactional
  Registered register(RegistrationRequest request, List<Upload> uploads, CurrentUser clerk, String dispatchId) {
    if (!clerk.hasRole(Roles.CLERK)) {
      throw UserError.forbidden("Chỉ văn thư được vào sổ văn bản đến.", "Only a clerk may register incoming documents.");
    }
    Agency agency = directory.agency(clerk.agencyCode()).orElseThrow(UserError::notFound);
    RegistrationRules.Validated v = rules.check(request, uploads, clerk);
    String forwardTo = staff.forwardTarget(request.forwardTo(), clerk.agencyCode()); // issue #13 item 11a

    // Files first (the slow part, Tika), so the register row is locked only briefly below.
    List<StoredFile> stored = new ArrayList<>();
    StringBuilder fileText = new StringBuilder();
    for (Upload u : uploads) {
      try (InputStream in = u.content().open()) {
        StoredFile f = files.store(u.name(), in, clerk);
        stored.add(f);
        String text = files.extractedText(f);
        if (text != null) {
          IncomingSearchText.append(fileText, text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int year = v.arrivedAt().atZoneSameInstant(zone).getYear();
    long number = numbers.next(clerk.agencyCode(), year);
    // Under the register's lock: a closing that committed meanwhile is seen, and this transaction rolls back whole.
    rules.refuseClosedYear(clerk.agencyCode(), year);

    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    IncomingDocument doc = new IncomingDocument(id, clerk.agencyCode(), year, number, v.arrivedAt(),
        dispatchId == null ? v.channel() : "EXCHANGE", v.senderAgencyCode(), v.senderName(), v.numberSymbol(), v.documentDate(), v.type(), v.summary(),
        v.urgency().code(), v.pageCount(), v.recipient(), v.note(),
        Boolean.TRUE.equals(request.bulkyDossier()), v.duplicateOf(), IncomingDocument.REGISTERED, null, null, null,
        null, null, null, null, clerk.username(), clerk.onBehalfOf(), now, v.signerName(), v.signerPosition(),
        v.language(), v.codeNumber(), v.codeNotation(), v.lateReason());
    mapper.insert(doc, IncomingSearchText.of(doc, fileText));
    for (int i = 0; i < stored.size(); i++) {
      caseFiles.attach(IncomingCaseType.TYPE, id, stored.get(i).id(), i);
    }
    if (dispatchId != null) {
      exchange.registered(id, dispatchId, number, year);
    }

    String pi = cases.start(new CaseStart(IncomingCaseType.TYPE, id, agency, doc.numberSymbol() + " – " + doc.summary(),
        v.urgency(), null, processVariables(doc, agency, v.directingLeader(), forwardTo)));
    mapper.setProcessInstance(id, pi);
    history.record(IncomingCaseType.TYPE, id, now, clerk.username(), clerk.onBehalfOf(), "REGISTERED",
        "Vào sổ số đến " + number + "/" + year + (v.duplicateOf() == null ? "" : " (đã xác nhận không trùng)")
            + (v.lateReason() == null ? "" : " (vào sổ muộn: " + v.lateReason() + ")"));
    if (v.urgency().urgent()) {
      notices.urgentRegistered(id, doc.numberSymbol() + " – " + doc.summary(), v.urgency().nameVi(),
          v.urgency().nameEn(), v.directingLeader(), agency.shortName());
    }
    audit.record("incoming.register", "incoming-document", id, "Số đến " + number + "/" + year + ": "
        + v.numberSymbol());
    return new Registered(id, number, pi, mapper.find(id));
  }

  private Map<String, Object> processVariables(IncomingDocument doc, Agency agency, String directingLeader,
                                               String forwardTo) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("documentType", doc.documentType());
    vars.put("registeredBy", doc.registeredBy());
    vars.put("directingLeader", directingLeader);
    vars.put("bulkyDossier", doc.bulkyDossier());
    vars.put("forwardTo", forwardTo);
    vars.put("peopleOptions", staff.peopleOptions(agency.code()));
    vars.put("departmentOptions", staff.departmentOptions(agency.code()));
    return vars;
  }
}
