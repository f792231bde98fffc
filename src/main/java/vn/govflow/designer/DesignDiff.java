package vn.govflow.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployment changes against the deployed version: a readable summary (elements added, removed, changed,
 * by id; the diagram's layout is not an element) and a unified text diff, kept with the deployment's audit.
 */
final class DesignDiff {
  record Result(List<String> added, List<String> removed, List<String> changed, String unified) {
    String summary() {
      if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
        return unified.isEmpty() ? "no change" : "layout or text only";
      }
      return "added " + added + "; removed " + removed + "; changed " + changed;
    }
  }

  private DesignDiff() {}

  static Result of(DesignKind kind, byte[] before, byte[] after) {
    String a = before == null ? "" : new String(before, StandardCharsets.UTF_8);
    String b = new String(after, StandardCharsets.UTF_8);
    Map<String, String> was = before == null ? Map.of() : elements(kind, before);
    Map<String, String> now = elements(kind, after);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    now.forEach((id, sig) -> {
      if (!was.containsKey(id)) {
        added.add(id);
      } else if (!was.get(id).equals(sig)) {
        changed.add(id);
      }
    });
    was.keySet().stream().filter(id -> !now.containsKey(id)).forEach(removed::add);
    return new Result(added, removed, changed, unified(a, b, "deployed", "draft"));
  }

  /** Element id → its own content (attributes, text, children without an id of their own). */
  static Map<String, String> elements(DesignKind kind, byte[] content) {
    Map<String, String> out = new TreeMap<>();
    try {
      if (kind == DesignKind.FORM) {
        JsonNode form = new ObjectMapper().readTree(content);
        components(form.path("components"), out);
        return out;
      }
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      walk(f.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement(), out);
    } catch (Exception e) {
      // An unreadable side has no elements; the text diff still shows it.
    }
    return out;
  }

  private static void components(JsonNode list, Map<String, String> out) {
    for (JsonNode c : list) {
      if (c.hasNonNull("id")) {
        out.put(c.get("id").asText(), c.toString());
      }
      components(c.path("components"), out);
    }
  }

  private static void walk(Element e, Map<String, String> out) {
    // The diagram interchange (bpmndi/dmndi) is layout: moving a shape is not a change of the model.
    String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
    if (ns.contains("/DI") || ns.contains("DMNDI") || ns.contains("/DD/")) {
      return;
    }
    if (!e.getAttribute("id").isEmpty() && !"definitions".equals(e.getLocalName())) {
      out.put(e.getAttribute("id"), signature(e));
    }
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child) {
        walk(child, out);
      }
    }
  }

  private static String signature(Element e) {
    StringBuilder s = new StringBuilder(e.getLocalName()).append('[');
    NamedNodeMap attributes = e.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      sorted.put(a.getNodeName(), a.getNodeValue());
    }
    s.append(sorted).append(']');
    NodeList nodes = e.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element child) {
        // A child with an id of its own is an element of its own: added, removed or changed by itself.
        if (child.getAttribute("id").isEmpty()) {
          s.append(signature(child));
        }
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        s.append(n.getNodeValue().strip());
      }
    }
    return s.toString();
  }

  /** A unified diff of two texts by lines, three lines of context. */
  static String unified(String before, String after, String nameBefore, String nameAfter) {
    String[] a = before.isEmpty() ? new String[0] : before.split("\r?\n", -1);
    String[] b = after.split("\r?\n", -1);
    int n = a.length;
    int m = b.length;
    // Common prefix and suffix first, so the quadratic table covers only the changed middle.
    int start = 0;
    while (start < n && start < m && a[start].equals(b[start])) {
      start++;
    }
    int endA = n;
    int endB = m;
    while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
      endA--;
      endB--;
    }
    int rows = endA - start;
    int cols = endB - start;
    List<String[]> ops = new ArrayList<>(); // {op, text, indexA, indexB}
    if ((long) rows * cols > 25_000_000L) {
      for (int i = start; i < endA; i++) {
        ops.add(new String[] {"-", a[i]});
      }
      for (int j = start; j < endB; j++) {
        ops.add(new String[] {"+", b[j]});
      }
    } else {
      int[][] lcs = new int[rows + 1][cols + 1];
      for (int i = rows - 1; i >= 0; i--) {
        for (int j = cols - 1; j >= 0; j--) {
          lcs[i][j] = a[start + i].equals(b[start + j]) ? lcs[i + 1][j + 1] + 1
              : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < rows || j < cols) {
        if (i < rows && j < cols && a[start + i].equals(b[start + j])) {
          ops.add(new String[] {" ", a[start + i]});
          i++;
          j++;
        } else if (i < rows && (j == cols || lcs[i + 1][j] >= lcs[i][j + 1])) {
          // Removed lines first, as diff(1) prints them.
          ops.add(new String[] {"-", a[start + i]});
          i++;
        } else {
          ops.add(new String[] {"+", b[start + j]});
          j++;
        }
      }
    }
    if (ops.stream().allMatch(o -> " ".equals(o[0]))) {
      return "";
    }
    // Full op list with the common prefix/suffix as context.
    List<String[]> all = new ArrayList<>();
    for (int i = 0; i < start; i++) {
      all.add(new String[] {" ", a[i]});
    }
    all.addAll(ops);
    for (int i = endA; i < n; i++) {
      all.add(new String[] {" ", a[i]});
    }
    StringBuilder out = new StringBuilder("--- ").append(nameBefore).append("\n+++ ").append(nameAfter).append('\n');
    int context = 3;
    int k = 0;
    while (k < all.size()) {
      if (" ".equals(all.get(k)[0])) {
        k++;
        continue;
      }
      int from = Math.max(0, k - context);
      int to = k;
      int lastChange = k;
      while (to < all.size() && to - lastChange <= 2 * context) {
        if (!" ".equals(all.get(to)[0])) {
          lastChange = to;
        }
        to++;
      }
      to = Math.min(all.size(), lastChange + context + 1);
      int lineA = 1;
      int lineB = 1;
      for (int x = 0; x < from; x++) {
        if (!"+".equals(all.get(x)[0])) {
          lineA++;
        }
        if (!"-".equals(all.get(x)[0])) {
          lineB++;
        }
      }
      int countA = 0;
      int countB = 0;
      for (int x = from; x < to; x++) {
        if (!"+".equals(all.get(x)[0])) {
          countA++;
        }
        if (!"-".equals(all.get(x)[0])) {
          countB++;
        }
      }
      out.append("@@ -").append(lineA).append(',').append(countA).append(" +").append(lineB).append(',')
          .append(countB).append(" @@\n");
      for (int x = from; x < to; x++) {
        out.append(all.get(x)[0]).append(all.get(x)[1]).append('\n');
      }
      k = to;
    }
    return out.toString();
  }

  static Map<String, Object> json(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("added", r.added());
    m.put("removed", r.removed());
    m.put("changed", r.changed());
    return m;
  }
}
