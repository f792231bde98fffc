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

  /** Roles that see every agency's data by design (province-wide administration). */
  public boolean isProvinceWide() {
    return roles.contains(Roles.ADMIN) && agencyCode == null;
  }

  /** True when this person may read data owned by the given agency. */
  public boolean canSeeAgency(String ownerAgencyCode) {
    return isProvinceWide() || (agencyCode != null && agencyCode.equals(ownerAgencyCode));
  }
}
