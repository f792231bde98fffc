package vn.govflow.engine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Closes the engine's side doors to the application: expressions see only the {@link ModelVocabulary} (through
 * {@link ModelExpressionManager}, replacing Camunda's Spring manager that sees every bean), scripts get the same
 * beans and no others, every deployment passes {@link DeploymentCheck}, and object variables deserialize only
 * into {@link SandboxDeserializationValidator}'s types.
 */
@Component
class SandboxEnginePlugin extends AbstractProcessEnginePlugin {
  private final ApplicationContext context;

  SandboxEnginePlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, Object> beans = new VocabularyBeans(context);
    configuration.setBeans((Map) beans);
    configuration.setExpressionManager(new ModelExpressionManager(beans));

    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    Set<String> vocabulary = ModelVocabulary.beanNames();
    preDeployers.add(new DeploymentCheck(
        new ModelChecker(name -> !vocabulary.contains(name) && context.containsBean(name)),
        () -> context.getBeanProvider(DeploymentOwnership.class).getIfAvailable()));
    configuration.setCustomPreDeployers(preDeployers);

    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationTypeValidator(new SandboxDeserializationValidator());
  }

  /**
   * The vocabulary's beans, fetched from the context when first named: the delegates depend on services that
   * depend on the engine, so they cannot be resolved while the engine is being built.
   */
  static final class VocabularyBeans extends AbstractMap<String, Object> {
    private final ApplicationContext context;
    private final Set<String> names = ModelVocabulary.beanNames();

    VocabularyBeans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object key) {
      return names.contains(key);
    }

    @Override
    public Object get(Object key) {
      return names.contains(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return names.stream().map(n -> (Entry<String, Object>) new SimpleImmutableEntry<>(n, context.getBean(n)))
          .collect(Collectors.toSet());
    }
  }
}
