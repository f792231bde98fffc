package vn.govflow.sla;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

/**
 * Whose figures a person may see: an agency's leaders (head, deputy head, head of department) their own agency;
 * administrators (province-wide) any agency, their own by default. Everyone else is refused.
 */
@Component
class SlaAccess {
  static final Set<String> LEADERS = Set.of(Roles.HEAD, Roles.DEPUTY_HEAD, Roles.DEPARTMENT_HEAD);

  private final IdentityDirectory directory;

  SlaAccess(IdentityDirectory directory) {
    this.directory = directory;
  }

  /** The agency short name (the processes' {@code agency} variable) the person asked for and may see. */
  String agencyFor(CurrentUser user, String requested) {
    String own = directory.agency(user.agencyCode()).map(Agency::shortName).orElse(null);
    String wanted = requested == null || requested.isBlank() ? own : requested.trim();
    if (user.isProvinceWide()) {
      if (wanted == null || directory.agencies().stream().noneMatch(a -> a.shortName().equals(wanted))) {
        throw UserError.badRequest("sla-unknown-agency", "Không có cơ quan với tên viết tắt này: " + wanted + ".",
            "There is no agency with this short name: " + wanted + ".");
      }
      return wanted;
    }
    if (own == null || user.roles().stream().noneMatch(LEADERS::contains)) {
      throw UserError.forbidden("Chỉ lãnh đạo cơ quan, lãnh đạo phòng và quản trị viên được xem báo cáo tiến độ.",
          "Only the agency's leaders, heads of department and administrators may see deadline reports.");
    }
    if (!own.equals(wanted)) {
      throw UserError.forbidden("Bạn chỉ được xem báo cáo tiến độ của cơ quan mình.",
          "You may only see your own agency's deadline reports.");
    }
    return own;
  }
}
