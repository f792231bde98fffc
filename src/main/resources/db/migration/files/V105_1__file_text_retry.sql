-- Text extraction that did not run (the extraction pool was full: NOT_EXTRACTED) or did not finish (TIMEOUT) is
-- retried by files/TextRetry a bounded number of times with a growing delay, then left ABANDONED.
ALTER TABLE stored_file ADD COLUMN text_attempts INT DEFAULT 0 NOT NULL;   -- retries made so far
ALTER TABLE stored_file ADD COLUMN text_retry_at TIMESTAMP WITH TIME ZONE; -- next retry not before (null: at once)
CREATE INDEX ix_stored_file_text_retry ON stored_file(text_status, text_retry_at);
