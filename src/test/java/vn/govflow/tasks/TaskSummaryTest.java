package vn.govflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue #13 item 1: every urgent level goes to the front of the task list and shows its badge; khẩn too. */
class TaskSummaryTest {
  @ParameterizedTest(name = "{0} urgent: {1}")
  @CsvSource(nullValues = "NULL", value = {"hoa-toc, true", "thuong-khan, true", "khan, true", "thuong, false",
      "NULL, false", "khong-ro, false"})
  void urgentLevels(String urgency, boolean urgent) {
    TaskSummary s = new TaskSummary("t", "Task", "incoming-document", "Văn bản đến", "b", "pi", "title", urgency,
        null, null, null, TaskSummary.ON_TIME);
    assertThat(s.urgent()).isEqualTo(urgent);
  }
}
