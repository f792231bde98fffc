package vn.govflow.designer;

import java.util.Arrays;
import java.util.Optional;

/** What a designer edits: a process, a decision or a form; each lives in its own folder of the repository. */
public enum DesignKind {
  BPMN("bpmn", "processes", ".bpmn"),
  DMN("dmn", "dmn", ".dmn"),
  FORM("form", "forms", ".form");

  private final String code;
  private final String folder;
  private final String extension;

  DesignKind(String code, String folder, String extension) {
    this.code = code;
    this.folder = folder;
    this.extension = extension;
  }

  /** The name in URLs and JSON: {@code bpmn}, {@code dmn}, {@code form}. */
  public String code() {
    return code;
  }

  /** The repository (and classpath) folder holding this kind, one subfolder per module. */
  public String folder() {
    return folder;
  }

  public String extension() {
    return extension;
  }

  /** The resource name a model of this kind is deployed under, e.g. {@code processes/incoming/incoming-document.bpmn}. */
  public String resourceName(String module, String key) {
    return folder + "/" + module + "/" + key + extension;
  }

  public static Optional<DesignKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
