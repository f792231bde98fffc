package vn.govflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.govflow.identity.Agency;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.Department;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.JobPosition;
import vn.govflow.identity.Person;

/**
 * The signed-in person from the security context. A service client may say which person it acts for with
 * the {@code X-On-Behalf-Of} header; that is recorded, never used to widen what the client may see.
 */
@Component
class SecurityCurrentUserProvider implements CurrentUserProvider {
  static final String ON_BEHALF_OF_HEADER = "X-On-Behalf-Of";

  private final IdentityDirectory directory;

  SecurityCurrentUserProvider(IdentityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Optional<CurrentUser> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return directory.person(auth.getName()).filter(Person::active).map(this::toCurrentUser);
  }

  private CurrentUser toCurrentUser(Person p) {
    Optional<Agency> agency = directory.agency(p.agencyCode());
    Optional<Department> department = directory.department(p.departmentId());
    String onBehalfOf = null;
    if (Person.KIND_SERVICE.equals(p.kind())) {
      onBehalfOf = header(ON_BEHALF_OF_HEADER);
    }
    return new CurrentUser(p.username(), p.fullName(), p.agencyCode(), agency.map(Agency::name).orElse(null),
        p.departmentId(), department.map(Department::name).orElse(null),
        directory.jobPosition(p.jobPositionCode()).map(JobPosition::name).orElse(null), p.roles(), onBehalfOf);
  }

  private static String header(String name) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      String value = request.getHeader(name);
      return value == null || value.isBlank() ? null : value.trim();
    }
    return null;
  }
}
