package vn.govflow.outgoing;

import java.time.OffsetDateTime;

/** One version of the draft, kept with who uploaded it and when (table out_version). */
public record OutgoingVersion(String documentId, int versionNo, String fileId, String fileName, String author,
                              OffsetDateTime createdAt, String note) {}
