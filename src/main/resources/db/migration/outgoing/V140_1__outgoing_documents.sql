-- Outgoing documents (văn bản đi, Decree 30/2020 Art 10-18, App IV §I, App VI Part II §I): the draft and its
-- versions, its appendices and its recipients. Numbering, the register and delivery build on these rows.

CREATE TABLE out_document (
  id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
  agency_code          VARCHAR(13)  NOT NULL,   -- the issuing agency (OrganId)
  department_id        VARCHAR(64),             -- the drafting unit (symbol of a công văn: UBND-VX)
  drafter              VARCHAR(64)  NOT NULL,   -- the handler who drafts (chuyên viên soạn thảo)
  document_type        VARCHAR(100) NOT NULL,   -- a DocumentType code, or free TypeName (App VI S100)
  subject              VARCHAR(500) NOT NULL,   -- trích yếu (App VI Subject S500)
  urgency              VARCHAR(20)  NOT NULL,   -- casework Urgency code
  reply_to_incoming_id VARCHAR(36),             -- "in reply to" an incoming document of the same agency
  status               VARCHAR(20)  NOT NULL,   -- OutgoingStatus
  process_instance_id  VARCHAR(64),
  -- Signing (filled by the review chain)
  signer               VARCHAR(64),             -- username of the person who signed
  signer_name          VARCHAR(50),             -- SignerInfo.FullName
  signer_position      VARCHAR(100),            -- SignerInfo.Position
  signing_capacity     VARCHAR(200),            -- the line above the name: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
  pdf_file_id          VARCHAR(36),             -- the final PDF before signing (converted or uploaded)
  signed_file_id       VARCHAR(36),             -- after the personal signature
  signed_at            TIMESTAMP WITH TIME ZONE,
  -- Numbering and issuing (filled by the clerk)
  reg_year             INT,
  number               BIGINT,                  -- DocOrdinal / CodeNumber
  code_notation        VARCHAR(30),             -- CodeNotation, e.g. QĐ-UBND or UBND-VX
  issued_date          DATE,                    -- ngày tháng văn bản
  issued_file_id       VARCHAR(36),             -- numbered, dated and signed by the agency
  numbered_by          VARCHAR(64),
  numbered_at          TIMESTAMP WITH TIME ZONE,
  issued_by            VARCHAR(64),
  issued_at            TIMESTAMP WITH TIME ZONE,
  copies               INT,                     -- số lượng bản (App IV §I column 7)
  page_count           INT,                     -- PageAmount N3
  language             VARCHAR(30)  NOT NULL DEFAULT 'Tiếng Việt',
  note                 VARCHAR(500),            -- ghi chú (column 10)
  -- Correction, replacement, recall (Art 18.3-4, App VI §III.8)
  replaces_id          VARCHAR(36),
  replaced_by_id       VARCHAR(36),
  recalled_at          TIMESTAMP WITH TIME ZONE,
  recalled_by          VARCHAR(64),
  recall_reason        VARCHAR(1000),
  search_text          VARCHAR,                 -- SearchText.fold of the register's fields
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_out_number UNIQUE (agency_code, reg_year, number)
);
CREATE INDEX ix_out_agency_status ON out_document(agency_code, status);
CREATE INDEX ix_out_agency_issued ON out_document(agency_code, issued_date);

-- Every version of the draft (DOCX or ODT), with who uploaded it and when (issue #9 item 1).
CREATE TABLE out_version (
  document_id VARCHAR(36)  NOT NULL REFERENCES out_document(id),
  version_no  INT          NOT NULL,
  file_id     VARCHAR(36)  NOT NULL,
  file_name   VARCHAR(255) NOT NULL,
  author      VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  note        VARCHAR(1000),
  PRIMARY KEY (document_id, version_no)
);

-- Appendices in separate files: each gets the agency signature when the document is numbered (App I).
CREATE TABLE out_appendix (
  document_id    VARCHAR(36)  NOT NULL REFERENCES out_document(id),
  position       INT          NOT NULL,
  file_id        VARCHAR(36)  NOT NULL,
  file_name      VARCHAR(255) NOT NULL,
  signed_file_id VARCHAR(36),
  PRIMARY KEY (document_id, position)
);

-- Nơi nhận: departments of the agency, agencies of the province (delivered on this instance) and outside
-- recipients (e-mail or post). Delivery status per recipient uses the exchange codes of domain.md §2.
CREATE TABLE out_recipient (
  document_id   VARCHAR(36)  NOT NULL REFERENCES out_document(id),
  position      INT          NOT NULL,
  kind          VARCHAR(12)  NOT NULL,   -- DEPARTMENT, AGENCY, OUTSIDE
  department_id VARCHAR(64),             -- kind DEPARTMENT
  agency_code   VARCHAR(13),             -- kind AGENCY
  name          VARCHAR(200) NOT NULL,   -- as printed under "Nơi nhận"
  email         VARCHAR(254),            -- kind OUTSIDE by e-mail
  postal        BOOLEAN      NOT NULL DEFAULT FALSE,  -- kind OUTSIDE on paper (postal register)
  status_code   VARCHAR(2),              -- 01 arrived ... 06 done, 02 refused (domain.md §2)
  status_at     TIMESTAMP WITH TIME ZONE,
  status_note   VARCHAR(1000),           -- a refusal's reason
  incoming_id   VARCHAR(36),             -- the recipient's incoming document, when delivered here
  PRIMARY KEY (document_id, position)
);
CREATE INDEX ix_out_recipient_agency ON out_recipient(agency_code);
