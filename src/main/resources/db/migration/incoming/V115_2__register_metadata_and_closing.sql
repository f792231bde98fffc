-- Issue #13 items 6, 7, 10, 11: the incoming metadata of Decree 30/2020 App VI Part II §II, a late registration's
-- reason (Art 4.2c, 22.2), and the closing of a year's register (Art 22.3b).

-- TypeName is free text of up to 100 characters (App VI): laws, decrees, party documents arrive too (Art 3.6).
ALTER TABLE inc_document ALTER COLUMN document_type SET DATA TYPE VARCHAR(100);
-- ToPlaces S1000: the receiving units or people, coordinators included.
ALTER TABLE inc_document ALTER COLUMN recipient SET DATA TYPE VARCHAR(1000);

ALTER TABLE inc_document ADD COLUMN signer_name VARCHAR(50);        -- SignerInfo.FullName (field 14, người ký)
ALTER TABLE inc_document ADD COLUMN signer_position VARCHAR(100);   -- SignerInfo.Position
ALTER TABLE inc_document ADD COLUMN doc_language VARCHAR(30);       -- Language
ALTER TABLE inc_document ADD COLUMN code_number VARCHAR(11);        -- CodeNumber, e.g. 15
ALTER TABLE inc_document ADD COLUMN code_notation VARCHAR(30);      -- CodeNotation, e.g. QĐ-UBND
ALTER TABLE inc_document ADD COLUMN late_reason VARCHAR(500);       -- set when registered after the window

-- A closed year's register: the closing statement printed on its last page (Art 22.3b).
CREATE TABLE inc_register_closing (
  agency_code    VARCHAR(13)  NOT NULL,
  reg_year       INT          NOT NULL,
  document_count BIGINT       NOT NULL,
  first_number   BIGINT,
  last_number    BIGINT,
  closed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_by      VARCHAR(64)  NOT NULL,
  closed_by_name VARCHAR(200) NOT NULL,
  PRIMARY KEY (agency_code, reg_year)
);
