package vn.govflow.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a model may name: the delegate and listener beans of each module (a process may use only its own
 * module's, the module being its id's prefix: {@code incoming-document} → {@code incoming}), the helper beans with
 * the methods a model may call on them, the methods on {@code execution} and {@code task}, and the engine's EL
 * functions. The engine resolves no other bean, and {@link ModelChecker} refuses a model naming anything else.
 * A new module declares its delegates in its own {@link ModuleDelegates} class: a model is code, and this
 * vocabulary is what it may call.
 */
public final class ModelVocabulary {
  /**
   * Module → the beans its processes name in delegateExpression (JavaDelegate, TaskListener, ExecutionListener):
   * the {@code @Bean} methods of the module's {@link ModuleDelegates} class, found on the classpath.
   */
  static final Map<String, Set<String>> DELEGATES = scanDelegates();

  /**
   * Delegates of the shared casework module that any process may name in delegateExpression (the conventions
   * every process follows, e.g. reminders and escalation on its deadline timers); only named, never called.
   */
  static final Set<String> SHARED_DELEGATES = Set.of("caseReminders");

  /** Helper beans any process may call, with the only methods callable on them. */
  static final Map<String, Set<String>> HELPERS = Map.of(
      "workingDays", Set.of("dueAt", "startsAt", "before", "aheadOf"),
      "caseDeadlines", Set.of("taskDue", "taskDueAt"));

  /** Variable accessors on execution and task (both are variable scopes). */
  static final Set<String> VARIABLE_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
      "hasVariableLocal", "setVariable", "setVariableLocal");

  /** Read-only facts of an execution; never getProcessEngine(Services), getProcessInstance, the model API. */
  static final Set<String> EXECUTION_METHODS = Set.of("getId", "getProcessInstanceId", "getProcessBusinessKey",
      "getBusinessKey", "getProcessDefinitionId", "getCurrentActivityId", "getCurrentActivityName",
      "getActivityInstanceId", "getEventName", "getTenantId");

  /** Read-only facts of a task. */
  static final Set<String> TASK_METHODS = Set.of("getId", "getName", "getTaskDefinitionKey", "getAssignee",
      "getOwner", "getDueDate", "getFollowUpDate", "getPriority", "getProcessInstanceId", "getEventName",
      "getCreateTime", "getTenantId");

  /** The engine's own EL functions a model may call: who is signed in, and the time. */
  static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

  private ModelVocabulary() {}

  private static Map<String, Set<String>> scanDelegates() {
    var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(ModuleDelegates.class));
    Map<String, Set<String>> modules = new TreeMap<>();
    Set<String> seen = new TreeSet<>();
    for (var candidate : scanner.findCandidateComponents("vn.govflow")) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName(), false, ModelVocabulary.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      String module = type.getAnnotation(ModuleDelegates.class).value();
      Set<String> beans = modules.computeIfAbsent(module, m -> new TreeSet<>());
      for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
        org.springframework.context.annotation.Bean bean = m.getAnnotation(org.springframework.context.annotation.Bean.class);
        if (bean == null) {
          continue;
        }
        String name = bean.name().length > 0 ? bean.name()[0] : m.getName();
        if (!name.startsWith(module) || !seen.add(name)) {
          throw new IllegalStateException("Delegate bean " + name + " of " + type.getName()
              + " must start with its module's name " + module + " and be unique");
        }
        beans.add(name);
      }
    }
    modules.replaceAll((m, beans) -> Set.copyOf(beans));
    return Map.copyOf(modules);
  }

  /** Every bean name the engine may resolve, sorted. */
  public static Set<String> beanNames() {
    Set<String> names = new TreeSet<>(HELPERS.keySet());
    names.addAll(SHARED_DELEGATES);
    DELEGATES.values().forEach(names::addAll);
    return names;
  }

  /** Module → the delegate beans its processes may name (for the designer's element templates). */
  public static Map<String, Set<String>> delegatesByModule() {
    return DELEGATES;
  }

  /** The casework delegates any process may name (see {@link #SHARED_DELEGATES}). */
  public static Set<String> sharedDelegates() {
    return SHARED_DELEGATES;
  }

  /** The module owning a delegate bean, if it is one. */
  public static Optional<String> moduleOf(String beanName) {
    return DELEGATES.entrySet().stream().filter(e -> e.getValue().contains(beanName)).map(Map.Entry::getKey)
        .findFirst();
  }

  /** A process's module: the prefix of its id up to the first dash. */
  public static String moduleOfProcess(String processId) {
    int dash = processId == null ? -1 : processId.indexOf('-');
    return dash < 0 ? "" : processId.substring(0, dash);
  }

  static boolean isSharedDelegate(String name) {
    return SHARED_DELEGATES.contains(name);
  }

  static boolean isHelper(String name) {
    return HELPERS.containsKey(name);
  }

  /** Methods callable on {@code execution} (in a static check we cannot tell which scope kind it is). */
  static Set<String> executionMethods() {
    Set<String> all = new TreeSet<>(VARIABLE_METHODS);
    all.addAll(EXECUTION_METHODS);
    return all;
  }

  static Set<String> taskMethods() {
    Set<String> all = new TreeSet<>(VARIABLE_METHODS);
    all.addAll(TASK_METHODS);
    return all;
  }

  /** Helper name → methods, for messages. */
  static Map<String, Set<String>> helpers() {
    return new TreeMap<>(HELPERS);
  }
}
