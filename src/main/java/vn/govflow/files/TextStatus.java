package vn.govflow.files;

/** Outcome of text extraction for search. Only a decompression bomb is refused; every other outcome is stored. */
public enum TextStatus {
  /** Text extracted in full. */
  EXTRACTED,
  /** The file has no extractable text (e.g. an image: there is no OCR). */
  EMPTY,
  /** The write limit was reached: the text read so far is kept. */
  TRUNCATED,
  /** Password-protected: the file is stored, its text is not. */
  ENCRYPTED,
  /** The parser failed: the file is stored as uploaded and flagged. */
  CORRUPT,
  /** Extraction did not finish within the time limit. */
  TIMEOUT,
  /**
   * Not extracted: every extraction thread was busy and the queue full; the file is stored without its text.
   * {@link TextRetry} tries again later (TIMEOUT too), a bounded number of times.
   */
  NOT_EXTRACTED,
  /** Final: the retries of a NOT_EXTRACTED or TIMEOUT file were spent without text; nobody tries again. */
  ABANDONED
}
