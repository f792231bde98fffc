package vn.govflow.outgoing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.casework.CaseHistory;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.Roles;

/**
 * The postal register (sổ gửi văn bản đi bưu điện, Decree 30/2020 App IV) as the issuing agency's clerk keeps it:
 * the letters to outside recipients by post, which were handed to the post office and when.
 */
@Service
class OutgoingPostal {
  static final int MAX_DAYS = 366;

  private final OutgoingPostalMapper mapper;
  private final CaseHistory history;
  private final AuditLog audit;
  private final ZoneId zone;

  OutgoingPostal(OutgoingPostalMapper mapper, CaseHistory history, AuditLog audit,
                 @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.history = history;
    this.audit = audit;
    this.zone = ZoneId.of(zone);
  }

  List<OutgoingPostalMapper.Letter> letters(CurrentUser me, LocalDate from, LocalDate to) {
    requireClerk(me);
    if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
      throw new UserError(HttpStatus.BAD_REQUEST, "outgoing-postal-range",
          "Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa một năm).",
          "Invalid period (from before to, at most one year).");
    }
    return mapper.letters(me.agencyCode(), from, to);
  }

  /** The letter was handed to the post office; the address on the envelope is kept when given. */
  @Transactional
  OutgoingPostalMapper.Letter markPosted(long id, String address, CurrentUser me) {
    requireClerk(me);
    OutgoingPostalMapper.Letter l = mapper.lock(id);
    if (l == null || !l.agencyCode().equals(me.agencyCode())) {
      throw UserError.notFound(); // another agency's letter does not exist for this clerk
    }
    if (l.postedAt() != null) {
      throw OutgoingErrors.conflict("outgoing-postal-posted", "Thư này đã được ghi là đã gửi bưu điện.",
          "This letter is already recorded as posted.");
    }
    String where = address == null || address.isBlank() ? l.address() : address.strip();
    if (where != null && where.length() > 300) {
      throw new UserError(HttpStatus.BAD_REQUEST, "outgoing-postal-address", "Địa chỉ dài quá 300 ký tự.",
          "The address is longer than 300 characters.");
    }
    OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MICROS);
    if (mapper.posted(id, now, me.username(), where) == 0) {
      throw OutgoingErrors.conflict("outgoing-postal-posted", "Thư này đã được ghi là đã gửi bưu điện.",
          "This letter is already recorded as posted.");
    }
    history.record(OutgoingCaseType.TYPE, l.documentId(), me.username(), me.onBehalfOf(), "POSTED",
        l.recipient() + (where == null ? "" : ", " + where));
    audit.record("outgoing.postal.posted", "outgoing-document", l.documentId(), l.numberSymbol() + " → "
        + l.recipient());
    return mapper.lock(id);
  }

  private static void requireClerk(CurrentUser me) {
    if (!me.hasRole(Roles.CLERK)) {
      throw UserError.forbidden("Chỉ văn thư giữ sổ gửi văn bản đi bưu điện.",
          "Only the clerk keeps the postal register.");
    }
  }
}
