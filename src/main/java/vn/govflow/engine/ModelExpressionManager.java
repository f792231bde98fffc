package vn.govflow.engine;

import java.util.Map;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager with a closed vocabulary. Camunda's Spring manager resolves any bean of the
 * application context and JUEL's bean resolver calls any public method; this one resolves only the beans
 * given (the {@link ModelVocabulary}) and ends the chain with {@link ModelElResolver}. No process application,
 * test-mock or Spring context resolver takes part.
 */
public class ModelExpressionManager extends JuelExpressionManager {
  private final Map<String, Object> vocabularyBeans;

  /** @param vocabularyBeans the beans a model may name (bean name → bean; may be resolved lazily). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public ModelExpressionManager(Map<String, Object> vocabularyBeans) {
    super((Map) vocabularyBeans);
    this.vocabularyBeans = vocabularyBeans;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new ReadOnlyMapELResolver((Map) vocabularyBeans));
    resolver.add(new ArrayELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new MapELResolver(true));
    resolver.add(new ModelElResolver(vocabularyBeans));
    return resolver;
  }
}
