package vn.govflow.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A whole GovFlow on a real port, with the embedded issuer, so tests sign in exactly as a person does. The
 * port is chosen before the context starts because the issuer's URL (and the tokens it signs) contain it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTestBase implements GovFlowUnderTest {
  @Autowired
  private ApplicationContext context;

  protected abstract int port();

  @Override
  public ApplicationContext context() {
    return context;
  }

  @Override
  public String baseUrl() {
    return "http://localhost:" + port();
  }
}
