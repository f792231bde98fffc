-- Published answers are searched without diacritics over the question and the answer.
ALTER TABLE portal_question ADD COLUMN search_text VARCHAR;
