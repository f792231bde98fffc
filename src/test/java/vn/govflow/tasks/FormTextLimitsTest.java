package vn.govflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A task form's fields become process variables, and the engine keeps a text variable in a 4,000-character column
 * (ACT_RU_VARIABLE.TEXT_, and its history twin): a longer text fails the whole step with a server error. So every
 * text field of every shipped form declares a maxLength of at most 4,000, which the task page and the task guard
 * enforce with a message beside the field; longer texts belong in GovFlow's tables (issue #13 item 24).
 * The only exceptions are the fields a subsystem's {@code CaseTextFields} takes out of the submission and stores
 * itself (never a variable), listed here with the reason; they may be up to 10,000 characters.
 */
class FormTextLimitsTest {
  private static final int VARIABLE_TEXT_LIMIT = 4000;
  private static final int STORED_TEXT_LIMIT = 10000;

  /**
   * Form fields stored in GovFlow's tables by a CaseTextFields, by form file and field key: the drafted answer is
   * stored in portal_question by PortalCaseType.portalDraftFields (PortalLongAnswerScenarios checks that no
   * variable of that name exists after a 9,000-character answer was drafted, approved and published).
   */
  private static final java.util.Map<String, java.util.Set<String>> STORED_FIELDS = java.util.Map.of(
      Path.of("forms", "portal", "portal-draft.form").toString(), java.util.Set.of("answer", "answerEn"));

  @Test
  void everyTextFieldOfEveryFormFitsAProcessVariable() throws IOException {
    List<String> tooLong = new ArrayList<>();
    List<Path> forms;
    try (Stream<Path> walk = Files.walk(Path.of("forms"))) {
      forms = walk.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    for (Path form : forms) {
      collect(form, json.readTree(form.toFile()).get("components"), "", tooLong);
    }
    assertThat(tooLong).as("text fields without a maxLength of at most " + VARIABLE_TEXT_LIMIT).isEmpty();
  }

  private static void collect(Path form, JsonNode components, String path, List<String> tooLong) {
    if (components == null) {
      return;
    }
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (type.equals("textarea") || type.equals("textfield")) {
        JsonNode max = c.path("validate").path("maxLength");
        int limit = path.isEmpty() && STORED_FIELDS.getOrDefault(form.toString(), java.util.Set.of())
            .contains(c.path("key").asText()) ? STORED_TEXT_LIMIT : VARIABLE_TEXT_LIMIT;
        if (!max.isInt() || max.asInt() > limit) {
          tooLong.add(form + ": " + path + c.path("key").asText() + " (maxLength " + max + ")");
        }
      }
      collect(form, c.get("components"), path + c.path("path").asText(c.path("key").asText()) + ".", tooLong);
    }
  }
}
