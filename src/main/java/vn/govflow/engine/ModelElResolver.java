package vn.govflow.engine;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * The last resolver of the engine's EL chain, in place of JUEL's unrestricted bean resolver: method calls and
 * property reads on objects (maps, lists and arrays are resolved before it) only where {@link ModelVocabulary}
 * allows them: variable accessors and read-only facts on execution and task, the helpers' listed methods.
 * Everything else (getClass(), getProcessEngineServices(), a String's or a delegate's methods) is refused, so a
 * model cannot reach reflection or the engine's services whatever it holds in a variable.
 */
final class ModelElResolver extends ELResolver {
  private final BeanELResolver beans = new BeanELResolver(true);
  /** Helper name → the bean instance; compared by identity so a variable of the same class gains nothing. */
  private final Map<String, Object> helperBeans;

  ModelElResolver(Map<String, Object> helperBeans) {
    this.helperBeans = helperBeans;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base == null || method == null) {
      return null;
    }
    String name = method.toString();
    if (!allowed(base, name)) {
      throw new MethodNotFoundException("Method '" + name + "' may not be called in a GovFlow model");
    }
    return beans.invoke(context, base, method, paramTypes, params);
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null || property == null) {
      return null;
    }
    if (!allowed(base, getter(property.toString()))) {
      throw new PropertyNotFoundException("Property '" + property + "' may not be read in a GovFlow model");
    }
    return beans.getValue(context, base, property);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (base == null || property == null || !allowed(base, getter(property.toString()))) {
      return null;
    }
    return beans.getType(context, base, property);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base != null) {
      throw new PropertyNotWritableException("Properties may not be written in a GovFlow model");
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (base != null) {
      context.setPropertyResolved(true);
    }
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return Collections.emptyIterator();
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base == null ? null : Object.class;
  }

  boolean allowed(Object base, String method) {
    if (base instanceof VariableScope && ModelVocabulary.VARIABLE_METHODS.contains(method)) {
      return true;
    }
    if (base instanceof DelegateExecution && ModelVocabulary.EXECUTION_METHODS.contains(method)) {
      return true;
    }
    if (base instanceof DelegateTask && ModelVocabulary.TASK_METHODS.contains(method)) {
      return true;
    }
    for (Map.Entry<String, Set<String>> helper : ModelVocabulary.HELPERS.entrySet()) {
      if (helper.getValue().contains(method) && helperBeans.get(helper.getKey()) == base) {
        return true;
      }
    }
    return false;
  }

  private static String getter(String property) {
    return property.isEmpty() ? "" : "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
  }
}
