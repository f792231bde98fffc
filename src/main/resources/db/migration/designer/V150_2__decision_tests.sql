-- A decision table's own tests as a designer edits them (issue #10): hand-written inputs and the expected outputs,
-- kept beside the designer's drafts. Every save is a new revision; the newest one is the draft. The shipped tests
-- live beside each table as dmn/<module>/<key>.tests.json.

CREATE TABLE dsg_decision_tests (
  decision_key VARCHAR(255) NOT NULL,   -- the DMN decision id (= the file name)
  agency_code  VARCHAR(13)  NOT NULL,   -- '' for the province-wide table, else the agency's variant
  revision     INT          NOT NULL,
  cases_json   VARCHAR      NOT NULL,   -- {"cases":[{"name","inputs","expected"}]}
  author       VARCHAR(64)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (decision_key, agency_code, revision)
);
