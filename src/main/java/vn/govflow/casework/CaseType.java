package vn.govflow.casework;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A subsystem's kind of case, registered as a Spring bean by the subsystem itself so that shared pages (the
 * navigation, the task page's link to its case, the SLA pages) iterate over the registered types and never name
 * a subsystem. Adding a subsystem means declaring one of these, not editing a shared page.
 *
 * @param key         short, URL-safe name ({@code incoming}); the SLA page of the type is {@code /sla/<key>}
 * @param processKey  the BPMN process id whose instances are the cases
 * @param idVariable  the process variable carrying the case id (the business key), e.g. {@code documentId}
 * @param casePath    the staff page of one case, {@code {id}} standing for the business key
 * @param navigation  the type's entries in the staff navigation, in order
 * @param sla         whether the leaders' deadline pages list this type
 */
public record CaseType(String key, String processKey, String idVariable, String casePath, String nameVi,
                       String nameEn, List<NavEntry> navigation, boolean sla, int order) {
  public CaseType {
    Objects.requireNonNull(key, "key");
    if (!key.matches("[a-z][a-z0-9-]{0,40}")) {
      throw new IllegalArgumentException("A case type key is lower-case letters, digits and '-': " + key);
    }
    Objects.requireNonNull(processKey, "processKey");
    Objects.requireNonNull(idVariable, "idVariable");
    if (casePath == null || !casePath.startsWith("/") || !casePath.contains("{id}")) {
      throw new IllegalArgumentException("casePath must be an absolute path containing {id}: " + casePath);
    }
    Objects.requireNonNull(nameVi, "nameVi");
    Objects.requireNonNull(nameEn, "nameEn");
    navigation = List.copyOf(navigation);
  }

  /** The staff page of the case with this business key. */
  public String caseLink(String businessKey) {
    return casePath.replace("{id}", businessKey);
  }

  public String name(boolean english) {
    return english ? nameEn : nameVi;
  }

  /**
   * One link in the staff navigation. {@code roles} are role codes ({@link vn.govflow.identity.Roles}); empty
   * means every signed-in member of staff. The id is the link's element id (tests and help pages use it).
   */
  public record NavEntry(String id, String path, String labelVi, String labelEn, Set<String> roles) {
    public NavEntry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(labelVi, "labelVi");
      Objects.requireNonNull(labelEn, "labelEn");
      roles = Set.copyOf(roles);
    }

    public String label(boolean english) {
      return english ? labelEn : labelVi;
    }
  }
}
