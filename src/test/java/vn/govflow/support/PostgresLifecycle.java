package vn.govflow.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stops the embedded PostgreSQL after the context's data source is closed: the data source is made to depend
 * on the stopper, and Spring destroys dependents first.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresLifecycle {
  static final String STOPPER = "embeddedPostgresStopper";

  @Bean(STOPPER)
  DisposableBean embeddedPostgresStopper() {
    return TestDatabases::stopPostgres;
  }

  @Bean
  static BeanFactoryPostProcessor dataSourcesDependOnPostgres() {
    return factory -> {
      for (String name : factory.getBeanNamesForType(DataSource.class, true, false)) {
        BeanDefinition definition = factory.getBeanDefinition(name);
        List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
            : Arrays.asList(definition.getDependsOn()));
        dependsOn.add(STOPPER);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
      }
    };
  }
}
