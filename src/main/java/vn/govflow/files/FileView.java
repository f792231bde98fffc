package vn.govflow.files;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.OffsetDateTime;

/** The metadata sent to API clients. */
public record FileView(
    String id,
    String name,
    String mediaType,
    long size,
    String sha256,
    TextStatus textStatus,
    // ISO-8601 text whatever the ObjectMapper's date settings are.
    @JsonFormat(shape = JsonFormat.Shape.STRING) OffsetDateTime uploadedAt) {

  public static FileView of(StoredFile f) {
    return new FileView(f.id(), f.originalName(), f.mediaType(), f.sizeBytes(), f.sha256(), f.textStatus(),
        f.uploadedAt());
  }
}
