/**
 * The process designer (issue #10): designers edit BPMN, DMN and forms in the browser, keep drafts with their
 * history, validate them with the same rules the build's model lint runs, and deploy them through GovFlow (never
 * the raw engine REST deploy), then migrate running instances and look at how a deployed process behaves.
 *
 * <p>The API lives under {@code /api/v1/designer}; the editors are built from {@code frontend/} and served under
 * {@code /designer}. Extra checks that a deployment must pass (a decision table's own tests, for one) plug in as
 * {@link vn.govflow.designer.DesignGate} beans, so validation and deployment run one list of rules.
 */
package vn.govflow.designer;
