-- The published version of a question and its answer (issue #13 item 16; seed 003 Art 11.7, 27): what the
-- public pages and the public API show, once a portal editor has taken out personal data the asker typed into
-- the text. NULL means not edited: the original is shown. The original columns stay for staff.
-- Portable SQL for H2 2.x and PostgreSQL.
ALTER TABLE portal_question ADD COLUMN published_question VARCHAR;
ALTER TABLE portal_question ADD COLUMN published_answer VARCHAR;
ALTER TABLE portal_question ADD COLUMN published_answer_en VARCHAR;
-- The public search looks in these words when the published version exists (folded, as search_text).
ALTER TABLE portal_question ADD COLUMN published_search_text VARCHAR;
ALTER TABLE portal_question ADD COLUMN published_edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE portal_question ADD COLUMN published_edited_by VARCHAR(64);
