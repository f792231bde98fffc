-- Files the asker attaches to a question (stored by the files module), a rejection's link to the published
-- answer it duplicates, and when a private answer was sent to the asker.
CREATE TABLE portal_question_file (
  question_id VARCHAR(36) NOT NULL REFERENCES portal_question(id),
  file_id     VARCHAR(36) NOT NULL REFERENCES stored_file(id),
  position    INT         NOT NULL,
  PRIMARY KEY (question_id, file_id)
);
ALTER TABLE portal_question ADD COLUMN duplicate_of VARCHAR(36);
ALTER TABLE portal_question ADD COLUMN answer_sent_at TIMESTAMP WITH TIME ZONE;
