package vn.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.calendar.TestCalendars;
import vn.govflow.calendar.WorkingDaysExpressions;

/**
 * The engine's expression manager on its own (no deployment check in between, so what a model could evaluate is
 * tested at run time): beans outside the vocabulary do not resolve, reflection and the engine's services are
 * out of reach, and every expression of the shipped models still evaluates.
 */
class ModelExpressionManagerTest {
  static GenericApplicationContext context;
  static ProcessEngine engine;
  static int run;

  @BeforeAll
  static void engine() {
    context = new GenericApplicationContext();
    WorkingDaysExpressions workingDays = new WorkingDaysExpressions(TestCalendars.calendar());
    context.registerBean("workingDays", WorkingDaysExpressions.class, () -> workingDays);
    // The deadline helper's own behaviour is CaseDeadlines' (tested with the processes); here only its name counts.
    vn.govflow.casework.CaseDeadlines deadlines = org.mockito.Mockito.mock(vn.govflow.casework.CaseDeadlines.class);
    org.mockito.Mockito.when(deadlines.taskDue(org.mockito.ArgumentMatchers.any())).thenReturn("P1WD");
    org.mockito.Mockito.when(deadlines.taskDueAt(org.mockito.ArgumentMatchers.any()))
        .thenAnswer(i -> new Date(System.currentTimeMillis() + 86_400_000L));
    context.registerBean("caseDeadlines", vn.govflow.casework.CaseDeadlines.class, () -> deadlines);
    context.registerBean("jdbcTemplate", JdbcTemplate.class, 
        () -> new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource("jdbc:h2:mem:jt")));
    for (String name : ModelVocabulary.DELEGATES.values().stream().flatMap(s -> s.stream()).toList()) {
      context.registerBean(name, JavaDelegate.class, () -> execution -> { });
    }
    for (String name : ModelVocabulary.SHARED_DELEGATES) {
      context.registerBean(name, JavaDelegate.class, () -> execution -> { });
    }
    context.refresh();
    Map<String, Object> beans = new SandboxEnginePlugin.VocabularyBeans(context);
    StandaloneInMemProcessEngineConfiguration c = new StandaloneInMemProcessEngineConfiguration();
    c.setJdbcUrl("jdbc:h2:mem:model-expressions;DB_CLOSE_DELAY=1000");
    c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    c.setJobExecutorActivate(false);
    c.setProcessEngineName("model-expressions-test");
    c.setHistoryTimeToLive("P1D");
    c.setExpressionManager(new ModelExpressionManager(beans));
    c.setBeans(new HashMap<>(beans));
    engine = c.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
    context.close();
  }

  @Test
  void aBeanOutsideTheVocabularyDoesNotResolve() {
    assertThat(context.getBean("jdbcTemplate")).isInstanceOf(JdbcTemplate.class);
    assertThatThrownBy(() -> evaluate("${jdbcTemplate}", Map.of()))
        .hasMessageContaining("Unknown property used in expression: ${jdbcTemplate}");
    assertThatThrownBy(() -> evaluate("${jdbcTemplate.queryForList('select 1')}", Map.of()))
        .hasMessageContaining("${jdbcTemplate.queryForList('select 1')}");
  }

  @Test
  void reflectionAndTheEngineAreOutOfReach() {
    assertThatThrownBy(() -> evaluate("${execution.getClass()}", Map.of()))
        .hasMessageContaining("Method 'getClass' may not be called in a GovFlow model");
    assertThatThrownBy(() -> evaluate("${execution.getClass().forName('java.lang.Runtime')}", Map.of()))
        .hasMessageContaining("may not be called");
    assertThatThrownBy(() -> evaluate("${execution.getProcessEngineServices()}", Map.of()))
        .hasMessageContaining("may not be called");
    assertThatThrownBy(() -> evaluate("${execution.processEngine}", Map.of()))
        .hasMessageContaining("may not be read");
    assertThatThrownBy(() -> evaluate("${execution['class']}", Map.of()))
        .hasMessageContaining("may not be read");
    // A variable of any type gains nothing: methods on a String, or on a delegate bean, are refused alike.
    assertThatThrownBy(() -> evaluate("${agency.getClass()}", Map.of("agency", "skhcn")))
        .hasMessageContaining("may not be called");
    assertThatThrownBy(() -> evaluate("${incomingDirection.execute(execution)}", Map.of()))
        .hasMessageContaining("may not be called");
  }

  @Test
  void allowedCallsWork() {
    assertThat(evaluate("${execution.getVariable('agency')}", Map.of("agency", "skhcn"))).isEqualTo("skhcn");
    assertThat(evaluate("${execution.processBusinessKey}", Map.of())).isEqualTo("bk-1");
    assertThat(evaluate("${workingDays.before(dueAt, 1)}", Map.of("dueAt", new Date()))).isInstanceOf(Date.class);
    assertThat(evaluate("${workingDays.aheadOf(dueAt, 1)}", Map.of("dueAt", new Date()))).isInstanceOf(Date.class);
    assertThat(evaluate("${caseDeadlines.taskDue(execution)}", Map.of())).isEqualTo("P1WD");
    assertThat(evaluate("${caseDeadlines.taskDueAt(execution)}", Map.of())).isInstanceOf(Date.class);
    assertThat(evaluate("${workingDays.aheadOf(caseDeadlines.taskDueAt(execution), 1)}", Map.of()))
        .isInstanceOf(Date.class);
  }

  /** Every ${…} in processes/ with a value for each variable it reads. */
  @Test
  void everyShippedExpressionEvaluates() throws IOException {
    Map<String, Object> variables = new HashMap<>();
    variables.put("agency", "skhcn");
    variables.put("suggestedAgency", "vpubnd");
    variables.put("approval", "approve");
    variables.put("classification", "special");
    variables.put("coordinators", new ArrayList<>(List.of("anhdd.skhcn")));
    variables.put("coordinator", "anhdd.skhcn");
    variables.put("coordinatingAgencies", new ArrayList<>(List.of("vpubnd")));
    variables.put("coordinatingAgency", "vpubnd");
    // An incoming document's opinion request (issue #13 item 9): a department's, to its heads, by its own date.
    Map<String, Object> opinionRequest = new HashMap<>();
    opinionRequest.put("assignee", null);
    opinionRequest.put("candidates", new ArrayList<>(List.of("hapt.skhcn")));
    opinionRequest.put("dueAt", "2026-03-13T17:00:00+07:00");
    variables.put("opinionRequest", opinionRequest);
    variables.put("opinionRequests", new ArrayList<>(List.of(opinionRequest)));
    variables.put("decision", "accept");
    variables.put("departmentHeads", new ArrayList<>(List.of("hapt.skhcn")));
    variables.put("dueAt", new Date());
    variables.put("directingLeader", "hungtv.skhcn");
    variables.put("leadType", "department");
    variables.put("resubmit", true);
    variables.put("handler", "anhdd.skhcn");
    variables.put("leadHandler", "anhdd.skhcn");
    variables.put("publication", "both");
    variables.put("urgency", "hoa-toc");
    // An outgoing draft (issue #9): the agency consulted, the review chain, the signer's level.
    Map<String, Object> agencyRequest = new HashMap<>();
    agencyRequest.put("position", 1);
    agencyRequest.put("agency", "vpubnd");
    agencyRequest.put("agencyCode", "000.00.01.H37");
    variables.put("agencyRequest", agencyRequest);
    variables.put("agencyRequests", new ArrayList<>(List.of(agencyRequest)));
    variables.put("drafter", "anhdd.skhcn");
    variables.put("next", "review");
    variables.put("departmentReview", true);
    variables.put("supervisors", "tuanlm.skhcn");
    variables.put("signers", "hungtv.skhcn");
    variables.put("signerLevel", "deputy");
    TreeSet<String> expressions = shippedExpressions();
    assertThat(expressions).contains("${workingDays.aheadOf(dueAt, 1)}", "${caseDeadlines.taskDueAt(execution)}",
        "${workingDays.aheadOf(caseDeadlines.taskDueAt(execution), 1)}",
        "${execution.setVariable('routeTo', execution.getVariable('agency') != null ? execution.getVariable('agency') : suggestedAgency)}");
    for (String expression : expressions) {
      // Delegates evaluate to beans, which are not stored as variables: run them without keeping the result.
      run(expression, variables, null);
    }
    assertThat(evaluate("${urgency == 'hoa-toc' || urgency == 'thuong-khan' ? 'P0WD' : 'P1WD'}", variables))
        .isEqualTo("P0WD");
  }

  static TreeSet<String> shippedExpressions() throws IOException {
    TreeSet<String> found = new TreeSet<>();
    Pattern p = Pattern.compile("\\$\\{[^}]*\\}");
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".bpmn")).toList()) {
        Matcher m = p.matcher(Files.readString(f).replace("&#39;", "'").replace("&apos;", "'")
            .replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&").replace("&quot;", "\""));
        while (m.find()) {
          found.add(m.group());
        }
      }
    }
    return found;
  }

  /** Runs the expression in a service task of a one-step process and returns its result. */
  static Object evaluate(String expression, Map<String, Object> variables) {
    return run(expression, variables, "result");
  }

  static Object run(String expression, Map<String, Object> variables, String resultVariable) {
    String key = "sandbox-expression-" + (++run);
    var task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("Task_Evaluate").camundaExpression(expression);
    if (resultVariable != null) {
      task = task.camundaResultVariable(resultVariable);
    }
    BpmnModelInstance model = task.userTask("Task_Wait").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key, "bk-1", variables);
    return resultVariable == null ? null : engine.getRuntimeService().getVariable(instance.getId(), resultVariable);
  }
}
