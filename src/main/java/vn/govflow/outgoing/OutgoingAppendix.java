package vn.govflow.outgoing;

/** An appendix in a separate file (table out_appendix); the clerk's agency signature fills signedFileId. */
public record OutgoingAppendix(String documentId, int position, String fileId, String fileName, String signedFileId) {}
