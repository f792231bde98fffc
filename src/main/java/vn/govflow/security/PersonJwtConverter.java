package vn.govflow.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import vn.govflow.identity.Person;

/**
 * Bearer tokens: a person's token names them in {@code preferred_username}; a client-credentials token names
 * the client in {@code sub}, which must exist as a service account. Unknown or disabled accounts get 401.
 */
class PersonJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {
  private final PersonAuthorities persons;

  PersonJwtConverter(PersonAuthorities persons) {
    this.persons = persons;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String username = jwt.getClaimAsString("preferred_username");
    if (username == null) {
      username = jwt.getSubject();
    }
    Person person = persons.activePerson(username)
        .orElseThrow(() -> new InvalidBearerTokenException("Account not enabled in GovFlow"));
    return new JwtAuthenticationToken(jwt, persons.authorities(person), person.username());
  }
}
