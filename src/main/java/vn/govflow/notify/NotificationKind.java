package vn.govflow.notify;

/** The kinds modules use today; kind is free text (at most 30 characters) so a new module needs no change here. */
public final class NotificationKind {
  public static final String ASSIGNED = "ASSIGNED";
  public static final String REMINDER = "REMINDER";
  public static final String ESCALATION = "ESCALATION";
  public static final String RETURNED = "RETURNED";
  /** A case that must be dealt with at once (an urgent incoming document). */
  public static final String URGENT = "URGENT";

  private NotificationKind() {}
}
