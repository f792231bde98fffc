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
