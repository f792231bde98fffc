package vn.govflow.files;

/** The file inflates far beyond its size when parsed: refused, never stored. */
public class DecompressionBombException extends Exception {
  public DecompressionBombException(String message, Throwable cause) {
    super(message, cause);
  }
}
