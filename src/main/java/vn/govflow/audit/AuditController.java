package vn.govflow.audit;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/**
 * Reading the audit log: administrators see the whole province; an agency's head sees their own agency.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {
  private final AuditService audit;
  private final CurrentUserProvider users;

  AuditController(AuditService audit, CurrentUserProvider users) {
    this.audit = audit;
    this.users = users;
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('ADMIN','HEAD')")
  List<AuditEvent> recent(@RequestParam(required = false) String actor,
                          @RequestParam(required = false) String action,
                          @RequestParam(defaultValue = "100") int limit) {
    CurrentUser me = users.require();
    String agency = me.isProvinceWide() ? null : me.agencyCode();
    return audit.recent(agency, actor, action, limit);
  }
}
