package vn.govflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A refused task form's summary links each problem to the control the page shows (issue #11): a field's own id,
 * a list cell's id with the row as the page numbers it again (the submitted rows in order, gaps closed).
 */
class TaskPagesControlIdTest {
  @Test
  void eachProblemLinksToTheControlThePageShows() throws IOException {
    TaskForm draft;
    try (InputStream in = Files.newInputStream(Path.of("forms", "portal", "portal-draft.form"))) {
      draft = TaskForm.parse(in, Map.of());
    }
    Map<String, String[]> sent = new LinkedHashMap<>();
    sent.put("answer", new String[] {""});
    // Rows 0 and 3 were sent (a row was removed without the page's script): the page shows them as rows 0 and 1.
    sent.put("citations[0].number", new String[] {"13/2023/NĐ-CP"});
    sent.put("citations[3].number", new String[] {"x"});

    assertThat(TaskPages.controlId(draft, "answer", "answer", sent)).isEqualTo("f-answer");
    assertThat(TaskPages.controlId(draft, "citations", "citations[3].summary", sent))
        .isEqualTo("f-citations-1-summary");
    assertThat(TaskPages.controlId(draft, "citations", "citations[0].summary", sent))
        .isEqualTo("f-citations-0-summary");
    assertThat(TaskPages.controlId(draft, "citations", "citations", sent)).isEqualTo("list-citations");
    // A problem about something the form does not show links nowhere (the summary still lists it).
    assertThat(TaskPages.controlId(draft, "leadDepartment", "leadDepartment", sent)).isNull();
    assertThat(draft.anyRequired()).isTrue();
  }
}
