package vn.govflow.outgoing;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.govflow.casework.CaseType;
import vn.govflow.casework.CaseHistory;
import vn.govflow.casework.CaseType.NavEntry;
import vn.govflow.casework.ReminderPolicy;
import vn.govflow.identity.Roles;

/** Outgoing documents as a case type: their pages and who sees them in the navigation. */
@Configuration
class OutgoingCaseType {
  static final String PROCESS_KEY = "outgoing-document";

  static final CaseType TYPE = new CaseType("outgoing", PROCESS_KEY, "outgoingId", "/outgoing/{id}",
      "Văn bản đi", "Outgoing documents",
      List.of(new NavEntry("nav-outgoing", "/outgoing", "Văn bản đi", "Outgoing documents", Set.of()),
          new NavEntry("nav-outgoing-register", "/outgoing/register", "Sổ văn bản đi", "Outgoing register",
              Set.of())),
      true, 15);

  @Bean
  CaseType outgoingDocuments() {
    return TYPE;
  }

  /** The shared escalation writes its ESCALATED step on the document's history. */
  @Bean
  ReminderPolicy outgoingReminderPolicy(CaseHistory history) {
    return new ReminderPolicy() {
      @Override
      public String processKey() {
        return PROCESS_KEY;
      }

      @Override
      public void recordEscalation(String documentId, String comment) {
        history.record(TYPE, documentId, null, null, "ESCALATED", comment);
      }
    };
  }
}
