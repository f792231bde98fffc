package vn.govflow.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/**
 * Writes audit events. Actions joined to a business transaction commit or roll back with it (an action that
 * did not happen is not recorded as done); sign-in events stand alone.
 */
@Service
public class AuditService implements AuditLog {
  private final AuditMapper mapper;
  private final CurrentUserProvider users;

  AuditService(AuditMapper mapper, CurrentUserProvider users) {
    this.mapper = mapper;
    this.users = users;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(String action, String objectType, String objectId, String detail) {
    CurrentUser user = users.current().orElse(null);
    write(user == null ? null : user.username(), user == null ? null : user.onBehalfOf(),
        user == null ? null : user.agencyCode(), action, objectType, objectId, "SUCCESS", detail);
  }

  /**
   * For an anonymous person's request whose address must not be kept (an erasure of their personal data asked
   * by them): the action is recorded, the client address and user agent are not.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public void recordWithoutAddress(String action, String objectType, String objectId, String detail) {
    CurrentUser user = users.current().orElse(null);
    mapper.insert(new AuditEvent(null, OffsetDateTime.now(ZoneOffset.UTC), user == null ? null : truncate(user.username(), 64),
        user == null ? null : truncate(user.onBehalfOf(), 64), user == null ? null : user.agencyCode(),
        truncate(action, 80), truncate(objectType, 60), truncate(objectId, 100), "SUCCESS", truncate(detail, 1000),
        null, null));
  }

  /** For events with no signed-in person yet (sign-ins) or from the engine (its user operations). */
  @Transactional(propagation = Propagation.REQUIRED)
  public void recordAs(String actor, String onBehalfOf, String agencyCode, String action, String objectType,
                       String objectId, String outcome, String detail) {
    write(actor, onBehalfOf, agencyCode, action, objectType, objectId, outcome, detail);
  }

  public List<AuditEvent> recent(String agencyCode, String actor, String action, int limit) {
    return mapper.recent(agencyCode, actor, action, Math.max(1, Math.min(limit, 500)));
  }

  private void write(String actor, String onBehalfOf, String agencyCode, String action, String objectType,
                     String objectId, String outcome, String detail) {
    String ip = null;
    String agent = null;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      ip = request.getRemoteAddr();
      agent = truncate(request.getHeader("User-Agent"), 300);
    }
    mapper.insert(new AuditEvent(null, OffsetDateTime.now(ZoneOffset.UTC), truncate(actor, 64),
        truncate(onBehalfOf, 64), agencyCode, truncate(action, 80), truncate(objectType, 60), truncate(objectId, 100),
        outcome, truncate(detail, 1000), ip, agent));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
