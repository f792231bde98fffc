package vn.govflow.audit;

/**
 * Append-only record of who did what, on whose behalf, when and from where. Modules call it for every
 * state-changing action; the actor, on-behalf-of and client address are taken from the current request.
 */
public interface AuditLog {
  /**
   * @param action   dotted verb, e.g. "file.upload", "calendar.year.update"
   * @param objectType e.g. "file", "calendar-year"
   * @param objectId the object's id as text (may be null)
   * @param detail   short human-readable detail (may be null); never secrets or file contents
   */
  void record(String action, String objectType, String objectId, String detail);
}
