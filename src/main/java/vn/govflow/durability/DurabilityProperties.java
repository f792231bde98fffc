package vn.govflow.durability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard GovFlow works to keep what it acknowledged (README "Durability and backups").
 *
 * @param mode        SAFE (default): every acknowledged write is on disk when the answer leaves; FAST: commits
 *                    are written a moment later (H2: up to about a second; PostgreSQL: synchronous_commit off),
 *                    so a crash loses the last acknowledged work. Only an operator who accepts that sets FAST.
 * @param jobLockTime how long a job executor holds a job it took: after a crash, the jobs the dead process held
 *                    run again once this has passed. Longer than any job's run (an e-mail send with its SMTP
 *                    timeouts is the longest, about 30 s), short enough that work resumes soon after a restart.
 */
@ConfigurationProperties("govflow.durability")
public record DurabilityProperties(Mode mode, Duration jobLockTime) {
  public enum Mode { SAFE, FAST }

  public DurabilityProperties {
    mode = mode == null ? Mode.SAFE : mode;
    jobLockTime = jobLockTime == null ? Duration.ofMinutes(2) : jobLockTime;
    if (jobLockTime.isNegative() || jobLockTime.isZero()) {
      throw new IllegalArgumentException("govflow.durability.job-lock-time must be positive");
    }
  }
}
