-- Metadata of uploaded files. The bytes live outside the database as content-addressed blobs
-- (<root>/<aa>/<bb>/<sha256>); several rows may share one blob when the same content is uploaded twice.
CREATE TABLE stored_file (
  id             VARCHAR(36)   PRIMARY KEY,          -- UUID
  agency_code    VARCHAR(13),                        -- owning agency; null only for province-wide administrators
  original_name  VARCHAR(50)   NOT NULL,             -- validated: ASCII letters, digits, . - _ (seed 001 Art 7.4)
  extension      VARCHAR(10)   NOT NULL,             -- lower case, e.g. pdf
  media_type     VARCHAR(150)  NOT NULL,             -- detected from content, checked against the extension
  size_bytes     BIGINT        NOT NULL,
  sha256         CHAR(64)      NOT NULL,
  uploaded_by    VARCHAR(64)   NOT NULL,
  on_behalf_of   VARCHAR(64),
  uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  text_status    VARCHAR(20)   NOT NULL,             -- EXTRACTED, EMPTY, TRUNCATED, ENCRYPTED, CORRUPT, TIMEOUT
  text_note      VARCHAR(500),
  extracted_text VARCHAR                             -- plain text for search, capped by the extraction write limit
);
CREATE INDEX ix_stored_file_agency ON stored_file(agency_code, uploaded_at);
CREATE INDEX ix_stored_file_sha256 ON stored_file(sha256);
