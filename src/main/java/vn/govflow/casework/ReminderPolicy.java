package vn.govflow.casework;

import java.util.Set;

/**
 * What a subsystem adds to the shared reminders and escalation ({@link CaseReminders}) of its case type, as an
 * optional bean: more groups told of an overdue case, and where the ESCALATED step goes in the case's history.
 * A type without a policy gets the convention alone (the holders, then the holders and {@code <agency>-head}).
 */
public interface ReminderPolicy {
  /** The process whose cases this policy is for (its {@link CaseType#processKey()}). */
  String processKey();

  /** Engine groups told of an overdue case besides the holders and the agency's leaders. */
  default Set<String> escalateAlsoTo() {
    return Set.of();
  }

  /** Records the escalation in the case's history; {@code comment} says the deadline that passed. */
  default void recordEscalation(String businessKey, String comment) {}
}
