package vn.govflow.casework;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/** Turns a subsystem's stored history rows into {@link HistoryEntry} lines with people's names. */
@Component
public class CaseHistory {
  private final IdentityDirectory directory;

  public CaseHistory(IdentityDirectory directory) {
    this.directory = directory;
  }

  public HistoryEntry entry(OffsetDateTime occurredAt, String actor, String onBehalfOf, String step, String comment) {
    return new HistoryEntry(occurredAt, name(actor), name(onBehalfOf), step, comment);
  }

  private String name(String username) {
    return username == null ? null : directory.person(username).map(Person::fullName).orElse(username);
  }
}
