-- The audit log stays append-only; the one update allowed is a redaction (see V13): personal columns
-- cleared, nothing else changed, and redacted_by naming an existing 'audit.redact' row.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.redacted_by IS NULL
     AND NEW.redacted_by IS NOT NULL
     AND NEW.id = OLD.id
     AND NEW.occurred_at = OLD.occurred_at
     AND NEW.actor IS NOT DISTINCT FROM OLD.actor
     AND NEW.on_behalf_of IS NOT DISTINCT FROM OLD.on_behalf_of
     AND NEW.agency_code IS NOT DISTINCT FROM OLD.agency_code
     AND NEW.action = OLD.action
     AND NEW.object_type IS NOT DISTINCT FROM OLD.object_type
     AND NEW.object_id IS NOT DISTINCT FROM OLD.object_id
     AND NEW.outcome = OLD.outcome
     AND (NEW.detail IS NOT DISTINCT FROM OLD.detail OR NEW.detail IS NULL OR NEW.detail = '[đã xóa]')
     AND (NEW.client_ip IS NULL OR NEW.client_ip = OLD.client_ip)
     AND (NEW.user_agent IS NULL OR NEW.user_agent = OLD.user_agent)
     AND EXISTS (SELECT 1 FROM audit_event r WHERE r.id = NEW.redacted_by AND r.action = 'audit.redact') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
