-- Incoming documents keep their phiếu and their files in the casework module's shared tables (issue #8): the
-- rows move there unchanged, in their original order, and the module's own tables go.
INSERT INTO case_history(case_type, case_id, occurred_at, actor, on_behalf_of, step, comment)
  SELECT 'incoming', document_id, occurred_at, actor, on_behalf_of, step, comment
  FROM inc_document_event ORDER BY id;
INSERT INTO case_file(case_type, case_id, file_id, position)
  SELECT 'incoming', document_id, file_id, position FROM inc_document_file;
DROP TABLE inc_document_event;
DROP TABLE inc_document_file;
