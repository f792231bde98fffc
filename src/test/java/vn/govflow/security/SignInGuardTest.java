package vn.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The lock grows with each failure past the threshold, and stops growing at its ceiling. */
class SignInGuardTest {
  @Test
  void lockDoublesPastTheThresholdUpToTheCeiling() {
    SignInGuard guard = new SignInGuard(null, null, null, null, 5, Duration.ofMinutes(1), Duration.ofHours(1),
        Duration.ofDays(1), 20, Duration.ofMinutes(15), Duration.ofMinutes(15), ZoneId.of("Asia/Ho_Chi_Minh"));
    assertThat(guard.lockFor(4)).isZero();
    assertThat(guard.lockFor(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(guard.lockFor(6)).isEqualTo(Duration.ofMinutes(2));
    assertThat(guard.lockFor(8)).isEqualTo(Duration.ofMinutes(8));
    assertThat(guard.lockFor(12)).isEqualTo(Duration.ofHours(1));
    assertThat(guard.lockFor(1_000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void namesAreComparedWithoutCaseOrSpaces() {
    assertThat(SignInGuard.key(" MaiVT.SKHCN ")).isEqualTo("maivt.skhcn");
    assertThat(SignInGuard.key("x".repeat(300))).hasSize(64);
    assertThat(SignInGuard.key(null)).isEmpty();
  }
}
