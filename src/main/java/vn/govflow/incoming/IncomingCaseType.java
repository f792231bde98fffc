package vn.govflow.incoming;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.casework.CaseType;
import vn.govflow.casework.CaseType.NavEntry;
import vn.govflow.casework.ReminderPolicy;
import vn.govflow.identity.Roles;

/** Incoming documents as a case type: where their pages are and who sees them in the navigation. */
@Configuration
class IncomingCaseType {
  static final CaseType TYPE;

  static {
    TYPE = new CaseType("incoming", IncomingService.PROCESS_KEY, "documentId", "/incoming/{id}", "Văn bản đến", "Incoming documents",
        List.of(new NavEntry("nav-new-incoming", "/incoming/new", "Vào sổ văn bản", "Register document",
                Set.of(Roles.CLERK)),
            new NavEntry("nav-inbox", "/incoming/inbox", "Văn bản điện tử đến", "Electronic inbox",
                Set.of(Roles.CLERK)),
            new NavEntry("nav-register", "/incoming/register", "Sổ văn bản đến", "Incoming register", Set.of())),
        true, 10);
  }

  @Bean
  CaseType incomingDocuments() {
    return TYPE;
  }

  /** The shared escalation writes its ESCALATED step on the document's phiếu giải quyết. */
  @Bean
  ReminderPolicy incomingReminderPolicy(IncomingService incoming) {
    return new ReminderPolicy() {
      @Override
      public String processKey() {
        return IncomingService.PROCESS_KEY;
      }

      @Override
      public void recordEscalation(String documentId, String comment) {
        incoming.recordEvent(documentId, null, "ESCALATED", comment);
      }
    };
  }
}
