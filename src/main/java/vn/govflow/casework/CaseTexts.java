package vn.govflow.casework;

import java.util.Map;

/**
 * The long texts of a case that its task forms show (a citizen's question, a document's summary) but that live in
 * the subsystem's tables, never in process variables: the engine keeps a string variable in a 4,000-character
 * column, and an erasure should have one place to rewrite. The task page adds these values to the form's
 * variables under the names the form uses ({@code {{questionText}}}). A subsystem declares one bean per process.
 */
public interface CaseTexts {
  /** The BPMN process whose tasks' forms read these texts. */
  String processKey();

  /** The texts of the case with this business key, by the names the forms use; empty when there is none. */
  Map<String, Object> texts(String businessKey);
}
