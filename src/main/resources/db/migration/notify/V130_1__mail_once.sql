-- E-mails sent at most once per thing they tell (issue 12): a mark committed on its own before the SMTP send
-- (SENDING) and right after the server accepted it (SENT). A SENDING mark found later means the outcome is
-- unknown (the process died in between): the e-mail is sent again with the same Message-ID.
-- Portable SQL for H2 2.x and PostgreSQL.
CREATE TABLE mail_sent (
  case_id     VARCHAR(36)  NOT NULL,             -- e.g. the portal question's id
  kind        VARCHAR(30)  NOT NULL,             -- PORTAL_ANSWER, PORTAL_APPOINTMENT
  message_id  VARCHAR(250) NOT NULL,             -- the stable Message-ID the e-mail carries, every try
  state       VARCHAR(10)  NOT NULL,
  attempts    INT          NOT NULL,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL, -- the last SENDING mark
  sent_at     TIMESTAMP WITH TIME ZONE,          -- when the mail server accepted it
  error       VARCHAR(1000),
  CONSTRAINT pk_mail_sent PRIMARY KEY (case_id, kind),
  CONSTRAINT ck_mail_sent_state CHECK (state IN ('SENDING', 'SENT', 'FAILED'))
);

-- Notification copies get the same mark: SENDING is committed before the SMTP send, with its time, so a copy
-- left SENDING by a crash is told apart from one being sent right now.
ALTER TABLE notification ADD COLUMN email_tried_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification DROP CONSTRAINT ck_notification_email_status;
ALTER TABLE notification ADD CONSTRAINT ck_notification_email_status
  CHECK (email_status IN ('NOT_SENT', 'SENDING', 'SENT', 'FAILED', 'NO_ADDRESS', 'DISABLED'));
