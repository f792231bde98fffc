-- Numbering outgoing documents (Decree 30/2020 Art 15, App I §II.3; docs/decisions.md "Outgoing registers").
-- A register (sổ) is one number series per agency and calendar year: the agency's administrative register "VB"
-- (built in, no row) and one register per legal normative type (Art 15.1a), declared in out_register.

-- Per-type registers of an agency. A document whose type equals document_type is numbered in this register;
-- with_year puts the year in the symbol (01/2026/QĐ-UBND), so its number+symbol never meets one of "VB".
CREATE TABLE out_register (
  agency_code   VARCHAR(13)  NOT NULL,
  code          VARCHAR(20)  NOT NULL,
  name_vi       VARCHAR(200) NOT NULL,
  name_en       VARCHAR(200) NOT NULL,
  document_type VARCHAR(100) NOT NULL,
  abbreviation  VARCHAR(10)  NOT NULL,   -- the type's part of the symbol (QĐ)
  with_year     BOOLEAN      NOT NULL DEFAULT TRUE,
  PRIMARY KEY (agency_code, code),
  CONSTRAINT uq_out_register_type UNIQUE (agency_code, document_type)
);

-- One sequence per register and year; numbering locks its row until the transaction ends (gapless, unique).
CREATE TABLE out_register_sequence (
  agency_code   VARCHAR(13) NOT NULL,
  register_code VARCHAR(20) NOT NULL,
  reg_year      INT         NOT NULL,
  last_number   BIGINT      NOT NULL,
  PRIMARY KEY (agency_code, register_code, reg_year)
);

-- Abbreviations set by the head of the agency (App I §II.3): of the agency (UBND, SKHCN) and of its departments
-- (VX, CDS). Without a row the upper-cased short name is used.
CREATE TABLE out_abbreviation (
  owner_kind   VARCHAR(12)  NOT NULL,   -- AGENCY or DEPARTMENT
  owner_id     VARCHAR(64)  NOT NULL,   -- agency code or department id
  abbreviation VARCHAR(20)  NOT NULL,
  set_by       VARCHAR(64)  NOT NULL,
  set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (owner_kind, owner_id)
);

ALTER TABLE out_document ADD COLUMN register_code VARCHAR(20);
ALTER TABLE out_document DROP CONSTRAINT uq_out_number;
ALTER TABLE out_document ADD CONSTRAINT uq_out_register_number UNIQUE (agency_code, reg_year, register_code, number);
ALTER TABLE out_document ADD CONSTRAINT uq_out_number_symbol UNIQUE (agency_code, reg_year, number, code_notation);

-- The demo agencies and departments (DemoDataLoader) and their legal-document registers.
INSERT INTO out_abbreviation(owner_kind, owner_id, abbreviation, set_by, set_at) VALUES
  ('AGENCY', '000.00.01.H37', 'VPUBND', 'system', CURRENT_TIMESTAMP),
  ('AGENCY', '000.00.12.H37', 'SKHCN', 'system', CURRENT_TIMESTAMP),
  ('DEPARTMENT', 'vpubnd-hcto', 'HCTC', 'system', CURRENT_TIMESTAMP),
  ('DEPARTMENT', 'vpubnd-kgvx', 'KGVX', 'system', CURRENT_TIMESTAMP),
  ('DEPARTMENT', 'skhcn-vp', 'VP', 'system', CURRENT_TIMESTAMP),
  ('DEPARTMENT', 'skhcn-cds', 'CĐS', 'system', CURRENT_TIMESTAMP),
  ('DEPARTMENT', 'skhcn-qlkh', 'QLKH', 'system', CURRENT_TIMESTAMP);
INSERT INTO out_register(agency_code, code, name_vi, name_en, document_type, abbreviation, with_year) VALUES
  ('000.00.01.H37', 'QPPL-QĐ', 'Sổ quyết định quy phạm pháp luật', 'Register of legal normative decisions',
   'Quyết định quy phạm pháp luật', 'QĐ', TRUE),
  ('000.00.12.H37', 'QPPL-QĐ', 'Sổ quyết định quy phạm pháp luật', 'Register of legal normative decisions',
   'Quyết định quy phạm pháp luật', 'QĐ', TRUE);
