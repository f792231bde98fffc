-- The answer being drafted (issue #13 item 24): up to 10,000 characters in each language, kept here rather than
-- as process variables (the engine keeps a text variable in a 4,000-character column). Each submission of the
-- draft task replaces it; the approved answer is copied to answer/answer_en when it is published.
-- Portable SQL for H2 2.x and PostgreSQL.
ALTER TABLE portal_question ADD COLUMN draft_answer VARCHAR;
ALTER TABLE portal_question ADD COLUMN draft_answer_en VARCHAR;
