package vn.govflow.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The one rule set every model passes before the engine deploys it (at start, from Cockpit or the REST API, and
 * in the build's ModelLintTest): no scripts anywhere, no {@code camunda:class}, delegates only from the
 * process's own module, expressions only over the {@link ModelVocabulary}, and, in a deployment made by a
 * person, no timer, message, signal or conditional start event unless that person may start the process.
 * Reads the XML itself (namespaces-aware, no DTDs or external entities), so nothing the engine's parser would
 * accept slips past because a model API did not expose it.
 */
public final class ModelChecker {
  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Set<String> START_TRIGGERS = Set.of("timerEventDefinition", "messageEventDefinition",
      "signalEventDefinition", "conditionalEventDefinition");
  /** Elements whose text the engine never evaluates. */
  private static final Set<String> PROSE = Set.of("documentation", "text");
  private static final Set<String> PLAIN_ATTRIBUTES = Set.of("id", "name");
  private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  /** One rule broken at one element. */
  public record Problem(String resource, String elementId, String rule, String messageVi, String messageEn) {
    @Override
    public String toString() {
      return resource + " " + elementId + " [" + rule + "] " + messageEn;
    }
  }

  /**
   * Who deploys. {@code person} false: the build or the application itself (reviewed code). Otherwise
   * {@code mayStart} answers whether that person may start a process by its key.
   */
  public record Deployer(boolean person, Predicate<String> mayStart) {
    public static final Deployer BUILD = new Deployer(false, key -> true);
  }

  private final Predicate<String> otherBean;

  /** @param otherBean true for a name of an application bean that is not in the vocabulary (at run time). */
  public ModelChecker(Predicate<String> otherBean) {
    this.otherBean = otherBean;
  }

  /** A checker without knowledge of the application's beans (the build). */
  public ModelChecker() {
    this(name -> false);
  }

  /** Problems of one deployment resource; resources other than models have none. */
  public List<Problem> check(String resource, byte[] content, Deployer deployer) {
    String lower = resource.toLowerCase(Locale.ROOT);
    List<Problem> problems = new ArrayList<>();
    if (lower.endsWith(".cmmn") || lower.endsWith(".cmmn11.xml") || lower.endsWith(".cmmn10.xml")) {
      problems.add(new Problem(resource, resource, "cmmn",
          "GovFlow không dùng mô hình CMMN.", "GovFlow does not run CMMN models."));
      return problems;
    }
    boolean bpmn = lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
    boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
    if (!bpmn && !dmn) {
      return problems;
    }
    Document doc;
    try {
      doc = parser().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      problems.add(new Problem(resource, resource, "xml", "Tệp mô hình không đọc được (XML không hợp lệ).",
          "The model file cannot be read (invalid XML)."));
      return problems;
    }
    new Walk(resource, bpmn, deployer, problems).element(doc.getDocumentElement());
    return problems;
  }

  private static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder();
  }

  private final class Walk {
    final String resource;
    final boolean bpmn;
    final Deployer deployer;
    final List<Problem> problems;

    Walk(String resource, boolean bpmn, Deployer deployer, List<Problem> problems) {
      this.resource = resource;
      this.bpmn = bpmn;
      this.deployer = deployer;
      this.problems = problems;
    }

    void element(Element e) {
      String local = e.getLocalName();
      String where = elementId(e);
      String module = ModelVocabulary.moduleOfProcess(processId(e));
      if (bpmn && ("scriptTask".equals(local) || "script".equals(local))) {
        refuse(where, "script", "Không được dùng script (script task, script listener, script input/output).",
            "Scripts are not allowed (script task, script listener, script input/output).");
      }
      if (bpmn && "startEvent".equals(local) && isProcessLevel(e) && deployer.person()) {
        for (Element child : children(e)) {
          if (START_TRIGGERS.contains(child.getLocalName())
              && !deployer.mayStart().test(processId(e))) {
            refuse(where, "start-event", "Sự kiện bắt đầu theo hẹn giờ, thông điệp, tín hiệu hoặc điều kiện sẽ "
                + "chạy quy trình mà người triển khai không có quyền khởi tạo.",
                "A timer, message, signal or conditional start event would run a process its deployer may "
                + "not start.");
          }
        }
      }
      if (bpmn && "callActivity".equals(local)) {
        String called = e.getAttribute("calledElement");
        if (!called.isEmpty() && !called.contains("${") && !called.contains("#{")
            && !ModelVocabulary.moduleOfProcess(called).equals(module)) {
          refuse(where, "call-activity", "Chỉ được gọi quy trình của cùng phân hệ (" + module + "-…).",
              "A call activity may only call a process of the same module (" + module + "-…).");
        }
      }
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        attribute(e, (Attr) attributes.item(i), where, module);
      }
      NodeList nodes = e.getChildNodes();
      for (int i = 0; i < nodes.getLength(); i++) {
        org.w3c.dom.Node n = nodes.item(i);
        if (n instanceof Element child) {
          element(child);
        } else if ((n.getNodeType() == org.w3c.dom.Node.TEXT_NODE
            || n.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) && !PROSE.contains(local)) {
          expression(n.getNodeValue(), where, module);
        }
      }
    }

    void attribute(Element owner, Attr a, String where, String module) {
      String ns = a.getNamespaceURI();
      String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
      String value = a.getValue();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) || PLAIN_ATTRIBUTES.contains(name)) {
        return;
      }
      if (!bpmn) {
        // DMN: FEEL (the default) and JUEL only; JavaScript, Groovy, Python … are scripts.
        if ("expressionLanguage".equals(name) && !isFeelOrJuel(value)) {
          refuse(where, "script", "Bảng quyết định chỉ được dùng FEEL hoặc JUEL, không dùng " + value + ".",
              "Decision tables may use FEEL or JUEL only, not " + value + ".");
        }
        return;
      }
      boolean extension = ns != null && !BPMN_NS.equals(ns);
      if (extension && "class".equals(name)) {
        refuse(where, "class", "Không được gọi lớp Java trực tiếp (camunda:class); hãy dùng delegate của phân hệ.",
            "Java classes may not be named directly (camunda:class); use a delegate of the module.");
      } else if (extension && "resource".equals(name)) {
        refuse(where, "script", "Không được nạp script từ tệp (camunda:resource).",
            "Scripts may not be loaded from a resource (camunda:resource).");
      } else if ("scriptFormat".equals(name) || ("language".equals(name) && !value.isBlank()
          && !"juel".equalsIgnoreCase(value.trim()))) {
        refuse(where, "script", "Không được dùng script (" + value + ").", "Scripts are not allowed (" + value + ").");
      } else if ("delegateExpression".equals(name)) {
        delegate(value, where, module);
      } else {
        expression(value, where, module);
      }
    }

    void delegate(String value, String where, String module) {
      Node root = parse(value, where);
      if (root == null) {
        return;
      }
      if (!(root instanceof AstEval) || !(root.getChild(0) instanceof AstIdentifier id)) {
        refuse(where, "delegate", "delegateExpression phải là tên một delegate: ${tenDelegate}.",
            "delegateExpression must name one delegate: ${delegateName}.");
        return;
      }
      String bean = id.getName();
      if (ModelVocabulary.isSharedDelegate(bean)) {
        return;
      }
      String owner = ModelVocabulary.moduleOf(bean).orElse(null);
      if (owner == null) {
        refuse(where, "delegate", "'" + bean + "' không phải delegate được phép của GovFlow.",
            "'" + bean + "' is not an allowed GovFlow delegate.");
      } else if (!owner.equals(module)) {
        refuse(where, "other-module", "Delegate '" + bean + "' thuộc phân hệ " + owner
            + ", không dùng được trong quy trình của phân hệ '" + module + "'.",
            "Delegate '" + bean + "' belongs to module " + owner + " and cannot be used by a process of module '"
            + module + "'.");
      }
    }

    void expression(String text, String where, String module) {
      if (text == null || (!text.contains("${") && !text.contains("#{"))) {
        return;
      }
      Node root = parse(text.trim(), where);
      if (root != null) {
        node(root, where, module);
      }
    }

    Node parse(String text, String where) {
      try {
        return JUEL.build(text).getRoot();
      } catch (TreeBuilderException e) {
        refuse(where, "expression", "Biểu thức không đọc được: " + abbreviate(text),
            "The expression cannot be read: " + abbreviate(text));
        return null;
      }
    }

    void node(Node n, String where, String module) {
      if (n instanceof AstMethod) {
        Node property = n.getChild(0);
        Node base = property.getChild(0);
        String method = property instanceof AstDot ? dotName(property) : null;
        Set<String> allowed = base instanceof AstIdentifier id ? callable(id.getName()) : null;
        if (method == null || allowed == null || !allowed.contains(method)) {
          refuse(where, "method", "Không được gọi phương thức " + describe(base, method)
              + " (chỉ các phương thức biến của execution/task và " + helpers() + ").",
              "The method " + describe(base, method) + " may not be called (only execution/task variable "
              + "methods and " + helpers() + ").");
        }
        node(base, where, module);
        if (property instanceof AstBracket) {
          node(property.getChild(1), where, module);
        }
        node(n.getChild(1), where, module);
        return;
      }
      if ((n instanceof AstDot || n instanceof AstBracket) && n.getChild(0) instanceof AstIdentifier id) {
        String base = id.getName();
        String property = n instanceof AstDot ? dotName(n) : null;
        Set<String> allowed = "execution".equals(base) ? ModelVocabulary.executionMethods()
            : "task".equals(base) ? ModelVocabulary.taskMethods() : null;
        boolean bean = ModelVocabulary.isHelper(base) || ModelVocabulary.isSharedDelegate(base)
            || ModelVocabulary.moduleOf(base).isPresent()
            || otherBean.test(base);
        if ((allowed != null && (property == null || !allowed.contains(getter(property)))) || bean) {
          refuse(where, "property", "Không được đọc thuộc tính " + describe(n.getChild(0), property) + ".",
              "The property " + describe(n.getChild(0), property) + " may not be read.");
        }
      }
      if (n instanceof AstFunction f && !ModelVocabulary.FUNCTIONS.contains(f.getName())) {
        refuse(where, "function", "Không được gọi hàm " + f.getName() + "().",
            "The function " + f.getName() + "() may not be called.");
      }
      if (n instanceof AstIdentifier id) {
        String name = id.getName();
        String owner = ModelVocabulary.moduleOf(name).orElse(null);
        if (owner != null && !owner.equals(module)) {
          refuse(where, "other-module", "'" + name + "' thuộc phân hệ " + owner + ".",
              "'" + name + "' belongs to module " + owner + ".");
        } else if (owner == null && !ModelVocabulary.isHelper(name) && otherBean.test(name)) {
          refuse(where, "bean", "'" + name + "' không thuộc danh mục bean mô hình được dùng.",
              "'" + name + "' is not in the vocabulary of beans models may use.");
        }
      }
      for (int i = 0; i < n.getCardinality(); i++) {
        node(n.getChild(i), where, module);
      }
    }

    Set<String> callable(String base) {
      if ("execution".equals(base)) {
        return ModelVocabulary.executionMethods();
      }
      if ("task".equals(base)) {
        return ModelVocabulary.taskMethods();
      }
      return ModelVocabulary.HELPERS.get(base);
    }

    void refuse(String where, String rule, String vi, String en) {
      problems.add(new Problem(resource, where, rule, vi, en));
    }
  }

  private static String helpers() {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, Set<String>> h : ModelVocabulary.helpers().entrySet()) {
      s.append(s.isEmpty() ? "" : ", ").append(h.getKey()).append('.').append(new java.util.TreeSet<>(h.getValue()));
    }
    return s.toString();
  }

  private static String describe(Node base, String member) {
    String b = base instanceof AstIdentifier id ? id.getName() : "(…)";
    return b + "." + (member == null ? "[…]" : member);
  }

  /** AstDot prints itself as ". name"; its field is not public. */
  private static String dotName(Node dot) {
    String s = dot.toString();
    return s.startsWith(". ") ? s.substring(2) : s;
  }

  private static String getter(String property) {
    return property.isEmpty() ? "" : "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
  }

  private static boolean isFeelOrJuel(String language) {
    String l = language.toLowerCase(Locale.ROOT);
    return l.isBlank() || l.contains("feel") || l.equals("juel");
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "…";
  }

  private static String elementId(Element e) {
    for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
      if (!el.getAttribute("id").isEmpty()) {
        return el.getAttribute("id");
      }
    }
    return "";
  }

  private static String processId(Element e) {
    for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
      if (BPMN_NS.equals(el.getNamespaceURI()) && "process".equals(el.getLocalName())) {
        return el.getAttribute("id");
      }
    }
    return "";
  }

  /** A start event of the process itself, not of an (event) sub-process inside a running instance. */
  private static boolean isProcessLevel(Element startEvent) {
    org.w3c.dom.Node parent = startEvent.getParentNode();
    return parent instanceof Element p && "process".equals(p.getLocalName());
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child) {
        out.add(child);
      }
    }
    return out;
  }
}
