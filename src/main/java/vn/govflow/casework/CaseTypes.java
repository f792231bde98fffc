package vn.govflow.casework;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.govflow.identity.CurrentUser;

/** Every registered case type, in navigation order; keys and process keys are unique (checked at start). */
@Component
public class CaseTypes {
  private final List<CaseType> types;

  public CaseTypes(List<CaseType> registered) {
    this.types = registered.stream().sorted(Comparator.comparingInt(CaseType::order).thenComparing(CaseType::key))
        .toList();
    Set<String> keys = new HashSet<>();
    Set<String> processes = new HashSet<>();
    Set<String> navIds = new HashSet<>();
    for (CaseType t : types) {
      if (!keys.add(t.key()) || !processes.add(t.processKey())) {
        throw new IllegalStateException("Two case types share the key or process key of " + t.key());
      }
      for (CaseType.NavEntry e : t.navigation()) {
        if (!navIds.add(e.id())) {
          throw new IllegalStateException("Two navigation entries share the id " + e.id());
        }
      }
    }
  }

  public List<CaseType> all() {
    return types;
  }

  public Optional<CaseType> byKey(String key) {
    return types.stream().filter(t -> t.key().equals(key)).findFirst();
  }

  public Optional<CaseType> byProcessKey(String processKey) {
    return types.stream().filter(t -> t.processKey().equals(processKey)).findFirst();
  }

  /** The case page for a task's or instance's process and business key, if its type is registered. */
  public Optional<String> caseLink(String processKey, String businessKey) {
    if (processKey == null || businessKey == null) {
      return Optional.empty();
    }
    return byProcessKey(processKey).map(t -> t.caseLink(businessKey));
  }

  /** The types the leaders' deadline pages list. */
  public List<CaseType> withSla() {
    return types.stream().filter(CaseType::sla).toList();
  }

  /** The navigation entries this person may see, in order. */
  public List<CaseType.NavEntry> navigationFor(CurrentUser user) {
    return types.stream().flatMap(t -> t.navigation().stream())
        .filter(e -> e.roles().isEmpty() || e.roles().stream().anyMatch(user::hasRole)).toList();
  }
}
