package vn.govflow.outgoing;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.JobPosition;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;

/** The people of the review chain (seed 001 Art 12.1c), read from the directory each time a draft is submitted. */
@Component
class OutgoingStaff {
  private final IdentityDirectory directory;
  private final OutgoingDraftMapper mapper;

  OutgoingStaff(IdentityDirectory directory, OutgoingDraftMapper mapper) {
    this.directory = directory;
    this.mapper = mapper;
  }

  boolean isStaffOf(String username, String agencyCode) {
    return username != null && directory.person(username)
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && agencyCode.equals(p.agencyCode()))
        .isPresent();
  }

  /** The department's heads, except the drafter (a head who drafts skips the first level). */
  List<String> departmentHeads(String departmentId, String except) {
    if (departmentId == null) {
      return List.of();
    }
    return directory.people().stream().filter(p -> p.active() && departmentId.equals(p.departmentId())
            && p.roles().contains(Roles.DEPARTMENT_HEAD) && !p.username().equals(except))
        .map(Person::username).sorted().toList();
  }

  /**
   * The deputy head who supervises the department (out_department_supervisor), or, when none is named or the one
   * named is no longer an active deputy of the agency, every deputy head of the agency; an agency without deputies
   * goes straight to its heads.
   */
  List<String> supervisors(String departmentId, String agencyCode) {
    String named = departmentId == null ? null : mapper.supervisingDeputy(departmentId);
    if (named != null && withRole(agencyCode, Roles.DEPUTY_HEAD).contains(named)) {
      return List.of(named);
    }
    List<String> deputies = withRole(agencyCode, Roles.DEPUTY_HEAD);
    return deputies.isEmpty() ? heads(agencyCode) : deputies;
  }

  List<String> heads(String agencyCode) {
    return withRole(agencyCode, Roles.HEAD);
  }

  List<String> withRole(String agencyCode, String role) {
    return directory.people().stream().filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind())
            && agencyCode.equals(p.agencyCode()) && p.roles().contains(role))
        .map(Person::username).sorted().toList();
  }

  String name(String username) {
    return directory.person(username).map(Person::fullName).orElse(username);
  }

  String positionName(String username) {
    return directory.person(username).flatMap(p -> directory.jobPosition(p.jobPositionCode()))
        .map(JobPosition::name).orElse(null);
  }

  /**
   * The signing line above the name (Decree 30 App I §II.7b): the head signs under the head's title ("GIÁM ĐỐC"),
   * a deputy "KT. GIÁM ĐỐC" then the deputy's own title. The title is the job position's name in capitals without
   * the agency word that the header already names ("Giám đốc Sở" → "GIÁM ĐỐC").
   */
  String capacity(String signer, String agencyCode) {
    String own = title(positionName(signer));
    if (heads(agencyCode).contains(signer)) {
      return own;
    }
    String headTitle = heads(agencyCode).stream().map(this::positionName).filter(java.util.Objects::nonNull)
        .findFirst().map(OutgoingStaff::title).orElse("THỦ TRƯỞNG");
    return "KT. " + headTitle + "\n" + own;
  }

  static String title(String positionName) {
    if (positionName == null || positionName.isBlank()) {
      return "";
    }
    String t = positionName.trim().replaceAll("\\s+Sở$", "");
    return t.toUpperCase(new Locale("vi"));
  }
}
