package vn.govflow.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import vn.govflow.identity.Agency;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/** The agencies and staff a question can go to, by the short names the task forms use, from the directory. */
@Component
class AgencyChoices {
  private final IdentityDirectory directory;
  private final PortalMapper mapper;

  AgencyChoices(IdentityDirectory directory, PortalMapper mapper) {
    this.directory = directory;
    this.mapper = mapper;
  }

  /** The options of an agency's staff, as plain lists and maps (stored as JSON). */
  List<Map<String, String>> peopleOptions(String agencyShortName) {
    String code = directory.agencies().stream().filter(a -> a.shortName().equals(agencyShortName))
        .map(Agency::code).findFirst().orElse(null);
    return new ArrayList<>(directory.people().stream()
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && Objects.equals(code, p.agencyCode()))
        .map(p -> option(p.fullName(), p.username())).toList());
  }

  /**
   * Who may coordinate a multi-sector question as a named person (seed 003 Art 11.6b, 31.1c): the active staff of
   * every agency of the province, labelled with their agency. Built when the form is shown, never stored in the
   * process: a province's staff list is large.
   */
  List<Map<String, String>> coordinatorOptions() {
    Map<String, String> agencyNames = new LinkedHashMap<>();
    directory.agencies().forEach(a -> agencyNames.put(a.code(), a.name()));
    return new ArrayList<>(directory.people().stream()
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && agencyNames.containsKey(p.agencyCode()))
        .map(p -> option(p.fullName() + " — " + agencyNames.get(p.agencyCode()), p.username())).toList());
  }

  /** The agencies that may coordinate: every agency of the province but the one answering (short names). */
  List<Map<String, String>> coordinatingAgencyOptions(String answeringShortName) {
    return new ArrayList<>(directory.agencies().stream()
        .filter(a -> a.active() && !a.shortName().equals(answeringShortName))
        .map(a -> option(a.name(), a.shortName())).toList());
  }

  /** The agency (code) of an active person who may be named a coordinator; null for anyone else. */
  String coordinatorAgency(String username) {
    return username == null ? null : directory.person(username)
        .filter(p -> p.active() && Person.KIND_PERSON.equals(p.kind()) && p.agencyCode() != null
            && directory.agency(p.agencyCode()).isPresent())
        .map(Person::agencyCode).orElse(null);
  }

  List<Map<String, String>> agencyOptions() {
    return new ArrayList<>(directory.agencies().stream().map(a -> option(a.name(), a.shortName())).toList());
  }

  /** The agency a form names by its short name (null when none has it). */
  Agency agency(String shortName) {
    return shortName == null ? null : directory.agencies().stream().filter(a -> a.shortName().equals(shortName))
        .findFirst().orElse(null);
  }

  /** The agency answering the question now (short name), as our table records it. */
  String answeringAgency(String questionId) {
    String code = mapper.handling(questionId).answeringAgency();
    return code == null ? null : directory.agency(code).map(Agency::shortName).orElse(null);
  }

  private static Map<String, String> option(String label, String value) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("label", label);
    m.put("value", value);
    return m;
  }
}
