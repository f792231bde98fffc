package vn.govflow.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's users and groups, read from our identity tables. Read-only by design: people are managed in
 * GovFlow (and the SSO), never through Camunda Admin. Passwords are never checked here: sign-in is SSO only.
 */
class EngineIdentityProvider implements ReadOnlyIdentityProvider {
  private final IdentityDirectory directory;

  EngineIdentityProvider(IdentityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public User findUserById(String userId) {
    Scope scope = Scope.of(directory, Context.getCommandContext());
    return directory.person(userId).filter(Person::active).filter(scope::sees)
        .map(EngineIdentityProvider::toUser).orElse(null);
  }

  @Override
  public UserQuery createUserQuery() {
    return new DirectoryUserQuery(directory, Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public UserQuery createUserQuery(CommandContext commandContext) {
    return new DirectoryUserQuery(directory);
  }

  @Override
  public NativeUserQuery createNativeUserQuery() {
    throw new UnsupportedOperationException("Native user queries are not supported: users come from GovFlow");
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    return false;
  }

  @Override
  public Group findGroupById(String groupId) {
    Scope scope = Scope.of(directory, Context.getCommandContext());
    return directory.group(groupId).filter(scope::sees).map(EngineIdentityProvider::toGroup).orElse(null);
  }

  @Override
  public GroupQuery createGroupQuery() {
    return new DirectoryGroupQuery(directory, Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public GroupQuery createGroupQuery(CommandContext commandContext) {
    return new DirectoryGroupQuery(directory);
  }

  @Override
  public Tenant findTenantById(String tenantId) {
    return null;
  }

  @Override
  public TenantQuery createTenantQuery() {
    return new NoTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new NoTenantQuery();
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }

  static User toUser(Person p) {
    UserEntity u = new UserEntity(p.username());
    u.setFirstName(p.givenName());
    u.setLastName(p.familyAndMiddleNames());
    u.setEmail(p.email());
    return u;
  }

  static Group toGroup(EngineGroup g) {
    GroupEntity e = new GroupEntity(g.id());
    e.setName(g.name());
    e.setType(g.type());
    return e;
  }

  private static boolean like(String value, String pattern) {
    if (pattern == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    // Lower-case the pattern before quoting it: lower-casing the regex would turn \\Q and \\E into invalid escapes.
    String lower = pattern.toLowerCase(java.util.Locale.ROOT);
    String regex = ("\\Q" + lower + "\\E").replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
    return value.toLowerCase(java.util.Locale.ROOT).matches(regex);
  }

  private static <T> List<T> page(Stream<T> items, Page page) {
    if (page == null) {
      return items.toList();
    }
    return items.skip(page.getFirstResult()).limit(page.getMaxResults()).toList();
  }

  static class DirectoryUserQuery extends UserQueryImpl {
    private final transient IdentityDirectory directory;

    DirectoryUserQuery(IdentityDirectory directory) {
      this.directory = directory;
    }

    DirectoryUserQuery(IdentityDirectory directory, org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
      super(executor);
      this.directory = directory;
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return matches(commandContext).count();
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
      return page(matches(commandContext).sorted(Comparator.comparing(Person::username)), page).stream()
          .map(EngineIdentityProvider::toUser).toList();
    }

    private Stream<Person> matches(CommandContext commandContext) {
      Scope scope = Scope.of(directory, commandContext);
      if (procDefId != null || tenantId != null) {
        return Stream.empty();
      }
      List<String> members = groupId == null ? null : directory.membersOf(groupId);
      Predicate<Person> p = Person::active;
      p = p.and(x -> Person.KIND_PERSON.equals(x.kind()));
      p = p.and(x -> id == null || id.equals(x.username()));
      p = p.and(x -> ids == null || Arrays.asList(ids).contains(x.username()));
      p = p.and(x -> firstName == null || firstName.equals(x.givenName()));
      p = p.and(x -> like(x.givenName(), firstNameLike));
      p = p.and(x -> lastName == null || lastName.equals(x.familyAndMiddleNames()));
      p = p.and(x -> like(x.familyAndMiddleNames(), lastNameLike));
      p = p.and(x -> email == null || email.equals(x.email()));
      p = p.and(x -> like(x.email(), emailLike));
      p = p.and(x -> members == null || members.contains(x.username()));
      p = p.and(scope::sees);
      return directory.people().stream().filter(p);
    }
  }

  static class DirectoryGroupQuery extends GroupQueryImpl {
    private final transient IdentityDirectory directory;

    DirectoryGroupQuery(IdentityDirectory directory) {
      this.directory = directory;
    }

    DirectoryGroupQuery(IdentityDirectory directory, org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
      super(executor);
      this.directory = directory;
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return matches(commandContext).count();
    }

    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
      return page(matches(commandContext).sorted(Comparator.comparing(EngineGroup::id)), page).stream()
          .map(EngineIdentityProvider::toGroup).toList();
    }

    private Stream<EngineGroup> matches(CommandContext commandContext) {
      Scope scope = Scope.of(directory, commandContext);
      if (procDefId != null || tenantId != null) {
        return Stream.empty();
      }
      List<String> memberOf = userId == null ? null : directory.groupIdsOf(userId);
      return directory.groups().stream()
          .filter(g -> id == null || id.equals(g.id()))
          .filter(g -> ids == null || Arrays.asList(ids).contains(g.id()))
          .filter(g -> name == null || name.equals(g.name()))
          .filter(g -> like(g.name(), nameLike))
          .filter(g -> type == null || Objects.equals(type, g.type()))
          .filter(g -> memberOf == null || memberOf.contains(g.id()))
          .filter(scope::sees);
    }
  }

  /**
   * Whose people and groups the engine's current caller may see. A person sees their own agency's people, its
   * groups (the agency, its role groups, its departments) and the groups they belong to; administrators
   * (province-wide) and the engine itself (no authentication: jobs, GovFlow's own services) see everyone.
   */
  record Scope(String agencyCode, Set<String> groups) {
    static final Scope EVERYONE = new Scope(null, null);

    static Scope of(IdentityDirectory directory, CommandContext commandContext) {
      Authentication auth = commandContext == null ? null : commandContext.getAuthentication();
      if (auth == null || auth.getUserId() == null) {
        return EVERYONE;
      }
      Person caller = directory.person(auth.getUserId()).filter(Person::active).orElse(null);
      if (caller == null) {
        return new Scope("", Set.of());
      }
      if (caller.roles().contains(Roles.ADMIN)) {
        return EVERYONE;
      }
      String agencyCode = caller.agencyCode() == null ? "" : caller.agencyCode();
      Set<String> groups = new HashSet<>(directory.groupIdsOf(caller.username()));
      directory.agency(agencyCode).ifPresent(a -> {
        groups.add(a.shortName());
        directory.groups().stream().filter(g -> "AGENCY_ROLE".equals(g.type()))
            .filter(g -> g.id().startsWith(a.shortName() + "-")).forEach(g -> groups.add(g.id()));
      });
      directory.departments().stream().filter(d -> agencyCode.equals(d.agencyCode()))
          .forEach(d -> groups.add(d.id()));
      return new Scope(agencyCode, Set.copyOf(groups));
    }

    boolean sees(Person p) {
      return agencyCode == null || agencyCode.equals(p.agencyCode());
    }

    boolean sees(EngineGroup g) {
      return groups == null || groups.contains(g.id());
    }
  }

  /** GovFlow separates agencies by data, not by engine tenants. */
  static class NoTenantQuery extends TenantQueryImpl {
    NoTenantQuery() {
    }

    NoTenantQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
      super(executor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
      return List.of();
    }
  }
}
