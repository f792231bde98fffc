-- The coordinators of a multi-sector question (seed 003 Art 11.6b, 31.1c, "phối hợp liên ngành", issue #13 item 12):
-- an agency of the province (username NULL: its leaders and clerk receive the task) or a named person with their
-- agency. Written when the process creates their opinion tasks; it is what lets them read this one question.
CREATE TABLE portal_coordination (
  question_id  VARCHAR(36)  NOT NULL,
  agency_code  VARCHAR(13)  NOT NULL,
  username     VARCHAR(64),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_portal_coordination_question ON portal_coordination(question_id);
