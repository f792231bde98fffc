-- Portal questions keep their history and the asker's attachments in the casework module's shared tables
-- (issue #8): the rows move there unchanged, in their original order, and the module's own tables go.
INSERT INTO case_history(case_type, case_id, occurred_at, actor, on_behalf_of, step, comment)
  SELECT 'portal', question_id, occurred_at, actor, NULL, step, comment
  FROM portal_question_event ORDER BY id;
INSERT INTO case_file(case_type, case_id, file_id, position)
  SELECT 'portal', question_id, file_id, position FROM portal_question_file;
DROP TABLE portal_question_event;
DROP TABLE portal_question_file;
