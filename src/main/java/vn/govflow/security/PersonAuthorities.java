package vn.govflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;

/**
 * Who a signed-in account is in GovFlow. The issuer only proves identity; agency, job position and roles come
 * from our identity tables (the province's user database), so Keycloak and the embedded issuer behave alike.
 */
@Component
public class PersonAuthorities {
  private final IdentityDirectory directory;

  PersonAuthorities(IdentityDirectory directory) {
    this.directory = directory;
  }

  public Optional<Person> activePerson(String username) {
    return directory.person(username).filter(Person::active);
  }

  public List<GrantedAuthority> authorities(Person person) {
    List<GrantedAuthority> result = new ArrayList<>();
    for (String role : person.roles()) {
      result.add(new SimpleGrantedAuthority(Roles.authority(role)));
    }
    result.add(new SimpleGrantedAuthority(Person.KIND_SERVICE.equals(person.kind()) ? "ROLE_SERVICE" : "ROLE_STAFF"));
    return result;
  }
}
