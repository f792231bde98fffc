-- Questions from citizens and businesses on the public portal (seed 003 Art 11).
CREATE TABLE portal_question (
  id                       VARCHAR(36)  NOT NULL PRIMARY KEY,
  tracking_code            VARCHAR(20)  NOT NULL UNIQUE,
  asker_type               VARCHAR(20)  NOT NULL,   -- INDIVIDUAL or ORGANISATION
  full_name                VARCHAR(100),            -- individual; the representative for an organisation
  nationality              VARCHAR(60),
  occupation               VARCHAR(100),
  address                  VARCHAR(300),
  organisation_name        VARCHAR(200),
  representative_position  VARCHAR(100),
  establishment_decision   VARCHAR(100),            -- establishment decision or licence number
  head_office_address      VARCHAR(300),
  email                    VARCHAR(200),
  phone                    VARCHAR(30),
  field                    VARCHAR(40)  NOT NULL,   -- lĩnh vực
  agency_code              VARCHAR(13),             -- the agency the asker addressed (optional)
  question                 VARCHAR      NOT NULL,   -- stored as typed; always shown escaped
  consent                  BOOLEAN      NOT NULL,
  foreigner                BOOLEAN      NOT NULL,
  received_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
  status                   VARCHAR(20)  NOT NULL,   -- RECEIVED, REJECTED, IN_PROGRESS, ANSWERED
  client_ip                VARCHAR(64),
  anonymised_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_portal_received ON portal_question(received_at);
