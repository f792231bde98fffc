package vn.govflow.durability;

import com.zaxxer.hikari.HikariDataSource;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What GovFlow acknowledges survives a crash (issue 12). On H2, committed transactions are by default written to
 * the file up to half a second later by a background thread (H2's WRITE_DELAY): a killed process lost them. In
 * SAFE mode every H2 file database is opened with WRITE_DELAY=0 (the store is written at each commit) through
 * {@link DurableH2Files} (and synced to the disk), whatever URL the operator gave. On PostgreSQL a session never
 * runs with synchronous_commit off, and a server that does not fsync is reported at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DurabilityProperties.class)
public class DurabilityConfig {
  private static final Logger log = LoggerFactory.getLogger(DurabilityConfig.class);
  private static final Pattern WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=[^;]*");
  private static final Pattern OTHER_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*");
  /** Raises a session's synchronous_commit from off only: a stronger server setting (remote_apply) stays. */
  static final String PG_SAFE_INIT = "SELECT CASE WHEN current_setting('synchronous_commit') = 'off'"
      + " THEN set_config('synchronous_commit', 'on', false) END";
  static final String PG_FAST_INIT = "SET synchronous_commit TO off";

  /** Runs before the pool opens its first connection (Hikari starts lazily), after the URL has been bound. */
  @Bean
  static BeanPostProcessor durableDataSources(Environment environment) {
    DurabilityProperties.Mode mode = Binder.get(environment).bind("govflow.durability.mode",
        DurabilityProperties.Mode.class).orElse(DurabilityProperties.Mode.SAFE);
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
          configure(hikari, mode);
        }
        return bean;
      }
    };
  }

  public static void configure(HikariDataSource hikari, DurabilityProperties.Mode mode) {
    String url = hikari.getJdbcUrl();
    if (url.startsWith("jdbc:h2:")) {
      String durable = h2Url(url, mode);
      if (!durable.equals(url)) {
        DurableH2Files.register();
        hikari.setJdbcUrl(durable);
      }
    } else if (url.startsWith("jdbc:postgresql:") && hikari.getConnectionInitSql() == null) {
      hikari.setConnectionInitSql(mode == DurabilityProperties.Mode.SAFE ? PG_SAFE_INIT : PG_FAST_INIT);
    }
  }

  /**
   * The H2 URL that makes every commit durable: a file database (plain, {@code file:} or already
   * {@code durable:}) gets the {@code durable:} file system and WRITE_DELAY=0 in place of any other delay.
   * In-memory, server (tcp/ssl) and other file systems are left as they are, as is every URL in FAST mode.
   */
  public static String h2Url(String url, DurabilityProperties.Mode mode) {
    if (mode != DurabilityProperties.Mode.SAFE) {
      return url;
    }
    String rest = url.substring("jdbc:h2:".length());
    int semicolon = rest.indexOf(';');
    String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
    String settings = semicolon < 0 ? "" : rest.substring(semicolon);
    if (name.startsWith("file:")) {
      name = name.substring("file:".length());
    } else if (name.startsWith(DurableH2Files.SCHEME + ":")) {
      name = name.substring(DurableH2Files.SCHEME.length() + 1);
    } else if (OTHER_SCHEME.matcher(name).matches()) {
      return url; // mem:, tcp:, ssl:, zip:, nio… : not a local file we can make durable here
    }
    return "jdbc:h2:" + DurableH2Files.SCHEME + ":" + name + WRITE_DELAY.matcher(settings).replaceAll("")
        + ";WRITE_DELAY=0";
  }

  /**
   * Jobs a crashed process had taken stay locked to it until the lock expires; then this process runs them.
   * Camunda's default is 5 minutes.
   */
  @Bean
  static AbstractProcessEnginePlugin jobLockTime(DurabilityProperties properties) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (executor != null) {
          executor.setLockTimeInMillis((int) Math.min(Integer.MAX_VALUE, properties.jobLockTime().toMillis()));
        }
      }
    };
  }

  @Bean
  DurabilityReport durabilityReport(DataSource dataSource, DurabilityProperties properties) {
    return new DurabilityReport(dataSource, properties);
  }

  /** Says at start-up what a crash can cost with this configuration. */
  static final class DurabilityReport {
    private final DataSource dataSource;
    private final DurabilityProperties properties;

    DurabilityReport(DataSource dataSource, DurabilityProperties properties) {
      this.dataSource = dataSource;
      this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
      try {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
          String fsync = jdbc.queryForObject("SHOW fsync", String.class);
          String syncCommit = jdbc.queryForObject("SHOW synchronous_commit", String.class);
          if ("off".equals(fsync)) {
            log.warn("Durability: the PostgreSQL server runs with fsync=off: a crash of its machine can lose or"
                + " corrupt acknowledged work. Turn fsync on in postgresql.conf.");
          }
          log.info("Durability: mode {}, PostgreSQL fsync={}, synchronous_commit={} for GovFlow's sessions,"
              + " job lock time {}", properties.mode(), fsync, syncCommit, properties.jobLockTime());
        } else {
          log.info("Durability: mode {} ({}), job lock time {}", properties.mode(),
              properties.mode() == DurabilityProperties.Mode.SAFE
                  ? "each commit written and synced before the answer"
                  : "commits written up to about a second later: a crash loses the last acknowledged work",
              properties.jobLockTime());
        }
      } catch (RuntimeException e) {
        log.warn("Durability: could not read the database's settings: {}", e.toString());
      }
    }
  }
}
