package vn.govflow.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The province's directory of agencies, departments and people, and the engine groups derived from it.
 * Reads go to an in-memory snapshot refreshed every few seconds (and at once after a change), because the
 * engine asks for groups on every authenticated call.
 */
@Service
public class IdentityDirectory {
  private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(30);

  private final IdentityMapper mapper;
  private volatile Snapshot snapshot;

  IdentityDirectory(IdentityMapper mapper) {
    this.mapper = mapper;
  }

  public Optional<Person> person(String username) {
    return username == null ? Optional.empty() : Optional.ofNullable(snapshot().people.get(username));
  }

  public Collection<Person> people() {
    return snapshot().people.values();
  }

  public Optional<Agency> agency(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(snapshot().agencies.get(code));
  }

  public Collection<Agency> agencies() {
    return snapshot().agencies.values();
  }

  public Optional<Department> department(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(snapshot().departments.get(id));
  }

  public Collection<Department> departments() {
    return snapshot().departments.values();
  }

  public Optional<JobPosition> jobPosition(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(snapshot().positions.get(code));
  }

  /** Every engine group that exists (one per role, agency, agency role and department). */
  public Collection<EngineGroup> groups() {
    return snapshot().groups.values();
  }

  public Optional<EngineGroup> group(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(snapshot().groups.get(id));
  }

  /** The engine groups a person belongs to; candidate groups and authorizations are written against these. */
  public List<String> groupIdsOf(String username) {
    return person(username).map(p -> groupIdsOf(p, snapshot())).orElse(List.of());
  }

  public List<String> membersOf(String groupId) {
    Snapshot s = snapshot();
    return s.people.values().stream().filter(p -> groupIdsOf(p, s).contains(groupId)).map(Person::username).toList();
  }

  /** Drops the snapshot so the next read sees the tables as they are now. */
  public void refresh() {
    snapshot = null;
  }

  private static List<String> groupIdsOf(Person p, Snapshot s) {
    Set<String> ids = new LinkedHashSet<>();
    if (!p.active()) {
      return List.of();
    }
    Agency agency = s.agencies.get(p.agencyCode());
    if (agency != null) {
      ids.add(agency.shortName());
    }
    if (p.departmentId() != null) {
      ids.add(p.departmentId());
    }
    for (String role : new TreeSet<>(p.roles())) {
      ids.add(role);
      if (agency != null) {
        ids.add(agency.shortName() + "-" + role);
      }
      if (Roles.ADMIN.equals(role)) {
        ids.add(EngineGroup.CAMUNDA_ADMIN);
      }
    }
    return List.copyOf(ids);
  }

  private Snapshot snapshot() {
    Snapshot s = snapshot;
    if (s == null || s.loadedAt.plus(SNAPSHOT_TTL).isBefore(Instant.now())) {
      s = load();
      snapshot = s;
    }
    return s;
  }

  private Snapshot load() {
    Map<String, Agency> agencies = index(mapper.agencies(), Agency::code);
    Map<String, Department> departments = index(mapper.departments(), Department::id);
    Map<String, Set<String>> roles = new HashMap<>();
    for (IdentityMapper.PersonRole r : mapper.allRoles()) {
      roles.computeIfAbsent(r.username(), k -> new TreeSet<>()).add(r.role());
    }
    Map<String, Person> people = new LinkedHashMap<>();
    Map<String, JobPosition> positions = new HashMap<>();
    for (IdentityMapper.PersonRow row : mapper.people()) {
      people.put(row.username(), new Person(row.username(), row.fullName(), row.email(), row.agencyCode(),
          row.departmentId(), row.jobPositionCode(), row.kind(), row.passwordHash(), row.active(),
          Set.copyOf(roles.getOrDefault(row.username(), Set.of()))));
      if (row.jobPositionCode() != null && !positions.containsKey(row.jobPositionCode())) {
        JobPosition jp = mapper.jobPosition(row.jobPositionCode());
        if (jp != null) {
          positions.put(jp.code(), jp);
        }
      }
    }
    Map<String, EngineGroup> groups = new LinkedHashMap<>();
    groups.put(EngineGroup.CAMUNDA_ADMIN, new EngineGroup(EngineGroup.CAMUNDA_ADMIN, "Quản trị engine", "SYSTEM"));
    for (String role : Roles.ALL) {
      groups.put(role, new EngineGroup(role, Roles.NAMES_VI.get(role) + " (toàn tỉnh)", "ROLE"));
    }
    for (Agency a : agencies.values()) {
      groups.put(a.shortName(), new EngineGroup(a.shortName(), a.name(), "AGENCY"));
      for (String role : Roles.ALL) {
        String id = a.shortName() + "-" + role;
        groups.put(id, new EngineGroup(id, Roles.NAMES_VI.get(role) + " – " + a.name(), "AGENCY_ROLE"));
      }
    }
    for (Department d : departments.values()) {
      Agency a = agencies.get(d.agencyCode());
      groups.put(d.id(), new EngineGroup(d.id(), d.name() + (a == null ? "" : " – " + a.name()), "DEPARTMENT"));
    }
    return new Snapshot(Instant.now(), agencies, departments, positions, people, groups);
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  private record Snapshot(Instant loadedAt, Map<String, Agency> agencies, Map<String, Department> departments,
                          Map<String, JobPosition> positions, Map<String, Person> people,
                          Map<String, EngineGroup> groups) {}

  /** Writes used by the demo loader and, later, the accounts module. */
  void insertAgency(Agency a) { mapper.insertAgency(a); }
  void insertDepartment(Department d) { mapper.insertDepartment(d); }
  void insertJobPosition(JobPosition p) { mapper.insertJobPosition(p); }
  void insertPerson(Person p) {
    mapper.insertPerson(new IdentityMapper.PersonRow(p.username(), p.fullName(), p.email(), p.agencyCode(),
        p.departmentId(), p.jobPositionCode(), p.kind(), p.passwordHash(), p.active()));
    for (String role : p.roles()) {
      mapper.insertRole(p.username(), role);
    }
  }
  boolean isEmpty() { return mapper.countAgencies() == 0; }

}
