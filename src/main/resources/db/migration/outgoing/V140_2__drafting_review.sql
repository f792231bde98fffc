-- Outgoing documents from draft to signature (issue #9 items 1-3; Decree 30/2020 Art 10-14, seed 001 Art 12).

-- The last return in the review chain, shown to the handler beside the draft (the history keeps every one).
ALTER TABLE out_document ADD COLUMN returned_by VARCHAR(64);
ALTER TABLE out_document ADD COLUMN returned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE out_document ADD COLUMN return_comment VARCHAR(4000);
-- The version under consultation: each opinion names the version it was given on.
ALTER TABLE out_document ADD COLUMN consulted_version INT;

-- Opinions asked on a version (consultation, Art 10.1c / seed 001 Art 12.1b): one row per person, department
-- (its heads answer) or agency (its head, deputy heads or clerk answer). The text never becomes a process variable.
CREATE TABLE out_opinion (
  document_id  VARCHAR(36)  NOT NULL REFERENCES out_document(id),
  position     INT          NOT NULL,
  version_no   INT          NOT NULL,
  kind         VARCHAR(12)  NOT NULL,   -- PERSON, DEPARTMENT, AGENCY
  asked_of     VARCHAR(64)  NOT NULL,   -- username, department id or agency code
  asked_by     VARCHAR(64)  NOT NULL,
  asked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  given_by     VARCHAR(64),
  given_at     TIMESTAMP WITH TIME ZONE,
  opinion      VARCHAR(4000),
  PRIMARY KEY (document_id, position)
);

-- Which deputy head supervises which department (seed 001 Art 12.1c: the draft goes to the supervising deputy
-- before the head). A department without a row, or whose deputy has left, falls back to the agency's deputy heads.
CREATE TABLE out_department_supervisor (
  department_id VARCHAR(64) NOT NULL PRIMARY KEY,
  agency_code   VARCHAR(13) NOT NULL,
  deputy        VARCHAR(64) NOT NULL
);
-- The demo agencies' departments (identity.DemoDataLoader); a row naming nobody active is ignored.
INSERT INTO out_department_supervisor(department_id, agency_code, deputy) VALUES
  ('skhcn-vp', '000.00.12.H37', 'tuanlm.skhcn'),
  ('skhcn-cds', '000.00.12.H37', 'tuanlm.skhcn'),
  ('skhcn-qlkh', '000.00.12.H37', 'tuanlm.skhcn'),
  ('vpubnd-hcto', '000.00.01.H37', 'hanhlt.vpubnd'),
  ('vpubnd-kgvx', '000.00.01.H37', 'hanhlt.vpubnd');
