package vn.govflow.support;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Waiting for what the engine does asynchronously (jobs after a commit, mail, a browser's page): one polling loop
 * for every integration scenario, so time limits and failure messages are the same everywhere.
 */
public final class Await {
  public static final Duration LIMIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  /** Polls the condition until it holds; fails after {@link #LIMIT}. */
  public static void until(BooleanSupplier condition) {
    until(condition, LIMIT, POLL, () -> "Condition not met within " + LIMIT.toSeconds() + " s");
  }

  /** Polls every {@code poll} until the condition holds; fails after {@code limit} with the message. */
  public static void until(BooleanSupplier condition, Duration limit, Duration poll, Supplier<String> failure) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(failure.get());
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The first open task of this definition key on the process instance, once the engine has created it. */
  public static Task task(TaskService tasks, String processInstanceId, String taskDefinitionKey) {
    return newTask(tasks, processInstanceId, taskDefinitionKey, null);
  }

  /** An open task of this key other than {@code previousId} (the same step reached again, e.g. after a return). */
  public static Task newTask(TaskService tasks, String processInstanceId, String taskDefinitionKey,
      String previousId) {
    Task[] found = new Task[1];
    until(() -> {
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(taskDefinitionKey).list();
      found[0] = open.stream().filter(t -> !t.getId().equals(previousId)).findFirst().orElse(null);
      return found[0] != null;
    }, LIMIT, POLL, () -> "No task " + taskDefinitionKey + " on process instance " + processInstanceId + " within "
        + LIMIT.toSeconds() + " s");
    return found[0];
  }
}
