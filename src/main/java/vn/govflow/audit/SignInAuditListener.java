package vn.govflow.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * Sign-ins and failed sign-ins (seed 000 Art 14.3: every login is evidence). Bearer-token requests are not
 * sign-ins and are not logged one by one; a rejected token is.
 */
@Component
class SignInAuditListener {
  private final AuditService audit;
  private final IdentityDirectory directory;

  SignInAuditListener(AuditService audit, IdentityDirectory directory) {
    this.audit = audit;
    this.directory = directory;
  }

  @EventListener
  void onSuccess(InteractiveAuthenticationSuccessEvent event) {
    String name = event.getAuthentication().getName();
    String agency = directory.person(name).map(Person::agencyCode).orElse(null);
    String channel = event.getGeneratedBy().getSimpleName().contains("OAuth2") ? "govflow" : "sso";
    audit.recordAs(name, null, agency, channel.equals("sso") ? "auth.sso-sign-in" : "auth.sign-in", "account", name,
        "SUCCESS", channel.equals("sso") ? "Signed in at the issuer" : "Signed in to GovFlow");
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    Object source = event.getAuthentication();
    String what = source instanceof UsernamePasswordAuthenticationToken ? "password"
        : source instanceof OAuth2LoginAuthenticationToken ? "oidc"
        : source instanceof BearerTokenAuthenticationToken ? "bearer-token" : source.getClass().getSimpleName();
    String name = source instanceof BearerTokenAuthenticationToken ? null : event.getAuthentication().getName();
    audit.recordAs(name, null, null, "auth.sign-in-failed", "account", name, "FAILURE",
        what + ": " + event.getException().getClass().getSimpleName());
  }
}
