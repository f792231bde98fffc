package vn.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared harness itself: a module's models are found by folder, and the await helper gives up in time. */
class ModuleEngineTest {

  @ParameterizedTest
  @ValueSource(strings = {"incoming", "portal"})
  void deploysEveryModelFileInTheModulesFoldersAndNothingElse(String module) throws IOException {
    // What a designer sees in the repository's folders is what the tests deploy.
    List<String> onDisk = new ArrayList<>();
    for (String folder : ModuleEngine.MODEL_FOLDERS) {
      Path dir = Path.of(folder, module);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.filter(Files::isRegularFile).forEach(f -> onDisk.add(f.toString().replace('\\', '/')));
        }
      }
    }
    assertThat(onDisk).isNotEmpty();
    assertThat(ModuleEngine.resources(module)).containsExactlyInAnyOrderElementsOf(onDisk)
        .anyMatch(r -> r.startsWith("processes/" + module + "/") && r.endsWith(".bpmn"))
        .anyMatch(r -> r.startsWith("dmn/" + module + "/") && r.endsWith(".dmn"))
        .anyMatch(r -> r.startsWith("forms/" + module + "/") && r.endsWith(".form"));
  }

  @Test
  void aModuleWithoutAProcessModelIsAMistakeNotAnEmptyDeployment() {
    assertThatThrownBy(() -> ModuleEngine.resources("no-such-module"))
        .hasMessageContaining("processes/no-such-module");
  }

  @Test
  void awaitReturnsOnceTheConditionHoldsAndFailsWithTheMessageAfterTheLimit() {
    AtomicInteger polls = new AtomicInteger();
    Await.until(() -> polls.incrementAndGet() >= 3);
    assertThat(polls).hasValue(3);

    long start = System.nanoTime();
    assertThatThrownBy(() -> Await.until(() -> false, Duration.ofMillis(300), Duration.ofMillis(50),
        () -> "still waiting")).isInstanceOf(AssertionError.class).hasMessage("still waiting");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
  }
}
