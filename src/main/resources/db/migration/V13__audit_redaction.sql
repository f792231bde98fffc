-- Erasure on request (seed 003 Art 27.2) reaches the audit log too: a row that carries an asker's personal data
-- or address can be redacted, once, and only by pointing at the 'audit.redact' row that records the redaction.
-- The append-only triggers (H2: vn.govflow.audit.H2AppendOnlyTrigger; PostgreSQL: audit_event_append_only)
-- allow exactly that update and nothing else; rows are never deleted.
ALTER TABLE audit_event ADD COLUMN redacted_by BIGINT;
