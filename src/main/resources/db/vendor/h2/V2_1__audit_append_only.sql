-- On H2 the same guarantee comes from a Java trigger.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE, DELETE ON audit_event
  FOR EACH ROW CALL 'vn.govflow.audit.H2AppendOnlyTrigger';
