package vn.govflow.incoming;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.casework.CaseHistory;
import vn.govflow.common.error.UserError;
import vn.govflow.documents.IncomingReplies;

/**
 * An outgoing document "in reply to" an incoming one (issue #9 item 1): the drafter sees the incoming document of
 * their own agency; when the reply is issued, the incoming document shows it ("Số, ký hiệu văn bản trả lời" of the
 * follow-up register, App IV §VIII) and its phiếu records ANSWERED.
 */
@Component
class IncomingAnswers implements IncomingReplies {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final IncomingMapper documents;
  private final ExchangeMapper exchange;
  private final CaseHistory history;

  IncomingAnswers(IncomingMapper documents, ExchangeMapper exchange, CaseHistory history) {
    this.documents = documents;
    this.exchange = exchange;
    this.history = history;
  }

  @Override
  public Optional<ReplyTarget> target(String incomingId, String agencyCode) {
    return own(incomingId, agencyCode).map(d -> new ReplyTarget(d.id(), d.arrivalNumber(), d.numberSymbol(),
        d.senderName(), d.summary()));
  }

  @Override
  @Transactional
  public void answered(String incomingId, String agencyCode, String numberSymbol, LocalDate date, String outgoingId) {
    IncomingDocument d = own(incomingId, agencyCode).orElseThrow(UserError::notFound);
    String reference = Text.cut(numberSymbol + (date == null ? "" : " ngày " + DATE.format(date)), 100);
    exchange.setReplyReference(d.id(), reference);
    history.record(IncomingCaseType.TYPE, d.id(), null, null, "ANSWERED", "Đã trả lời bằng văn bản số " + reference);
  }

  private Optional<IncomingDocument> own(String incomingId, String agencyCode) {
    if (incomingId == null || !vn.govflow.common.Ids.isUuid(incomingId) || agencyCode == null) {
      return Optional.empty();
    }
    // A recalled document is no longer there to answer.
    return Optional.ofNullable(documents.find(incomingId))
        .filter(d -> agencyCode.equals(d.agencyCode()) && !"RECALLED".equals(d.status()));
  }
}
