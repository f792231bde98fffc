-- Files the asker attaches to a question (stored by the files module), a rejection's link to the published
-- answer it duplicates, when a private answer was sent to the asker, and how the agency classified it.
CREATE TABLE portal_question_file (
  question_id VARCHAR(36) NOT NULL REFERENCES portal_question(id),
  file_id     VARCHAR(36) NOT NULL REFERENCES stored_file(id),
  position    INT         NOT NULL,
  PRIMARY KEY (question_id, file_id)
);
ALTER TABLE portal_question ADD COLUMN duplicate_of VARCHAR(36);
ALTER TABLE portal_question ADD COLUMN answer_sent_at TIMESTAMP WITH TIME ZONE;
-- own-remit, multi-sector, special: a special case gives the asker an appointment date.
ALTER TABLE portal_question ADD COLUMN classification VARCHAR(20);
