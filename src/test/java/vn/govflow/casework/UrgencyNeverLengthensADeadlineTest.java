package vn.govflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * Issue #13 item 1 (Decree 30/2020 Art 4.2c, 23.1, 24.2): every deadline table with an urgency input, whatever
 * the module, is checked over all its inputs: a more urgent level never gets more working days than a less
 * urgent one (hỏa tốc ≤ thượng khẩn ≤ khẩn ≤ thường), and no urgency makes a decision fail where the ordinary
 * case has a deadline. For incoming documents the three urgent levels are all "at once" (0 working days).
 */
class UrgencyNeverLengthensADeadlineTest {
  /** From most to least urgent; null (not given) counts as ordinary. */
  static final List<String> LEVELS = List.of("hoa-toc", "thuong-khan", "khan", "thuong");
  static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

  @Test
  void noUrgencyEverGivesMoreDaysThanALessUrgentOne() throws IOException {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    List<String> checked = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("dmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
          DecisionTable table = decision.getChildElementsByType(DecisionTable.class).stream().findFirst().orElse(null);
          if (table == null) {
            continue;
          }
          List<Input> inputs = new ArrayList<>(table.getInputs());
          int urgency = -1;
          for (int i = 0; i < inputs.size(); i++) {
            if ("urgency".equals(inputs.get(i).getCamundaInputVariable())) {
              urgency = i;
            }
          }
          if (urgency < 0) {
            continue;
          }
          DmnDecision parsed;
          try (InputStream in = Files.newInputStream(file)) {
            parsed = engine.parseDecision(decision.getId(), in);
          }
          checked.add(decision.getId());
          for (Map<String, Object> others : combinations(table, inputs, urgency)) {
            Integer[] days = new Integer[LEVELS.size()];
            for (int l = 0; l < LEVELS.size(); l++) {
              Map<String, Object> vars = new HashMap<>(others);
              vars.put("urgency", LEVELS.get(l));
              days[l] = days(engine, parsed, vars);
            }
            Map<String, Object> unset = new HashMap<>(others);
            unset.put("urgency", null);
            Integer notGiven = days(engine, parsed, unset);
            String where = decision.getId() + " " + others;
            if (days[3] == null) {
              continue; // no deadline for this combination at all (an unknown task: an incident by design)
            }
            if (!java.util.Objects.equals(notGiven, days[3])) {
              violations.add(where + ": urgency not given " + notGiven + " ≠ ordinary " + days[3]);
            }
            for (int l = 0; l < 3; l++) {
              if (days[l] == null) {
                violations.add(where + ": " + LEVELS.get(l) + " has no deadline, ordinary has " + days[3]);
              } else if (days[l] != 0 && decision.getId().startsWith("incoming-")) {
                violations.add(where + ": " + LEVELS.get(l) + " gives " + days[l] + " days, not at once (0)");
              }
            }
            for (int l = 0; l + 1 < LEVELS.size(); l++) {
              if (days[l] != null && days[l + 1] != null && days[l] > days[l + 1]) {
                violations.add(where + ": " + LEVELS.get(l) + " " + days[l] + " > " + LEVELS.get(l + 1) + " "
                    + days[l + 1]);
              }
            }
          }
        }
      }
    }
    assertThat(checked).as("deadline tables with an urgency input").contains("incoming-handling-deadline",
        "incoming-task-deadline", "portal-task-deadline");
    assertThat(violations).isEmpty();
  }

  private static Integer days(DmnEngine engine, DmnDecision decision, Map<String, Object> vars) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, vars);
    if (result.isEmpty()) {
      return null;
    }
    Object value = result.getFirstResult().getFirstEntry();
    return value == null ? null : ((Number) value).intValue();
  }

  /** Every combination of the other inputs' values named in the table, plus "not given" and an unnamed value. */
  private static List<Map<String, Object>> combinations(DecisionTable table, List<Input> inputs, int urgency) {
    List<Map<String, Object>> combos = new ArrayList<>();
    combos.add(new HashMap<>());
    for (int i = 0; i < inputs.size(); i++) {
      if (i == urgency) {
        continue;
      }
      Set<Object> values = new LinkedHashSet<>();
      values.add(null);
      values.add("khac-chua-co-trong-bang");
      for (Rule rule : table.getRules()) {
        InputEntry entry = new ArrayList<>(rule.getInputEntries()).get(i);
        Matcher m = STRING.matcher(entry.getTextContent());
        while (m.find()) {
          values.add(m.group(1));
        }
      }
      String name = inputs.get(i).getCamundaInputVariable();
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> c : combos) {
        for (Object v : values) {
          Map<String, Object> n = new HashMap<>(c);
          n.put(name, v);
          next.add(n);
        }
      }
      combos = next;
    }
    return combos;
  }
}
