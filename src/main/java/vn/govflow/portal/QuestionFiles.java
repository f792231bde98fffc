package vn.govflow.portal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.govflow.casework.CaseFiles;
import vn.govflow.files.FileService;
import vn.govflow.files.StoredFile;
import vn.govflow.identity.CurrentUser;

/** A question's attached files, kept through the files and casework modules (never their tables). */
@Component
class QuestionFiles {
  /** Files from the public have no agency until someone routes the question; only this case's staff read them. */
  static final CurrentUser ASKER = new CurrentUser("portal-asker", "Người hỏi trên Cổng", null, null, null, null,
      null, java.util.Set.of(), null);

  private final FileService fileService;
  private final CaseFiles caseFiles;

  QuestionFiles(FileService fileService, CaseFiles caseFiles) {
    this.fileService = fileService;
    this.caseFiles = caseFiles;
  }

  /** Stores the asker's files under the names already checked, in their order. */
  void store(String questionId, List<QuestionSubmission.Attachment> files, List<String> names) {
    for (int i = 0; i < files.size(); i++) {
      try (java.io.InputStream in = files.get(i).content().open()) {
        StoredFile f = fileService.store(names.get(i), in, ASKER);
        caseFiles.attach(PortalCaseType.TYPE, questionId, f.id(), i + 1);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** The question's files as staff see them. */
  List<PortalMapper.FileRow> list(String questionId) {
    return caseFiles.fileIds(PortalCaseType.TYPE, questionId).stream().map(fileService::findHeldByCase).flatMap(Optional::stream)
        .map(f -> new PortalMapper.FileRow(f.id(), f.originalName(), f.mediaType(), f.sizeBytes())).toList();
  }

  /** One of them, for download (the caller has checked that it belongs to a question the viewer may read). */
  Optional<StoredFile> held(String fileId) {
    return fileService.findHeldByCase(fileId);
  }

  /** Detaches the files from the question and erases them (their bytes go with the storage's next sweep). */
  void eraseAll(String questionId, List<PortalMapper.FileRow> files, String reason) {
    caseFiles.detachAll(PortalCaseType.TYPE, questionId);
    files.forEach(f -> fileService.erase(f.id(), reason));
  }
}
