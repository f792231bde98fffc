package vn.govflow.incoming;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.govflow.casework.CaseFiles;
import vn.govflow.casework.CaseHistory;
import vn.govflow.identity.CurrentUser;

/**
 * One incoming document as its readers see it (the document, its files, its phiếu giải quyết), and the steps
 * written on that phiếu. Registration is {@link IncomingRegistration}, the register's queries
 * {@link RegisterQueries}.
 */
@Service
class IncomingService {
  static final String PROCESS_KEY = "incoming-document";

  private final IncomingMapper mapper;
  private final CaseHistory history;
  private final CaseFiles caseFiles;

  IncomingService(IncomingMapper mapper, CaseHistory history, CaseFiles caseFiles) {
    this.mapper = mapper;
    this.history = history;
    this.caseFiles = caseFiles;
  }

  public Optional<IncomingDocument> find(String id, CurrentUser viewer) {
    if (id == null || !vn.govflow.common.Ids.isUuid(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(mapper.find(id)).filter(d -> viewer.canSeeAgency(d.agencyCode()));
  }

  public List<String> fileIds(IncomingDocument document) {
    return caseFiles.fileIds(IncomingCaseType.TYPE, document.id());
  }

  /** The document's phiếu giải quyết, as the API has always given it. */
  public List<IncomingEvent> events(IncomingDocument document) {
    return history.steps(IncomingCaseType.TYPE, document.id()).stream().map(s -> new IncomingEvent(s.id(),
        s.caseId(), s.occurredAt(), s.actor(), s.onBehalfOf(), s.step(), s.comment())).toList();
  }

  /** Records a step of the handling on the document's phiếu giải quyết. */
  void recordEvent(String documentId, String actor, String step, String comment) {
    history.record(IncomingCaseType.TYPE, documentId, actor, null, step, comment);
  }
}
