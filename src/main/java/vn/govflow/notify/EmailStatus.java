package vn.govflow.notify;

/** What became of a notification's e-mail copy; the in-app notification exists whatever this says. */
public enum EmailStatus {
  /** Waiting for the caller's transaction to commit (or, if it stays, the process stopped before sending). */
  NOT_SENT,
  /**
   * Handed to the mail server, its outcome not yet recorded. If it stays (the process stopped during the send)
   * the outcome is unknown: the resend round sends it again with the same Message-ID.
   */
  SENDING,
  /** The mail server accepted it; never sent again. */
  SENT,
  /** The SMTP server refused or could not be reached: see email_error and the log. */
  FAILED,
  /** The person has no e-mail address in the directory. */
  NO_ADDRESS,
  /** No mail server is configured (spring.mail.host unset). */
  DISABLED
}
