package vn.govflow.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.govflow.identity.Person;

/** Signs a person in only if the province's user database knows them; their roles come from there. */
class GovFlowOidcUserService extends OidcUserService {
  static final String UNKNOWN_ACCOUNT = "govflow_unknown_account";

  private final PersonAuthorities persons;

  GovFlowOidcUserService(PersonAuthorities persons) {
    this.persons = persons;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    OidcUser user = super.loadUser(request);
    String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
    Person person = persons.activePerson(username)
        .filter(p -> Person.KIND_PERSON.equals(p.kind()))
        .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_ACCOUNT,
            "Tài khoản " + username + " chưa được cấp quyền sử dụng GovFlow / account not enabled in GovFlow", null)));
    String nameClaim = user.getPreferredUsername() != null ? "preferred_username" : "sub";
    return new DefaultOidcUser(persons.authorities(person), user.getIdToken(), user.getUserInfo(), nameClaim);
  }
}
