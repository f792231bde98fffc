package vn.govflow.files;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the files module ({@code govflow.files.*}). Every value has a default here so that
 * application.yaml needs no entry.
 *
 * @param root               blob directory; when unset, {@code ${govflow.data-dir}/files}
 * @param maxSize            largest accepted file (seed 001 Art 7.4: 50 MB)
 * @param textLimit          most characters of extracted text kept per file
 * @param extractionTimeout  time allowed for text extraction of one file
 */
@ConfigurationProperties("govflow.files")
public record FilesProperties(
    Path root,
    @DefaultValue("50MB") DataSize maxSize,
    @DefaultValue("5000000") int textLimit,
    @DefaultValue("60s") Duration extractionTimeout) {

  public static final long MAX_BYTES = 52_428_800L;

  public FilesProperties {
    if (maxSize == null) {
      maxSize = DataSize.ofBytes(MAX_BYTES);
    }
    if (textLimit <= 0) {
      textLimit = 5_000_000;
    }
    if (extractionTimeout == null) {
      extractionTimeout = Duration.ofSeconds(60);
    }
  }
}
