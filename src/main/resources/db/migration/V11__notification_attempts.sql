-- How many times the e-mail copy of a notification was tried: failed ones are tried again a few times.
ALTER TABLE notification ADD COLUMN email_attempts INT DEFAULT 0 NOT NULL;
