package vn.govflow.identity;

import java.util.Set;

/**
 * The signed-in person as every module sees them. {@code agencyCode} is the agency's official
 * identifier (mã định danh, e.g. 000.00.00.H41); {@code onBehalfOf} is set when acting under a delegation
 * or when a service client acts for a person.
 */
public record CurrentUser(
    String username,
    String fullName,
    String agencyCode,
    String agencyName,
    String departmentCode,
    String departmentName,
    String jobPosition,
    Set<String> roles,
    String onBehalfOf) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /**
   * Province-wide by design: the administrators of the shared systems (seed 000 Art 6.1a keeps the
   * province-wide user database with them). Everyone else sees their own agency only.
   */
  public boolean isProvinceWide() {
    return roles.contains(Roles.ADMIN);
  }

  /** True when this person may read data owned by the given agency. */
  public boolean canSeeAgency(String ownerAgencyCode) {
    return isProvinceWide() || (agencyCode != null && agencyCode.equals(ownerAgencyCode));
  }
}
