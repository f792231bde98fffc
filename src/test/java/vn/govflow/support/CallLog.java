package vn.govflow.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.mockito.stubbing.Answer;

/**
 * What the Mockito doubles of a process's beans saw, written down when they were called: the execution or task a
 * bean receives changes afterwards (local variables are gone once the activity ends), so verifying its arguments
 * later would read the wrong state.
 */
public final class CallLog {
  private final Map<String, List<String>> calls = new ConcurrentHashMap<>();

  /** An answer for {@code doAnswer(...)} that records {@code seen(argument)} under the bean's name. */
  public <T> Answer<Void> record(String bean, Function<T, String> seen) {
    return invocation -> {
      T argument = invocation.getArgument(0);
      of(bean).add(seen.apply(argument));
      return null;
    };
  }

  /** What the bean saw, in call order (empty when it was not called). */
  public List<String> of(String bean) {
    return calls.computeIfAbsent(bean, b -> new CopyOnWriteArrayList<>());
  }

  public void clear() {
    calls.clear();
  }
}
