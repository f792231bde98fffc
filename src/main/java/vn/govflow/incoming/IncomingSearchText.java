package vn.govflow.incoming;

import static vn.govflow.incoming.Text.nz;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.govflow.casework.CaseFiles;
import vn.govflow.casework.SearchText;
import vn.govflow.files.FileService;
import vn.govflow.files.FileTextExtracted;

/**
 * The register's search text: the document's fields and its files' text, folded alike, and rebuilt when a
 * file's text arrives after registration.
 */
@Component
class IncomingSearchText {
  /** How much of each file's text is indexed. */
  private static final int FILE_TEXT_LIMIT = 200_000;

  private final IncomingMapper mapper;
  private final FileService files;
  private final CaseFiles caseFiles;

  IncomingSearchText(IncomingMapper mapper, FileService files, CaseFiles caseFiles) {
    this.mapper = mapper;
    this.files = files;
    this.caseFiles = caseFiles;
  }

  /** Fields and file text, folded alike (search terms are folded: text with diacritics would never match). */
  static String of(IncomingDocument d, CharSequence fileText) {
    return SearchText.fold(String.join(" ", d.numberSymbol(), d.senderName(), d.typeAndSummary(),
        nz(d.recipient()), nz(d.note()), nz(d.signerName()), "so den " + d.arrivalNumber()) + SearchText.fold(fileText.toString()));
  }

  /** Adds one file's text as it is indexed: its first 200 000 characters. */
  static void append(StringBuilder fileText, String text) {
    fileText.append(' ').append(text, 0, Math.min(text.length(), FILE_TEXT_LIMIT));
  }

  /**
   * A file's text arrived after registration (the extraction pool was full then): the documents it is attached
   * to are found by it from now on. Runs in the transaction that stored the text.
   */
  @EventListener
  void fileTextExtracted(FileTextExtracted event) {
    for (String id : caseFiles.casesWithFile(IncomingCaseType.TYPE, event.fileId())) {
      IncomingDocument doc = mapper.find(id);
      if (doc != null) {
        mapper.setSearchText(id, of(doc, fileText(caseFiles.fileIds(IncomingCaseType.TYPE, id))));
      }
    }
  }

  /** The files' text as registration indexes it. */
  private CharSequence fileText(List<String> fileIds) {
    StringBuilder fileText = new StringBuilder();
    for (String fileId : fileIds) {
      files.findHeldByCase(fileId).map(files::extractedText).ifPresent(text -> append(fileText, text));
    }
    return fileText;
  }
}
