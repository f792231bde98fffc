package vn.govflow.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.govflow.common.PersonalData;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an audit row changes: when a person's personal data is erased on request (seed 003 Art 27.2),
 * the rows about that person's objects lose what identifies them (client address, user agent, a detail that
 * names them or their files) and keep the rest: who acted, when, what, on which object. The redaction is itself
 * recorded first, as an 'audit.redact' row without any address, and every redacted row points at it; the
 * database triggers refuse any other update and every delete.
 */
@Service
public class AuditRedaction {
  public static final String REDACTED = H2AppendOnlyTrigger.REDACTED_DETAIL;
  private final AuditRedactionMapper mapper;

  AuditRedaction(AuditRedactionMapper mapper) {
    this.mapper = mapper;
  }

  /** What to redact on one object's rows. */
  public record Target(String objectType, String objectId, boolean dropDetail) {}

  /**
   * @param actor         who asked for it (null for an anonymous asker); stored without their address
   * @param objectType    the object the erasure is about (the redaction row's object)
   * @param objectId      its id
   * @param reason        why (e.g. "portal.question.erase-personal-data HD-2026-…")
   * @param targets       the objects whose rows are redacted: the addresses of anonymous rows are dropped, and
   *                      the detail where it names the person (any of {@code personal}) or when asked to;
   *                      any other row whose detail mentions the case or the person's e-mail or phone loses
   *                      its detail where it names the person
   * @param caseMarks     what names the case in a text (a tracking code)
   * @param personal      the person's identifying values (name, e-mail, phone, address, …)
   * @return how many rows were redacted
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public int redact(String actor, String agencyCode, String objectType, String objectId, String reason,
                    Collection<Target> targets, Collection<String> personal, Collection<String> caseMarks) {
    RedactionRow event = new RedactionRow();
    event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
    event.actor = actor;
    event.agencyCode = agencyCode;
    event.objectType = objectType;
    event.objectId = objectId;
    event.detail = truncate(reason, 1000);
    mapper.insertRedaction(event);
    int count = 0;
    for (Target t : targets) {
      for (AuditRow row : mapper.rowsOf(t.objectType(), t.objectId())) {
        if (java.util.Objects.equals(row.id(), event.id)) {
          continue;
        }
        // The anonymous person's own requests carry their address; staff rows carry staff addresses.
        boolean dropAddress = row.actor() == null && (row.clientIp() != null || row.userAgent() != null);
        boolean dropDetail = row.detail() != null && (t.dropDetail() || PersonalData.mentions(row.detail(), personal));
        if (dropAddress || dropDetail) {
          count += mapper.redact(row.id(), dropAddress, dropDetail ? REDACTED : row.detail(), event.id);
        }
      }
    }
    // Elsewhere in the log (a bounced mail, a note on another object), a row that mentions the case or reaches the
    // person (their e-mail or phone) loses its detail where it names them; its address is someone else's and
    // stays. A name or address alone is not searched log-wide: another person may have the same.
    List<String> wide = new java.util.ArrayList<>(PersonalData.likePatterns(PersonalData.contacts(personal)));
    wide.addAll(PersonalData.likePatterns(caseMarks));
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (String like : wide) {
      for (AuditRow row : mapper.rowsMentioning(like)) {
        if (!java.util.Objects.equals(row.id(), event.id) && seen.add(row.id())
            && PersonalData.mentions(row.detail(), personal)) {
          count += mapper.redact(row.id(), false, REDACTED, event.id);
        }
      }
    }
    return count;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** The redaction row's fields (a class: MyBatis fills in the generated id). */
  public static class RedactionRow {
    public Long id;
    public OffsetDateTime occurredAt;
    public String actor;
    public String agencyCode;
    public String objectType;
    public String objectId;
    public String detail;
  }

  public record AuditRow(Long id, String actor, String detail, String clientIp, String userAgent) {}
}
