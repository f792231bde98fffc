-- The postal register as a page (issue #9 item 4): the clerk records the envelope's address and when the letter
-- was handed to the post office (sổ gửi văn bản đi bưu điện, Decree 30/2020 App IV). Portable for H2 and PostgreSQL.
ALTER TABLE out_postal ADD COLUMN address VARCHAR(300);
ALTER TABLE out_postal ADD COLUMN posted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE out_postal ADD COLUMN posted_by VARCHAR(64);
