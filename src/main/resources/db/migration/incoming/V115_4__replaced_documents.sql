-- Issue #9 item 7 at the recipient: a replacement document (Decree 30/2020 Art 18.3), once the clerk registers
-- it, links to the document it replaces and that one to it; the register's note says so. Portable SQL.
ALTER TABLE inc_document ADD COLUMN replaced_by_id VARCHAR(36);
ALTER TABLE inc_document ADD COLUMN replaces_id VARCHAR(36);
