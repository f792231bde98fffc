package vn.govflow.incoming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.govflow.identity.Department;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;

/** The agency's people as registration and handling see them: leaders, staff, department heads, form options. */
@Component
class IncomingStaff {
  private final IdentityDirectory directory;

  IncomingStaff(IdentityDirectory directory) {
    this.directory = directory;
  }

  /** An active person (not a service account) of the agency. */
  boolean isStaffOf(String username, String agencyCode) {
    return username != null && directory.person(username)
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && agencyCode.equals(p.agencyCode()))
        .isPresent();
  }

  /** A head or deputy head among the agency's staff. */
  boolean isLeaderOf(String username, String agencyCode) {
    return isStaffOf(username, agencyCode) && directory.person(username)
        .filter(p -> p.roles().contains(Roles.HEAD) || p.roles().contains(Roles.DEPUTY_HEAD)).isPresent();
  }

  /**
   * The person or department of the agency a clerk forwards a document to directly (Decree 30/2020 Art 23.1,
   * second sentence): an active person of the agency, or a department of it with a head to pick the handler.
   * Null stays null (the document goes to the leader); anything else is refused beside the field.
   */
  String forwardTarget(String forwardTo, String agencyCode) {
    String target = forwardTo == null || forwardTo.isBlank() ? null : forwardTo.trim();
    if (target == null || isStaffOf(target, agencyCode)) {
      return target;
    }
    boolean department = directory.department(target).filter(d -> agencyCode.equals(d.agencyCode())).isPresent()
        && !departmentHeads(target).isEmpty();
    if (!department) {
      throw new vn.govflow.common.error.UserError(org.springframework.http.HttpStatus.BAD_REQUEST,
          "incoming-forward-to", "Chuyển thẳng cho người hoặc phòng, đơn vị không thuộc cơ quan.",
          "Forwarded directly to someone or a department outside this agency.",
          List.of(new vn.govflow.common.error.UserError.FieldProblem("forwardTo",
              "Chọn người hoặc phòng, đơn vị (có trưởng phòng) thuộc cơ quan.",
              "Choose a person or a department (with a head) of this agency.")), Map.of());
    }
    return target;
  }

  boolean isDepartment(String id) {
    return directory.department(id).isPresent();
  }

  List<String> departmentHeads(String departmentId) {
    return directory.people().stream()
        .filter(p -> p.active() && departmentId.equals(p.departmentId()) && p.roles().contains(Roles.DEPARTMENT_HEAD))
        .map(Person::username).sorted().toList();
  }

  String personName(String username) {
    return directory.person(username).map(Person::fullName).orElse(username);
  }

  String departmentName(String id) {
    return directory.department(id).map(Department::name).orElse(id);
  }

  /** The agency's people for the direction form: name and job position. */
  List<Map<String, String>> peopleOptions(String agencyCode) {
    return new ArrayList<>(directory.people().stream()
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && agencyCode.equals(p.agencyCode()))
        .map(p -> option(p.fullName() + directory.jobPosition(p.jobPositionCode())
            .map(j -> " – " + j.name()).orElse(""), p.username()))
        .toList());
  }

  List<Map<String, String>> departmentOptions(String agencyCode) {
    return new ArrayList<>(directory.departments().stream()
        .filter(d -> d.agencyCode().equals(agencyCode)).map(d -> option(d.name(), d.id())).toList());
  }

  /** The department's people, for its head's choice of handler. */
  List<Map<String, String>> departmentPeopleOptions(String departmentId) {
    return new ArrayList<>(directory.people().stream()
        .filter(p -> p.active() && departmentId.equals(p.departmentId()) && Person.KIND_PERSON.equals(p.kind()))
        .map(p -> option(p.fullName(), p.username())).toList());
  }

  /**
   * A form option as plain ArrayList/LinkedHashMap: stored as JSON (Spin) with a type any reader can rebuild,
   * not a JDK-internal immutable class.
   */
  static Map<String, String> option(String label, String value) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("label", label);
    m.put("value", value);
    return m;
  }
}
