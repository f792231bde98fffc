package vn.govflow.designer;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.govflow.engine.ModelVocabulary;

/**
 * Camunda 7 element templates for GovFlow's own delegates, one per bean {@link ModelVocabulary} lets a module's
 * processes name: a service task template for a JavaDelegate, a listener template for a task or execution
 * listener. A template writes {@code camunda:delegateExpression="${bean}"} (hidden, not editable) and offers the
 * fields and input parameters the shipped processes give that delegate, so designers pick, never type, bean names.
 * Names, descriptions and categories are in the person's language (designer.template.* in the designer's messages;
 * a bean without words there keeps its bean name).
 */
@Component
public class ElementTemplates {
  static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema@0.1.0/resources/schema.json";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final ApplicationContext context;
  private final DesignModels models;
  private final MessageSource messages;

  ElementTemplates(ApplicationContext context, DesignModels models, MessageSource messages) {
    this.context = context;
    this.models = models;
    this.messages = messages;
  }

  /** The templates in Vietnamese (GovFlow's first language). */
  public List<Map<String, Object>> templates() {
    return templates(Locale.forLanguageTag("vi"));
  }

  public List<Map<String, Object>> templates(Locale locale) {
    Words words = new Words(messages, locale);
    Map<String, Usage> usages = usages();
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Set<String>> modules = new TreeMap<>(ModelVocabulary.delegatesByModule());
    for (Map.Entry<String, Set<String>> module : modules.entrySet()) {
      for (String bean : new TreeSet<>(module.getValue())) {
        out.add(template(module.getKey(), bean, usages.getOrDefault(bean, new Usage()), words));
      }
    }
    for (String bean : new TreeSet<>(ModelVocabulary.sharedDelegates())) {
      out.add(template("casework", bean, usages.getOrDefault(bean, new Usage()), words));
    }
    return out;
  }

  private Map<String, Object> template(String module, String bean, Usage usage, Words words) {
    Class<?> type = context.containsBean(bean) ? context.getType(bean) : null;
    boolean delegate = type == null || JavaDelegate.class.isAssignableFrom(type);
    boolean taskListener = type != null && TaskListener.class.isAssignableFrom(type);
    boolean executionListener = type != null && ExecutionListener.class.isAssignableFrom(type);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("$schema", SCHEMA);
    t.put("id", "govflow." + module + "." + bean);
    String moduleName = words.get("module." + module, module);
    String what = words.get(bean + ".description", delegate ? "" : words.get(taskListener ? "taskListener"
        : "executionListener", ""));
    t.put("name", words.get(bean + ".name", bean + " (" + module + ")"));
    t.put("version", 1);
    // The bean's name stays in the description: the template chooser searches it, and it is what the XML holds.
    t.put("description", words.format("description", what, moduleName, bean).replaceFirst("^ · ", ""));
    t.put("category", Map.of("id", module, "name", moduleName));
    t.put("appliesTo", delegate ? List.of("bpmn:ServiceTask", "bpmn:SendTask")
        : taskListener ? List.of("bpmn:UserTask") : List.of("bpmn:Task", "bpmn:Event", "bpmn:Gateway"));
    List<Map<String, Object>> properties = new ArrayList<>();
    if (delegate) {
      properties.add(Map.of("type", "Hidden", "value", "${" + bean + "}", "editable", false,
          "binding", Map.of("type", "property", "name", "camunda:delegateExpression")));
      if (usage.async) {
        properties.add(Map.of("label", words.get("async", "Asynchronous before"), "type", "Boolean", "value", true,
            "binding", Map.of("type", "property", "name", "camunda:asyncBefore")));
      }
    } else if (executionListener || taskListener) {
      // Camunda 7 templates bind listeners with the camunda:executionListener binding (scripts are refused anyway).
      properties.add(Map.of("type", "Hidden", "value", "${" + bean + "}", "editable", false,
          "binding", Map.of("type", taskListener ? "camunda:taskListener" : "camunda:executionListener",
              "event", usage.event == null ? (taskListener ? "create" : "start") : usage.event,
              "implementationType", "delegateExpression")));
    }
    for (String field : usage.fields) {
      properties.add(Map.of("label", words.format("field", field), "type", "String",
          "binding", Map.of("type", "camunda:field", "name", field)));
    }
    for (String input : usage.inputs) {
      properties.add(Map.of("label", words.format("input", input), "type", "String",
          "binding", Map.of("type", "camunda:inputParameter", "name", input)));
    }
    t.put("properties", properties);
    // Camunda 7's template schema takes a boolean here (the per-entry object is Camunda 8's): the panel's other
    // entries stay visible; the delegate expression is the template's own hidden, non-editable property.
    t.put("entriesVisible", true);
    return t;
  }

  /** How the shipped processes use each delegate: its fields, inputs, listener event, async flag. */
  private Map<String, Usage> usages() {
    Map<String, Usage> out = new TreeMap<>();
    for (DesignModels.ModelFile f : models.files()) {
      if (f.kind() != DesignKind.BPMN) {
        continue;
      }
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        NodeList all = factory.newDocumentBuilder().parse(new ByteArrayInputStream(f.content()))
            .getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
          Element e = (Element) all.item(i);
          String expression = e.getAttributeNS(CAMUNDA_NS, "delegateExpression");
          if (expression.isEmpty()) {
            continue;
          }
          String bean = expression.replace("${", "").replace("#{", "").replace("}", "").strip();
          Usage u = out.computeIfAbsent(bean, b -> new Usage());
          if (CAMUNDA_NS.equals(e.getNamespaceURI())) {
            u.event = e.getAttribute("event").isEmpty() ? u.event : e.getAttribute("event");
          } else {
            u.async |= "true".equals(e.getAttributeNS(CAMUNDA_NS, "asyncBefore"));
          }
          NodeList inner = e.getElementsByTagNameNS(CAMUNDA_NS, "*");
          for (int j = 0; j < inner.getLength(); j++) {
            Element c = (Element) inner.item(j);
            if ("field".equals(c.getLocalName())) {
              u.fields.add(c.getAttribute("name"));
            } else if ("inputParameter".equals(c.getLocalName())) {
              u.inputs.add(c.getAttribute("name"));
            }
          }
        }
      } catch (Exception e) {
        // A file the build's lint reads cannot fail here; skip it rather than fail the editor.
      }
    }
    return out;
  }

  /** The designer's words for templates (designer.template.*) in one language. */
  private record Words(MessageSource messages, Locale locale) {
    String get(String key, String fallback) {
      return messages.getMessage("designer.template." + key, null, fallback, locale);
    }

    String format(String key, Object... args) {
      return messages.getMessage("designer.template." + key, args, String.valueOf(args[0]), locale);
    }
  }

  private static final class Usage {
    final Set<String> fields = new TreeSet<>();
    final Set<String> inputs = new TreeSet<>();
    String event;
    boolean async;
  }
}
