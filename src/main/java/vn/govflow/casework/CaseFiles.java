package vn.govflow.casework;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The files attached to a case, in the order they were given. The files themselves (bytes, name, text, who may
 * read them) belong to the files module; a case only keeps which of them are its own.
 */
@Component
public class CaseFiles {
  private final CaseRecordMapper mapper;

  CaseFiles(CaseRecordMapper mapper) {
    this.mapper = mapper;
  }

  /** Attaches a stored file to the case at the given position (the order pages list them in). */
  public void attach(CaseType type, String caseId, String fileId, int position) {
    mapper.insertFile(type.key(), caseId, fileId, position);
  }

  public List<String> fileIds(CaseType type, String caseId) {
    return mapper.fileIds(type.key(), caseId);
  }

  /** The file attached at this position, if any (a module that keys a derived file by position). */
  public java.util.Optional<String> fileAt(CaseType type, String caseId, int position) {
    return mapper.fileIdsAt(type.key(), caseId, position).stream().findFirst();
  }

  /** The cases of this type a file is attached to (normally one). */
  public List<String> casesWithFile(CaseType type, String fileId) {
    return mapper.casesWithFile(type.key(), fileId);
  }

  /** Detaches every file of the case (erasure); the files module erases the files themselves. */
  public int detachAll(CaseType type, String caseId) {
    return mapper.deleteFiles(type.key(), caseId);
  }
}
