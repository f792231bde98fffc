package vn.govflow.files;

import java.time.OffsetDateTime;

/**
 * Metadata of one uploaded file. The extracted text is not part of it (it can be megabytes);
 * read it with {@link FileService#extractedText(StoredFile)}.
 */
public record StoredFile(
    String id,
    String agencyCode,
    String originalName,
    String extension,
    String mediaType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    String onBehalfOf,
    OffsetDateTime uploadedAt,
    TextStatus textStatus,
    String textNote) {
}
