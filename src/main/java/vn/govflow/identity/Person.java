package vn.govflow.identity;

import java.util.Set;

/** A person (or a service client) known to GovFlow, with everything needed to decide what they may see. */
public record Person(
    String username,
    String fullName,
    String email,
    String agencyCode,
    String departmentId,
    String jobPositionCode,
    String kind,
    String passwordHash,
    boolean active,
    Set<String> roles) {

  public static final String KIND_PERSON = "PERSON";
  public static final String KIND_SERVICE = "SERVICE";

  public Person withRoles(Set<String> newRoles) {
    return new Person(username, fullName, email, agencyCode, departmentId, jobPositionCode, kind, passwordHash,
        active, Set.copyOf(newRoles));
  }

  /** Vietnamese names are family-middle-given: the engine's first name is the given name. */
  public String givenName() {
    int i = fullName.lastIndexOf(' ');
    return i < 0 ? fullName : fullName.substring(i + 1);
  }

  public String familyAndMiddleNames() {
    int i = fullName.lastIndexOf(' ');
    return i < 0 ? "" : fullName.substring(0, i);
  }
}
