-- What each release last shipped, per model resource (issue #10): at start GovFlow compares every shipped file with
-- this record, deploys only what a release changed, and never deploys over a model a designer has changed since
-- (the release's version becomes a draft instead). state: DEPLOYED (deployment_id holds it) or DRAFTED.
CREATE TABLE dsg_release_resource (
  resource_name VARCHAR(300) NOT NULL PRIMARY KEY,   -- processes/<module>/<key>.bpmn, dmn/…, forms/…
  kind          VARCHAR(8)   NOT NULL,
  model_key     VARCHAR(100) NOT NULL,
  checksum      VARCHAR(64)  NOT NULL,                -- SHA-256 of the shipped bytes, hex
  release_name  VARCHAR(64)  NOT NULL,
  state         VARCHAR(16)  NOT NULL,
  deployment_id VARCHAR(64),
  draft_revision INT,
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
