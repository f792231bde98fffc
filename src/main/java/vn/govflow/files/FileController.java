package vn.govflow.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/** Upload and download of files; a file of another agency answers 404 exactly like an unknown id. */
@RestController
@RequestMapping("/api/v1/files")
public class FileController {
  private final FileService files;
  private final CurrentUserProvider users;

  public FileController(FileService files, CurrentUserProvider users) {
    this.files = files;
    this.users = users;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<FileView> upload(@RequestPart("file") MultipartFile file) {
    CurrentUser user = users.require();
    StoredFile stored;
    try (InputStream in = file.getInputStream()) {
      stored = files.store(baseName(file.getOriginalFilename()), in, user);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
        .buildAndExpand(stored.id()).toUri();
    return ResponseEntity.created(location).body(FileView.of(stored));
  }

  @GetMapping("/{id}")
  public FileView metadata(@PathVariable String id) {
    return FileView.of(visible(id));
  }

  /** Types a browser shows safely in place (the preview); everything else is always a download. */
  static final java.util.Set<String> PREVIEWABLE = java.util.Set.of("application/pdf", "image/png", "image/jpeg");

  @GetMapping("/{id}/content")
  public ResponseEntity<Resource> content(@PathVariable String id,
                                          @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false")
                                          boolean inline) {
    return serve(files, visible(id), inline);
  }

  /**
   * The file's bytes as a download, or in place for the previewable types; for modules that serve files held
   * by their own cases after checking access to the case.
   */
  public static ResponseEntity<Resource> serve(FileService files, StoredFile file, boolean inline) {
    ContentDisposition.Builder disposition = inline && PREVIEWABLE.contains(file.mediaType())
        ? ContentDisposition.inline() : ContentDisposition.attachment();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.mediaType()))
        .contentLength(file.sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            disposition.filename(file.originalName(), StandardCharsets.UTF_8).build().toString())
        // A preview is a document, never a script: no scripts, no plugins, no framing by others.
        .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(new InputStreamResource(files.open(file)));
  }

  private StoredFile visible(String id) {
    return files.find(id, users.require()).orElseThrow(UserError::notFound);
  }

  /** Some browsers send a full client path ("C:\fakepath\a.pdf"); only the last segment is the name. */
  static String baseName(String submitted) {
    if (submitted == null) {
      return null;
    }
    int cut = Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\'));
    return submitted.substring(cut + 1);
  }
}
