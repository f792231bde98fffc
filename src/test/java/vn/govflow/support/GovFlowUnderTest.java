package vn.govflow.support;

import org.springframework.context.ApplicationContext;

/**
 * What scenario interfaces need from a running GovFlow. Scenarios written once as interfaces with default test
 * methods run on H2 and on PostgreSQL by being implemented by one test class per database.
 */
public interface GovFlowUnderTest {
  ApplicationContext context();

  String baseUrl();

  default <T> T bean(Class<T> type) {
    return context().getBean(type);
  }

  default SsoClient signIn(String username) {
    return SsoClient.signIn(baseUrl(), username, SsoClient.DEMO_PASSWORD);
  }

  default SsoClient anonymous() {
    return new SsoClient(baseUrl());
  }
}
