package vn.govflow.notify;

/** What became of a notification's e-mail copy; the in-app notification exists whatever this says. */
public enum EmailStatus {
  /** Waiting for the caller's transaction to commit (or, if it stays, the process stopped before sending). */
  NOT_SENT,
  SENT,
  /** The SMTP server refused or could not be reached: see email_error and the log. */
  FAILED,
  /** The person has no e-mail address in the directory. */
  NO_ADDRESS,
  /** No mail server is configured (spring.mail.host unset). */
  DISABLED
}
