package vn.govflow.designer;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.govflow.common.error.UserError;
import vn.govflow.engine.DeploymentOwnership;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;

/**
 * Who may deploy what (issue #10 item 7, docs/decisions.md "Designer ownership"): a province-wide model belongs to
 * its module and is deployed by the process designers of the agency that runs the province's shared systems
 * ({@code govflow.designer.province-agency}, by default the Department of Science and Technology, which holds the
 * province's digital transformation); an agency's designer deploys only that agency's variant.
 */
@Component
public class DesignOwnership implements DeploymentOwnership {
  private final String provinceAgency;
  private final IdentityDirectory directory;

  DesignOwnership(@Value("${govflow.designer.province-agency:000.00.12.H37}") String provinceAgency,
                  IdentityDirectory directory) {
    this.provinceAgency = provinceAgency;
    this.directory = directory;
  }

  /** The engine's check of every person's deployment (the raw REST deploy too): the same rule as {@link #mayDeploy}. */
  @Override
  public Optional<String[]> refusal(String userId, String tenantId) {
    Person person = directory.person(userId).filter(Person::active).orElse(null);
    boolean designer = person != null && person.roles().contains(Roles.PROCESS_DESIGNER);
    String agency = person == null ? null : person.agencyCode();
    boolean allowed = designer && agency != null
        && (tenantId == null ? provinceAgency.equals(agency) : tenantId.equals(agency));
    if (allowed) {
      return Optional.empty();
    }
    return Optional.of(tenantId == null
        ? new String[] {"Mô hình dùng chung toàn tỉnh chỉ do người thiết kế quy trình của cơ quan vận hành hệ thống "
            + "dùng chung triển khai.", "A province-wide model is deployed only by the process designers of the "
            + "agency running the shared systems."}
        : new String[] {"Chỉ người thiết kế quy trình của cơ quan " + tenantId + " triển khai phiên bản riêng của cơ "
            + "quan đó.", "Only the process designers of agency " + tenantId + " deploy its variant."});
  }

  public String provinceAgency() {
    return provinceAgency;
  }

  public boolean isDesigner(CurrentUser user) {
    return user != null && user.hasRole(Roles.PROCESS_DESIGNER);
  }

  /** May {@code user} deploy the model's shared version ({@code agency} null) or the variant of {@code agency}? */
  public boolean mayDeploy(CurrentUser user, String agency) {
    if (!isDesigner(user) || user.agencyCode() == null) {
      return false;
    }
    return agency == null ? provinceAgency.equals(user.agencyCode()) : agency.equals(user.agencyCode());
  }

  /** Designers only; 403 problem+json otherwise. */
  public void requireDesigner(CurrentUser user) {
    if (!isDesigner(user)) {
      throw UserError.forbidden("Chỉ người thiết kế quy trình mới dùng được chức năng này.",
          "Only process designers may use this.");
    }
  }

  /**
   * A designer works on the shared model or on their own agency's variant; another agency's variant is not
   * theirs to read or draft (403).
   */
  public void requireMayEdit(CurrentUser user, String agency) {
    requireDesigner(user);
    if (agency != null && !agency.equals(user.agencyCode())) {
      throw UserError.forbidden("Bạn chỉ làm việc với phiên bản riêng của cơ quan mình.",
          "You work only on your own agency's variant.");
    }
  }

  public void requireMayDeploy(CurrentUser user, String agency) {
    requireDesigner(user);
    if (!mayDeploy(user, agency)) {
      throw new UserError(HttpStatus.FORBIDDEN, "not-owner", agency == null
          ? "Mô hình dùng chung toàn tỉnh chỉ do người thiết kế quy trình của cơ quan vận hành hệ thống dùng chung "
            + "triển khai; hãy triển khai phiên bản riêng của cơ quan mình."
          : "Bạn chỉ triển khai được phiên bản riêng của cơ quan mình.",
          agency == null
          ? "A province-wide model is deployed only by the process designers of the agency running the shared "
            + "systems; deploy your own agency's variant instead."
          : "You may deploy only your own agency's variant.");
    }
  }
}
