package vn.govflow.files;

/** A file's text became available after it was stored (see {@link TextRetry}); published in the update's transaction. */
public record FileTextExtracted(String fileId) {}
