package vn.govflow.sla;

/** How many cases stand in each state; {@code total} is their sum. */
public record SlaCounts(int onTime, int dueSoon, int overdue, int noDeadline, int total) {
  public static final SlaCounts ZERO = new SlaCounts(0, 0, 0, 0, 0);

  SlaCounts plus(DueState state) {
    return new SlaCounts(onTime + (state == DueState.ON_TIME ? 1 : 0), dueSoon + (state == DueState.DUE_SOON ? 1 : 0),
        overdue + (state == DueState.OVERDUE ? 1 : 0), noDeadline + (state == DueState.NO_DEADLINE ? 1 : 0),
        total + 1);
  }
}
