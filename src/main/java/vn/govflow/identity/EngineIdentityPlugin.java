package vn.govflow.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Plugs {@link EngineIdentityProvider} into the engine in place of its own user and group tables. */
@Component
class EngineIdentityPlugin extends AbstractProcessEnginePlugin {
  private final IdentityDirectory directory;

  EngineIdentityPlugin(IdentityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return ReadOnlyIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new EngineIdentityProvider(directory);
      }
    });
  }
}
